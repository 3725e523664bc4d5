#include "cli/ModelInput.h"

#include "cli/Console.h"
#include "datamodel/ModelError.h"
#include "datamodel/SearchIndex.h"
#include "datamodel/Store.h"

#include <QCommandLineParser>
#include <QStringList>

namespace twin::app {

QString loadModel(const QString& path, std::shared_ptr<const datamodel::Facility>& facility) {
    try {
        facility = std::make_shared<const datamodel::Facility>(
            datamodel::Store::open(path.toStdString(), datamodel::Access::ReadOnly)->load());
    } catch (const datamodel::ModelError& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

datamodel::EntityIndex resolveEntity(const datamodel::Facility& facility, const datamodel::SearchIndex& index,
                                     const QString& text, const QString& modelPath, QString& error) {
    bool isNumber = false;
    const qint64 id = text.trimmed().toLongLong(&isNumber);
    if (isNumber)
        if (const datamodel::EntityIndex byId = facility.findById(id); byId != datamodel::kNoEntity)
            return byId;
    if (text.trimmed().isEmpty()) {
        error = QStringLiteral("the ENTITY is empty; give an id, or a name, hostname, serial or UUID");
        return datamodel::kNoEntity;
    }
    // Exact matches only: a prefix names a group, not one thing.
    constexpr std::size_t kListed = 6;
    const datamodel::SearchResult found = index.search(text.toStdString(), 64);
    QStringList exact;
    std::size_t exactCount = 0;
    datamodel::EntityIndex entity = datamodel::kNoEntity;
    for (const datamodel::SearchMatch& match : found.matches)
        if (match.quality == datamodel::MatchQuality::Exact &&
            match.target.kind == datamodel::SearchTarget::Kind::Entity) {
            entity = datamodel::EntityIndex(match.target.index);
            if (++exactCount <= kListed) // "rack 1234": the kind and the id tell two of one name apart
                exact << QStringLiteral("%1 %2").arg(
                    QString::fromLatin1(datamodel::entityKindName(facility.kind(entity)).data()),
                    QString::number(facility.entities().id[std::size_t(entity)]));
        }
    if (exactCount == 1)
        return entity;
    if (exactCount > 1) {
        if (exactCount > kListed)
            exact << QStringLiteral("%1 more").arg(exactCount - kListed);
        error = QStringLiteral("'%1' is ambiguous in %2: it names %3 (give an id)")
                    .arg(text, modelPath, exact.join(QStringLiteral(", ")));
        return datamodel::kNoEntity;
    }
    error = found.count == 0
                ? QStringLiteral("no entity '%1' in %2").arg(text, modelPath)
                : QStringLiteral("no entity is named '%1' in %2 (%3 names contain it; `find` lists them)")
                      .arg(text, modelPath, QString::number(found.count));
    return datamodel::kNoEntity;
}

ExitCode readQuery(const char* name, QCommandLineParser& parser, const QStringList& arguments,
                   QueryInput& input) {
    const QString command = QLatin1String(name);
    parser.addHelpOption();
    parser.addPositionalArgument(command, QStringLiteral("the subcommand"));
    parser.addPositionalArgument(QStringLiteral("MODEL"), QStringLiteral("the model file"));
    parser.addPositionalArgument(
        QStringLiteral("ENTITY"),
        QStringLiteral("an id, or a name, hostname, serial or UUID that names one entity"));
    parser.addOption(QCommandLineOption(QStringLiteral("json"), QStringLiteral("Print one JSON object.")));
    if (!parser.parse(arguments))
        return fail(ExitCode::Usage, command + QStringLiteral(": ") + parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        input.helpShown = true;
        return ExitCode::Ok;
    }
    const QStringList positional = parser.positionalArguments().mid(1);
    if (positional.size() != 2)
        return fail(ExitCode::Usage, command + QStringLiteral(": name one MODEL and one ENTITY"));
    if (const QString error = loadModel(positional.first(), input.facility); !error.isEmpty())
        return fail(ExitCode::BadInput, error);
    const datamodel::SearchIndex index(*input.facility);
    QString error;
    input.entity = resolveEntity(*input.facility, index, positional.at(1), positional.first(), error);
    if (input.entity == datamodel::kNoEntity)
        return fail(ExitCode::BadInput, command + QStringLiteral(": ") + error);
    return ExitCode::Ok;
}

} // namespace twin::app
