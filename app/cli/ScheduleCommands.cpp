// `colossus-twin import MODEL SCHEDULE` and `colossus-twin export MODEL SCHEDULE`: a model's schedule
// in and out as CSV or MS Project XML (chosen by the extension). An import replaces the whole schedule
// or, when anything in the file is wrong, changes nothing and lists every problem as FILE:LINE.
#include "cli/Console.h"
#include "cli/Subcommands.h"
#include "datamodel/FileOutput.h"
#include "datamodel/ModelError.h"
#include "datamodel/Store.h"
#include "importers/ScheduleExchange.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <variant>

namespace twin::app {

namespace {

// Parses `SUBCOMMAND MODEL SCHEDULE`; returns the two paths, or the exit code to stop with.
std::variant<QStringList, ExitCode> modelAndSchedule(QCommandLineParser& parser, const QStringList& arguments,
                                                     const QString& subcommand, const QString& description) {
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    parser.addPositionalArgument(subcommand, QStringLiteral("the subcommand"));
    parser.addPositionalArgument(QStringLiteral("MODEL"), QStringLiteral("the model file"));
    parser.addPositionalArgument(
        QStringLiteral("SCHEDULE"),
        QStringLiteral("the schedule: FILE.csv, or FILE.xml (Microsoft Project XML)"));
    if (!parser.parse(arguments))
        return fail(ExitCode::Usage, subcommand + QStringLiteral(": ") + parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitCode::Ok;
    }
    const QStringList positional = parser.positionalArguments().mid(1);
    if (positional.size() != 2)
        return fail(ExitCode::Usage, subcommand + QStringLiteral(": name a MODEL file and a SCHEDULE file"));
    return positional;
}

ExitCode failWith(const importers::ScheduleError& error) {
    for (const std::string& problem : error.problems())
        fail(ExitCode::BadInput, QString::fromStdString(problem));
    return ExitCode::BadInput;
}

} // namespace

ExitCode runImport(const QStringList& arguments) {
    QCommandLineParser parser;
    const QCommandLineOption allowEmptyOption(
        QStringLiteral("allow-empty"),
        QStringLiteral("Accept a schedule with no tasks (it deletes the model's whole schedule)."));
    parser.addOption(allowEmptyOption);
    const auto parsed = modelAndSchedule(
        parser, arguments, QStringLiteral("import"),
        QStringLiteral("Replace a model's installation schedule with a CSV or MS Project XML file. Tasks are "
                       "matched to entities by name; if anything is wrong, nothing changes and every problem "
                       "is listed as FILE:LINE: message."));
    if (const ExitCode* code = std::get_if<ExitCode>(&parsed))
        return *code;
    const QStringList& paths = std::get<QStringList>(parsed);
    try {
        // The file and the model are checked together (every problem of both listed at once) before
        // the model is opened for writing.
        importers::ImportOptions options;
        options.allowEmpty = parser.isSet(allowEmptyOption);
        const importers::ImportCheck check =
            importers::checkImport(paths[0].toStdString(), paths[1].toStdString(), options);
        const importers::ImportSummary summary =
            importers::importSchedule(paths[0].toStdString(), check.table, options);
        auto note = [](const std::string& text) {
            printErr(QStringLiteral("%1: note: %2")
                         .arg(QLatin1String(kProgramName), QString::fromStdString(text)));
        };
        for (const std::string& lost : check.losses.describe())
            note(paths[1].toStdString() + ": " + lost);
        for (const std::string& unlinked : summary.unlinkedTasks)
            note(unlinked);
        printOut(QStringLiteral(
                     "imported %1 tasks into %2: %3 entity links, %4 dependencies; %5 tasks name no entity")
                     .arg(summary.tasks)
                     .arg(paths[0])
                     .arg(summary.entityLinks)
                     .arg(summary.dependencies)
                     .arg(summary.unlinkedTasks.size()));
    } catch (const importers::ScheduleError& error) {
        return failWith(error);
    } catch (const datamodel::ModelError& error) {
        return fail(ExitCode::BadInput, QString::fromStdString(error.what()));
    }
    return ExitCode::Ok;
}

ExitCode runExport(const QStringList& arguments) {
    QCommandLineParser parser;
    const auto parsed = modelAndSchedule(
        parser, arguments, QStringLiteral("export"),
        QStringLiteral("Write a model's installation schedule as CSV or MS Project XML (by the extension)."));
    if (const ExitCode* code = std::get_if<ExitCode>(&parsed))
        return *code;
    const QStringList& paths = std::get<QStringList>(parsed);
    // By identity, not by name: "./m.csv", a hard link or a symbolic link to the model is the model.
    if (const std::string refusal =
            datamodel::refuseOverwritingModel(paths[1].toStdString(), paths[0].toStdString());
        !refusal.empty())
        return fail(ExitCode::BadInput, QString::fromStdString(refusal));
    try {
        const auto store = datamodel::Store::open(paths[0].toStdString(), datamodel::Access::ReadOnly);
        const importers::ScheduleTable table = importers::scheduleOf(store->load());
        importers::writeSchedule(table, paths[1].toStdString(),
                                 QFileInfo(paths[0]).completeBaseName().toStdString());
        printOut(QStringLiteral("exported %1 tasks to %2").arg(table.tasks.size()).arg(paths[1]));
    } catch (const importers::ScheduleError& error) {
        return failWith(error);
    } catch (const datamodel::ModelError& error) {
        return fail(ExitCode::BadInput, QString::fromStdString(error.what()));
    }
    return ExitCode::Ok;
}

} // namespace twin::app
