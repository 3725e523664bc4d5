#include "FacilityLoader.h"

#include "CsrBuilder.h"
#include "TourBookReader.h"
#include "datamodel/ModelError.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>
#include <string>

namespace twin::datamodel {

// Fills a Facility's private arrays from the tables and derives the indexes. A friend of Facility.
class FacilityBuilder {
public:
    explicit FacilityBuilder(sqlite::Connection& connection) : db_(connection), path_(connection.path()) {}

    Facility build() {
        readEntities();
        indexIds();
        resolveParents();
        deriveHierarchy();
        readCables();
        readPipes();
        readFeeds();
        readTasks();
        readNotes();
        readAlertRules();
        *facility_.tourBook_ = readTourBook(db_);
        return std::move(facility_);
    }

private:
    [[noreturn]] void bad(const std::string& what) const { throw ModelError(path_ + ": " + what); }

    std::string describeEntity(std::size_t index) const {
        return "entity " + std::to_string(facility_.entities_->id[index]) + " ('" +
               std::string(facility_.entities_->name[index]) + "')";
    }

    EntityIndex resolve(std::int64_t id) const { return facility_.findById(id); }

    EntityIndex resolveReference(std::int64_t id, const char* table, std::int64_t rowId,
                                 const char* column) const {
        const EntityIndex index = resolve(id);
        if (index == kNoEntity)
            bad(std::string(table) + " " + std::to_string(rowId) + ": " + column + " " + std::to_string(id) +
                " does not exist (foreign key violation)");
        return index;
    }

    TimePoint readTime(sqlite::Statement& row, int column, const char* table, std::int64_t rowId,
                       const char* field) const {
        if (row.isNull(column))
            return kNoTime;
        const auto time = parseTime(row.text(column));
        if (!time)
            bad(std::string(table) + " " + std::to_string(rowId) + ": " + field + " '" +
                std::string(row.text(column)) + "' is not a date");
        if (!withinModelSpan(*time))
            bad(std::string(table) + " " + std::to_string(rowId) + ": " + field + " " +
                outsideModelSpan(row.text(column)));
        return *time;
    }

    void readEntities() {
        EntityColumns& e = *facility_.entities_;
        const auto count = std::size_t(db_.queryInteger("SELECT count(*) FROM entity"));
        e.id.reserve(count);
        e.kind.reserve(count);
        parentIds_.reserve(count);
        e.slot.reserve(count);
        e.pose.reserve(count);
        e.name.reserve(count, count * 16);
        sqlite::Statement row(
            db_, "SELECT id, kind, parent_id, name, subtype, slot, x, y, z, width, depth, height, "
                 "yaw, model, serial, hostname, uuid, attributes FROM entity ORDER BY id");
        while (row.step()) {
            const std::int64_t id = row.integer(0);
            const auto kind = entityKindFromCode(int(row.integer(1)));
            if (!kind)
                bad("entity " + std::to_string(id) + ": unknown kind code " + std::to_string(row.integer(1)));
            e.id.push_back(id);
            e.kind.push_back(*kind);
            parentIds_.push_back(row.isNull(2) ? 0 : row.integer(2));
            e.name.push_back(row.text(3));
            e.subtype.push_back(row.text(4));
            e.slot.push_back(row.isNull(5) ? std::int16_t(-1) : std::int16_t(row.integer(5)));
            e.pose.push_back(Pose{float(row.real(6)), float(row.real(7)), float(row.real(8)),
                                  float(row.real(9)), float(row.real(10)), float(row.real(11)),
                                  float(row.real(12))});
            e.model.push_back(row.text(13));
            e.serial.push_back(row.text(14));
            e.hostname.push_back(row.text(15));
            e.uuid.push_back(row.text(16));
            e.attributes.push_back(row.text(17));
        }
    }

