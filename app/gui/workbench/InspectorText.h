// The inspector's page for one entity, as HTML for a QTextBrowser: identity, the parent chain as
// breadcrumbs, what it holds by kind, its cables with the far end, cooling, power and network upstream
// (nearest first, long runs of one kind folded into a count), its tasks and notes, its live value.
// Every entity named is a link "entity:N" (N the dense index) that selects it.
#pragma once

#include "datamodel/ModelWriter.h"
#include "gui/workbench/WorkbenchIndexes.h"

#include <QString>
#include <optional>

namespace twin::app {

// The selection's live value as the window has it: the metric's title and unit text, the value, and
// whether it is stale (the source stopped answering for it).
struct LiveReading {
    QString metric;     // "GPU temperature, °C"
    float value = 0.0f; // NaN: no value
    QString age;        // "updated 14:02:11", or why there is none
};

// `history`: the entity's latest audit lines, newest first, listed with a "revert:ID" link each.
QString inspectorHtml(const WorkbenchIndexes& indexes, datamodel::EntityIndex entity,
                      const std::optional<LiveReading>& live,
                      const std::vector<datamodel::AuditRecord>& history = {});

// "revert:57" -> 57; anything else: 0.
std::int64_t auditOfLink(const QString& link);

// "entity:123" -> 123; anything else: kNoEntity.
datamodel::EntityIndex entityOfLink(const QString& link);

} // namespace twin::app
