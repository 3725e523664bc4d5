#include "cli/EditInput.h"

#include "cli/Console.h"
#include "cli/ModelInput.h"
#include "datamodel/SearchIndex.h"
#include "datamodel/Store.h"

#include <QCommandLineParser>
#include <QDateTime>

namespace twin::app {

void addEditOptions(QCommandLineParser& parser) {
    parser.addOption(QCommandLineOption(
        QStringLiteral("by"), QStringLiteral("Who records it, for the audit log (default: the login name)."),
        QStringLiteral("NAME")));
    parser.addOption(QCommandLineOption(QStringLiteral("json"), QStringLiteral("Print one JSON object.")));
}

std::optional<std::string> authorOf(const QCommandLineParser& parser, const char* command, ExitCode& code) {
    const std::string author = parser.isSet(QStringLiteral("by"))
                                   ? parser.value(QStringLiteral("by")).toStdString()
                                   : datamodel::loginName();
    if (const std::string problem = datamodel::authorProblem(author); !problem.empty()) {
        code =
            fail(ExitCode::BadInput,
                 QStringLiteral("%1: --by: %2").arg(QLatin1String(command), QString::fromStdString(problem)));
        return std::nullopt;
    }
    return author;
}

std::optional<datamodel::TimePoint> timeOf(const QString& text, const char* command, const char* option,
                                           ExitCode& code) {
    const std::optional<datamodel::TimePoint> time = datamodel::parseTime(text.trimmed().toStdString());
    if (!time) {
        code = fail(ExitCode::BadInput,
                    QStringLiteral("%1: --%2: '%3' is not a date and time (YYYY-MM-DD HH:MM, UTC)")
                        .arg(QLatin1String(command), QLatin1String(option), text));
        return std::nullopt;
    }
    if (!datamodel::withinModelSpan(*time)) {
        code =
            fail(ExitCode::BadInput,
                 QStringLiteral("%1: --%2: %3")
                     .arg(QLatin1String(command), QLatin1String(option),
                          QString::fromStdString(datamodel::outsideModelSpan(text.trimmed().toStdString()))));
        return std::nullopt;
    }
    return time;
}

datamodel::TimePoint now() {
    return QDateTime::currentSecsSinceEpoch();
}

datamodel::EntityIndex entityNamed(const datamodel::Facility& facility, const QString& text,
                                   const QString& model, QString& error) {
    const std::string key = text.trimmed().toStdString();
    bool isNumber = false;
    const qint64 id = text.trimmed().toLongLong(&isNumber);
    if (isNumber)
        if (const datamodel::EntityIndex byId = facility.findById(id); byId != datamodel::kNoEntity)
            return byId;
    for (const auto find : {&datamodel::Facility::findByName, &datamodel::Facility::findByHostname,
                            &datamodel::Facility::findBySerial, &datamodel::Facility::findByUuid})
        if (const datamodel::EntityIndex found = (facility.*find)(key); found != datamodel::kNoEntity)
            return found;
    // Nothing exact: the search index says why (ambiguous, or what contains it).
    const datamodel::SearchIndex index(facility);
    return resolveEntity(facility, index, text, model, error);
}

ExitCode writeEdit(const QString& model, const char* command,
                   const std::function<datamodel::EditOutcome(datamodel::FacilityStorage&)>& write,
                   datamodel::EditOutcome& outcome) {
    try {
        const auto store = datamodel::Store::open(model.toStdString(), datamodel::Access::ReadWrite);
        outcome = write(*store);
    } catch (const datamodel::ModelError& error) {
        return fail(ExitCode::BadInput, QStringLiteral("%1: %2").arg(QLatin1String(command),
                                                                     QString::fromStdString(error.what())));
    }
    return ExitCode::Ok;
}

QJsonArray idsOf(const std::vector<std::int64_t>& ids) {
    QJsonArray array;
    for (const std::int64_t id : ids)
        array.append(qint64(id));
    return array;
}

} // namespace twin::app
