#include "datamodel/ProgressReport.h"

#include <algorithm>

namespace twin::datamodel {

std::vector<CurvePoint> installedCurve(const Facility& facility, const Schedule& schedule, EntityKind kind,
                                       TimePoint firstDay, TimePoint lastDay) {
    if (lastDay < firstDay)
        return {};
    const std::size_t days = std::size_t((lastDay - firstDay) / kSecondsPerDay) + 1;
    // Per day, how many become installed by its end (by each basis); then running sums. An entity is
    // installed once its owner's last task has ended; one with no owner always was.
    std::vector<std::size_t> plannedNew(days, 0), actualNew(days, 0);
    std::size_t plannedBefore = 0, actualBefore = 0;
    auto add = [&](TimePoint finish, std::vector<std::size_t>& perDay, std::size_t& before) {
        if (finish == kNoTime)
            return; // not installed within any day of the curve
        const TimePoint endOfFirst = firstDay + kSecondsPerDay - 1;
        if (finish <= endOfFirst) {
            ++before;
            return;
        }
        const std::size_t day = std::size_t((finish - firstDay) / kSecondsPerDay);
        if (day < days)
            ++perDay[day];
    };
    for (const EntityIndex e : facility.ofKind(kind)) {
        const EntityIndex owner = schedule.owner(e);
        if (owner == kNoEntity) {
            ++plannedBefore;
            ++actualBefore;
            continue;
        }
        add(schedule.finish(owner, ScheduleBasis::Planned), plannedNew, plannedBefore);
        add(schedule.finish(owner, ScheduleBasis::Actual), actualNew, actualBefore);
    }
    std::vector<CurvePoint> curve(days);
    std::size_t planned = plannedBefore, actual = actualBefore;
    for (std::size_t d = 0; d < days; ++d) {
        planned += d == 0 ? 0 : plannedNew[d];
        actual += d == 0 ? 0 : actualNew[d];
        curve[d] = {firstDay + TimePoint(d) * kSecondsPerDay, planned, actual};
    }
    return curve;
}

ProgressReport progressAt(const Facility& facility, const Schedule& schedule, TimePoint day) {
    ProgressReport report;
    report.at = startOfDay(day) + kSecondsPerDay - 1;
    const std::vector<InstallState> planned = schedule.stateAt(report.at, ScheduleBasis::Planned);
    const std::vector<InstallState> actual = schedule.stateAt(report.at, ScheduleBasis::Actual);

    // Halls and rows: each GPU counts towards the hall and the row above it.
    std::vector<std::size_t> areaOf(facility.entityCount(), SIZE_MAX);
    for (const EntityIndex hall : facility.ofKind(EntityKind::Hall)) {
        areaOf[std::size_t(hall)] = report.halls.size();
        report.halls.push_back({hall, std::string(facility.name(hall)), 0, 0, 0, 0.0, kNoEntity});
    }
    for (const EntityIndex row : facility.ofKind(EntityKind::Row)) {
        areaOf[std::size_t(row)] = report.rows.size();
        report.rows.push_back({row, std::string(facility.name(row)), 0, 0, 0, 0.0,
                               facility.ancestorOfKind(row, EntityKind::Hall)});
    }
    const TimePoint endOfDayBefore = report.at - kSecondsPerDay;
    const std::vector<InstallState> dayBefore = schedule.stateAt(endOfDayBefore, ScheduleBasis::Actual);
    for (const EntityIndex gpu : facility.ofKind(EntityKind::Gpu)) {
        const bool byPlan = planned[std::size_t(gpu)] == InstallState::Installed;
        const bool inFact = actual[std::size_t(gpu)] == InstallState::Installed;
        ++report.gpus;
        report.installedPlanned += byPlan ? 1 : 0;
        report.installedActual += inFact ? 1 : 0;
        report.installedThatDay += inFact && dayBefore[std::size_t(gpu)] != InstallState::Installed ? 1 : 0;
        for (const auto& [kind, areas] :
             {std::pair{EntityKind::Hall, &report.halls}, std::pair{EntityKind::Row, &report.rows}}) {
            const EntityIndex area = facility.ancestorOfKind(gpu, kind);
            if (area == kNoEntity)
                continue;
            HallProgress& progress = (*areas)[areaOf[std::size_t(area)]];
            ++progress.gpus;
            progress.installedPlanned += byPlan ? 1 : 0;
            progress.installedActual += inFact ? 1 : 0;
        }
    }
    for (auto* areas : {&report.halls, &report.rows})
        for (HallProgress& area : *areas)
            area.percentComplete =
                area.gpus == 0 ? 100.0 : 100.0 * double(area.installedActual) / double(area.gpus);

    const TaskColumns& tasks = facility.tasks();
    for (std::uint32_t t = 0; t < tasks.size(); ++t) {
        const TimePoint plannedEnd = tasks.plannedEnd[t], actualEnd = tasks.actualEnd[t];
        if (plannedEnd == kNoTime || plannedEnd > report.at)
            continue;
        if (actualEnd == kNoTime || actualEnd > report.at)
            report.lateTasks.push_back({t, plannedEnd});
    }
    const NoteColumns& notes = facility.notes();
    for (std::uint32_t n = 0; n < notes.size(); ++n)
        if (notes.blocking[n] && notes.openAt(n, report.at))
            report.openBlockingNotes.push_back(n);
    std::stable_sort(
        report.openBlockingNotes.begin(), report.openBlockingNotes.end(),
        [&](std::uint32_t a, std::uint32_t b) { return notes.createdAt[a] < notes.createdAt[b]; });
    std::stable_sort(report.lateTasks.begin(), report.lateTasks.end(),
                     [](const LateTask& a, const LateTask& b) { return a.plannedEnd < b.plannedEnd; });
    return report;
}

} // namespace twin::datamodel
