#include "gui/workbench/WorkbenchIndexes.h"

namespace twin::app {

datamodel::EntityIndex WorkbenchIndexes::entityOf(const datamodel::SearchMatch& match) const {
    const datamodel::Facility& f = facility();
    switch (match.target.kind) {
    case datamodel::SearchTarget::Kind::Entity:
        return datamodel::EntityIndex(match.target.index);
    case datamodel::SearchTarget::Kind::Task: {
        const auto entities = f.tasks().entities.row(match.target.index);
        return entities.empty() ? datamodel::kNoEntity : entities.front();
    }
    case datamodel::SearchTarget::Kind::Cable:
        return f.cables().a[match.target.index];
    }
    return datamodel::kNoEntity;
}

} // namespace twin::app
