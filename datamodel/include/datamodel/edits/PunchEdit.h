// Punch items (issues on an entity) as Edits: added with a title, text, priority, blocking or not, an
// assignee, a due date, photos and a pin (the camera its author saw); moved open -> ready for review ->
// closed, or opened again. Inputs are checked first (EditRefused, nothing written).
#pragma once

#include "datamodel/edits/ProgressEdit.h"

namespace twin::datamodel {

struct PunchRequest {
    EntityIndex entity = kNoEntity;
    std::string title, text, assignee, author, pin;
    NotePriority priority = NotePriority::Major;
    bool blocking = false;
    TimePoint due = kNoTime, now = kNoTime;
    std::vector<NotePhoto> photos;
};

inline constexpr std::size_t kMaxPhotoBytes = std::size_t(20) << 20; // 20 MB: a phone photo is 2 to 8

// A photo file, read and checked: an image (PNG, JPEG, GIF or WebP by its first bytes) of at most
// kMaxPhotoBytes. Throws EditRefused naming the file.
NotePhoto readPhoto(const std::string& path);

Edit punchAddEdit(const Facility& facility, const PunchRequest& request);
// A punch item's row as the loaded model has it (`note`: an index into Facility::notes()).
NoteFields noteFieldsOf(const Facility& facility, std::size_t note);
// Moves punch item `noteId` to `status` (closing stamps closed_at `now`; opening again clears it).
// Throws EditRefused for an unknown id or a status it already has.
Edit punchStatusEdit(const Facility& facility, std::int64_t noteId, NoteStatus status, TimePoint now);

} // namespace twin::datamodel
