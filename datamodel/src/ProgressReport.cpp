#include "datamodel/ProgressReport.h"

#include <algorithm>

namespace twin::datamodel {

std::vector<CurvePoint> installedCurve(const Facility& facility, const Schedule& schedule, EntityKind kind,
                                       TimePoint firstDay, TimePoint lastDay) {
    if (lastDay < firstDay)
        return {};
    const TimePoint lastIndex = (lastDay - firstDay) / kSecondsPerDay;
    // Per basis, the day (counted from firstDay) each entity becomes installed by its end: 0 for one
    // installed by the end of the first day (or with no owner: it always was), none past the last day.
    std::vector<TimePoint> plannedDays, actualDays;
    auto add = [&](TimePoint finish, std::vector<TimePoint>& days) {
        if (finish == kNoTime)
            return; // not installed within any day of the curve
        const TimePoint day = finish < firstDay ? 0 : (finish - firstDay) / kSecondsPerDay;
        if (day <= lastIndex)
            days.push_back(day);
    };
    for (const EntityIndex e : facility.ofKind(kind)) {
        const EntityIndex owner = schedule.owner(e);
        if (owner == kNoEntity) {
            plannedDays.push_back(0);
            actualDays.push_back(0);
            continue;
        }
        add(schedule.finish(owner, ScheduleBasis::Planned), plannedDays);
        add(schedule.finish(owner, ScheduleBasis::Actual), actualDays);
    }
    std::sort(plannedDays.begin(), plannedDays.end());
    std::sort(actualDays.begin(), actualDays.end());

    // Points only where the line bends: the first and last day, and around each day the counts change
    // (the day before, still at the old counts, and the day itself). Drawn as a line, that is the curve
    // a point a day would draw, in at most twice as many points as there are days anything is
    // installed on, however far apart the schedule's dates are.
    std::vector<CurvePoint> curve;
    std::size_t plannedAt = 0, actualAt = 0; // entries of each list counted so far
    auto countsBy = [&](TimePoint day) {
        while (plannedAt < plannedDays.size() && plannedDays[plannedAt] <= day)
            ++plannedAt;
        while (actualAt < actualDays.size() && actualDays[actualAt] <= day)
            ++actualAt;
        return CurvePoint{firstDay + day * kSecondsPerDay, plannedAt, actualAt};
    };
    curve.push_back(countsBy(0));
    std::size_t nextPlanned = plannedAt, nextActual = actualAt;
    for (;;) {
        const TimePoint nextChange =
            std::min(nextPlanned < plannedDays.size() ? plannedDays[nextPlanned] : lastIndex + 1,
                     nextActual < actualDays.size() ? actualDays[nextActual] : lastIndex + 1);
        if (nextChange > lastIndex)
            break;
        const TimePoint lastShown = (curve.back().day - firstDay) / kSecondsPerDay;
        if (nextChange - 1 > lastShown)
            curve.push_back(countsBy(nextChange - 1));
        curve.push_back(countsBy(nextChange));
        nextPlanned = plannedAt;
        nextActual = actualAt;
    }
    if ((curve.back().day - firstDay) / kSecondsPerDay < lastIndex)
        curve.push_back(countsBy(lastIndex));
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
    for (std::uint32_t n = 0; n < notes.size(); ++n) {
        if (!notes.blocking[n] || !notes.openAt(n, report.at))
            continue;
        report.openBlockingNotes.push_back(n);
        for (const auto& [kind, areas] :
             {std::pair{EntityKind::Hall, &report.halls}, std::pair{EntityKind::Row, &report.rows}})
            if (const EntityIndex area = facility.ancestorOfKind(notes.entity[n], kind); area != kNoEntity)
                ++(*areas)[areaOf[std::size_t(area)]].openBlockingPunchItems;
    }
    std::stable_sort(
        report.openBlockingNotes.begin(), report.openBlockingNotes.end(),
        [&](std::uint32_t a, std::uint32_t b) { return notes.createdAt[a] < notes.createdAt[b]; });
    std::stable_sort(report.lateTasks.begin(), report.lateTasks.end(),
                     [](const LateTask& a, const LateTask& b) { return a.plannedEnd < b.plannedEnd; });
    return report;
}

CurveSpan rollOutSpan(const std::vector<CurvePoint>& curve, int leadInDays) {
    if (curve.empty())
        return {};
    const CurvePoint& last = curve.back();
    // The core of the rise: the plan's (or, with nothing planned in the span, the actual curve's) from
    // the day its first 1 % is in to the day its last 1 % is (all of it for a small curve).
    const bool byPlan = last.planned > curve.front().planned;
    auto countOf = [byPlan](const CurvePoint& p) {
        return byPlan ? p.planned : p.actual;
    };
    const std::size_t base = countOf(curve.front()), rise = countOf(last) - base;
    if (rise == 0 && last.actual == curve.front().actual)
        return {curve.front().day, last.day, 0, kNoTime};
    const std::size_t firstPart = base + rise / 100 + (rise >= 100 ? 0 : 1), bulk = base + rise - rise / 100;
    TimePoint coreFrom = kNoTime, coreTo = kNoTime;
    for (const CurvePoint& point : curve) {
        if (coreFrom == kNoTime && countOf(point) >= firstPart)
            coreFrom = point.day;
        if (coreTo == kNoTime && countOf(point) >= bulk)
            coreTo = point.day;
    }
    // Then out from the core, day by day of change on either curve, as long as each is within reach
    // of the span so far: twice the core's length, at least two weeks. What lies beyond a longer gap
    // is an outlier, counted.
    const TimePoint reach = std::max<TimePoint>(2 * (coreTo - coreFrom), 14 * kSecondsPerDay);
    std::vector<TimePoint> changes; // days either count rises, in order
    for (std::size_t i = 1; i < curve.size(); ++i)
        if (curve[i].planned != curve[i - 1].planned || curve[i].actual != curve[i - 1].actual)
            changes.push_back(curve[i].day);
    if (curve.front().planned > 0 || curve.front().actual > 0)
        changes.insert(changes.begin(), curve.front().day);
    TimePoint from = coreFrom, to = coreTo;
    for (auto it = std::lower_bound(changes.begin(), changes.end(), coreTo);
         it != changes.end() && *it - to <= reach; ++it)
        to = *it;
    for (auto it = std::make_reverse_iterator(std::lower_bound(changes.begin(), changes.end(), coreFrom));
         it != changes.rend() && from - *it <= reach; ++it)
        from = *it;
    const TimePoint lead = TimePoint(leadInDays) * kSecondsPerDay;
    CurveSpan span;
    span.from = std::max(curve.front().day, from - lead);
    span.to = std::min(last.day, to + lead);
    // The points are where the curve bends, so the count at `to` is that of the last point on or before.
    std::size_t actualAtEnd = 0, previous = 0;
    for (const CurvePoint& point : curve) {
        if (point.day <= span.to)
            actualAtEnd = point.actual;
        else if (point.actual != previous)
            span.lastLater = point.day;
        previous = point.actual;
    }
    span.laterActual = last.actual - std::min(last.actual, actualAtEnd);
    if (span.laterActual == 0)
        span.lastLater = kNoTime;
    return span;
}

} // namespace twin::datamodel
