#include "datamodel/edits/EditedFacility.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>

namespace twin::datamodel {

// Writes the changed parts of a copy; a friend of Facility.
class FacilityEditor {
public:
    static void applyTasks(Facility& facility, const std::vector<TaskChange>& changes) {
        auto tasks = std::make_shared<TaskColumns>(*facility.tasks_);
        for (const TaskChange& change : changes) {
            const auto at = std::lower_bound(tasks->id.begin(), tasks->id.end(), change.task);
            if (at == tasks->id.end() || *at != change.task)
                throw ModelError("task " + std::to_string(change.task) + " is not in the loaded model");
            const auto t = std::size_t(at - tasks->id.begin());
            tasks->actualStart[t] = change.after.actualStart;
            tasks->actualEnd[t] = change.after.actualEnd;
            tasks->status[t] = change.after.status;
        }
        facility.tasks_ = std::move(tasks);
        facility.updateScheduleSpan();
    }

    // Punch items are few (hundreds): the columns are written again, in id order as the loader reads
    // them, with the changed rows replaced, the deleted left out and the added put in place.
    static void applyNotes(Facility& facility, const std::vector<NoteChange>& changes,
                           const std::vector<std::int64_t>& ids) {
        const NoteColumns& old = *facility.notes_;
        // By id, what each changed row holds afterwards (nullopt: deleted); a later change of the same
        // row in one edit wins, as it did in the file.
        std::map<std::int64_t, std::optional<NoteFields>> changed;
        for (std::size_t c = 0; c < changes.size(); ++c) {
            const std::int64_t id = c < ids.size() && ids[c] != 0 ? ids[c] : changes[c].note;
            const bool loaded = std::binary_search(old.id.begin(), old.id.end(), id) || changed.count(id);
            if (changes[c].before && !loaded)
                throw ModelError("punch item " + std::to_string(id) + " is not in the loaded model");
            changed[id] = changes[c].after;
        }
        // Both in id order: merged, as the loader reads the table (ORDER BY id).
        auto notes = std::make_shared<NoteColumns>();
        std::size_t row = 0;
        auto next = changed.begin();
        while (row < old.size() || next != changed.end()) {
            if (next == changed.end() || (row < old.size() && old.id[row] < next->first)) {
                copyRow(*notes, old, row++);
                continue;
            }
            if (row < old.size() && old.id[row] == next->first)
                ++row; // replaced or deleted
            if (next->second)
                push(*notes, facility, next->first, *next->second);
            ++next;
        }
        facility.notes_ = std::move(notes);
    }

    // The five string columns an attribute edit changes are written again (a StringColumn only grows);
    // the rest of the entity columns is copied.
    static void applyEntities(Facility& facility, const std::vector<EntityChange>& changes) {
        std::unordered_map<std::size_t, const EntityFields*> changed;
        for (const EntityChange& change : changes) {
            const EntityIndex e = facility.findById(change.entity);
            if (e == kNoEntity)
                throw ModelError("entity " + std::to_string(change.entity) + " is not in the loaded model");
            changed[std::size_t(e)] = &change.after;
        }
        const EntityColumns& old = *facility.entities_;
        auto entities = std::make_shared<EntityColumns>();
        entities->id = old.id;
        entities->kind = old.kind;
        entities->parent = old.parent;
        entities->slot = old.slot;
        entities->pose = old.pose;
        entities->name = old.name;
        entities->subtype = old.subtype;
        const std::pair<StringColumn EntityColumns::*, std::string EntityFields::*> columns[] = {
            {&EntityColumns::model, &EntityFields::model},
            {&EntityColumns::serial, &EntityFields::serial},
            {&EntityColumns::hostname, &EntityFields::hostname},
            {&EntityColumns::uuid, &EntityFields::uuid},
            {&EntityColumns::attributes, &EntityFields::attributes}};
        for (const auto& [column, field] : columns) {
            const StringColumn& from = old.*column;
            StringColumn& to = (*entities).*column;
            to.reserve(from.size(), from.memoryBytes());
            for (std::size_t i = 0; i < from.size(); ++i) {
                const auto found = changed.find(i);
                to.push_back(found == changed.end() ? from[i] : std::string_view(found->second->*field));
            }
        }
        facility.replaceEntities(std::move(entities));
    }

private:
    static void push(NoteColumns& n, const Facility& facility, std::int64_t id, const NoteFields& fields) {
        const EntityIndex entity = facility.findById(fields.entity);
        if (entity == kNoEntity)
            throw ModelError("punch item " + std::to_string(id) + ": entity " +
                             std::to_string(fields.entity) + " is not in the loaded model");
        n.id.push_back(id);
        n.entity.push_back(entity);
        n.text.push_back(fields.text);
        n.author.push_back(fields.author);
        n.createdAt.push_back(fields.createdAt);
        // As the loader reads it: closed without a date is closed since it was written.
        n.closedAt.push_back(fields.closedAt == kNoTime && fields.status == NoteStatus::Closed
                                 ? fields.createdAt
                                 : fields.closedAt);
        n.blocking.push_back(fields.blocking);
        n.title.push_back(fields.title);
        n.assignee.push_back(fields.assignee);
        n.pin.push_back(fields.pin);
        n.priority.push_back(fields.priority);
        n.due.push_back(fields.due);
        n.status.push_back(fields.status);
    }