    void indexIds() {
        const std::vector<std::int64_t>& ids = facility_.entities_->id;
        if (ids.empty())
            return;
        // Ids are ascending (ORDER BY id). When they are nearly dense, a direct table beats a search.
        const std::int64_t span = ids.back() - ids.front() + 1;
        if (span > std::int64_t(ids.size()) * 2 + 1024)
            return; // sparse: findById falls back to binary search
        facility_.fixed_->idBase = ids.front();
        facility_.fixed_->idToIndex.assign(size_t(span), kNoEntity);
        for (std::size_t i = 0; i < ids.size(); ++i)
            facility_.fixed_->idToIndex[size_t(ids[i] - ids.front())] = EntityIndex(i);
    }

    void resolveParents() {
        std::vector<EntityIndex>& parent = facility_.entities_->parent;
        parent.resize(parentIds_.size(), kNoEntity);
        for (std::size_t i = 0; i < parentIds_.size(); ++i) {
            if (parentIds_[i] == 0)
                continue;
            parent[i] = resolve(parentIds_[i]);
            if (parent[i] == kNoEntity)
                bad(describeEntity(i) + ": parent_id " + std::to_string(parentIds_[i]) +
                    " does not exist (foreign key violation)");
        }
        parentIds_ = {};
    }

    void deriveHierarchy() {
        const std::size_t n = facility_.entityCount();
        const EntityColumns& e = *facility_.entities_;
        std::vector<EntityIndex> all(n);
        for (std::size_t i = 0; i < n; ++i)
            all[i] = EntityIndex(i);

        // Children grouped by parent (roots under a virtual row n), kinds grouped by code.
        Csr<EntityIndex> withRoots = groupIntoRows(
            n + 1, n, [&](std::size_t i) { return e.parent[i] == kNoEntity ? n : size_t(e.parent[i]); }, all);
        facility_.fixed_->byKind = groupIntoRows(
            kEntityKindSlots, n, [&](std::size_t i) { return size_t(e.kind[i]); }, all);

        // Top-down order by breadth-first search from the roots; anything not reached sits on a cycle.
        std::vector<EntityIndex>& order = facility_.fixed_->topDown;
        order.reserve(n);
        for (EntityIndex root : withRoots.row(n))
            order.push_back(root);
        for (std::size_t next = 0; next < order.size(); ++next)
            for (EntityIndex child : withRoots.row(size_t(order[next])))
                order.push_back(child);
        if (order.size() != n) {
            std::vector<bool> reached(n, false);
            for (EntityIndex i : order)
                reached[size_t(i)] = true;
            const auto first = std::find(reached.begin(), reached.end(), false) - reached.begin();
            bad(describeEntity(size_t(first)) + ": its parent chain loops back on itself");
        }
        withRoots.start.pop_back();
        withRoots.items.resize(withRoots.start.back());
        facility_.fixed_->children = std::move(withRoots);

        // Bounds bottom-up: every entity's own box, grown by its children's subtrees.
        std::vector<Bounds>& bounds = facility_.fixed_->subtreeBounds;
        bounds.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            const Pose& pose = e.pose[i];
            if (pose.width > 0 || pose.depth > 0 || pose.height > 0)
                bounds[i] = pose.bounds();
        }
        for (auto it = order.rbegin(); it != order.rend(); ++it)
            if (e.parent[size_t(*it)] != kNoEntity)
                bounds[size_t(e.parent[size_t(*it)])].expand(bounds[size_t(*it)]);
        for (std::size_t i = 0; i < n; ++i)
            if (e.parent[i] == kNoEntity)
                facility_.fixed_->bounds.expand(bounds[i]);
    }

