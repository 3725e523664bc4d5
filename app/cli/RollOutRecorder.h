// Renders the roll-out frame by frame without a window: each frame the state at the end of its slice
// of a day (a day, or a part of one), coloured Actual vs plan, with the date stamp, the camera moving
// along its path. `record` writes the frames as PNGs and a video; tests drive it directly.
#pragma once

#include "datamodel/Facility.h"
#include "scene/CameraPose.h"

#include <QImage>
#include <QSize>
#include <QString>
#include <functional>
#include <memory>
#include <vector>

namespace twin::app {

struct RecordingPlan {
    datamodel::TimePoint firstDay = 0, lastDay = 0; // midnights UTC, inclusive
    int framesPerDay = 1;                           // each shows the state at the end of its slice
    std::vector<scene::CameraPose> path;            // key poses, passed through in order
    double orbitDegrees = 0.0;                      // turned over the whole recording
    QSize size{1280, 720};
};

struct RecordingFrame {
    int day = 0, slice = 0;           // day from 0, slice within it from 0
    datamodel::TimePoint from = 0;    // the start of the slice, as the stamp names it
    datamodel::TimePoint shownAt = 0; // its last second: the state drawn
    double along = 0.0;               // 0 at the first frame, 1 at the last
};

// The frames of a plan, in order: days x framesPerDay.
std::vector<RecordingFrame> framesOf(const RecordingPlan& plan);

// How a frame's date stamp names what it shows: the day ("2024-07-15") with a frame a day; with several,
// the time its slice ends, as a clock reads it: "2024-07-15 06:00" ... "2024-07-16 00:00" for the day's
// last (never "24:00").
QString frameStampLabel(const RecordingFrame& frame, int framesPerDay);

// Renders every frame of `plan` and hands each to `take` (false from it stops the recording). Needs
// an X display. Returns false when `take` stopped it.
bool recordRollOut(std::shared_ptr<const datamodel::Facility> facility, const RecordingPlan& plan,
                   const std::function<bool(const RecordingFrame&, const QImage&)>& take);

} // namespace twin::app
