// One model as it was read from its file: the facility (entities, graphs, tasks, notes, rules) and the
// schedule derived from it, immutable and shared. Whoever reads it holds it (the scene, the panels, live
// telemetry), so a reload never pulls it from under a reader: the old one lives until its last holder
// lets go.
#pragma once

#include "datamodel/Facility.h"
#include "datamodel/Schedule.h"

#include <QMetaType>
#include <QString>
#include <memory>
#include <vector>

namespace twin::app {

struct LoadedModel {
    LoadedModel(QString path, std::shared_ptr<const datamodel::Facility> facility, double loadSeconds)
        : path(std::move(path)), facility(std::move(facility)), schedule(*this->facility),
          loadSeconds(loadSeconds) {}
    LoadedModel(const LoadedModel&) = delete;
    LoadedModel& operator=(const LoadedModel&) = delete;

    QString path; // absolute
    std::shared_ptr<const datamodel::Facility> facility;
    datamodel::Schedule schedule; // of *facility, which this keeps alive
    double loadSeconds = 0.0;
};

// What changed in the document, for every view to follow with one signal. `entities`: the dense
// indexes an edit touched, sorted (empty for Model and Schedule: all of them).
struct ChangeEvent {
    enum class What {
        Model,    // another model (or the same file read again): everything is new
        Schedule, // the same entities, another schedule (an import): views keep camera and selection
        Edit,     // the same entities and tasks; an edit changed tasks' progress or punch items
    };
    What what = What::Model;
    std::vector<datamodel::EntityIndex> entities;
};

} // namespace twin::app

Q_DECLARE_METATYPE(twin::app::ChangeEvent)