    void readCables() {
        CableColumns& c = facility_.fixed_->cables;
        const auto count = std::size_t(db_.queryInteger("SELECT count(*) FROM cable"));
        c.id.reserve(count);
        c.a.reserve(count);
        c.b.reserve(count);
        c.aPort.reserve(count);
        c.bPort.reserve(count);
        c.type.reserve(count);
        c.speedGbps.reserve(count);
        c.lengthM.reserve(count);
        c.route.start.reserve(count + 1);
        sqlite::Statement row(
            db_, "SELECT id, a_entity, a_port, b_entity, b_port, type, speed_gbps, length_m, route "
                 "FROM cable ORDER BY id");
        while (row.step()) {
            const std::int64_t id = row.integer(0);
            c.id.push_back(id);
            c.a.push_back(resolveReference(row.integer(1), "cable", id, "a_entity"));
            c.aPort.push_back(std::int32_t(row.integer(2)));
            c.b.push_back(resolveReference(row.integer(3), "cable", id, "b_entity"));
            c.bPort.push_back(std::int32_t(row.integer(4)));
            const std::string_view type = row.text(5);
            c.type.push_back(type == "DAC"   ? CableType::Dac
                             : type == "AOC" ? CableType::Aoc
                                             : CableType::Fibre);
            c.speedGbps.push_back(std::int32_t(row.integer(6)));
            c.lengthM.push_back(float(row.real(7)));
            const std::span<const std::byte> route = row.blob(8);
            if (route.size() % sizeof(std::int64_t) != 0)
                bad("cable " + std::to_string(id) + ": route is " + std::to_string(route.size()) +
                    " bytes, not a list of 8-byte tray ids");
            for (std::size_t at = 0; at < route.size(); at += sizeof(std::int64_t)) {
                std::int64_t tray = 0;
                std::memcpy(&tray, route.data() + at, sizeof tray);
                c.route.items.push_back(resolveReference(tray, "cable", id, "route tray"));
            }
            c.route.start.push_back(std::uint32_t(c.route.items.size()));
        }
    }

    void readPipes() {
        PipeColumns& p = facility_.fixed_->pipes;
        sqlite::Statement row(db_,
                              "SELECT id, from_entity, to_entity, side, diameter_mm, design_flow_lpm, points "
                              "FROM pipe_segment ORDER BY id");
        while (row.step()) {
            const std::int64_t id = row.integer(0);
            p.id.push_back(id);
            p.from.push_back(resolveReference(row.integer(1), "pipe_segment", id, "from_entity"));
            p.to.push_back(resolveReference(row.integer(2), "pipe_segment", id, "to_entity"));
            p.side.push_back(row.text(3) == "supply" ? PipeSide::Supply : PipeSide::Return);
            p.diameterMm.push_back(float(row.real(4)));
            p.designFlowLpm.push_back(float(row.real(5)));
            const std::span<const std::byte> points = row.blob(6);
            if (points.size() % sizeof(std::array<float, 3>) != 0)
                bad("pipe_segment " + std::to_string(id) + ": points is " + std::to_string(points.size()) +
                    " bytes, not a list of x,y,z float triples");
            const std::size_t first = p.points.items.size();
            p.points.items.resize(first + points.size() / sizeof(std::array<float, 3>));
            if (!points.empty()) // a NULL blob has no data pointer, and memcpy must not see one
                std::memcpy(p.points.items.data() + first, points.data(), points.size());
            p.points.start.push_back(std::uint32_t(p.points.items.size()));
        }
    }

    void readFeeds() {
        FeedColumns& f = facility_.fixed_->feeds;
        sqlite::Statement row(
            db_, "SELECT id, from_entity, to_entity, feed, rating_kw FROM power_feed ORDER BY id");
        while (row.step()) {
            const std::int64_t id = row.integer(0);
            f.id.push_back(id);
            f.from.push_back(resolveReference(row.integer(1), "power_feed", id, "from_entity"));
            f.to.push_back(resolveReference(row.integer(2), "power_feed", id, "to_entity"));
            const std::string_view feed = row.text(3);
            f.feed.push_back(feed == "A"   ? PowerFeedKind::A
                             : feed == "B" ? PowerFeedKind::B
                                           : PowerFeedKind::Main);
            f.ratingKw.push_back(float(row.real(4)));
        }
    }

