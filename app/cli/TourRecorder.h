// Renders a tour frame by frame without a window (`record --tour`): one frame per stop step, that is
// one for a stop, or one per day of the timeline span it plays, each in the stop's bookmarked view
// with its caption at the bottom. A stop coloured by live telemetry is drawn from the simulator's
// values (a recording has no exporters to ask), and its date stamp says so.
#pragma once

#include "datamodel/Facility.h"
#include "datamodel/Tours.h"

#include <QImage>
#include <QSize>
#include <functional>
#include <memory>
#include <vector>

namespace twin::app {

struct TourFrame {
    std::size_t stop = 0, step = 0;                // the stop from 0, its step from 0
    datamodel::TimePoint day = datamodel::kNoTime; // the span's day, kNoTime: the stop has none
};

// Every frame of `tour`, in order.
std::vector<TourFrame> tourFramesOf(const datamodel::Tour& tour);

// Renders each frame and hands it to `take` (false from it stops). Needs an X display. Returns false
// when `take` stopped it.
bool recordTour(std::shared_ptr<const datamodel::Facility> facility, const datamodel::Tour& tour, QSize size,
                const std::function<bool(const TourFrame&, const QImage&)>& take);

} // namespace twin::app
