// `colossus-twin bench NAME [--size WxH] [--seconds S] [--json]`: runs one benchmark, prints one table.
#include "bench/EditsBench.h"
#include "bench/ModelBench.h"
#include "bench/ParserBench.h"
#include "bench/RenderBench.h"
#include "bench/TelemetryBench.h"
#include "bench/TimelineBench.h"
#include "bench/ViewBench.h"
#include "bench/WorkbenchBench.h"
#include "cli/Console.h"
#include "cli/SizeOption.h"
#include "cli/Subcommands.h"
#include "datamodel/ModelError.h"
#include "gui/live/LiveBench.h"
#include "gui/tour/TourBench.h"
#include "gui/workbench/EditsViewBench.h"
#include "gui/workbench/WorkbenchViewBench.h"
#include "importers/ColossusGenerator.h"

#include <QCommandLineParser>
#include <functional>

namespace twin::app {

ExitCode runBench(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Run a benchmark and print one table.\n"
                       "Benchmarks: view (frames/s of the 3D view, snapshot time)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("bench"), QStringLiteral("the subcommand"));
    parser.addPositionalArgument(
        QStringLiteral("NAME"),
        QStringLiteral("the benchmark: view, model, parser, render MODEL, timeline "
                       "MODEL, telemetry MODEL, live MODEL, workbench MODEL, "
                       "workbench-view MODEL, edits MODEL, edits-view MODEL or tour MODEL (at "
                       "--size 1920x1080 for the walkthrough's numbers)"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        QStringLiteral("View size, default 1280x800."), QStringLiteral("WxH"),
                                        QStringLiteral("1280x800"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                           QStringLiteral("Seconds per measured case, default 3."),
                                           QStringLiteral("S"), QStringLiteral("3"));
    const QCommandLineOption gpusOption(
        QStringLiteral("gpus"), QStringLiteral("model: GPU counts to measure, default 100000,200000."),
        QStringLiteral("N,N"), QStringLiteral("100000,200000"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOptions({sizeOption, secondsOption, gpusOption, jsonOption});
    if (!parser.parse(arguments))
        return fail(ExitCode::Usage, QStringLiteral("bench: ") + parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitCode::Ok;
    }
    const QStringList positional = parser.positionalArguments().mid(1);
    // The benchmarks of one MODEL drawn in a view: the same options, the same errors.
    using ViewBench = std::function<bench::BenchReport(const QString& model, QSize size, double seconds)>;
    const std::pair<const char*, ViewBench> viewBenches[] = {
        {"render",
         [](const QString& model, QSize size, double seconds) {
             return bench::runRenderBench({model, size, seconds});
         }},
        {"timeline",
         [](const QString& model, QSize size, double seconds) {
             return bench::runTimelineBench({model, size, seconds});
         }},
        {"live",
         [](const QString& model, QSize size, double seconds) {
             return runLiveBench({model, size, seconds});
         }},
        {"workbench-view",
         [](const QString& model, QSize size, double) {
             return runWorkbenchViewBench({model, size});
         }},
        {"edits-view",
         [](const QString& model, QSize size, double) {
             return runEditsViewBench({model, size});
         }},
        {"tour",
         [](const QString& model, QSize size, double) {
             return runTourBench({model, size});
         }},
    };
    for (const auto& [name, run] : viewBenches) {
        if (positional.isEmpty() || positional.first() != QLatin1String(name))
            continue;
        if (positional.size() != 2)
            return fail(ExitCode::Usage,
                        QStringLiteral("bench: %1 needs one MODEL file").arg(QLatin1String(name)));
        const std::optional<QSize> size = parseImageSize(parser.value(sizeOption));
        const std::optional<double> seconds = parseBoundedNumber(parser.value(secondsOption), 0.001, 600.0);
        if (!size || !seconds)
            return fail(ExitCode::Usage, QStringLiteral("bench: invalid --size or --seconds (up to 600)"));
        try {
            const bench::BenchReport report = run(positional.at(1), *size, *seconds);
            printOut(parser.isSet(jsonOption) ? report.toJson() : report.toTable());
        } catch (const std::exception& error) { // ModelError names the file; the live bench says what failed
            return fail(ExitCode::BadInput,
                        QStringLiteral("bench %1: %2")
                            .arg(QLatin1String(name), QString::fromStdString(error.what())));
        }
        return ExitCode::Ok;
    }
    if (!positional.isEmpty() && positional.first() == QLatin1String("edits")) {
        if (positional.size() != 2)
            return fail(ExitCode::Usage, QStringLiteral("bench: edits needs one MODEL file"));
        try {
            const bench::BenchReport report =
                bench::runEditsBench({positional.at(1), QCoreApplication::applicationFilePath()});
            printOut(parser.isSet(jsonOption) ? report.toJson() : report.toTable());
        } catch (const datamodel::ModelError& error) {
            return fail(ExitCode::BadInput, QString::fromStdString(error.what()));
        }
        return ExitCode::Ok;
    }
    if (!positional.isEmpty() && positional.first() == QLatin1String("workbench")) {
        if (positional.size() != 2)
            return fail(ExitCode::Usage, QStringLiteral("bench: workbench needs one MODEL file"));
        try {
            const bench::BenchReport report = bench::runWorkbenchBench({positional.at(1)});
            printOut(parser.isSet(jsonOption) ? report.toJson() : report.toTable());
        } catch (const datamodel::ModelError& error) {
            return fail(ExitCode::BadInput, QString::fromStdString(error.what()));
        }
        return ExitCode::Ok;
    }
    if (!positional.isEmpty() && positional.first() == QLatin1String("telemetry")) {
        if (positional.size() != 2)
            return fail(ExitCode::Usage, QStringLiteral("bench: telemetry needs one MODEL file"));
        try {
            const bench::BenchReport report = bench::runTelemetryBench({positional.at(1), 3});
            printOut(parser.isSet(jsonOption) ? report.toJson() : report.toTable());
        } catch (const datamodel::ModelError& error) {
            return fail(ExitCode::BadInput, QString::fromStdString(error.what()));
        }
        return ExitCode::Ok;
    }
    if (positional.size() != 1)
        return fail(ExitCode::Usage,
                    QStringLiteral("bench: name one benchmark: view, model, parser or render MODEL"));
    if (positional.first() == QLatin1String("parser")) {
        const bench::BenchReport report = bench::runParserBench({});
        printOut(parser.isSet(jsonOption) ? report.toJson() : report.toTable());
        return ExitCode::Ok;
    }
    if (positional.first() == QLatin1String("model")) {
        bench::ModelBenchOptions options;
        options.gpuCounts.clear();
        for (const QString& count : parser.value(gpusOption).split(QLatin1Char(','))) {
            bool ok = false;
            importers::GeneratorOptions check;
            check.gpus = count.toInt(&ok);
            if (!ok || !importers::validateGeneratorOptions(check).empty())
                return fail(ExitCode::Usage, QStringLiteral("bench: invalid --gpus '%1'").arg(count));
            options.gpuCounts.push_back(check.gpus);
        }
        const bench::BenchReport report = bench::runModelBench(options);
        printOut(parser.isSet(jsonOption) ? report.toJson() : report.toTable());
        return ExitCode::Ok;
    }
    if (positional.first() != QLatin1String("view"))
        return fail(
            ExitCode::Usage,
            QStringLiteral(
                "bench: unknown benchmark '%1' (known: view, model, parser, render MODEL, timeline MODEL, "
                "telemetry MODEL, live MODEL, workbench MODEL)")
                .arg(positional.first()));

    bench::ViewBenchOptions options;
    const std::optional<QSize> size = parseImageSize(parser.value(sizeOption));
    if (!size)
        return fail(ExitCode::Usage,
                    QStringLiteral("bench: invalid --size '%1'").arg(parser.value(sizeOption)));
    options.size = *size;
    const std::optional<double> seconds = parseBoundedNumber(parser.value(secondsOption), 0.001, 600.0);
    options.secondsPerCase = seconds.value_or(0.0);
    if (!seconds)
        return fail(ExitCode::Usage, QStringLiteral("bench: invalid --seconds '%1': expected 0.001 to 600")
                                         .arg(parser.value(secondsOption)));

    const bench::BenchReport report = bench::runViewBench(options);
    printOut(parser.isSet(jsonOption) ? report.toJson() : report.toTable());
    return ExitCode::Ok;
}

} // namespace twin::app
