// `colossus-twin inspect MODEL ENTITY [--json]`: what an entity is, where it sits, what it holds, what it
// is plugged into, what cools, feeds and connects it, its tasks and notes. ENTITY is an id or anything
// `find` matches exactly once; none or several is exit 1, quoted.
#include "cli/Console.h"
#include "cli/EntityJson.h"
#include "cli/ModelInput.h"
#include "cli/Subcommands.h"
#include "datamodel/EntityInspector.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <cmath>

namespace twin::app {

namespace {

QJsonObject inspectionObject(const datamodel::Facility& facility, const datamodel::Inspection& found) {
    const std::size_t e = std::size_t(found.entity);
    const datamodel::EntityColumns& columns = facility.entities();
    QJsonObject object = reference(facility, found.entity);
    object.insert(QStringLiteral("hostname"), textOrNull(columns.hostname[e]));
    object.insert(QStringLiteral("serial"), textOrNull(columns.serial[e]));
    object.insert(QStringLiteral("uuid"), textOrNull(columns.uuid[e]));
    object.insert(QStringLiteral("model"), textOrNull(columns.model[e]));
    object.insert(QStringLiteral("path"), references(facility, found.path));
    QJsonObject children;
    for (const datamodel::EntityKindInfo& info : datamodel::kEntityKinds)
        if (const std::uint32_t count = found.contains[std::size_t(info.kind)]; count > 0)
            children.insert(text(info.name), qint64(count));
    object.insert(QStringLiteral("children"), children);
    const datamodel::CableColumns& cables = facility.cables();
    QJsonArray cableList;
    for (const datamodel::CableEnd& end : found.cables) {
        QJsonObject far = reference(facility, end.farEnd);
        far.insert(QStringLiteral("port"), end.farPort);
        cableList.append(QJsonObject{
            {QStringLiteral("id"), qint64(cables.id[end.cable])},
            {QStringLiteral("type"), text(datamodel::cableTypeName(cables.type[end.cable]))},
            {QStringLiteral("speed_gbps"), cables.speedGbps[end.cable]},
            {QStringLiteral("length_m"), std::round(double(cables.lengthM[end.cable]) * 100.0) / 100.0},
            {QStringLiteral("port"), end.port},
            {QStringLiteral("near_end"), reference(facility, end.near)},
            {QStringLiteral("far_end"), far}});
    }
    object.insert(QStringLiteral("cables"), cableList);
    object.insert(QStringLiteral("cooling_upstream"), references(facility, found.coolingUpstream));
    object.insert(QStringLiteral("power_upstream"), references(facility, found.powerUpstream));
    object.insert(QStringLiteral("network_upstream"), references(facility, found.networkUpstream));
    const datamodel::TaskColumns& tasks = facility.tasks();
    QJsonArray taskList;
    for (std::uint32_t t : found.tasks)
        taskList.append(
            QJsonObject{{QStringLiteral("id"), qint64(tasks.id[t])},
                        {QStringLiteral("name"), text(tasks.name[t])},
                        {QStringLiteral("status"), text(datamodel::taskStatusName(tasks.status[t]))},
                        {QStringLiteral("planned_start"), timeOrNull(tasks.plannedStart[t])},
                        {QStringLiteral("planned_end"), timeOrNull(tasks.plannedEnd[t])},
                        {QStringLiteral("actual_start"), timeOrNull(tasks.actualStart[t])},
                        {QStringLiteral("actual_end"), timeOrNull(tasks.actualEnd[t])}});
    object.insert(QStringLiteral("tasks"), taskList);
    const datamodel::NoteColumns& notes = facility.notes();
    QJsonArray noteList;
    for (std::uint32_t n : found.notes)
        noteList.append(QJsonObject{{QStringLiteral("id"), qint64(notes.id[n])},
                                    {QStringLiteral("text"), text(notes.text[n])},
                                    {QStringLiteral("status"), notes.closedAt[n] == datamodel::kNoTime
                                                                   ? QStringLiteral("open")
                                                                   : QStringLiteral("closed")}});
    object.insert(QStringLiteral("notes"), noteList);
    return object;
}

// Nearest first; a run of one kind (and subtype) longer than three said as a count
// ("448 switch (CORE-P01-01 ...)").
QString chainText(const QJsonArray& chain) {
    QStringList links;
    for (qsizetype i = 0; i < chain.size();) {
        const auto group = [&chain](qsizetype at) {
            const QJsonObject link = chain[at].toObject();
            return link.value(QStringLiteral("kind")).toString() +
                   link.value(QStringLiteral("subtype")).toString();
        };
        const QString kind = chain[i].toObject().value(QStringLiteral("kind")).toString();
        qsizetype end = i;
        while (end < chain.size() && group(end) == group(i))
            ++end;
        if (end - i > 3)
            links << QStringLiteral("%1 %2 (%3 ...)")
                         .arg(end - i)
                         .arg(kind, chain[i].toObject().value(QStringLiteral("name")).toString());
        else
            for (qsizetype j = i; j < end; ++j)
                links << chain[j].toObject().value(QStringLiteral("name")).toString();
        i = end;
    }
    return links.isEmpty() ? QStringLiteral("(none)") : links.join(QStringLiteral(" <- "));
}

QString inspectionText(const QJsonObject& object) {
    QString out = QStringLiteral("%1 %2 (id %3)\n")
                      .arg(object.value(QStringLiteral("kind")).toString(),
                           object.value(QStringLiteral("name")).toString(),
                           QString::number(object.value(QStringLiteral("id")).toInteger()));
    for (const char* field : {"hostname", "serial", "uuid", "model"})
        if (const QJsonValue value = object.value(QLatin1String(field)); value.isString())
            out += QStringLiteral("  %1 %2\n").arg(QLatin1String(field), -9).arg(value.toString());
    QStringList path;
    for (const auto& link : object.value(QStringLiteral("path")).toArray())
        path << link.toObject().value(QStringLiteral("name")).toString();
    out += QStringLiteral("  in       %1\n").arg(path.join(QStringLiteral(" > ")));
    const QJsonObject children = object.value(QStringLiteral("children")).toObject();
    QStringList holds;
    for (auto it = children.begin(); it != children.end(); ++it)
        holds << QStringLiteral("%1 %2").arg(it.value().toInteger()).arg(it.key());
    if (!holds.isEmpty())
        out += QStringLiteral("  holds    %1\n").arg(holds.join(QStringLiteral(", ")));
    out += QStringLiteral("  cooling  %1\n  power    %2\n  network  %3\n")
               .arg(chainText(object.value(QStringLiteral("cooling_upstream")).toArray()),
                    chainText(object.value(QStringLiteral("power_upstream")).toArray()),
                    chainText(object.value(QStringLiteral("network_upstream")).toArray()));
    out += QStringLiteral("  cables   %1, tasks %2, notes %3")
               .arg(object.value(QStringLiteral("cables")).toArray().size())
               .arg(object.value(QStringLiteral("tasks")).toArray().size())
               .arg(object.value(QStringLiteral("notes")).toArray().size());
    return out;
}

} // namespace

ExitCode runInspect(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("What an entity is, where it sits, what it holds and is "
                                                    "plugged into, what cools, powers and connects it."));
    QueryInput input;
    if (const ExitCode code = readQuery("inspect", parser, arguments, input);
        code != ExitCode::Ok || input.helpShown)
        return code;
    const datamodel::EntityInspector inspector(*input.facility);
    const QJsonObject object = inspectionObject(*input.facility, inspector.inspect(input.entity));
    printOut(parser.isSet(QStringLiteral("json"))
                 ? QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact))
                 : inspectionText(object));
    return ExitCode::Ok;
}

} // namespace twin::app
