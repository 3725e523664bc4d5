// Progress recorded on site, as an Edit: Started, Done, Blocked (with a reason) or Reopened, on the
// tasks of one entity or many (a rack, a row, a selection), or on chosen tasks, at a time. The dates
// are checked before anything is written: an end before a task's start, a time in the future, a task
// done before what it depends on. Each is refused with a message naming the task (EditRefused), or, for
// the last, allowed when asked for (the window asks the user; the command line takes --force).
#pragma once

#include "datamodel/edits/Edit.h"

#include <span>

namespace twin::datamodel {

enum class ProgressAction { Start, Done, Block, Reopen };
std::string_view progressActionName(ProgressAction action); // "start", "done", "block", "reopen"

// The request could not be made into an edit; nothing was written. `outOfOrder`: only because a task
// would be done before one it depends on (allowed with ProgressRequest::allowOutOfOrder).
class EditRefused : public ModelError {
public:
    EditRefused(const std::string& message, bool outOfOrder = false)
        : ModelError(message), outOfOrder(outOfOrder) {}
    bool outOfOrder;
};

struct ProgressRequest {
    ProgressAction action = ProgressAction::Done;
    std::vector<EntityIndex> entities; // their tasks (see tasksOfEntities)
    std::vector<std::uint32_t> tasks;  // and these (indexes into Facility::tasks())
    TimePoint at = kNoTime;            // when it happened
    TimePoint now = kNoTime;           // the wall clock: `at` may not be later (a few minutes' grace)
    std::string reason;                // Block: required
    bool allowOutOfOrder = false;
};

// The tasks an entity's progress is recorded on: its own and those of everything below it; for one
// with none (a GPU, a server), those of the nearest ancestor that has some (its rack). Sorted, unique.
std::vector<std::uint32_t> tasksOfEntities(const Facility& facility, std::span<const EntityIndex> entities);

// The edit, with only the tasks it changes (empty when every task is already as asked). Throws
// EditRefused.
Edit progressEdit(const Facility& facility, const ProgressRequest& request);

} // namespace twin::datamodel
