// `colossus-twin generate [--gpus 100000|200000] [--seed N] -o FILE [--force]`: the default model.
#include "cli/Console.h"
#include "cli/Subcommands.h"
#include "datamodel/ModelError.h"
#include "importers/ColossusGenerator.h"
#include "view/DefaultTour.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>

namespace twin::app {

ExitCode runGenerate(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Generate the Colossus model (COLOSSUS-FACTS.md) into a new file."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("generate"), QStringLiteral("the subcommand"));
    const QCommandLineOption gpusOption(
        QStringLiteral("gpus"),
        QStringLiteral("GPUs: 100000 (default), 200000 with the expansion, or any "
                       "multiple of 8."),
        QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption expansionOption(QStringLiteral("expansion"),
                                             QStringLiteral("Same as --gpus 200000."));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Random seed, default 1."),
                                        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")},
                                          QStringLiteral("Model file to write (required)."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption forceOption(QStringLiteral("force"),
                                         QStringLiteral("Replace FILE if it exists."));
    parser.addOptions({gpusOption, expansionOption, seedOption, outputOption, forceOption});
    if (!parser.parse(arguments))
        return fail(ExitCode::Usage, QStringLiteral("generate: ") + parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitCode::Ok;
    }
    if (parser.positionalArguments().size() > 1)
        return fail(
            ExitCode::Usage,
            QStringLiteral("generate: unexpected argument '%1'").arg(parser.positionalArguments().at(1)));
    if (!parser.isSet(outputOption))
        return fail(ExitCode::Usage, QStringLiteral("generate: missing -o FILE (the model to write)"));

    importers::GeneratorOptions options;
    bool ok = false;
    options.gpus = parser.isSet(expansionOption) ? 200000 : parser.value(gpusOption).toInt(&ok);
    if (!parser.isSet(expansionOption) && !ok)
        return fail(ExitCode::Usage,
                    QStringLiteral("generate: --gpus '%1' is not a number").arg(parser.value(gpusOption)));
    options.seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok)
        return fail(ExitCode::Usage,
                    QStringLiteral("generate: --seed '%1' is not a number").arg(parser.value(seedOption)));
    if (const std::string problem = importers::validateGeneratorOptions(options); !problem.empty())
        return fail(ExitCode::Usage, QStringLiteral("generate: ") + QString::fromStdString(problem));
    options.overwrite = parser.isSet(forceOption);

    const QString output = parser.value(outputOption);
    int lastPercent = -1;
    options.progress = [&lastPercent](double fraction, std::string_view stage) {
        const int percent = int(fraction * 100.0);
        if (percent / 5 == lastPercent / 5 && percent != 100)
            return;
        lastPercent = percent;
        printErr(QStringLiteral("generate: %1% %2")
                     .arg(percent, 3)
                     .arg(QString::fromUtf8(stage.data(), qsizetype(stage.size()))));
    };
    QElapsedTimer clock;
    clock.start();
    try {
        importers::generateColossus(output.toStdString(), options);
        writeDefaultTour(output.toStdString()); // the story told with this model's figures
    } catch (const datamodel::ModelError& error) {
        return fail(ExitCode::BadInput, QString::fromStdString(error.what()));
    } catch (const std::exception& error) {
        return fail(ExitCode::BadInput,
                    QStringLiteral("%1: %2").arg(output, QString::fromLocal8Bit(error.what())));
    }
    printErr(QStringLiteral("generate: %1 GPUs in %2 s")
                 .arg(options.gpus)
                 .arg(double(clock.elapsed()) / 1000.0, 0, 'f', 1));
    printOut(QFileInfo(output).absoluteFilePath());
    return ExitCode::Ok;
}

} // namespace twin::app
