#include "datamodel/edits/PunchEdit.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace twin::datamodel {

namespace {

// The image format by a file's first bytes, or empty.
std::string imageFormat(const std::vector<std::byte>& bytes) {
    auto starts = [&bytes](std::initializer_list<unsigned char> magic, std::size_t at = 0) {
        if (bytes.size() < at + magic.size())
            return false;
        std::size_t i = at;
        for (const unsigned char m : magic)
            if (std::to_integer<unsigned char>(bytes[i++]) != m)
                return false;
        return true;
    };
    if (starts({0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a}))
        return "png";
    if (starts({0xff, 0xd8, 0xff}))
        return "jpeg";
    if (starts({'G', 'I', 'F', '8'}))
        return "gif";
    if (starts({'R', 'I', 'F', 'F'}) && starts({'W', 'E', 'B', 'P'}, 8))
        return "webp";
    return {};
}

std::string fileName(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

} // namespace

NotePhoto readPhoto(const std::string& path) {
    std::ifstream file(path, std::ios::binary | std::ios::ate);
    if (!file)
        throw EditRefused(path + ": cannot be read: " + std::strerror(errno));
    const std::streamoff size = file.tellg();
    if (size < 0)
        throw EditRefused(path + ": cannot be read");
    if (std::size_t(size) > kMaxPhotoBytes)
        throw EditRefused(path + ": " + std::to_string(size >> 20) + " MB; a photo may be at most " +
                          std::to_string(kMaxPhotoBytes >> 20) + " MB");
    NotePhoto photo;
    photo.bytes.resize(std::size_t(size));
    file.seekg(0);
    if (size > 0 && !file.read(reinterpret_cast<char*>(photo.bytes.data()), size))
        throw EditRefused(path + ": cannot be read");
    photo.format = imageFormat(photo.bytes);
    if (photo.format.empty())
        throw EditRefused(path + ": not an image (PNG, JPEG, GIF or WebP expected)");
    photo.name = fileName(path);
    return photo;
}

Edit punchAddEdit(const Facility& facility, const PunchRequest& request) {
    if (request.entity == kNoEntity || std::size_t(request.entity) >= facility.entityCount())
        throw EditRefused("a punch item needs an entity");
    if (request.title.empty())
        throw EditRefused("a punch item needs a title");
    for (const TimePoint time : {request.now, request.due}) // the loader refuses such a file
        if (time != kNoTime && !withinModelSpan(time))
            throw EditRefused("the date " + outsideModelSpan(formatTime(time)));
    if (const std::string problem = authorProblem(request.author); !problem.empty())
        throw EditRefused(problem);
    NoteFields fields;
    fields.entity = facility.entities().id[std::size_t(request.entity)];
    fields.title = request.title;
    fields.text = request.text.empty() ? request.title : request.text;
    fields.author = request.author;
    fields.assignee = request.assignee;
    fields.pin = request.pin;
    fields.createdAt = request.now;
    fields.due = request.due;
    fields.priority = request.priority;
    fields.blocking = request.blocking;
    NoteChange change;
    change.after = fields;
    change.photos = request.photos;
    Edit edit;
    edit.action = "punch add";
    edit.notes.push_back(std::move(change));
    return edit;
}

NoteFields noteFieldsOf(const Facility& facility, std::size_t n) {
    const NoteColumns& notes = facility.notes();
    NoteFields fields;
    fields.entity = facility.entities().id[std::size_t(notes.entity[n])];
    fields.title = std::string(notes.title[n]);
    fields.text = std::string(notes.text[n]);
    fields.author = std::string(notes.author[n]);
    fields.assignee = std::string(notes.assignee[n]);
    fields.pin = std::string(notes.pin[n]);
    fields.createdAt = notes.createdAt[n];
    fields.closedAt = notes.status[n] == NoteStatus::Closed ? notes.closedAt[n] : kNoTime;
    fields.due = notes.due[n];
    fields.status = notes.status[n];
    fields.priority = notes.priority[n];
    fields.blocking = notes.blocking[n];
    return fields;
}

Edit punchStatusEdit(const Facility& facility, std::int64_t noteId, NoteStatus status, TimePoint now) {
    const NoteColumns& notes = facility.notes();
    const auto found = std::find(notes.id.begin(), notes.id.end(), noteId);
    if (found == notes.id.end())
        throw EditRefused("punch item " + std::to_string(noteId) + " is not in the model");
    NoteChange change;
    change.note = noteId;
    change.before = noteFieldsOf(facility, std::size_t(found - notes.id.begin()));
    if (change.before->status == status)
        throw EditRefused("punch item " + std::to_string(noteId) + " is " +
                          std::string(noteStatusName(status)) + " already");
    change.after = change.before;
    change.after->status = status;
    change.after->closedAt = status == NoteStatus::Closed ? now : kNoTime;
    Edit edit;
    edit.action = status == NoteStatus::Closed           ? "punch close"
                  : status == NoteStatus::ReadyForReview ? "punch ready for review"
                                                         : "punch reopen";
    edit.notes.push_back(std::move(change));
    return edit;
}

} // namespace twin::datamodel
