// `colossus-twin telemetry-sim MODEL [--listen ADDRESS:PORT] [--shards N] [--step SECONDS]`: serves the
// simulated exporters of a model over HTTP until interrupted (see telemetry/SimulatorServer.h).
#include "cli/Console.h"
#include "cli/ListenAddress.h"
#include "cli/Subcommands.h"
#include "datamodel/ModelError.h"
#include "datamodel/Store.h"
#include "telemetry/Simulator.h"
#include "telemetry/SimulatorServer.h"

#include <QCommandLineParser>
#include <QLocale>
#include <stdexcept>

namespace twin::app {

ExitCode runTelemetrySim(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Serve simulated dcgm-exporter and CDU metrics for a model, for Prometheus to scrape."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("telemetry-sim"), QStringLiteral("the subcommand"));
    parser.addPositionalArgument(QStringLiteral("MODEL"), QStringLiteral("the model file"));
    const QCommandLineOption listenOption(QStringLiteral("listen"), QStringLiteral("Address and port."),
                                          QStringLiteral("ADDRESS:PORT"), QStringLiteral("127.0.0.1:9400"));
    const QCommandLineOption shardsOption(
        QStringLiteral("shards"), QStringLiteral("Scrape endpoints the GPUs are dealt into (1-1024)."),
        QStringLiteral("N"), QStringLiteral("16"));
    const QCommandLineOption stepOption(QStringLiteral("step"),
                                        QStringLiteral("Seconds between simulation steps."),
                                        QStringLiteral("SECONDS"), QStringLiteral("1"));
    parser.addOptions({listenOption, shardsOption, stepOption});
    if (!parser.parse(arguments))
        return fail(ExitCode::Usage, QStringLiteral("telemetry-sim: ") + parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitCode::Ok;
    }
    const QStringList positional = parser.positionalArguments().mid(1);
    if (positional.size() != 1)
        return fail(ExitCode::Usage, QStringLiteral("telemetry-sim: name one MODEL file"));
    telemetry::SimulatorServerOptions options;
    const QString listen = parser.value(listenOption);
    const auto address = parseListenAddress(listen);
    if (const auto* problem = std::get_if<QString>(&address))
        return fail(ExitCode::Usage, QStringLiteral("telemetry-sim: --listen '%1' %2").arg(listen, *problem));
    bool shardsOk = false, stepOk = false;
    const int shards = parser.value(shardsOption).toInt(&shardsOk);
    options.stepSeconds = parser.value(stepOption).toDouble(&stepOk);
    if (!shardsOk || shards < 1 || shards > 1024)
        return fail(ExitCode::Usage,
                    QStringLiteral("telemetry-sim: --shards '%1' is not a number from 1 to 1024")
                        .arg(parser.value(shardsOption)));
    // Written as "within the range" so that NaN, which fails every comparison, is refused too.
    if (!stepOk || !(options.stepSeconds >= 0.01 && options.stepSeconds <= 3600))
        return fail(ExitCode::Usage,
                    QStringLiteral("telemetry-sim: --step '%1' is not a number of seconds from 0.01 to 3600")
                        .arg(parser.value(stepOption)));
    options.address = std::get<ListenAddress>(address).host.toStdString();
    options.port = std::get<ListenAddress>(address).port;
    options.shards = std::size_t(shards);
    try {
        const datamodel::Facility facility =
            datamodel::Store::open(positional.first().toStdString(), datamodel::Access::ReadOnly)->load();
        telemetry::Simulator simulator(facility);
        telemetry::SimulatorServer server(simulator, options);
        printOut(QStringLiteral("telemetry-sim: %1 GPUs on http://%2:%3/metrics/shard/0..%4 and /metrics/cdu")
                     .arg(QLocale::c().toString(qulonglong(facility.count(datamodel::EntityKind::Gpu))))
                     .arg(QString::fromStdString(options.address))
                     .arg(server.port())
                     .arg(shards - 1));
        server.run(true);
    } catch (const datamodel::ModelError& error) {
        return fail(ExitCode::BadInput, QString::fromStdString(error.what()));
    } catch (const std::runtime_error& error) {
        return fail(ExitCode::Environment,
                    QStringLiteral("telemetry-sim: ") + QString::fromStdString(error.what()));
    }
    return ExitCode::Ok;
}

} // namespace twin::app
