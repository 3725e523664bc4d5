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

// Where the window's Prometheus keeps a model's samples: one folder per model file under the user's
// cache (~/.cache/colossus-twin/prometheus/<hash of the model's canonical path>).
QString prometheusDataDirectory(const QString& modelPath);

class ManagedPrometheus : public QObject {
    Q_OBJECT
public:
    // The prometheus binary on PATH, or empty when it is not installed.
    static QString executable();

    // Starts it; `started()` says whether the process is running (its HTTP API comes a moment later).
    // `dataDirectory`: where it keeps its samples (made when missing), so that history outlives the
    // window; kept for 2 days or 2 GB, whichever comes first. Empty: a temporary one, gone with it.
    explicit ManagedPrometheus(const std::string& configYaml, const QString& dataDirectory = QString(),
                               QObject* parent = nullptr);
    // Where it keeps its samples.
    QString dataDirectory() const { return dataDirectory_; }
    ~ManagedPrometheus() override;

    bool started() const;
    QString endpoint() const; // http://127.0.0.1:PORT
    // The last lines it printed, for an error message when it exits early.
    QString lastOutput() const;

signals:
    void exited(const QString& why);

private:
    QTemporaryDir directory_; // its configuration (and its samples, without a data directory)
    QString dataDirectory_;
    QProcess process_;
    std::uint16_t port_ = 0;
    QByteArray output_;
};

} // namespace twin::app
