// What the workbench docks ask of a loaded model, built once per model off the GUI thread (0.3 s at
// 100,000 GPUs, 0.7 s at 200,000): the search index and the inspector (graphs, cables by entity). Holds
// the LoadedModel they read, so whoever holds the indexes holds their model.
#pragma once

#include "datamodel/EntityInspector.h"
#include "datamodel/SearchIndex.h"
#include "gui/document/LoadedModel.h"

#include <memory>

namespace twin::app {

struct WorkbenchIndexes {
    explicit WorkbenchIndexes(std::shared_ptr<const LoadedModel> loaded)
        : model(loaded), built(std::move(loaded)),
          search(std::make_shared<const datamodel::SearchIndex>(*built->facility)),
          inspector(std::make_shared<const datamodel::EntityInspector>(*built->facility)) {}
    WorkbenchIndexes(const WorkbenchIndexes&) = delete;
    WorkbenchIndexes& operator=(const WorkbenchIndexes&) = delete;

    // The same indexes over `edited`, the model as an edit left it: an edit changes no entity, cable
    // or task name, so nothing is built again.
    std::shared_ptr<const WorkbenchIndexes> following(std::shared_ptr<const LoadedModel> edited) const {
        return std::shared_ptr<const WorkbenchIndexes>(new WorkbenchIndexes(std::move(edited), *this));
    }

    std::shared_ptr<const LoadedModel> model; // the model now: tasks' progress and punch items
    std::shared_ptr<const LoadedModel> built; // the one the indexes were built on (they read it)
    std::shared_ptr<const datamodel::SearchIndex> search;
    std::shared_ptr<const datamodel::EntityInspector> inspector;

    const datamodel::Facility& facility() const { return *model->facility; }
    // The entity a match stands for: itself, a task's first entity, a cable's upstream end.
    datamodel::EntityIndex entityOf(const datamodel::SearchMatch& match) const;

private:
    WorkbenchIndexes(std::shared_ptr<const LoadedModel> edited, const WorkbenchIndexes& before)
        : model(std::move(edited)), built(before.built), search(before.search), inspector(before.inspector) {}
};

} // namespace twin::app
