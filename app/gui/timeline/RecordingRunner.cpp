#include "gui/timeline/RecordingRunner.h"

#include <QCoreApplication>

namespace twin::app {

RecordingRunner::RecordingRunner(QObject* parent)
    : QObject(parent), program_(QCoreApplication::applicationFilePath()) {}

RecordingRunner::~RecordingRunner() {
    cancel();
}

bool RecordingRunner::running() const {
    return process_ && process_->state() != QProcess::NotRunning;
}

bool RecordingRunner::start(const QStringList& arguments) {
    if (running())
        return false;
    delete process_;
    process_ = new QProcess(this);
    pending_.clear();
    lastError_.clear();
    cancelled_ = false;
    connect(process_, &QProcess::readyReadStandardError, this, &RecordingRunner::readProgress);
    connect(process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            emit failed(tr("%1 could not be started: %2").arg(program_, process_->errorString()));
    });
    connect(process_, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        readProgress();
        const QString output = QString::fromUtf8(process_->readAllStandardOutput()).trimmed();
        if (cancelled_)
            emit failed(tr("Recording cancelled; the frames written so far are kept"));
        else if (status == QProcess::NormalExit && exitCode == 0)
            emit finished(output);
        else
            emit failed(lastError_.isEmpty() ? tr("The recording stopped (exit %1)").arg(exitCode)
                                             : lastError_);
    });
    process_->start(program_, QStringList{QStringLiteral("record")} + arguments);
    return true;
}

void RecordingRunner::cancel() {
    if (!running())
        return;
    cancelled_ = true;
    process_->terminate();
    if (!process_->waitForFinished(3000))
        process_->kill();
}

void RecordingRunner::readProgress() {
    pending_ += process_->readAllStandardError();
    qsizetype end = 0;
    while ((end = pending_.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(pending_.left(end)).trimmed();
        pending_.remove(0, end + 1);
        // "record: 3 of 80" while it works; anything else is what it has to say when it fails.
        const QStringList words = line.split(QLatin1Char(' '));
        if (words.size() == 4 && words[0] == QLatin1String("record:") && words[2] == QLatin1String("of"))
            emit progressed(words[1].toInt(), words[3].toInt());
        else if (!line.isEmpty())
            lastError_ = line;
    }
}

} // namespace twin::app
