#include "datamodel/edits/AttributeEdit.h"

#include "datamodel/Utf8.h"

#include <QByteArray>
#include <QJsonDocument>

namespace twin::datamodel {

EntityFields entityFieldsOf(const Facility& facility, EntityIndex entity) {
    const EntityColumns& e = facility.entities();
    const auto i = std::size_t(entity);
    return {std::string(e.model[i]), std::string(e.serial[i]), std::string(e.hostname[i]),
            std::string(e.uuid[i]), std::string(e.attributes[i])};
}

Edit attributeEdit(const Facility& facility, EntityIndex entity, const EntityFields& after) {
    if (entity == kNoEntity || std::size_t(entity) >= facility.entityCount())
        throw EditRefused("no entity to edit");
    const std::string name(facility.name(entity));
    for (const auto& [field, value] :
         {std::pair{"model", &after.model}, std::pair{"serial", &after.serial},
          std::pair{"hostname", &after.hostname}, std::pair{"uuid", &after.uuid}}) {
        if (!isValidUtf8(*value))
            throw EditRefused(name + ": the " + field + " is not valid UTF-8");
        for (const char c : *value)
            if (static_cast<unsigned char>(c) < 0x20)
                throw EditRefused(name + ": the " + field + " holds a control character");
    }
    if (!after.attributes.empty()) {
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(
            QByteArray(after.attributes.data(), qsizetype(after.attributes.size())), &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            throw EditRefused(name + ": the attributes are not a JSON object (" +
                              (error.error != QJsonParseError::NoError ? error.errorString().toStdString()
                                                                       : std::string("not an object")) +
                              ")");
    }
    const EntityFields before = entityFieldsOf(facility, entity);
    const auto refuseTaken = [&](const char* field, const std::string& value, const std::string& was,
                                 EntityIndex holder) {
        if (!value.empty() && value != was && holder != kNoEntity && holder != entity)
            throw EditRefused(std::string(field) + " '" + value + "' is held by " +
                              std::string(facility.name(holder)) + "; not given to " + name);
    };
    refuseTaken("serial", after.serial, before.serial, facility.findBySerial(after.serial));
    refuseTaken("uuid", after.uuid, before.uuid, facility.findByUuid(after.uuid));
    refuseTaken("hostname", after.hostname, before.hostname, facility.findByHostname(after.hostname));
    Edit edit;
    edit.action = "attributes";
    if (before == after)
        return edit;
    edit.entities.push_back({facility.entities().id[std::size_t(entity)], name, before, after});
    return edit;
}

} // namespace twin::datamodel
