// Progress at the end of a day: what was installed by then by planned and by actual dates, per hall,
// and which tasks are late. What `report --date` prints and the timeline's daily report shows.
#pragma once

#include "datamodel/Facility.h"
#include "datamodel/Schedule.h"

#include <string>
#include <vector>

namespace twin::datamodel {

// A hall's or a row's progress.
struct HallProgress {
    EntityIndex hall = kNoEntity; // the hall or the row
    std::string name;
    std::size_t gpus = 0;
    std::size_t installedPlanned = 0, installedActual = 0;
    double percentComplete = 0.0;           // installed by actual dates, of the hall's GPUs
    EntityIndex within = kNoEntity;         // a row's hall
    std::size_t openBlockingPunchItems = 0; // on the hall or anything in it, open at the report's time
};

struct LateTask {
    std::uint32_t task = 0; // index into Facility::tasks()
    TimePoint plannedEnd = kNoTime;
};

struct ProgressReport {
    TimePoint at = kNoTime; // the end of the day reported (its last second)
    std::size_t gpus = 0;
    std::size_t installedPlanned = 0, installedActual = 0;
    std::vector<HallProgress> halls;
    std::vector<HallProgress> rows;   // every row, in dense order (each under its hall)
    std::size_t installedThatDay = 0; // by actual dates: installed by the day's end, not by the day before
    // Planned to be finished by `at` and not actually finished by then, oldest planned end first.
    std::vector<LateTask> lateTasks;
    // Blocking punch items open at `at` (indexes into Facility::notes()), oldest first.
    std::vector<std::uint32_t> openBlockingNotes;
};

// The S-curve: how many entities of `kind` are installed at the end of each day from `firstDay` to
// `lastDay` (midnights UTC), by planned and by actual dates. Points in day order at the first and last
// day and where the line bends (the day before the counts change and the day they do), so a line
// through them is the daily curve and a day's counts are those of the last point on or before it.
// O(entities log entities); never sized by the span of the dates.
struct CurvePoint {
    TimePoint day; // midnight UTC; the counts are at the day's end
    std::size_t planned = 0, actual = 0;
};
std::vector<CurvePoint> installedCurve(const Facility& facility, const Schedule& schedule, EntityKind kind,
                                       TimePoint firstDay, TimePoint lastDay);

// The part of an S-curve worth drawing: where it rises. Its core is the plan's rise (the actual
// curve's when nothing is planned), from its first 1 % to its last 1 %; the span then takes in each
// day either curve rises on that is within reach of it (twice the core's length, at least 14 days),
// plus `leadInDays` either side. One rack finished two years late then stays a count beside the chart
// (`laterActual`, the last of them on `lastLater`) instead of squeezing the 19 days of a roll-out into
// a line at the chart's left. Clamped to the curve's own first and last day.
struct CurveSpan {
    TimePoint from = kNoTime, to = kNoTime; // midnights UTC
    std::size_t laterActual = 0;            // installed by actual dates after `to`
    TimePoint lastLater = kNoTime;          // the day the last of those went in
};
CurveSpan rollOutSpan(const std::vector<CurvePoint>& curve, int leadInDays);

// `day`: any time in the day to report; the state is that at the day's last second (UTC).
ProgressReport progressAt(const Facility& facility, const Schedule& schedule, TimePoint day);

} // namespace twin::datamodel
