// `colossus-twin punch MODEL add ENTITY --title T [--text T] [--priority critical|major|minor]
// [--blocking] [--assignee A] [--due YYYY-MM-DD] [--photo FILE]... [--by NAME] [--json]`,
// `punch MODEL review|close|reopen ID [--by NAME] [--json]` and `punch MODEL list [--open] [--json]`:
// punch items, each change an audited edit.
#include "cli/Console.h"
#include "cli/EditInput.h"
#include "cli/ModelInput.h"
#include "cli/Subcommands.h"
#include "datamodel/edits/PunchEdit.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

namespace twin::app {

namespace {

QJsonValue timeValue(datamodel::TimePoint time) {
    return time == datamodel::kNoTime ? QJsonValue()
                                      : QJsonValue(QString::fromStdString(datamodel::formatTime(time)));
}

QJsonValue textValue(std::string_view text) {
    return text.empty() ? QJsonValue() : QJsonValue(QString::fromUtf8(text.data(), qsizetype(text.size())));
}

ExitCode list(const datamodel::Facility& facility, bool openOnly, bool json) {
    const datamodel::NoteColumns& notes = facility.notes();
    QJsonArray items;
    QStringList lines;
    for (std::size_t n = 0; n < notes.size(); ++n) {
        if (openOnly && notes.status[n] == datamodel::NoteStatus::Closed)
            continue;
        const std::string_view title = notes.title[n].empty() ? notes.text[n] : notes.title[n];
        const std::string_view where = facility.name(notes.entity[n]);
        items.append(QJsonObject{
            {QStringLiteral("id"), qint64(notes.id[n])},
            {QStringLiteral("entity"), textValue(where)},
            {QStringLiteral("title"), textValue(title)},
            {QStringLiteral("priority"), textValue(datamodel::notePriorityName(notes.priority[n]))},
            {QStringLiteral("blocking"), bool(notes.blocking[n])},
            {QStringLiteral("status"), textValue(datamodel::noteStatusName(notes.status[n]))},
            {QStringLiteral("assignee"), textValue(notes.assignee[n])},
            {QStringLiteral("due"), timeValue(notes.due[n])},
            {QStringLiteral("author"), textValue(notes.author[n])},
            {QStringLiteral("created_at"), timeValue(notes.createdAt[n])},
            {QStringLiteral("closed_at"),
             timeValue(notes.status[n] == datamodel::NoteStatus::Closed ? notes.closedAt[n]
                                                                        : datamodel::kNoTime)}});
        lines << QStringLiteral("%1  %2  %3%4  %5: %6")
                     .arg(notes.id[n])
                     .arg(QString::fromLatin1(datamodel::noteStatusName(notes.status[n]).data()),
                          QString::fromLatin1(datamodel::notePriorityName(notes.priority[n]).data()),
                          notes.blocking[n] ? QStringLiteral(" blocking") : QString(),
                          QString::fromUtf8(where.data(), qsizetype(where.size())),
                          QString::fromUtf8(title.data(), qsizetype(title.size())));
    }
    if (json)
        printOut(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("count"), qint64(items.size())},
                                                             {QStringLiteral("items"), items}})
                                       .toJson(QJsonDocument::Compact)));
    else
        printOut(lines.isEmpty() ? QStringLiteral("no punch items") : lines.join(QLatin1Char('\n')));
    return ExitCode::Ok;
}

} // namespace

