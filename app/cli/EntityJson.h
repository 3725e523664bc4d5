// How the query commands (find, inspect, impact) write entities in JSON: {"id", "kind", "name"} (with
// the subtype in chains), counts by kind, text or null, times or null.
#pragma once

#include "datamodel/Facility.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <vector>

namespace twin::app {

QString text(std::string_view value);
QJsonValue textOrNull(std::string_view value);
QJsonValue timeOrNull(datamodel::TimePoint time);
QJsonObject reference(const datamodel::Facility& facility, datamodel::EntityIndex entity);
// With the subtype where there is one (leaf, spine, core; supply, return; A, B): a chain reads by it.
QJsonArray references(const datamodel::Facility& facility,
                      const std::vector<datamodel::EntityIndex>& entities);
// {"gpu": 64, "server": 8}, kinds in the model's order, none with 0.
QJsonObject countsByKind(const datamodel::Facility& facility,
                         const std::vector<datamodel::EntityIndex>& entities);

} // namespace twin::app
