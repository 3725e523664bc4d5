#include "cli/Console.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace twin::app {

namespace {

// The first error writing standard output (ENOSPC on a full disk, EPIPE, EBADF), 0 while none.
int standardOutputError = 0;

} // namespace

ExitCode fail(ExitCode code, const QString& message) {
    printErr(QStringLiteral("%1: %2").arg(QLatin1String(kProgramName), message));
    return code;
}

void printOut(const QString& text) {
    const QByteArray bytes = text.toUtf8();
    printOutUtf8(std::string_view(bytes.constData(), std::size_t(bytes.size())));
}

void printOutUtf8(std::string_view text) {
    errno = 0;
    const bool written = std::fwrite(text.data(), 1, text.size(), stdout) == text.size() &&
                         std::fputc('\n', stdout) != EOF && std::fflush(stdout) == 0;
    if (!written && standardOutputError == 0)
        standardOutputError = errno != 0 ? errno : EIO;
}

void printErr(const QString& text) {
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

ExitCode finishStandardOutput(ExitCode code) {
    // Closed, not only flushed: some file systems (NFS, a quota) report a lost write only at close.
    errno = 0;
    if (std::fclose(stdout) != 0 && standardOutputError == 0)
        standardOutputError = errno != 0 ? errno : EIO;
    if (standardOutputError == 0)
        return code;
    fail(ExitCode::BadInput, QStringLiteral("standard output: cannot be written: %1")
                                 .arg(QString::fromLocal8Bit(std::strerror(standardOutputError))));
    return code == ExitCode::Ok ? ExitCode::BadInput : code;
}

} // namespace twin::app
