// `colossus-twin progress MODEL (--task TASK | --entity ENTITY) (--start | --done | --block REASON |
// --reopen) [--at "YYYY-MM-DD HH:MM"] [--by NAME] [--force] [--json]`: what went in on site, written
// with its audit lines in one transaction. Checked against the model read-only first, so a refused
// edit (an end before a start, a time in the future, a task done before what it depends on) never
// opens the file for writing.
#include "cli/Console.h"
#include "cli/EditInput.h"
#include "cli/ModelInput.h"
#include "cli/Subcommands.h"
#include "datamodel/edits/ProgressEdit.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

namespace twin::app {

using datamodel::ProgressAction;

namespace {

// The task `text` names: its id, or its exact name (the first of that name).
std::optional<std::uint32_t> taskNamed(const datamodel::TaskColumns& tasks, const QString& text) {
    bool isNumber = false;
    const qint64 id = text.trimmed().toLongLong(&isNumber);
    const std::string name = text.trimmed().toStdString();
    for (std::uint32_t t = 0; t < tasks.size(); ++t)
        if ((isNumber && tasks.id[t] == id) || tasks.name[t] == name)
            return t;
    return std::nullopt;
}

} // namespace

ExitCode runProgress(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Record progress on site: tasks started, done, blocked or reopened, on one task or on every open "
        "task of an entity (a rack, a row, a hall; a GPU or server: its rack's), now or at a given time."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("progress"), QStringLiteral("the subcommand"));
    parser.addPositionalArgument(QStringLiteral("MODEL"), QStringLiteral("the model file"));
    const QCommandLineOption taskOption(QStringLiteral("task"), QStringLiteral("A task's id or name."),
                                        QStringLiteral("TASK"));
    const QCommandLineOption entityOption(QStringLiteral("entity"),
                                          QStringLiteral("An entity's id, name, hostname, serial or UUID."),
                                          QStringLiteral("ENTITY"));
    const QCommandLineOption startOption(QStringLiteral("start"), QStringLiteral("The work started."));
    const QCommandLineOption doneOption(QStringLiteral("done"), QStringLiteral("The work is done."));
    const QCommandLineOption blockOption(
        QStringLiteral("block"), QStringLiteral("The work is blocked, and why."), QStringLiteral("REASON"));
    const QCommandLineOption reopenOption(QStringLiteral("reopen"),
                                          QStringLiteral("Done or blocked work is open again."));
    const QCommandLineOption atOption(QStringLiteral("at"), QStringLiteral("When (UTC; default: now)."),
                                      QStringLiteral("YYYY-MM-DD HH:MM"));
    const QCommandLineOption forceOption(
        QStringLiteral("force"), QStringLiteral("Record a task done before a task it depends on is done."));
    for (const QCommandLineOption& option : {taskOption, entityOption, startOption, doneOption, blockOption,
                                             reopenOption, atOption, forceOption})
        parser.addOption(option);
    addEditOptions(parser);
    if (!parser.parse(arguments))
        return fail(ExitCode::Usage, QStringLiteral("progress: ") + parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitCode::Ok;
    }
    const QStringList positional = parser.positionalArguments().mid(1);
    if (positional.size() != 1)
        return fail(ExitCode::Usage, QStringLiteral("progress: name one MODEL file"));
    if (parser.isSet(taskOption) == parser.isSet(entityOption))
        return fail(ExitCode::Usage, QStringLiteral("progress: give --task TASK or --entity ENTITY"));
    const int actions = int(parser.isSet(startOption)) + int(parser.isSet(doneOption)) +
                        int(parser.isSet(blockOption)) + int(parser.isSet(reopenOption));
    if (actions != 1)
        return fail(ExitCode::Usage,
                    QStringLiteral("progress: give one of --start, --done, --block REASON, --reopen"));
    const QString model = positional.front();
    ExitCode code = ExitCode::Ok;
    const std::optional<std::string> author = authorOf(parser, "progress", code);
    if (!author)
        return code;

    datamodel::ProgressRequest request;
    request.action = parser.isSet(startOption)   ? ProgressAction::Start
                     : parser.isSet(doneOption)  ? ProgressAction::Done
                     : parser.isSet(blockOption) ? ProgressAction::Block
                                                 : ProgressAction::Reopen;
    request.reason = parser.value(blockOption).trimmed().toStdString();
    request.now = now();
    request.at = request.now;
    if (parser.isSet(atOption)) {
        const std::optional<datamodel::TimePoint> at = timeOf(parser.value(atOption), "progress", "at", code);
        if (!at)
            return code;
        request.at = *at;
    }
    request.allowOutOfOrder = parser.isSet(forceOption);

    std::shared_ptr<const datamodel::Facility> facility;
    if (const QString error = loadModel(model, facility); !error.isEmpty())
        return fail(ExitCode::BadInput, error);
    if (parser.isSet(entityOption)) {
        QString error;
        const datamodel::EntityIndex entity =
            entityNamed(*facility, parser.value(entityOption), model, error);
        if (entity == datamodel::kNoEntity)
            return fail(ExitCode::BadInput, QStringLiteral("progress: ") + error);
        request.entities.push_back(entity);
    } else {
        const std::optional<std::uint32_t> task = taskNamed(facility->tasks(), parser.value(taskOption));
        if (!task)
            return fail(ExitCode::BadInput,
                        QStringLiteral("progress: no task '%1' in %2").arg(parser.value(taskOption), model));
        request.tasks.push_back(*task);
    }
    datamodel::Edit edit;
    try {
        edit = datamodel::progressEdit(*facility, request);
    } catch (const datamodel::EditRefused& refused) {
        return fail(
            ExitCode::BadInput,
            QStringLiteral("progress: %1%2")
                .arg(QString::fromStdString(refused.what()),
                     refused.outOfOrder ? QStringLiteral(" (--force records it anyway)") : QString()));
    }
    datamodel::EditOutcome outcome;
    if (!edit.empty())
        if (const ExitCode written = writeEdit(
                model, "progress",
                [&](datamodel::FacilityStorage& storage) {
                    return datamodel::applyEdit(storage, edit, {request.now, *author});
                },
                outcome);
            written != ExitCode::Ok)
            return written;
    if (parser.isSet(QStringLiteral("json"))) {
        printOut(QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("changed_tasks"), qint64(edit.tasks.size())},
                                      {QStringLiteral("audit_ids"), idsOf(outcome.auditIds)}})
                .toJson(QJsonDocument::Compact)));
        return ExitCode::Ok;
    }
    if (edit.empty())
        printOut(QStringLiteral("nothing to change: every task is already %1")
                     .arg(QString::fromLatin1(datamodel::progressActionName(request.action).data())));
    else
        printOut(QStringLiteral("%1 tasks: %2 at %3 by %4 (audit %5 to %6)")
                     .arg(edit.tasks.size())
                     .arg(QString::fromLatin1(datamodel::progressActionName(request.action).data()),
                          QString::fromStdString(datamodel::formatTime(request.at)),
                          QString::fromStdString(*author))
                     .arg(outcome.auditIds.front())
                     .arg(outcome.auditIds.back()));
    return ExitCode::Ok;
}

} // namespace twin::app
