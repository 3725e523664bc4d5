#include "scene/CameraPresets.h"

#include "datamodel/Facility.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace twin::scene {

using datamodel::EntityIndex;
using datamodel::EntityKind;
using datamodel::Facility;

namespace {

datamodel::Bounds plantAndBuildingBounds(const Facility& facility) {
    // The site's own box is the whole plot of land: frame what stands on it instead.
    datamodel::Bounds bounds;
    for (EntityIndex site : facility.ofKind(EntityKind::Site))
        for (EntityIndex child : facility.children(site))
            bounds.expand(facility.subtreeBounds(child));
    return bounds.isEmpty() ? facility.bounds() : bounds;
}

// A camera looking along `direction` (eye towards target) that fits the bounds' sphere in 30 degrees.
CameraPose framing(const datamodel::Bounds& bounds, std::array<double, 3> direction, double closeness) {
    std::array<double, 3> centre{}, half{};
    for (std::size_t axis = 0; axis < 3; ++axis) {
        centre[axis] = (double(bounds.min[axis]) + double(bounds.max[axis])) / 2.0;
        half[axis] = (double(bounds.max[axis]) - double(bounds.min[axis])) / 2.0;
    }
    const double radius = std::max(1.0, std::hypot(half[0], half[1], half[2]));
    const double length = std::hypot(direction[0], direction[1], direction[2]);
    constexpr double kHalfViewAngle = 15.0 * 3.14159265358979 / 180.0;
    const double distance = radius / std::sin(kHalfViewAngle) / closeness;
    CameraPose pose;
    pose.focalPoint = centre;
    for (std::size_t axis = 0; axis < 3; ++axis)
        pose.position[axis] = centre[axis] - direction[axis] / length * distance;
    return pose;
}

EntityIndex findByKindAndName(const Facility& facility, EntityKind kind, const QString& name) {
    const EntityIndex found = facility.findByName(name.toStdString());
    return found != datamodel::kNoEntity && facility.kind(found) == kind ? found : datamodel::kNoEntity;
}

constexpr double kEyeHeight = 1.7;
constexpr double kDegrees = 3.14159265358979 / 180.0;

} // namespace

QString cameraPresetGrammar() {
    return QStringLiteral("overview, hall:N, aisle:ROW, rack:NAME");
}

bool isCameraPresetName(const QString& preset) {
    return preset == QLatin1String("overview") || preset.startsWith(QLatin1String("hall:")) ||
           preset.startsWith(QLatin1String("aisle:")) || preset.startsWith(QLatin1String("rack:"));
}

std::optional<CameraPose> cameraToFrame(const Facility& facility, std::int32_t entity) {
    return cameraToFrame(facility, std::span<const std::int32_t>(&entity, 1));
}

std::optional<CameraPose> cameraToFrame(const Facility& facility, std::span<const std::int32_t> entities) {
    datamodel::Bounds bounds;
    for (const std::int32_t entity : entities)
        if (entity >= 0 && std::size_t(entity) < facility.entityCount())
            bounds.expand(facility.subtreeBounds(entity));
    if (bounds.isEmpty())
        return std::nullopt;
    return framing(bounds, {0.8, 1.0, -0.9}, 1.3);
}

std::optional<CameraPose> cameraPreset(const Facility& facility, const QString& preset) {
    if (preset == QLatin1String("overview"))
        return framing(plantAndBuildingBounds(facility), {1.0, 1.3, -1.1}, 1.25);
    if (preset.startsWith(QLatin1String("hall:"))) {
        bool ok = false;
        const int number = preset.mid(5).toInt(&ok);
        const auto halls = facility.ofKind(EntityKind::Hall);
        if (!ok || number < 1 || number > int(halls.size()))
            return std::nullopt;
        return framing(facility.subtreeBounds(halls[size_t(number - 1)]), {0.8, 1.0, -1.3}, 1.6);
    }
    if (preset.startsWith(QLatin1String("aisle:"))) {
        // Standing at the west end of the aisle in front of the row, looking east along it.
        const EntityIndex row = findByKindAndName(facility, EntityKind::Row, preset.mid(6));
        if (row == datamodel::kNoEntity)
            return std::nullopt;
        const datamodel::Pose& pose = facility.pose(row);
        const double aisleY = pose.y - pose.depth / 2.0 - 1.2;
        CameraPose camera;
        camera.position = {pose.x - pose.width / 2.0 - 1.0, aisleY, kEyeHeight};
        camera.focalPoint = {pose.x + pose.width / 4.0, aisleY + 0.6, 1.2};
        return camera;
    }
    if (preset.startsWith(QLatin1String("rack:"))) {
        // In front of the rack (its local -y side), a step back, at eye height.
        const EntityIndex rack = findByKindAndName(facility, EntityKind::Rack, preset.mid(5));
        if (rack == datamodel::kNoEntity)
            return std::nullopt;
        const datamodel::Pose& pose = facility.pose(rack);
        const double yaw = double(pose.yaw) * kDegrees;
        const double frontX = std::sin(yaw), frontY = -std::cos(yaw);
        constexpr double kStepBack = 3.4;
        CameraPose camera;
        camera.focalPoint = {pose.x, pose.y, pose.height / 2.0};
        camera.position = {pose.x + frontX * kStepBack + 0.6, pose.y + frontY * kStepBack, kEyeHeight + 0.3};
        return camera;
    }
    return std::nullopt;
}

} // namespace twin::scene
