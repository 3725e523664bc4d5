// `colossus-twin log MODEL [--entity ENTITY] [--since YYYY-MM-DD] [--json]`: the audit log, every
// change with who, when, what and the values before and after; and `colossus-twin revert MODEL
// AUDIT_ID [--by NAME] [--json]`: one logged change taken back, refused (exit 1, naming the later
// change) when its fields were changed since.
#include "cli/Console.h"
#include "cli/EditInput.h"
#include "cli/ModelInput.h"
#include "cli/Subcommands.h"
#include "datamodel/Store.h"
#include "datamodel/Utf8.h"
#include "datamodel/edits/Edit.h"
#include "datamodel/edits/Revert.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>
#include <unordered_map>
#include <unordered_set>

namespace twin::app {

ExitCode runLog(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The audit log: every change to the model with its author, time, action, entity and the values "
        "before and after, oldest first."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("log"), QStringLiteral("the subcommand"));
    parser.addPositionalArgument(QStringLiteral("MODEL"), QStringLiteral("the model file"));
    const QCommandLineOption entityOption(QStringLiteral("entity"),
                                          QStringLiteral("Only changes to this entity and what is below it."),
                                          QStringLiteral("ENTITY"));
    const QCommandLineOption sinceOption(QStringLiteral("since"),
                                         QStringLiteral("Only changes on or after this day."),
                                         QStringLiteral("YYYY-MM-DD"));
    parser.addOption(entityOption);
    parser.addOption(sinceOption);
    parser.addOption(QCommandLineOption(QStringLiteral("json"), QStringLiteral("Print one JSON object.")));
    if (!parser.parse(arguments))
        return fail(ExitCode::Usage, QStringLiteral("log: ") + parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitCode::Ok;
    }
    const QStringList positional = parser.positionalArguments().mid(1);
    if (positional.size() != 1)
        return fail(ExitCode::Usage, QStringLiteral("log: name one MODEL file"));
    const QString model = positional.front();
    ExitCode code = ExitCode::Ok;
    datamodel::TimePoint since = datamodel::kNoTime;
    if (parser.isSet(sinceOption)) {
        const std::optional<datamodel::TimePoint> day =
            timeOf(parser.value(sinceOption), "log", "since", code);
        if (!day)
            return code;
        since = *day;
    }
    // The whole model only to resolve --entity: the log itself names entities by a join.
    std::shared_ptr<const datamodel::Facility> facility;
    if (parser.isSet(entityOption))
        if (const QString error = loadModel(model, facility); !error.isEmpty())
            return fail(ExitCode::BadInput, error);
    std::vector<datamodel::AuditRecord> lines;
    try {
        lines = datamodel::Store::open(model.toStdString(), datamodel::Access::ReadOnly)->auditLog(since);
    } catch (const datamodel::ModelError& error) {
        return fail(ExitCode::BadInput, QString::fromStdString(error.what()));
    }
    std::unordered_set<std::int64_t> wanted; // entity ids: the entity and its subtree
    if (parser.isSet(entityOption)) {
        QString error;
        const datamodel::EntityIndex entity =
            entityNamed(*facility, parser.value(entityOption), model, error);
        if (entity == datamodel::kNoEntity)
            return fail(ExitCode::BadInput, QStringLiteral("log: ") + error);
        for (const datamodel::EntityIndex e : facility->subtree(entity))
            wanted.insert(facility->entities().id[std::size_t(e)]);
    }
    std::string json = "{\"count\":", entries, text;
    std::size_t count = 0;
    for (const datamodel::AuditRecord& line : lines) {
        if (!wanted.empty() && !wanted.contains(line.entity))
            continue;
        ++count;
        const std::string_view name = line.entityName;
        if (!parser.isSet(QStringLiteral("json"))) {
            // What changed, as a person reads it: the task and its status before and after.
            std::string change;
            if (line.task != 0) {
                const auto before = datamodel::taskFieldsFromJson(line.before);
                const auto after = datamodel::taskFieldsFromJson(line.after);
                change = "  '" + line.taskName + "'";
                if (before && after)
                    change += ": " + std::string(datamodel::taskStatusName(before->status)) + " -> " +
                              std::string(datamodel::taskStatusName(after->status));
            }
            text += std::to_string(line.id) + "  " + datamodel::formatTime(line.at) + "  " + line.author +
                    "  " + line.action + "  " + std::string(name.empty() ? "-" : name) + change +
                    (line.detail.empty() ? "" : "  (" + line.detail + ")") + "\n";
            continue;
        }
        entries += count == 1 ? "{\"id\":" : ",{\"id\":";
        entries += std::to_string(line.id);
        entries += ",\"at\":";
        datamodel::appendJsonString(entries, datamodel::formatTime(line.at));
        entries += ",\"author\":";
        datamodel::appendJsonString(entries, line.author);
        entries += ",\"action\":";
        datamodel::appendJsonString(entries, line.action);
        entries += ",\"entity\":";
        if (name.empty())
            entries += "null";
        else
            datamodel::appendJsonString(entries, name);
        entries += ",\"detail\":";
        if (line.detail.empty())
            entries += "null";
        else
            datamodel::appendJsonString(entries, line.detail);
        entries += ",\"edit\":" + std::to_string(line.edit);
        entries += line.task ? ",\"task\":" + std::to_string(line.task) : std::string(",\"task\":null");
        entries +=
            line.note ? ",\"punch_item\":" + std::to_string(line.note) : std::string(",\"punch_item\":null");
        entries += ",\"before\":";
        entries += line.before.empty() ? "null" : line.before;
        entries += ",\"after\":";
        entries += line.after.empty() ? "null" : line.after;
        entries += '}';
    }
    if (!parser.isSet(QStringLiteral("json"))) {
        printOut(text.empty() ? QStringLiteral("no changes logged") : QString::fromStdString(text).trimmed());
        return ExitCode::Ok;
    }
    json += std::to_string(count) + ",\"entries\":[" + entries + "]}";
    printOutUtf8(json);
    return ExitCode::Ok;
}

