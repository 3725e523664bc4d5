// `colossus-twin metrics-check FILE [--strict]`: parses a Prometheus text exposition (a dcgm-exporter
// or node exporter scrape saved to a file) and prints "N samples, F families", or "FILE:LINE: message"
// on stderr and exit 1.
#include "cli/MetricsCheckCommand.h"

#include "cli/Console.h"
#include "telemetry/Exposition.h"

#include <QCommandLineParser>
#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace twin::app {

namespace {

// The whole file mapped read-only: a 100,000-GPU scrape is over 100 MB, and a copy would cost more than
// the parse. Its pages are not populated up front: the parser's threads fault in their own parts side
// by side, which measured faster than one MAP_POPULATE.
struct MappedFile {
    std::string_view text;
    QString error;
    explicit MappedFile(const QString& path) {
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
        struct stat status {};
        if (fd < 0 || ::fstat(fd, &status) != 0) {
            error = QString::fromLocal8Bit(std::strerror(errno));
        } else if (S_ISDIR(status.st_mode)) {
            error = QStringLiteral("is a directory");
        } else if (status.st_size > 0) {
            void* mapped = ::mmap(nullptr, std::size_t(status.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
            if (mapped == MAP_FAILED)
                error = QString::fromLocal8Bit(std::strerror(errno));
            else
                text = std::string_view(static_cast<const char*>(mapped), std::size_t(status.st_size));
        }
        if (fd >= 0)
            ::close(fd);
    }
    ~MappedFile() {
        if (!text.empty())
            ::munmap(const_cast<char*>(text.data()), text.size());
    }
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
};

} // namespace

ExitCode runMetricsCheck(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Check a Prometheus text exposition file (format 0.0.4) and count its samples."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("metrics-check"), QStringLiteral("the subcommand"));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("the exposition text"));
    const QCommandLineOption strictOption(
        QStringLiteral("strict"),
        QStringLiteral("Follow prometheus/common exactly: a missing final newline is an error too."));
    parser.addOption(strictOption);
    if (!parser.parse(arguments))
        return fail(ExitCode::Usage, QStringLiteral("metrics-check: ") + parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitCode::Ok;
    }
    const QStringList positional = parser.positionalArguments().mid(1);
    if (positional.size() != 1)
        return fail(ExitCode::Usage, QStringLiteral("metrics-check: name one FILE"));
    const QString path = positional.first();

    const MappedFile file(path);
    if (!file.error.isEmpty())
        return fail(ExitCode::BadInput, QStringLiteral("%1: %2").arg(path, file.error));
    const std::string_view text = file.text;
    telemetry::ExpositionOptions options;
    options.strict = parser.isSet(strictOption);
    const telemetry::ExpositionResult result = telemetry::parseExposition(text, options);
    if (result.error) {
        printErr(QStringLiteral("%1:%2: %3")
                     .arg(path)
                     .arg(result.error->line)
                     .arg(QString::fromStdString(result.error->message)));
        return ExitCode::BadInput;
    }
    printOut(QStringLiteral("%1 samples, %2 families").arg(result.samples).arg(result.families));
    return ExitCode::Ok;
}

} // namespace twin::app
