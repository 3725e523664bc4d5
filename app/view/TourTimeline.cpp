#include "view/TourTimeline.h"

#include <algorithm>
#include <cmath>

namespace twin::app {

double easedFlight(double t) {
    t = std::clamp(t, 0.0, 1.0);
    return t < 0.5 ? 4.0 * t * t * t : 1.0 - std::pow(-2.0 * t + 2.0, 3.0) / 2.0;
}

Colouring spanDayColouring(const Colouring& stopColouring, datamodel::TimePoint day) {
    const TimelineMode mode =
        stopColouring.by == Colouring::By::Timeline && stopColouring.mode != TimelineMode::Off
            ? stopColouring.mode
            : TimelineMode::ActualVsPlanned;
    return Colouring{Colouring::By::Timeline,       nullptr, mode, day, day + datamodel::kSecondsPerDay - 1,
                     stopColouring.hideNotInstalled};
}

std::vector<datamodel::TimePoint> TourTimeline::stepsOf(const datamodel::TourStop& stop) {
    if (stop.span.empty() || stop.span.to == datamodel::kNoTime || stop.span.to < stop.span.from)
        return {datamodel::kNoTime};
    std::vector<datamodel::TimePoint> days;
    for (datamodel::TimePoint day = datamodel::startOfDay(stop.span.from); day <= stop.span.to;
         day += datamodel::kSecondsPerDay)
        days.push_back(day);
    return days;
}

double TourTimeline::dwellOf(const datamodel::TourStop& stop) {
    const double dwell = std::max(0.0, stop.dwellSeconds);
    if (stop.span.empty() || stop.span.daysPerSecond <= 0.0)
        return dwell;
    return std::max(dwell, double(stepsOf(stop).size()) / stop.span.daysPerSecond);
}

TourTimeline::TourTimeline(const datamodel::Tour& tour, double flightSeconds)
    : tour_(tour), flightSeconds_(std::max(0.0, flightSeconds)) {
    double start = 0.0;
    for (const datamodel::TourStop& stop : tour.stops) {
        steps_.push_back(stepsOf(stop)); // once: at() runs every frame
        starts_.push_back(start);
        start += flightSeconds_ + dwellOf(stop);
    }
    duration_ = start;
}

TourMoment TourTimeline::at(double seconds) const {
    TourMoment moment;
    if (starts_.empty() || seconds >= duration_) {
        moment.finished = true;
        moment.stop = starts_.empty() ? 0 : starts_.size() - 1;
        if (!starts_.empty()) {
            const std::vector<datamodel::TimePoint>& steps = steps_.back();
            moment.step = steps.size() - 1;
            moment.day = steps.back();
        }
        return moment;
    }
    seconds = std::max(0.0, seconds);
    moment.stop =
        std::size_t(std::upper_bound(starts_.begin(), starts_.end(), seconds) - starts_.begin()) - 1;
    const datamodel::TourStop& stop = tour_.stops[moment.stop];
    const double into = seconds - starts_[moment.stop];
    const std::vector<datamodel::TimePoint>& steps = steps_[moment.stop];
    if (into < flightSeconds_) {
        moment.flying = true;
        moment.flight = easedFlight(into / flightSeconds_);
        moment.day = steps.front();
        return moment;
    }
    const double dwelt = into - flightSeconds_;
    moment.step = stop.span.empty() || stop.span.daysPerSecond <= 0.0
                      ? 0
                      : std::min(steps.size() - 1, std::size_t(std::floor(dwelt * stop.span.daysPerSecond)));
    moment.day = steps[moment.step];
    return moment;
}

} // namespace twin::app
