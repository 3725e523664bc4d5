// The second line of the view's date stamp, the same in the window and in recordings: the day of the
// schedule (day 0 is the day before its first task) and the GPUs in by the time shown.
#pragma once

#include "datamodel/Facility.h"
#include "datamodel/Schedule.h"

#include <QString>

namespace twin::app {

enum class StampCounts { Installed, Planned, InstalledAndPlanned };

// "Day 115: 78,464 of 100,000 GPUs installed (87,552 planned)", by the state at `shownUntil`.
QString timelineStampDetail(const datamodel::Facility& facility, const datamodel::Schedule& schedule,
                            datamodel::TimePoint shownUntil, StampCounts counts);

} // namespace twin::app
