#include "view/TimelineStamp.h"

#include <QCoreApplication>
#include <QLocale>

namespace twin::app {

QString timelineStampDetail(const datamodel::Facility& facility, const datamodel::Schedule& schedule,
                            datamodel::TimePoint shownUntil, StampCounts counts) {
    const QLocale locale;
    const auto gpus = [&](datamodel::ScheduleBasis basis) {
        return locale.toString(
            qulonglong(schedule.installedCount(datamodel::EntityKind::Gpu, shownUntil, basis)));
    };
    const datamodel::TimePoint start =
        facility.scheduleStart() == datamodel::kNoTime ? 0 : facility.scheduleStart();
    const datamodel::TimePoint dayZero = datamodel::startOfDay(start) - datamodel::kSecondsPerDay;
    const auto day = (datamodel::startOfDay(shownUntil) - dayZero) / datamodel::kSecondsPerDay;
    const QString total = locale.toString(qulonglong(facility.count(datamodel::EntityKind::Gpu)));
    if (counts == StampCounts::Planned)
        return QCoreApplication::translate("TimelineStamp", "Day %1: %2 of %3 GPUs planned in")
            .arg(day)
            .arg(gpus(datamodel::ScheduleBasis::Planned), total);
    QString line = QCoreApplication::translate("TimelineStamp", "Day %1: %2 of %3 GPUs installed")
                       .arg(day)
                       .arg(gpus(datamodel::ScheduleBasis::Actual), total);
    if (counts == StampCounts::InstalledAndPlanned)
        line += QCoreApplication::translate("TimelineStamp", " (%1 planned)")
                    .arg(gpus(datamodel::ScheduleBasis::Planned));
    return line;
}

} // namespace twin::app