    static TaskStatus statusFromText(std::string_view text) {
        if (text == "in_progress")
            return TaskStatus::InProgress;
        if (text == "done")
            return TaskStatus::Done;
        if (text == "blocked")
            return TaskStatus::Blocked;
        return TaskStatus::NotStarted;
    }

    void readTasks() {
        TaskColumns& t = *facility_.tasks_;
        sqlite::Statement row(db_,
                              "SELECT id, name, kind, planned_start, planned_end, actual_start, actual_end, "
                              "status, crew FROM task ORDER BY id");
        while (row.step()) {
            const std::int64_t id = row.integer(0);
            t.id.push_back(id);
            t.name.push_back(row.text(1));
            t.kind.push_back(row.text(2));
            t.plannedStart.push_back(readTime(row, 3, "task", id, "planned_start"));
            t.plannedEnd.push_back(readTime(row, 4, "task", id, "planned_end"));
            t.actualStart.push_back(readTime(row, 5, "task", id, "actual_start"));
            t.actualEnd.push_back(readTime(row, 6, "task", id, "actual_end"));
            t.status.push_back(statusFromText(row.text(7)));
            t.crew.push_back(row.text(8));
        }
        facility_.updateScheduleSpan();

        // Task -> entities, then the reverse, both as compressed rows.
        std::vector<std::uint32_t> linkTask;
        std::vector<EntityIndex> linkEntity;
        sqlite::Statement link(db_, "SELECT task_id, entity_id FROM task_entity ORDER BY task_id, entity_id");
        std::size_t taskCursor = 0;
        while (link.step()) {
            const std::int64_t taskId = link.integer(0);
            while (taskCursor < t.id.size() && t.id[taskCursor] < taskId)
                ++taskCursor;
            if (taskCursor == t.id.size() || t.id[taskCursor] != taskId)
                bad("task_entity: task_id " + std::to_string(taskId) +
                    " does not exist (foreign key violation)");
            linkTask.push_back(std::uint32_t(taskCursor));
            linkEntity.push_back(
                resolveReference(link.integer(1), "task_entity for task", taskId, "entity_id"));
        }
        t.entities = groupIntoRows(
            t.size(), linkTask.size(), [&](std::size_t i) { return linkTask[i]; }, linkEntity);
        facility_.fixed_->entityTasks = groupIntoRows(
            facility_.entityCount(), linkTask.size(), [&](std::size_t i) { return size_t(linkEntity[i]); },
            linkTask);
        readTaskDependencies();
    }

    // The dense index of a task id (ids ascend, ORDER BY id), or none.
    std::optional<std::uint32_t> taskIndex(std::int64_t id) const {
        const std::vector<std::int64_t>& ids = facility_.tasks_->id;
        const auto at = std::lower_bound(ids.begin(), ids.end(), id);
        if (at == ids.end() || *at != id)
            return std::nullopt;
        return std::uint32_t(at - ids.begin());
    }

    // Task -> the tasks it depends on (the critical path walks these), as compressed rows.
    void readTaskDependencies() {
        TaskColumns& t = *facility_.tasks_;
        std::vector<std::uint32_t> task, dependsOn;
        sqlite::Statement row(db_,
                              "SELECT task_id, depends_on FROM task_dependency ORDER BY task_id, depends_on");
        while (row.step()) {
            const std::int64_t taskId = row.integer(0), beforeId = row.integer(1);
            const auto index = taskIndex(taskId);
            if (!index)
                bad("task_dependency: task_id " + std::to_string(taskId) +
                    " does not exist (foreign key violation)");
            const auto before = taskIndex(beforeId);
            if (!before)
                bad("task_dependency for task " + std::to_string(taskId) + ": depends_on " +
                    std::to_string(beforeId) + " does not exist (foreign key violation)");
            task.push_back(*index);
            dependsOn.push_back(*before);
        }
        t.predecessors = groupIntoRows(
            t.size(), task.size(), [&](std::size_t i) { return task[i]; }, dependsOn);
    }