    static void copyRow(NoteColumns& n, const NoteColumns& old, std::size_t r) {
        n.id.push_back(old.id[r]);
        n.entity.push_back(old.entity[r]);
        n.text.push_back(old.text[r]);
        n.author.push_back(old.author[r]);
        n.createdAt.push_back(old.createdAt[r]);
        n.closedAt.push_back(old.closedAt[r]);
        n.blocking.push_back(old.blocking[r]);
        n.title.push_back(old.title[r]);
        n.assignee.push_back(old.assignee[r]);
        n.pin.push_back(old.pin[r]);
        n.priority.push_back(old.priority[r]);
        n.due.push_back(old.due[r]);
        n.status.push_back(old.status[r]);
    }

public:
    // Bookmarks and tours by id (the ids the outcome gave new ones), then every stop's copy of its
    // bookmark read again: a rename or a delete shows in the tours that stop there.
    static void applyTourBook(Facility& facility, const Edit& edit, const EditOutcome& outcome) {
        auto book = std::make_shared<TourBook>(*facility.tourBook_);
        for (std::size_t i = 0; i < edit.bookmarks.size(); ++i) {
            const BookmarkChange& change = edit.bookmarks[i];
            const std::int64_t id = i < outcome.bookmarkIds.size() ? outcome.bookmarkIds[i] : change.bookmark;
            const auto at = std::find_if(book->bookmarks.begin(), book->bookmarks.end(),
                                         [&](const Bookmark& b) { return b.id == id; });
            if ((at == book->bookmarks.end()) != !change.before)
                throw ModelError("bookmark " + std::to_string(id) + " is not as the edit found it");
            if (!change.after) {
                book->bookmarks.erase(at);
                continue;
            }
            Bookmark after = *change.after;
            after.id = id;
            if (at == book->bookmarks.end())
                book->bookmarks.push_back(std::move(after));
            else
                *at = std::move(after);
        }
        std::stable_sort(book->bookmarks.begin(), book->bookmarks.end(),
                         [](const Bookmark& a, const Bookmark& b) {
                             return a.position != b.position ? a.position < b.position : a.id < b.id;
                         });
        for (std::size_t i = 0; i < edit.tours.size(); ++i) {
            const TourChange& change = edit.tours[i];
            const std::int64_t id = i < outcome.tourIds.size() ? outcome.tourIds[i] : change.tour;
            const auto at = std::find_if(book->tours.begin(), book->tours.end(),
                                         [&](const Tour& t) { return t.id == id; });
            if ((at == book->tours.end()) != !change.before)
                throw ModelError("tour " + std::to_string(id) + " is not as the edit found it");
            if (!change.after) {
                book->tours.erase(at);
                continue;
            }
            Tour after = *change.after;
            after.id = id;
            if (at == book->tours.end())
                book->tours.push_back(std::move(after));
            else
                *at = std::move(after);
        }
        std::sort(book->tours.begin(), book->tours.end(),
                  [](const Tour& a, const Tour& b) { return a.id < b.id; });
        for (Tour& tour : book->tours)
            for (TourStop& stop : tour.stops) {
                const Bookmark* bookmark = book->bookmark(stop.bookmark.id);
                stop.bookmarkMissing = bookmark == nullptr;
                if (bookmark)
                    stop.bookmark = *bookmark;
            }
        facility.tourBook_ = std::move(book);
    }
};

Facility editedFacility(const Facility& facility, const Edit& edit, const EditOutcome& outcome) {
    Facility edited(facility);
    if (!edit.tasks.empty())
        FacilityEditor::applyTasks(edited, edit.tasks);
    if (!edit.notes.empty())
        FacilityEditor::applyNotes(edited, edit.notes, outcome.noteIds);
    if (!edit.entities.empty())
        FacilityEditor::applyEntities(edited, edit.entities);
    if (!edit.bookmarks.empty() || !edit.tours.empty())
        FacilityEditor::applyTourBook(edited, edit, outcome);
    return edited;
}

} // namespace twin::datamodel
