#include "cli/EntityJson.h"

#include "datamodel/Time.h"

namespace twin::app {

QString text(std::string_view value) {
    return QString::fromUtf8(value.data(), qsizetype(value.size()));
}

QJsonValue textOrNull(std::string_view value) {
    return value.empty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text(value));
}

QJsonValue timeOrNull(datamodel::TimePoint time) {
    return time == datamodel::kNoTime ? QJsonValue(QJsonValue::Null)
                                      : QJsonValue(QString::fromStdString(datamodel::formatTime(time)));
}

QJsonObject reference(const datamodel::Facility& facility, datamodel::EntityIndex entity) {
    return {{QStringLiteral("id"), qint64(facility.entities().id[std::size_t(entity)])},
            {QStringLiteral("kind"), text(datamodel::entityKindName(facility.kind(entity)))},
            {QStringLiteral("name"), text(facility.name(entity))}};
}

QJsonArray references(const datamodel::Facility& facility,
                      const std::vector<datamodel::EntityIndex>& entities) {
    QJsonArray list;
    for (datamodel::EntityIndex entity : entities) {
        QJsonObject link = reference(facility, entity);
        if (const std::string_view subtype = facility.entities().subtype[std::size_t(entity)];
            !subtype.empty())
            link.insert(QStringLiteral("subtype"), text(subtype));
        list.append(link);
    }
    return list;
}

QJsonObject countsByKind(const datamodel::Facility& facility,
                         const std::vector<datamodel::EntityIndex>& entities) {
    std::array<qint64, datamodel::kEntityKindSlots> counts{};
    for (datamodel::EntityIndex entity : entities)
        ++counts[std::size_t(facility.kind(entity))];
    QJsonObject object;
    for (const datamodel::EntityKindInfo& info : datamodel::kEntityKinds)
        if (counts[std::size_t(info.kind)] > 0)
            object.insert(text(info.name), counts[std::size_t(info.kind)]);
    return object;
}

} // namespace twin::app
