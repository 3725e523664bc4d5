// A camera path for recordings: key poses (camera presets) passed through in order over the
// recording, eased in and out at each key so the camera slows at the views it was sent to, with a
// slow turn about the focal point on top. Plain values, no VTK: the recorder and tests use it.
#pragma once

#include "scene/CameraPose.h"

#include <span>

namespace twin::scene {

// `t` from 0 (the first key) to 1 (the last); one key stands still.
CameraPose poseAlongPath(std::span<const CameraPose> keys, double t);
// The pose turned by `degrees` about the vertical through its focal point.
CameraPose turnedAboutFocalPoint(const CameraPose& pose, double degrees);

} // namespace twin::scene
