// The audit log's before and after values as JSON objects: written here by hand (a fixed key order,
// and `log --json` copies them through as they are), read back with Qt's parser for a revert.
#include "datamodel/Utf8.h"
#include "datamodel/edits/Edit.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <array>
#include <charconv>
#include <cmath>

namespace twin::datamodel {

namespace {

void appendTime(std::string& out, TimePoint time) {
    if (time == kNoTime)
        out += "null";
    else
        appendJsonString(out, formatTime(time));
}

void appendOptional(std::string& out, std::string_view text) {
    if (text.empty())
        out += "null";
    else
        appendJsonString(out, text);
}

std::optional<QJsonObject> objectOf(std::string_view json) {
    QJsonParseError error{};
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray(json.data(), qsizetype(json.size())), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

// A time field: null, or a date the model writes. False when it is neither.
bool readTime(const QJsonObject& object, const char* key, TimePoint& time) {
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isNull() || value.isUndefined()) {
        time = kNoTime;
        return true;
    }
    const std::optional<TimePoint> parsed = parseTime(value.toString().toStdString());
    if (!parsed)
        return false;
    time = *parsed;
    return true;
}

std::string textOf(const QJsonObject& object, const char* key) {
    return object.value(QLatin1String(key)).toString().toStdString();
}

} // namespace

void appendJsonString(std::string& out, std::string_view text) {
    out += '"';
    // Bytes read straight from the file (an entity's name, an old line's author) may not be UTF-8:
    // each such byte becomes U+FFFD, so that the document stays JSON.
    for (std::size_t at = 0; at < text.size(); ++at) {
        const char c = text[at];
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80) {
            const std::size_t length = utf8SequenceAt(text, at);
            if (length == 0) {
                out += "\xef\xbf\xbd";
                continue;
            }
            out.append(text.substr(at, length));
            at += length - 1;
            continue;
        }
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            static const char* hex = "0123456789abcdef";
            out += "\\u00";
            out += hex[byte >> 4];
            out += hex[byte & 15];
        } else {
            out += c;
        }
    }
    out += '"';
}

std::string toJson(const TaskFields& fields) {
    std::string out = "{\"actual_start\":";
    appendTime(out, fields.actualStart);
    out += ",\"actual_end\":";
    appendTime(out, fields.actualEnd);
    out += ",\"status\":";
    appendJsonString(out, taskStatusName(fields.status));
    out += '}';
    return out;
}

std::string toJson(const NoteFields& fields) {
    std::string out = "{\"entity_id\":" + std::to_string(fields.entity) + ",\"title\":";
    appendOptional(out, fields.title);
    out += ",\"text\":";
    appendJsonString(out, fields.text);
    out += ",\"author\":";
    appendJsonString(out, fields.author);
    out += ",\"assignee\":";
    appendOptional(out, fields.assignee);
    out += ",\"pin\":";
    appendOptional(out, fields.pin);
    out += ",\"created_at\":";
    appendTime(out, fields.createdAt);
    out += ",\"closed_at\":";
    appendTime(out, fields.closedAt);
    out += ",\"due\":";
    appendTime(out, fields.due);
    out += ",\"status\":";
    appendJsonString(out, noteStatusName(fields.status));
    out += ",\"priority\":";
    appendOptional(out, notePriorityName(fields.priority));
    out += ",\"blocking\":";
    out += fields.blocking ? "true" : "false";
    out += '}';
    return out;
}

std::string toJson(const EntityFields& fields) {
    std::string out = "{\"model\":";
    appendOptional(out, fields.model);
    out += ",\"serial\":";
    appendOptional(out, fields.serial);
    out += ",\"hostname\":";
    appendOptional(out, fields.hostname);
    out += ",\"uuid\":";
    appendOptional(out, fields.uuid);
    out += ",\"attributes\":";
    appendOptional(out, fields.attributes); // the object's text, as a string: kept byte for byte
    out += '}';
    return out;
}

