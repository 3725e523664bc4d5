// `colossus-twin metrics-check FILE [--strict]`: parses a Prometheus text exposition (a dcgm-exporter
// or node exporter scrape saved to a file) and prints "N samples, F families", or "FILE:LINE: message"
// on stderr and exit 1.
#include "cli/MetricsCheckCommand.h"

#include "cli/Console.h"
#include "cli/ExpositionInput.h"
#include "telemetry/Exposition.h"

#include <QCommandLineParser>

namespace twin::app {

ExitCode runMetricsCheck(const QStringList& arguments) {
    return runMetricsCheckWith(arguments, {});
}

ExitCode runMetricsCheckWith(const QStringList& arguments, const MetricsCheckHooks& hooks) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Check a Prometheus text exposition file (format 0.0.4) and count its samples."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("metrics-check"), QStringLiteral("the subcommand"));
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("the exposition text; - for standard input"));
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

    const ExpositionInput input(path, hooks.afterMapping,
                                hooks.mostStreamBytes ? hooks.mostStreamBytes
                                                      : ExpositionInput::kMostStreamBytes);
    if (!input.error().isEmpty())
        return fail(ExitCode::BadInput, QStringLiteral("%1: %2").arg(path, input.error()));
    const std::string_view text = input.text();
    telemetry::ExpositionOptions options;
    options.strict = parser.isSet(strictOption);
    const telemetry::ExpositionResult result = telemetry::parseExposition(text, options);
    if (const QString changed = input.changedSinceRead(); !changed.isEmpty())
        return fail(ExitCode::BadInput, QStringLiteral("%1: %2").arg(path, changed));
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
