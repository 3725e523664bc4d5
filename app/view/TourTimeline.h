// A tour as time: each stop is a flight to its bookmark (eased in and out) and then its dwell, during
// which its timeline span plays, a day at a time, at its days per second (the stop lasts as long as
// the longer of the two). The window's player asks it where the tour is at a moment; `record --tour`
// asks it for each stop's steps (one frame each). Pure arithmetic: tests run it on simulated time.
#pragma once

#include "datamodel/Tours.h"
#include "view/ViewSettings.h"

#include <cstddef>
#include <vector>

namespace twin::app {

inline constexpr double kTourFlightSeconds = 3.0;

struct TourMoment {
    std::size_t stop = 0;
    bool flying = false;  // on the way to `stop`'s bookmark
    double flight = 1.0;  // eased, 0 where the flight began to 1 at the bookmark
    std::size_t step = 0; // the stop's step shown (a span's day), 0 before and during the flight
    datamodel::TimePoint day = datamodel::kNoTime; // the span's day shown; kNoTime: the stop has none
    bool finished = false;                         // past the last stop's end
};

class TourTimeline {
public:
    explicit TourTimeline(const datamodel::Tour& tour, double flightSeconds = kTourFlightSeconds);

    std::size_t stopCount() const { return starts_.size(); }
    // Seconds from the tour's start: when stop `stop`'s flight begins, when it lands, and the end.
    double startOf(std::size_t stop) const { return starts_[stop]; }
    double arrivalAt(std::size_t stop) const { return starts_[stop] + flightSeconds_; }
    double duration() const { return duration_; }
    TourMoment at(double seconds) const;

    // A stop's steps: the span's days in order (one step, kNoTime, without a span).
    static std::vector<datamodel::TimePoint> stepsOf(const datamodel::TourStop& stop);
    // How long it is shown after landing: its dwell, or its span's play if that is longer.
    static double dwellOf(const datamodel::TourStop& stop);

private:
    datamodel::Tour tour_;
    double flightSeconds_;
    std::vector<double> starts_;
    std::vector<std::vector<datamodel::TimePoint>> steps_; // each stop's
    double duration_ = 0.0;
};

// InOutCubic, as the view's own flights (0 and 1 fixed).
double easedFlight(double t);

// The colouring a stop's span shows on `day`: the schedule by the stop's own timeline mode (Actual vs
// plan unless it has one), the day's last second drawn. The window's playback and `record --tour`.
Colouring spanDayColouring(const Colouring& stopColouring, datamodel::TimePoint day);

} // namespace twin::app