ExitCode runRevert(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Take back one logged change (its audit id, from `log`): its fields get their before-values again, "
        "as long as nothing changed them since."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("revert"), QStringLiteral("the subcommand"));
    parser.addPositionalArgument(QStringLiteral("MODEL"), QStringLiteral("the model file"));
    parser.addPositionalArgument(QStringLiteral("AUDIT_ID"), QStringLiteral("the change's id in the log"));
    addEditOptions(parser);
    if (!parser.parse(arguments))
        return fail(ExitCode::Usage, QStringLiteral("revert: ") + parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitCode::Ok;
    }
    const QStringList positional = parser.positionalArguments().mid(1);
    if (positional.size() != 2)
        return fail(ExitCode::Usage, QStringLiteral("revert: name a MODEL and an AUDIT_ID"));
    bool isNumber = false;
    const qint64 audit = positional[1].toLongLong(&isNumber);
    if (!isNumber)
        return fail(ExitCode::BadInput, QStringLiteral("revert: '%1' is not an audit id").arg(positional[1]));
    ExitCode code = ExitCode::Ok;
    const std::optional<std::string> author = authorOf(parser, "revert", code);
    if (!author)
        return code;
    {
        // Checked whole, read-only, before it is opened for writing: a refused revert leaves the file
        // byte-identical.
        std::shared_ptr<const datamodel::Facility> facility;
        if (const QString error = loadModel(positional[0], facility); !error.isEmpty())
            return fail(ExitCode::BadInput, error);
        try {
            const auto log =
                datamodel::Store::open(positional[0].toStdString(), datamodel::Access::ReadOnly)->auditLog();
            if (const std::string refusal = datamodel::revertRefusal(*facility, log, audit); !refusal.empty())
                return fail(ExitCode::BadInput, QStringLiteral("revert: ") + QString::fromStdString(refusal));
        } catch (const datamodel::ModelError& error) {
            return fail(ExitCode::BadInput, QString::fromStdString(error.what()));
        }
    }
    datamodel::EditOutcome outcome;
    if (const ExitCode written = writeEdit(
            positional[0], "revert",
            [&](datamodel::FacilityStorage& storage) {
                return datamodel::revertChange(storage, audit, {now(), *author});
            },
            outcome);
        written != ExitCode::Ok)
        return written;
    if (parser.isSet(QStringLiteral("json")))
        printOut(QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("reverted"), qint64(1)},
                                      {QStringLiteral("audit_ids"), idsOf(outcome.auditIds)}})
                .toJson(QJsonDocument::Compact)));
    else
        printOut(QStringLiteral("reverted audit %1 (logged as %2)").arg(audit).arg(outcome.auditIds.front()));
    return ExitCode::Ok;
}

} // namespace twin::app
