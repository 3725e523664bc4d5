#include "cli/Console.h"

#include <cstdio>

namespace twin::app {

ExitCode fail(ExitCode code, const QString& message) {
    printErr(QStringLiteral("%1: %2").arg(QLatin1String(kProgramName), message));
    return code;
}

void printOut(const QString& text) {
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void printErr(const QString& text) {
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

} // namespace twin::app