ExitCode runPunch(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Punch items: what is wrong with an entity. add ENTITY, review ID (ready for review), close ID, "
        "reopen ID, list."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("punch"), QStringLiteral("the subcommand"));
    parser.addPositionalArgument(QStringLiteral("MODEL"), QStringLiteral("the model file"));
    parser.addPositionalArgument(QStringLiteral("ACTION"),
                                 QStringLiteral("add, review, close, reopen or list"));
    const QCommandLineOption title(QStringLiteral("title"), QStringLiteral("One line: what is wrong."),
                                   QStringLiteral("T"));
    const QCommandLineOption text(QStringLiteral("text"), QStringLiteral("More about it."),
                                  QStringLiteral("T"));
    const QCommandLineOption priority(QStringLiteral("priority"),
                                      QStringLiteral("critical, major (the default) or minor."),
                                      QStringLiteral("P"));
    const QCommandLineOption blocking(QStringLiteral("blocking"),
                                      QStringLiteral("It holds up the entity's installation."));
    const QCommandLineOption assignee(QStringLiteral("assignee"), QStringLiteral("Who is to fix it."),
                                      QStringLiteral("A"));
    const QCommandLineOption due(QStringLiteral("due"), QStringLiteral("By when (UTC)."),
                                 QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption photo(
        QStringLiteral("photo"),
        QStringLiteral("An image file to attach (PNG, JPEG, GIF, WebP; at most 20 MB)."),
        QStringLiteral("FILE"));
    const QCommandLineOption openOnly(QStringLiteral("open"), QStringLiteral("list: only items not closed."));
    for (const QCommandLineOption& option : {title, text, priority, blocking, assignee, due, photo, openOnly})
        parser.addOption(option);
    addEditOptions(parser);
    if (!parser.parse(arguments))
        return fail(ExitCode::Usage, QStringLiteral("punch: ") + parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitCode::Ok;
    }
    const QStringList positional = parser.positionalArguments().mid(1);
    if (positional.size() < 2)
        return fail(ExitCode::Usage,
                    QStringLiteral("punch: name a MODEL and add, review, close, reopen or list"));
    const QString model = positional[0], action = positional[1];
    const bool json = parser.isSet(QStringLiteral("json"));
    std::shared_ptr<const datamodel::Facility> facility;
    if (const QString error = loadModel(model, facility); !error.isEmpty())
        return fail(ExitCode::BadInput, error);
    if (action == QLatin1String("list"))
        return positional.size() == 2
                   ? list(*facility, parser.isSet(openOnly), json)
                   : fail(ExitCode::Usage, QStringLiteral("punch list: no argument expected"));
    if (positional.size() != 3)
        return fail(ExitCode::Usage,
                    QStringLiteral("punch %1: name one %2")
                        .arg(action, action == QLatin1String("add") ? QStringLiteral("ENTITY")
                                                                    : QStringLiteral("ID")));
    ExitCode code = ExitCode::Ok;
    const std::optional<std::string> author = authorOf(parser, "punch", code);
    if (!author)
        return code;
    const datamodel::TimePoint at = now();
    datamodel::Edit edit;
    try {
        if (action == QLatin1String("add")) {
            datamodel::PunchRequest request;
            QString error;
            request.entity = entityNamed(*facility, positional[2], model, error);
            if (request.entity == datamodel::kNoEntity)
                return fail(ExitCode::BadInput, QStringLiteral("punch add: ") + error);
            request.title = parser.value(title).trimmed().toStdString();
            request.text = parser.value(text).trimmed().toStdString();
            request.assignee = parser.value(assignee).trimmed().toStdString();
            request.author = *author;
            request.blocking = parser.isSet(blocking);
            request.now = at;
            if (parser.isSet(priority)) {
                const auto known = datamodel::notePriorityFromName(parser.value(priority).toStdString());
                if (!known || *known == datamodel::NotePriority::None)
                    return fail(ExitCode::BadInput,
                                QStringLiteral("punch add: --priority '%1' is not critical, major or minor")
                                    .arg(parser.value(priority)));
                request.priority = *known;
            }
            if (parser.isSet(due)) {
                const std::optional<datamodel::TimePoint> by =
                    timeOf(parser.value(due), "punch add", "due", code);
                if (!by)
                    return code;
                request.due = *by;
            }
            for (const QString& file : parser.values(photo))
                request.photos.push_back(datamodel::readPhoto(file.toStdString()));
            edit = datamodel::punchAddEdit(*facility, request);
        } else {
            bool isNumber = false;
            const qint64 id = positional[2].toLongLong(&isNumber);
            if (!isNumber)
                return fail(
                    ExitCode::BadInput,
                    QStringLiteral("punch %1: '%2' is not a punch item id").arg(action, positional[2]));
            const std::optional<datamodel::NoteStatus> status =
                action == QLatin1String("close")    ? std::optional(datamodel::NoteStatus::Closed)
                : action == QLatin1String("review") ? std::optional(datamodel::NoteStatus::ReadyForReview)
                : action == QLatin1String("reopen") ? std::optional(datamodel::NoteStatus::Open)
                                                    : std::nullopt;
            if (!status)
                return fail(ExitCode::Usage,
                            QStringLiteral("punch: unknown action '%1' (add, review, close, reopen, list)")
                                .arg(action));
            edit = datamodel::punchStatusEdit(*facility, id, *status, at);
        }
    } catch (const datamodel::EditRefused& refused) {
        return fail(ExitCode::BadInput,
                    QStringLiteral("punch %1: %2").arg(action, QString::fromStdString(refused.what())));
    }
    datamodel::EditOutcome outcome;
    if (const ExitCode written = writeEdit(
            model, "punch",
            [&](datamodel::FacilityStorage& storage) {
                return datamodel::applyEdit(storage, edit, {at, *author});
            },
            outcome);
        written != ExitCode::Ok)
        return written;
    const qint64 id = outcome.noteIds.empty() ? 0 : outcome.noteIds.front();
    if (json)
        printOut(QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("id"), id},
                                      {QStringLiteral("audit_ids"), idsOf(outcome.auditIds)}})
                .toJson(QJsonDocument::Compact)));
    else
        printOut(QStringLiteral("punch item %1: %2").arg(id).arg(QString::fromStdString(edit.action)));
    return ExitCode::Ok;
}

} // namespace twin::app
