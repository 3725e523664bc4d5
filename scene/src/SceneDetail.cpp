#include "FacilitySceneParts.h"

#include <algorithm>
#include <cmath>
#include <vtkBillboardTextActor3D.h>

namespace twin::scene {

using datamodel::EntityIndex;
using datamodel::EntityKind;
using datamodel::Facility;

namespace {

// Servers are drawn as open sleds (the lid off) so that their GPUs show.
constexpr float kSledThickness = 0.03f;

// Level of detail: racks whose centre lies within this many metres of the focal point are drawn in
// detail, the nearest first, when the eye is close enough to tell servers apart. The caps keep a
// frame's instance count bounded on software OpenGL whatever the model's size.
constexpr double kDetailRadius = 12.0;
constexpr double kDetailEyeDistance = 40.0;
constexpr std::size_t kMaxDetailRacks = 8;
constexpr std::size_t kMaxPartDetailRacks = 4; // NICs and PSUs only on the very nearest racks
// Servers (closed boxes, nothing inside) in the racks ahead of the eye, within this radius.
constexpr double kServerDetailRadius = 18.0;
constexpr double kServerDetailBehind = 2.0; // metres behind the eye still counted (beside it)
constexpr std::size_t kMaxServerDetailRacks = 32;
// Only the two rows that flank the line of sight: rows further aside are hidden behind them.
constexpr double kAisleReach = 3.0;
constexpr double kRowLabelEyeDistance = 120.0;
constexpr double kRowLabelRadius = 30.0;

double distance2d(const datamodel::Pose& pose, const std::array<double, 3>& point) {
    return std::hypot(double(pose.x) - point[0], double(pose.y) - point[1]);
}

} // namespace

// Standing in an aisle, the racks ahead of the eye along the line of sight show their servers as closed boxes
// (the rack's own box steps aside), so that the aisle reads as rows of servers rather than two walls. Racks
// already in full detail keep it.
void FacilityScene::Private::addAisleServers(const CameraPose& camera) {
    const Facility& f = *facility;
    const double lookX = camera.focalPoint[0] - camera.position[0];
    const double lookY = camera.focalPoint[1] - camera.position[1];
    const double lookLength = std::max(1e-9, std::hypot(lookX, lookY));
    std::vector<std::pair<double, EntityIndex>> ahead;
    for (EntityIndex rack : f.ofKind(EntityKind::Rack)) {
        const datamodel::Pose& pose = f.pose(rack);
        const double dx = double(pose.x) - camera.position[0], dy = double(pose.y) - camera.position[1];
        const double distance = std::hypot(dx, dy);
        const double alongLook = (dx * lookX + dy * lookY) / lookLength;
        const double besideLook = std::abs(dx * lookY - dy * lookX) / lookLength;
        if (distance <= kServerDetailRadius && alongLook > -kServerDetailBehind &&
            besideLook <= kAisleReach &&
            std::find(detailRacks.begin(), detailRacks.end(), rack) == detailRacks.end())
            ahead.emplace_back(distance, rack);
    }
    std::sort(ahead.begin(), ahead.end());
    if (ahead.size() > kMaxServerDetailRacks)
        ahead.resize(kMaxServerDetailRacks);
    for (const auto& [distance, rack] : ahead) {
        serverRacks.push_back(rack);
        racks->setVisible(rackInstanceOfEntity[size_t(rack)], false);
        for (EntityIndex server : f.children(rack))
            if (f.kind(server) == EntityKind::Server)
                servers->add(server, f.pose(server), kServerSled);
    }
}

void FacilityScene::Private::showLabelsFor(const CameraPose& camera) {
    const double eyeDistance =
        std::hypot(camera.position[0] - camera.focalPoint[0], camera.position[1] - camera.focalPoint[1],
                   camera.position[2] - camera.focalPoint[2]);
    // Row names only from inside a hall (they would clutter the overview); hall names from afar.
    // Each label is a draw of its own: only the rows around the point looked at get one, and none
    // while the 2D panels are suppressed (a tour's flight).
    for (const auto& text : rowLabels) {
        const double* at = text->GetPosition();
        const double fromFocus = std::hypot(at[0] - camera.focalPoint[0], at[1] - camera.focalPoint[1]);
        text->SetVisibility(!labelsSuppressed && eyeDistance <= kRowLabelEyeDistance &&
                            fromFocus <= kRowLabelRadius);
    }
    for (const auto& text : hallLabels)
        text->SetVisibility(!labelsSuppressed && eyeDistance > kDetailEyeDistance);
}

std::size_t FacilityScene::updateDetail(const CameraPose& camera) {
    const Facility& f = *d->facility;
    InstanceSet& racks = *d->racks;
    for (const auto* list : {&d->detailRacks, &d->serverRacks})
        for (EntityIndex rack : *list)
            racks.setVisible(d->rackInstanceOfEntity[size_t(rack)], true);
    d->detailRacks.clear();
    d->serverRacks.clear();
    for (const auto& set : d->sets)
        if (set->role == SetRole::Detail)
            set->instances.clear();

    const double eyeDistance =
        std::hypot(camera.position[0] - camera.focalPoint[0], camera.position[1] - camera.focalPoint[1],
                   camera.position[2] - camera.focalPoint[2]);
    d->showLabelsFor(camera);
    if (eyeDistance <= kDetailEyeDistance) {
        std::vector<std::pair<double, EntityIndex>> near;
        for (EntityIndex rack : f.ofKind(EntityKind::Rack)) {
            const double distance = distance2d(f.pose(rack), camera.focalPoint);
            if (distance <= kDetailRadius)
                near.emplace_back(distance, rack);
        }
        std::sort(near.begin(), near.end());
        if (near.size() > kMaxDetailRacks)
            near.resize(kMaxDetailRacks);
        for (std::size_t n = 0; n < near.size(); ++n) {
            const EntityIndex rack = near[n].second;
            d->detailRacks.push_back(rack);
            racks.setVisible(d->rackInstanceOfEntity[size_t(rack)], false);
            for (EntityIndex server : f.children(rack)) {
                if (f.kind(server) != EntityKind::Server)
                    continue;
                d->sleds->add(server, f.pose(server), kServerSled, kSledThickness);
                for (EntityIndex part : f.children(server)) {
                    const EntityKind kind = f.kind(part);
                    if (kind == EntityKind::Gpu)
                        d->gpus->add(part, f.pose(part), kGpuColour);
                    else if (n < kMaxPartDetailRacks && kind == EntityKind::Nic)
                        d->nics->add(part, f.pose(part), kNicColour);
                    else if (n < kMaxPartDetailRacks && kind == EntityKind::Psu)
                        d->psus->add(part, f.pose(part), kPsuColour);
                }
            }
        }
        d->addAisleServers(camera);
    }
    racks.commit();
    for (const auto& set : d->sets)
        if (set->role == SetRole::Detail)
            d->applyOverlay(set->instances); // new detail wears the overlay in force
    return d->detailRacks.size();
}

} // namespace twin::scene