std::optional<EntityFields> entityFieldsFromJson(std::string_view json) {
    const std::optional<QJsonObject> object = objectOf(json);
    if (!object || !object->contains(QLatin1String("serial")))
        return std::nullopt;
    EntityFields fields;
    fields.model = textOf(*object, "model");
    fields.serial = textOf(*object, "serial");
    fields.hostname = textOf(*object, "hostname");
    fields.uuid = textOf(*object, "uuid");
    fields.attributes = textOf(*object, "attributes");
    return fields;
}

namespace {

// The shortest text that reads back as `value`, whatever the locale ("12.5", never "12,5"); JSON has
// no NaN or infinity: null.
void appendNumber(std::string& out, double value) {
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, value).ptr;
    out.append(text, end);
}

void appendTriple(std::string& out, const std::array<double, 3>& values) {
    out += '[';
    for (std::size_t i = 0; i < 3; ++i) {
        if (i > 0)
            out += ',';
        appendNumber(out, values[i]);
    }
    out += ']';
}

} // namespace

std::string toJson(const Bookmark& bookmark) {
    std::string out = "{\"name\":";
    appendJsonString(out, bookmark.name);
    out += ",\"position\":";
    appendTriple(out, bookmark.camera.position);
    out += ",\"focal_point\":";
    appendTriple(out, bookmark.camera.focalPoint);
    out += ",\"view_up\":";
    appendTriple(out, bookmark.camera.viewUp);
    out += ",\"view_angle\":";
    appendNumber(out, bookmark.camera.viewAngle);
    out += ",\"order\":" + std::to_string(bookmark.position) + ",\"view\":";
    out += bookmark.view.empty() ? std::string("null") : bookmark.view; // JSON already
    out += '}';
    return out;
}

std::string toJson(const Tour& tour) {
    std::string out = "{\"name\":";
    appendJsonString(out, tour.name);
    out += ",\"stops\":[";
    for (std::size_t i = 0; i < tour.stops.size(); ++i) {
        const TourStop& stop = tour.stops[i];
        out += i > 0 ? ",{" : "{";
        out += "\"bookmark_id\":" + std::to_string(stop.bookmark.id) + ",\"dwell_s\":";
        appendNumber(out, stop.dwellSeconds);
        out += ",\"caption\":";
        appendJsonString(out, stop.caption);
        out += ",\"span_from\":";
        appendTime(out, stop.span.from);
        out += ",\"span_to\":";
        appendTime(out, stop.span.to);
        out += ",\"days_per_second\":";
        appendNumber(out, stop.span.daysPerSecond);
        out += '}';
    }
    out += "]}";
    return out;
}

std::optional<TaskFields> taskFieldsFromJson(std::string_view json) {
    const std::optional<QJsonObject> object = objectOf(json);
    if (!object)
        return std::nullopt;
    TaskFields fields;
    const std::optional<TaskStatus> status = taskStatusFromName(textOf(*object, "status"));
    if (!status || !readTime(*object, "actual_start", fields.actualStart) ||
        !readTime(*object, "actual_end", fields.actualEnd))
        return std::nullopt;
    fields.status = *status;
    return fields;
}

std::optional<NoteFields> noteFieldsFromJson(std::string_view json) {
    const std::optional<QJsonObject> object = objectOf(json);
    if (!object)
        return std::nullopt;
    NoteFields fields;
    fields.entity = object->value(QLatin1String("entity_id")).toInteger();
    fields.title = textOf(*object, "title");
    fields.text = textOf(*object, "text");
    fields.author = textOf(*object, "author");
    fields.assignee = textOf(*object, "assignee");
    fields.pin = textOf(*object, "pin");
    const std::optional<NoteStatus> status = noteStatusFromName(textOf(*object, "status"));
    const std::optional<NotePriority> priority = notePriorityFromName(textOf(*object, "priority"));
    if (!status || !priority || !readTime(*object, "created_at", fields.createdAt) ||
        !readTime(*object, "closed_at", fields.closedAt) || !readTime(*object, "due", fields.due))
        return std::nullopt;
    fields.status = *status;
    fields.priority = *priority;
    fields.blocking = object->value(QLatin1String("blocking")).toBool();
    return fields;
}

} // namespace twin::datamodel
