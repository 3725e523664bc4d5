#include "datamodel/FacilityExport.h"

namespace twin::datamodel {

void writeFacility(const Facility& facility, ModelWriter& writer) {
    writer.setAlertRules(facility.alertRules());
    const EntityColumns& e = facility.entities();
    auto idOf = [&](EntityIndex index) {
        return index == kNoEntity ? std::int64_t(0) : e.id[size_t(index)];
    };
    // Parents before children: foreign keys are checked as each row goes in.
    for (EntityIndex i : facility.topDownOrder()) {
        const auto at = size_t(i);
        EntityRecord record;
        record.id = e.id[at];
        record.kind = e.kind[at];
        record.parentId = idOf(e.parent[at]);
        record.name = e.name[at];
        record.subtype = e.subtype[at];
        record.slot = e.slot[at];
        record.pose = e.pose[at];
        record.model = e.model[at];
        record.serial = e.serial[at];
        record.hostname = e.hostname[at];
        record.uuid = e.uuid[at];
        record.attributesJson = e.attributes[at];
        writer.addEntity(record);
    }
    const CableColumns& cables = facility.cables();
    std::vector<std::int64_t> route;
    for (std::size_t c = 0; c < cables.size(); ++c) {
        route.clear();
        for (EntityIndex tray : cables.route.row(c))
            route.push_back(idOf(tray));
        CableRecord record;
        record.id = cables.id[c];
        record.aEntity = idOf(cables.a[c]);
        record.aPort = cables.aPort[c];
        record.bEntity = idOf(cables.b[c]);
        record.bPort = cables.bPort[c];
        record.type = cables.type[c];
        record.speedGbps = cables.speedGbps[c];
        record.lengthM = cables.lengthM[c];
        record.routeTrays = route;
        writer.addCable(record);
    }
    const PipeColumns& pipes = facility.pipes();
    for (std::size_t p = 0; p < pipes.size(); ++p) {
        PipeRecord record;
        record.id = pipes.id[p];
        record.fromEntity = idOf(pipes.from[p]);
        record.toEntity = idOf(pipes.to[p]);
        record.side = pipes.side[p];
        record.diameterMm = pipes.diameterMm[p];
        record.designFlowLpm = pipes.designFlowLpm[p];
        record.points = pipes.points.row(p);
        writer.addPipe(record);
    }
    const FeedColumns& feeds = facility.feeds();
    for (std::size_t f = 0; f < feeds.size(); ++f) {
        FeedRecord record;
        record.id = feeds.id[f];
        record.fromEntity = idOf(feeds.from[f]);
        record.toEntity = idOf(feeds.to[f]);
        record.feed = feeds.feed[f];
        record.ratingKw = feeds.ratingKw[f];
        writer.addFeed(record);
    }
    const TaskColumns& tasks = facility.tasks();
    for (std::size_t t = 0; t < tasks.size(); ++t) {
        TaskRecord record;
        record.id = tasks.id[t];
        record.name = tasks.name[t];
        record.kind = tasks.kind[t];
        record.crew = tasks.crew[t];
        record.plannedStart = tasks.plannedStart[t];
        record.plannedEnd = tasks.plannedEnd[t];
        record.actualStart = tasks.actualStart[t];
        record.actualEnd = tasks.actualEnd[t];
        record.status = tasks.status[t];
        writer.addTask(record);
        for (EntityIndex linked : tasks.entities.row(t))
            writer.linkTask(tasks.id[t], idOf(linked));
    }
    // After every task: a dependency may point at a later task, and its foreign key is checked now.
    for (std::size_t t = 0; t < tasks.size(); ++t)
        for (std::uint32_t before : tasks.predecessors.row(t))
            writer.addTaskDependency(tasks.id[t], tasks.id[before]);
    const NoteColumns& notes = facility.notes();
    for (std::size_t n = 0; n < notes.size(); ++n) {
        NoteRecord record;
        record.entityId = idOf(notes.entity[n]);
        record.text = notes.text[n];
        record.author = notes.author[n];
        record.createdAt = notes.createdAt[n];
        record.closedAt = notes.closedAt[n];
        record.status = notes.status[n];
        record.blocking = notes.blocking[n];
        record.title = notes.title[n];
        record.priority = notes.priority[n];
        record.assignee = notes.assignee[n];
        record.due = notes.due[n];
        record.pin = notes.pin[n];
        writer.addNote(record);
    }
}

} // namespace twin::datamodel
