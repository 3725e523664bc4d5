#include "scene/CameraPath.h"

#include <algorithm>
#include <cmath>

namespace twin::scene {

namespace {

constexpr double kRadiansPerDegree = 3.14159265358979323846 / 180.0;

std::array<double, 3> mix(const std::array<double, 3>& a, const std::array<double, 3>& b, double s) {
    return {a[0] + (b[0] - a[0]) * s, a[1] + (b[1] - a[1]) * s, a[2] + (b[2] - a[2]) * s};
}

} // namespace

CameraPose poseAlongPath(std::span<const CameraPose> keys, double t) {
    if (keys.empty())
        return {};
    if (keys.size() == 1)
        return keys.front();
    const double along = std::clamp(t, 0.0, 1.0) * double(keys.size() - 1);
    const std::size_t from = std::min(std::size_t(along), keys.size() - 2);
    const double local = along - double(from);
    const double eased = local * local * (3.0 - 2.0 * local); // smoothstep: still at both keys
    const CameraPose& a = keys[from];
    const CameraPose& b = keys[from + 1];
    CameraPose pose;
    pose.position = mix(a.position, b.position, eased);
    pose.focalPoint = mix(a.focalPoint, b.focalPoint, eased);
    pose.viewUp = mix(a.viewUp, b.viewUp, eased);
    return pose;
}

CameraPose turnedAboutFocalPoint(const CameraPose& pose, double degrees) {
    CameraPose result = pose;
    const double dx = pose.position[0] - pose.focalPoint[0], dy = pose.position[1] - pose.focalPoint[1];
    const double c = std::cos(degrees * kRadiansPerDegree), s = std::sin(degrees * kRadiansPerDegree);
    result.position[0] = pose.focalPoint[0] + dx * c - dy * s;
    result.position[1] = pose.focalPoint[1] + dx * s + dy * c;
    return result;
}

} // namespace twin::scene
