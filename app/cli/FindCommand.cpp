// `colossus-twin find MODEL QUERY [--kind K] [--limit N] [--json]`: anything by name, hostname, serial,
// UUID, cable id or task name, best first (exact, then prefix, then substring). No match is count 0 and
// exit 0; an empty query or an unknown kind is refused.
#include "cli/Console.h"
#include "cli/EntityJson.h"
#include "cli/ModelInput.h"
#include "cli/Subcommands.h"
#include "datamodel/SearchIndex.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace twin::app {

namespace {

QJsonObject matchObject(const datamodel::Facility& facility, const datamodel::SearchMatch& match) {
    const std::uint32_t i = match.target.index;
    QJsonObject object;
    switch (match.target.kind) {
    case datamodel::SearchTarget::Kind::Entity:
        object = {{QStringLiteral("id"), qint64(facility.entities().id[i])},
                  {QStringLiteral("kind"), text(datamodel::entityKindName(facility.kind(i)))},
                  {QStringLiteral("name"), text(facility.name(i))}};
        break;
    case datamodel::SearchTarget::Kind::Cable:
        object = {{QStringLiteral("id"), qint64(facility.cables().id[i])},
                  {QStringLiteral("kind"), QStringLiteral("cable")},
                  {QStringLiteral("name"), QStringLiteral("Cable %1").arg(facility.cables().id[i])}};
        break;
    case datamodel::SearchTarget::Kind::Task:
        object = {{QStringLiteral("id"), qint64(facility.tasks().id[i])},
                  {QStringLiteral("kind"), QStringLiteral("task")},
                  {QStringLiteral("name"), text(facility.tasks().name[i])}};
        break;
    }
    object.insert(QStringLiteral("field"), text(datamodel::searchFieldName(match.field)));
    object.insert(QStringLiteral("value"), QString::fromStdString(datamodel::searchValue(facility, match)));
    return object;
}

} // namespace

ExitCode runFind(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Find entities by name, hostname, serial or UUID (and "
                                                    "cables by id, tasks by name), case-insensitive, "
                                                    "best first: exact, then prefix, then substring."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("find"), QStringLiteral("the subcommand"));
    parser.addPositionalArgument(QStringLiteral("MODEL"), QStringLiteral("the model file"));
    parser.addPositionalArgument(QStringLiteral("QUERY"), QStringLiteral("what to look for"));
    const QCommandLineOption kindOption(QStringLiteral("kind"), QStringLiteral("Entities of this kind only."),
                                        QStringLiteral("K"));
    const QCommandLineOption limitOption(QStringLiteral("limit"),
                                         QStringLiteral("At most N matches listed (default 20)."),
                                         QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOptions({kindOption, limitOption, jsonOption});
    if (!parser.parse(arguments))
        return fail(ExitCode::Usage, QStringLiteral("find: ") + parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitCode::Ok;
    }
    const QStringList positional = parser.positionalArguments().mid(1);
    if (positional.size() != 2)
        return fail(ExitCode::Usage, QStringLiteral("find: name one MODEL and one QUERY"));
    const QString query = positional.at(1);
    if (query.trimmed().isEmpty())
        return fail(ExitCode::BadInput, QStringLiteral("find: the query is empty; give a name, hostname, "
                                                       "serial, UUID, cable id or task name"));
    std::optional<datamodel::EntityKind> kind;
    if (parser.isSet(kindOption)) {
        kind = datamodel::entityKindFromName(parser.value(kindOption).toStdString());
        if (!kind)
            return fail(ExitCode::Usage,
                        QStringLiteral("find: unknown --kind '%1' (an entity kind: rack, server, gpu, cdu, "
                                       "switch, busway, ...; `info` lists them)")
                            .arg(parser.value(kindOption)));
    }
    bool limitIsNumber = false;
    const int limit = parser.value(limitOption).toInt(&limitIsNumber);
    if (!limitIsNumber || limit < 0 || limit > 1000000)
        return fail(ExitCode::Usage, QStringLiteral("find: --limit '%1' is not a number from 0 to 1000000")
                                         .arg(parser.value(limitOption)));

    std::shared_ptr<const datamodel::Facility> facility;
    if (const QString error = loadModel(positional.first(), facility); !error.isEmpty())
        return fail(ExitCode::BadInput, error);
    const datamodel::SearchIndex index(*facility);
    const datamodel::SearchResult found = index.search(query.toStdString(), std::size_t(limit), kind);

    QJsonArray matches;
    for (const datamodel::SearchMatch& match : found.matches)
        matches.append(matchObject(*facility, match));
    if (parser.isSet(jsonOption)) {
        printOut(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("query"), query},
                                                             {QStringLiteral("count"), qint64(found.count)},
                                                             {QStringLiteral("matches"), matches}})
                                       .toJson(QJsonDocument::Compact)));
        return ExitCode::Ok;
    }
    QString out =
        found.count == 1 ? QStringLiteral("1 match") : QStringLiteral("%1 matches").arg(found.count);
    if (std::size_t(matches.size()) < found.count)
        out += QStringLiteral(" (the first %1)").arg(matches.size());
    for (const auto& value : matches) {
        const QJsonObject m = value.toObject();
        // One arg() call: a name holding "%1" must not take the next value's place.
        out += QStringLiteral("\n%1  %2  %3: %4")
                   .arg(m.value(QStringLiteral("kind")).toString().leftJustified(12),
                        m.value(QStringLiteral("name")).toString().leftJustified(32),
                        m.value(QStringLiteral("field")).toString(),
                        m.value(QStringLiteral("value")).toString());
    }
    printOut(out);
    return ExitCode::Ok;
}

} // namespace twin::app
