#include "Schema.h"

#include <array>
#include <cstddef>

namespace twin::datamodel::schema {

namespace {

// Version 1: the whole facility. Conventions:
// - every physical thing is a row of `entity` (kind code from EntityKind.h, parent in the hierarchy,
//   pose in metres in one facility frame: x east, y north, z up, yaw in degrees about z);
// - edges of the three graphs live in their own tables: `cable` (network), `pipe_segment` (cooling),
//   `power_feed` (power). Their from/a end is the upstream (plant) side, the to/b end the load side;
//   on a return pipe the water flows to -> from, but the dependency still runs from -> to;
// - times are UTC text 'YYYY-MM-DD HH:MM:SS', which SQLite's date functions read and which sorts;
// - no credentials of any kind are stored here (telemetry sources keep theirs outside the model).
constexpr const char* kVersion1 = R"SQL(
CREATE TABLE entity_kind(
    code INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE entity(
    id INTEGER PRIMARY KEY,
    kind INTEGER NOT NULL REFERENCES entity_kind(code),
    parent_id INTEGER REFERENCES entity(id),
    name TEXT NOT NULL,
    subtype TEXT,
    slot INTEGER,
    x REAL NOT NULL DEFAULT 0, y REAL NOT NULL DEFAULT 0, z REAL NOT NULL DEFAULT 0,
    width REAL NOT NULL DEFAULT 0, depth REAL NOT NULL DEFAULT 0, height REAL NOT NULL DEFAULT 0,
    yaw REAL NOT NULL DEFAULT 0,
    model TEXT,
    serial TEXT,
    hostname TEXT,
    uuid TEXT,
    attributes TEXT CHECK(attributes IS NULL OR json_valid(attributes)),
    CHECK(width >= 0 AND depth >= 0 AND height >= 0),
    CHECK(parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX entity_by_parent ON entity(parent_id);
CREATE INDEX entity_by_kind ON entity(kind);
CREATE INDEX entity_by_name ON entity(name);
CREATE INDEX entity_by_hostname ON entity(hostname) WHERE hostname IS NOT NULL;
CREATE INDEX entity_by_serial ON entity(serial) WHERE serial IS NOT NULL;
CREATE UNIQUE INDEX entity_by_uuid ON entity(uuid) WHERE uuid IS NOT NULL;

-- Network. Ports are (device entity, port number) pairs on the cable ends: a 100,000-GPU fabric has
-- some 700,000 of them and none carries data of its own yet.
CREATE TABLE cable(
    id INTEGER PRIMARY KEY,
    a_entity INTEGER NOT NULL REFERENCES entity(id),
    a_port INTEGER NOT NULL CHECK(a_port >= 0),
    b_entity INTEGER NOT NULL REFERENCES entity(id),
    b_port INTEGER NOT NULL CHECK(b_port >= 0),
    type TEXT NOT NULL CHECK(type IN ('DAC', 'AOC', 'fibre')),
    speed_gbps INTEGER NOT NULL CHECK(speed_gbps > 0),
    length_m REAL NOT NULL CHECK(length_m > 0),
    route BLOB, -- the trays it runs along, in order: little-endian int64 entity ids
    CHECK(a_entity <> b_entity)
);
CREATE INDEX cable_by_a ON cable(a_entity);
CREATE INDEX cable_by_b ON cable(b_entity);

-- Cooling. points: the pipe's polyline, little-endian float32 x,y,z triples.
CREATE TABLE pipe_segment(
    id INTEGER PRIMARY KEY,
    from_entity INTEGER NOT NULL REFERENCES entity(id),
    to_entity INTEGER NOT NULL REFERENCES entity(id),
    side TEXT NOT NULL CHECK(side IN ('supply', 'return')),
    diameter_mm REAL NOT NULL CHECK(diameter_mm > 0),
    design_flow_lpm REAL NOT NULL CHECK(design_flow_lpm >= 0),
    points BLOB,
    CHECK(from_entity <> to_entity)
);
CREATE INDEX pipe_segment_by_from ON pipe_segment(from_entity);
CREATE INDEX pipe_segment_by_to ON pipe_segment(to_entity);

-- Power, from the sources (substation, turbines, batteries) to the PSUs.
CREATE TABLE power_feed(
    id INTEGER PRIMARY KEY,
    from_entity INTEGER NOT NULL REFERENCES entity(id),
    to_entity INTEGER NOT NULL REFERENCES entity(id),
    feed TEXT NOT NULL CHECK(feed IN ('A', 'B', 'main')),
    rating_kw REAL NOT NULL CHECK(rating_kw >= 0),
    CHECK(from_entity <> to_entity)
);
CREATE INDEX power_feed_by_from ON power_feed(from_entity);
CREATE INDEX power_feed_by_to ON power_feed(to_entity);

-- Schedule.
CREATE TABLE task(
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    planned_start TEXT NOT NULL CHECK(datetime(planned_start) IS NOT NULL),
    planned_end TEXT NOT NULL CHECK(datetime(planned_end) IS NOT NULL),
    actual_start TEXT CHECK(actual_start IS NULL OR datetime(actual_start) IS NOT NULL),
    actual_end TEXT CHECK(actual_end IS NULL OR datetime(actual_end) IS NOT NULL),
    status TEXT NOT NULL CHECK(status IN ('not_started', 'in_progress', 'done', 'blocked')),
    crew TEXT,
    CHECK(planned_end >= planned_start),
    CHECK(actual_end IS NULL OR (actual_start IS NOT NULL AND actual_end >= actual_start))
);
CREATE INDEX task_by_planned_start ON task(planned_start);
CREATE TABLE task_entity(
    task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
    PRIMARY KEY(task_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX task_entity_by_entity ON task_entity(entity_id);
CREATE TABLE task_dependency(
    task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    depends_on INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    PRIMARY KEY(task_id, depends_on),
    CHECK(task_id <> depends_on)
) WITHOUT ROWID;
CREATE INDEX task_dependency_by_depends_on ON task_dependency(depends_on);

-- How a telemetry series names an entity, beyond the default rules (GPU: hostname + index or UUID).
CREATE TABLE telemetry_binding(
    id INTEGER PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
    scheme TEXT NOT NULL CHECK(scheme IN ('hostname_gpu', 'uuid', 'hostname', 'rack', 'label')),
    key TEXT NOT NULL,
    UNIQUE(scheme, key)
);
CREATE INDEX telemetry_binding_by_entity ON telemetry_binding(entity_id);

-- Punch items and notes on entities, and the audit log of every edit.
CREATE TABLE note(
    id INTEGER PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
    text TEXT NOT NULL CHECK(length(text) > 0),
    author TEXT NOT NULL,
    created_at TEXT NOT NULL CHECK(datetime(created_at) IS NOT NULL),
    closed_at TEXT CHECK(closed_at IS NULL OR datetime(closed_at) IS NOT NULL),
    status TEXT NOT NULL CHECK(status IN ('open', 'closed')),
    blocking INTEGER NOT NULL DEFAULT 0 CHECK(blocking IN (0, 1))
);
CREATE INDEX note_by_entity ON note(entity_id);
CREATE INDEX note_open ON note(status) WHERE status = 'open';
CREATE TABLE audit_log(
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL CHECK(datetime(at) IS NOT NULL),
    author TEXT NOT NULL,
    action TEXT NOT NULL,
    entity_id INTEGER REFERENCES entity(id) ON DELETE SET NULL,
    detail TEXT
);
CREATE INDEX audit_log_by_entity ON audit_log(entity_id);

-- Camera bookmarks and guided tours.
CREATE TABLE bookmark(
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    position_x REAL NOT NULL, position_y REAL NOT NULL, position_z REAL NOT NULL,
    focal_x REAL NOT NULL, focal_y REAL NOT NULL, focal_z REAL NOT NULL,
    up_x REAL NOT NULL DEFAULT 0, up_y REAL NOT NULL DEFAULT 0, up_z REAL NOT NULL DEFAULT 1,
    view_angle REAL NOT NULL DEFAULT 30 CHECK(view_angle > 0 AND view_angle < 180)
);
CREATE TABLE tour(
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE tour_stop(
    tour_id INTEGER NOT NULL REFERENCES tour(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    bookmark_id INTEGER NOT NULL REFERENCES bookmark(id),
    dwell_s REAL NOT NULL DEFAULT 5 CHECK(dwell_s >= 0),
    caption TEXT,
    PRIMARY KEY(tour_id, position)
) WITHOUT ROWID;

-- Facts about the file itself (generator, seed, GPU count), never secrets.
CREATE TABLE model_info(
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
)SQL";

// Version 2: threshold rules for live telemetry (AlertRule.h). The default rules go in from C++
// (defaultAlertRules), as the entity kinds do for version 1.
constexpr const char* kVersion2 = R"SQL(
CREATE TABLE alert_rule(
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK(length(name) > 0),
    metric TEXT NOT NULL CHECK(length(metric) > 0),
    comparison TEXT NOT NULL CHECK(comparison IN ('above', 'below')),
    threshold REAL NOT NULL,
    severity TEXT NOT NULL CHECK(severity IN ('warning', 'critical'))
);
)SQL";

// Version 3: progress recorded on site (issue 16). Punch items get a title, a priority, an assignee, a
// due date, a "ready for review" status, a pin (the camera its author saw) and photos; the audit log
// gets the values before and after each change (JSON objects) and the edit each row belongs to, so that
// an undo or a revert knows what to restore. SQLite cannot change a CHECK in place: note is rebuilt.
constexpr const char* kVersion3 = R"SQL(
CREATE TABLE note_v3(
    id INTEGER PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
    text TEXT NOT NULL CHECK(length(text) > 0),
    author TEXT NOT NULL,
    created_at TEXT NOT NULL CHECK(datetime(created_at) IS NOT NULL),
    closed_at TEXT CHECK(closed_at IS NULL OR datetime(closed_at) IS NOT NULL),
    status TEXT NOT NULL CHECK(status IN ('open', 'ready_for_review', 'closed')),
    blocking INTEGER NOT NULL DEFAULT 0 CHECK(blocking IN (0, 1)),
    title TEXT,
    priority TEXT CHECK(priority IS NULL OR priority IN ('critical', 'major', 'minor')),
    assignee TEXT,
    due TEXT CHECK(due IS NULL OR datetime(due) IS NOT NULL),
    pin TEXT
);
INSERT INTO note_v3(id, entity_id, text, author, created_at, closed_at, status, blocking)
    SELECT id, entity_id, text, author, created_at, closed_at, status, blocking FROM note;
DROP TABLE note;
ALTER TABLE note_v3 RENAME TO note;
CREATE INDEX note_by_entity ON note(entity_id);
CREATE INDEX note_open ON note(status) WHERE status <> 'closed';
CREATE TABLE note_photo(
    id INTEGER PRIMARY KEY,
    note_id INTEGER NOT NULL REFERENCES note(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    format TEXT NOT NULL,
    data BLOB NOT NULL
);
CREATE INDEX note_photo_by_note ON note_photo(note_id);
ALTER TABLE audit_log ADD COLUMN before TEXT;
ALTER TABLE audit_log ADD COLUMN after TEXT;
ALTER TABLE audit_log ADD COLUMN edit_id INTEGER;
ALTER TABLE audit_log ADD COLUMN task_id INTEGER;
ALTER TABLE audit_log ADD COLUMN note_id INTEGER;
CREATE INDEX audit_log_by_task ON audit_log(task_id) WHERE task_id IS NOT NULL;
CREATE INDEX audit_log_by_note ON audit_log(note_id) WHERE note_id IS NOT NULL;
)SQL";

// Version 4 (issue 17): a bookmark keeps the whole view (the rest beside its camera, as JSON) and its
// place in the Bookmarks dock; a tour's stop may play a span of the timeline while it is shown.
constexpr const char* kVersion4 = R"SQL(
ALTER TABLE bookmark ADD COLUMN view_state TEXT CHECK(view_state IS NULL OR json_valid(view_state));
ALTER TABLE bookmark ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tour_stop ADD COLUMN span_from TEXT CHECK(span_from IS NULL OR datetime(span_from) IS NOT NULL);
ALTER TABLE tour_stop ADD COLUMN span_to TEXT CHECK(span_to IS NULL OR datetime(span_to) IS NOT NULL);
ALTER TABLE tour_stop ADD COLUMN days_per_second REAL NOT NULL DEFAULT 2 CHECK(days_per_second > 0);
)SQL";

// Migrations, in order: entry i brings a file from user_version i to i + 1.
constexpr std::array<const char*, kCurrentVersion> kMigrations{kVersion1, kVersion2, kVersion3, kVersion4};

} // namespace

const char* migrationTo(int version) {
    if (version < 1 || version > kCurrentVersion)
        return nullptr;
    return kMigrations[std::size_t(version - 1)];
}

} // namespace twin::datamodel::schema
