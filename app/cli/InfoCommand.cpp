// `colossus-twin info FILE [--json]`: schema version, counts per kind, schedule span, bounds.
// It loads the whole model, so it also tells whether the file is sound.
#include "cli/Console.h"
#include "cli/Subcommands.h"
#include "datamodel/ModelError.h"
#include "datamodel/Store.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace twin::app {

namespace {

QJsonArray point(const std::array<float, 3>& p) {
    return QJsonArray{double(p[0]), double(p[1]), double(p[2])};
}

QString dateOrEmpty(datamodel::TimePoint time) {
    return time == datamodel::kNoTime ? QString() : QString::fromStdString(datamodel::formatDate(time));
}

QJsonObject describe(const QString& path, int schemaVersion, const datamodel::Facility& facility) {
    QJsonObject counts;
    for (const datamodel::EntityKindInfo& info : datamodel::kEntityKinds)
        counts.insert(QString::fromLatin1(info.name.data(), qsizetype(info.name.size())),
                      qint64(facility.count(info.kind)));
    counts.insert(QStringLiteral("cable"), qint64(facility.cables().size()));
    counts.insert(QStringLiteral("pipe_segment"), qint64(facility.pipes().size()));
    counts.insert(QStringLiteral("power_feed"), qint64(facility.feeds().size()));
    counts.insert(QStringLiteral("task"), qint64(facility.tasks().size()));
    const datamodel::Bounds& bounds = facility.bounds();
    QJsonObject root{
        {QStringLiteral("file"), path},
        {QStringLiteral("schema_version"), schemaVersion},
        {QStringLiteral("counts"), counts},
        {QStringLiteral("entities"), qint64(facility.entityCount())},
        {QStringLiteral("memory_bytes"), qint64(facility.memoryBytes())},
        {QStringLiteral("schedule"),
         QJsonObject{{QStringLiteral("start"), dateOrEmpty(facility.scheduleStart())},
                     {QStringLiteral("end"), dateOrEmpty(facility.scheduleEnd())}}},
    };
    if (!bounds.isEmpty())
        root.insert(QStringLiteral("bounds"), QJsonObject{{QStringLiteral("min"), point(bounds.min)},
                                                          {QStringLiteral("max"), point(bounds.max)}});
    return root;
}

QString asText(const QJsonObject& info) {
    QString text = QStringLiteral("file            %1\nschema version  %2\nentities        %3\n")
                       .arg(info.value(QStringLiteral("file")).toString())
                       .arg(info.value(QStringLiteral("schema_version")).toInt())
                       .arg(info.value(QStringLiteral("entities")).toInteger());
    const QJsonObject schedule = info.value(QStringLiteral("schedule")).toObject();
    text += QStringLiteral("schedule        %1 to %2\n")
                .arg(schedule.value(QStringLiteral("start")).toString(),
                     schedule.value(QStringLiteral("end")).toString());
    const QJsonObject bounds = info.value(QStringLiteral("bounds")).toObject();
    auto triple = [](const QJsonArray& a) {
        return QStringLiteral("(%1, %2, %3)")
            .arg(a[0].toDouble(), 0, 'f', 1)
            .arg(a[1].toDouble(), 0, 'f', 1)
            .arg(a[2].toDouble(), 0, 'f', 1);
    };
    if (!bounds.isEmpty())
        text += QStringLiteral("bounds (m)      %1 to %2\n")
                    .arg(triple(bounds.value(QStringLiteral("min")).toArray()),
                         triple(bounds.value(QStringLiteral("max")).toArray()));
    text += QStringLiteral("counts\n");
    const QJsonObject counts = info.value(QStringLiteral("counts")).toObject();
    for (auto it = counts.begin(); it != counts.end(); ++it)
        if (it.value().toInteger() > 0)
            text += QStringLiteral("  %1 %2\n").arg(it.key(), -14).arg(it.value().toInteger(), 9);
    return text.trimmed();
}

} // namespace

ExitCode runInfo(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Describe a model file: schema version, counts, schedule, bounds."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("info"), QStringLiteral("the subcommand"));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("the model file"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOption(jsonOption);
    if (!parser.parse(arguments))
        return fail(ExitCode::Usage, QStringLiteral("info: ") + parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitCode::Ok;
    }
    const QStringList positional = parser.positionalArguments().mid(1);
    if (positional.size() != 1)
        return fail(ExitCode::Usage, QStringLiteral("info: name one model FILE"));
    const QString path = positional.first();
    try {
        const auto store = datamodel::Store::open(path.toStdString(), datamodel::Access::ReadOnly);
        const datamodel::Facility facility = store->load();
        const QJsonObject info = describe(path, store->schemaVersion(), facility);
        printOut(parser.isSet(jsonOption)
                     ? QString::fromUtf8(QJsonDocument(info).toJson(QJsonDocument::Compact))
                     : asText(info));
    } catch (const datamodel::ModelError& error) {
        return fail(ExitCode::BadInput, QString::fromStdString(error.what()));
    }
    return ExitCode::Ok;
}

} // namespace twin::app