    void readNotes() {
        NoteColumns& n = *facility_.notes_;
        // Version 3's punch item columns; a version-2 file read as it is has none.
        sqlite::Statement columns(db_, "SELECT count(*) FROM pragma_table_info('note') WHERE name = 'title'");
        const bool punchColumns = columns.step() && columns.integer(0) > 0;
        sqlite::Statement row(db_, punchColumns
                                       ? "SELECT id, entity_id, text, author, created_at, closed_at, status, "
                                         "blocking, title, priority, assignee, due, pin FROM note ORDER BY id"
                                       : "SELECT id, entity_id, text, author, created_at, closed_at, status, "
                                         "blocking FROM note ORDER BY id");
        while (row.step()) {
            const std::int64_t id = row.integer(0);
            n.id.push_back(id);
            n.entity.push_back(resolveReference(row.integer(1), "note", id, "entity_id"));
            n.text.push_back(row.text(2));
            n.author.push_back(row.text(3));
            n.createdAt.push_back(readTime(row, 4, "note", id, "created_at"));
            const std::optional<NoteStatus> status = noteStatusFromName(row.text(6));
            if (!status)
                bad("note " + std::to_string(id) + ": status '" + std::string(row.text(6)) +
                    "' is not one of open, ready_for_review, closed");
            TimePoint closed = readTime(row, 5, "note", id, "closed_at");
            // Closed without a date: closed since it was written.
            if (closed == kNoTime && *status == NoteStatus::Closed)
                closed = n.createdAt.back();
            n.closedAt.push_back(closed);
            n.blocking.push_back(row.integer(7) != 0);
            n.status.push_back(*status);
            if (!punchColumns) {
                n.title.push_back({});
                n.priority.push_back(NotePriority::None);
                n.assignee.push_back({});
                n.due.push_back(kNoTime);
                n.pin.push_back({});
                continue;
            }
            n.title.push_back(row.isNull(8) ? std::string_view() : row.text(8));
            const std::optional<NotePriority> priority =
                notePriorityFromName(row.isNull(9) ? std::string_view() : row.text(9));
            if (!priority)
                bad("note " + std::to_string(id) + ": priority '" + std::string(row.text(9)) +
                    "' is not one of critical, major, minor");
            n.priority.push_back(*priority);
            n.assignee.push_back(row.isNull(10) ? std::string_view() : row.text(10));
            n.due.push_back(readTime(row, 11, "note", id, "due"));
            n.pin.push_back(row.isNull(12) ? std::string_view() : row.text(12));
        }
    }

    void readAlertRules() {
        auto& rules = facility_.fixed_->alertRules;
        sqlite::Statement exists(db_, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?");
        exists.bind(1, std::string_view("alert_rule"));
        if (!exists.step() || exists.integer(0) == 0) { // a version-1 file read as it is
            rules.assign(defaultAlertRules().begin(), defaultAlertRules().end());
            return;
        }
        sqlite::Statement row(
            db_, "SELECT id, name, metric, comparison, threshold, severity FROM alert_rule ORDER BY id");
        while (row.step()) {
            AlertRule rule;
            rule.id = row.integer(0);
            rule.name = std::string(row.text(1));
            rule.metric = std::string(row.text(2));
            // The table's CHECK constraints allow only these words.
            rule.comparison = row.text(3) == "below" ? AlertComparison::Below : AlertComparison::Above;
            rule.threshold = row.real(4);
            rule.severity = row.text(5) == "critical" ? AlertSeverity::Critical : AlertSeverity::Warning;
            if (!std::isfinite(rule.threshold))
                bad("alert_rule " + std::to_string(rule.id) + ": threshold is not a finite number");
            rules.push_back(std::move(rule));
        }
    }

    sqlite::Connection& db_;
    std::string path_;
    Facility facility_;
    std::vector<std::int64_t> parentIds_;
};

Facility loadFacility(sqlite::Connection& connection) {
    return FacilityBuilder(connection).build();
}

} // namespace twin::datamodel
