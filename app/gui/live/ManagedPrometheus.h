// A Prometheus of our own on 127.0.0.1, for `./twin run`: Debian's `prometheus` binary started with a
// configuration we write (PrometheusConfig.h) and a throw-away database in a temporary directory.
// It goes when this object goes, and with the app if the app dies (the child is asked to be sent
// SIGTERM when its parent exits), so no stray server is left listening.
#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <cstdint>
#include <string>

namespace twin::app {

class ManagedPrometheus : public QObject {
    Q_OBJECT
public:
    // The prometheus binary on PATH, or empty when it is not installed.
    static QString executable();

    // Starts it; `started()` says whether the process is running (its HTTP API comes a moment later).
    explicit ManagedPrometheus(const std::string& configYaml, QObject* parent = nullptr);
    ~ManagedPrometheus() override;

    bool started() const;
    QString endpoint() const; // http://127.0.0.1:PORT
    // The last lines it printed, for an error message when it exits early.
    QString lastOutput() const;

signals:
    void exited(const QString& why);

private:
    QTemporaryDir directory_;
    QProcess process_;
    std::uint16_t port_ = 0;
    QByteArray output_;
};

} // namespace twin::app
