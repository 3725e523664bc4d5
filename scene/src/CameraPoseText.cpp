#include "scene/CameraPose.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace twin::scene {

std::string cameraPoseText(const CameraPose& pose) {
    char text[256];
    std::snprintf(text, sizeof text, "camera %.3f,%.3f,%.3f %.3f,%.3f,%.3f %.3f,%.3f,%.3f", pose.position[0],
                  pose.position[1], pose.position[2], pose.focalPoint[0], pose.focalPoint[1],
                  pose.focalPoint[2], pose.viewUp[0], pose.viewUp[1], pose.viewUp[2]);
    return text;
}

std::optional<CameraPose> cameraPoseFromText(std::string_view text) {
    const std::string copy(text); // sscanf needs a terminated string
    CameraPose pose;
    int consumed = 0;
    const int read =
        std::sscanf(copy.c_str(), "camera %lf,%lf,%lf %lf,%lf,%lf %lf,%lf,%lf%n", &pose.position[0],
                    &pose.position[1], &pose.position[2], &pose.focalPoint[0], &pose.focalPoint[1],
                    &pose.focalPoint[2], &pose.viewUp[0], &pose.viewUp[1], &pose.viewUp[2], &consumed);
    if (read != 9 || std::size_t(consumed) != copy.size())
        return std::nullopt;
    for (const auto* vector : {&pose.position, &pose.focalPoint, &pose.viewUp})
        for (const double value : *vector)
            if (!std::isfinite(value))
                return std::nullopt;
    if (pose.position == pose.focalPoint)
        return std::nullopt; // looks nowhere
    return pose;
}

} // namespace twin::scene
