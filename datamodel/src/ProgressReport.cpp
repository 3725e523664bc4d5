#include "datamodel/ProgressReport.h"

#include <algorithm>

namespace twin::datamodel {

ProgressReport progressAt(const Facility& facility, const Schedule& schedule, TimePoint day) {
    ProgressReport report;
    const TimePoint dayStart = day - ((day % kSecondsPerDay) + kSecondsPerDay) % kSecondsPerDay;
    report.at = dayStart + kSecondsPerDay - 1;
    const std::vector<InstallState> planned = schedule.stateAt(report.at, ScheduleBasis::Planned);
    const std::vector<InstallState> actual = schedule.stateAt(report.at, ScheduleBasis::Actual);

    std::vector<std::size_t> hallOf(facility.entityCount(), SIZE_MAX);
    for (const EntityIndex hall : facility.ofKind(EntityKind::Hall)) {
        hallOf[std::size_t(hall)] = report.halls.size();
        report.halls.push_back({hall, std::string(facility.name(hall)), 0, 0, 0, 0.0});
    }
    for (const EntityIndex gpu : facility.ofKind(EntityKind::Gpu)) {
        const bool byPlan = planned[std::size_t(gpu)] == InstallState::Installed;
        const bool inFact = actual[std::size_t(gpu)] == InstallState::Installed;
        ++report.gpus;
        report.installedPlanned += byPlan ? 1 : 0;
        report.installedActual += inFact ? 1 : 0;
        const EntityIndex hall = facility.ancestorOfKind(gpu, EntityKind::Hall);
        if (hall == kNoEntity)
            continue;
        HallProgress& progress = report.halls[hallOf[std::size_t(hall)]];
        ++progress.gpus;
        progress.installedPlanned += byPlan ? 1 : 0;
        progress.installedActual += inFact ? 1 : 0;
    }
    for (HallProgress& hall : report.halls)
        hall.percentComplete =
            hall.gpus == 0 ? 100.0 : 100.0 * double(hall.installedActual) / double(hall.gpus);

    const TaskColumns& tasks = facility.tasks();
    for (std::uint32_t t = 0; t < tasks.size(); ++t) {
        const TimePoint plannedEnd = tasks.plannedEnd[t], actualEnd = tasks.actualEnd[t];
        if (plannedEnd == kNoTime || plannedEnd > report.at)
            continue;
        if (actualEnd == kNoTime || actualEnd > report.at)
            report.lateTasks.push_back({t, plannedEnd});
    }
    std::stable_sort(report.lateTasks.begin(), report.lateTasks.end(),
                     [](const LateTask& a, const LateTask& b) { return a.plannedEnd < b.plannedEnd; });
    return report;
}

} // namespace twin::datamodel
