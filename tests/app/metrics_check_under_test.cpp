// `colossus-twin metrics-check` with what a test needs to provoke and cannot do from outside the
// process: the file truncated between being mapped and being read (--shrink-to BYTES), a lower cap on
// streams (--most-stream-bytes N). Everything else is the product's own command.
#include "cli/Console.h"
#include "cli/MetricsCheckCommand.h"

#include <QCoreApplication>
#include <QFile>
#include <fcntl.h>
#include <unistd.h>

int main(int argc, char** argv) {
    QCoreApplication application(argc, argv);
    QStringList arguments = QCoreApplication::arguments();
    twin::app::MetricsCheckHooks hooks;
    long long shrinkTo = -1;
    for (qsizetype i = 1; i + 1 < arguments.size();) {
        if (arguments[i] == QLatin1String("--shrink-to")) {
            shrinkTo = arguments[i + 1].toLongLong();
            arguments.remove(i, 2);
        } else if (arguments[i] == QLatin1String("--most-stream-bytes")) {
            hooks.mostStreamBytes = arguments[i + 1].toULongLong();
            arguments.remove(i, 2);
        } else {
            ++i;
        }
    }
    const QString file = arguments.last();
    if (shrinkTo >= 0)
        hooks.afterMapping = [file, shrinkTo] {
            const int fd = ::open(QFile::encodeName(file).constData(), O_WRONLY | O_CLOEXEC);
            if (fd >= 0) {
                [[maybe_unused]] const int truncated = ::ftruncate(fd, off_t(shrinkTo));
                ::close(fd);
            }
        };
    arguments.insert(1, QStringLiteral("metrics-check"));
    return twin::app::toInt(
        twin::app::finishStandardOutput(twin::app::runMetricsCheckWith(arguments, hooks)));
}
