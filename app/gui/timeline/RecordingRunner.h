// Runs `colossus-twin record` as a child process for File > Record Roll-out, so the window stays
// responsive while hundreds of frames render offscreen: progress from its "record: N of M" lines,
// cancel by ending the process, the outcome as a signal.
#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace twin::app {

class RecordingRunner : public QObject {
    Q_OBJECT
public:
    explicit RecordingRunner(QObject* parent = nullptr);
    ~RecordingRunner() override;

    // The executable to run (default: this program; tests name the built colossus-twin).
    void setProgram(const QString& program) { program_ = program; }
    // `arguments` after "record"; false if a recording is already running.
    bool start(const QStringList& arguments);
    void cancel();
    bool running() const;

signals:
    void progressed(int done, int total);
    void finished(const QString& directory);
    // The child's own error line ("colossus-twin: ..."), or why it could not run.
    void failed(const QString& error);

private:
    void readProgress();

    QString program_;
    QProcess* process_ = nullptr;
    QByteArray pending_;
    QString lastError_;
    bool cancelled_ = false;
};

} // namespace twin::app
