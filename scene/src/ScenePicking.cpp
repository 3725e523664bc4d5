#include "FacilitySceneParts.h"

#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkMatrix4x4.h>
#include <vtkRenderer.h>

namespace twin::scene {

std::int32_t FacilityScene::pick(int x, int y) const {
    // A ray from the eye through the pixel, tested against the boxes actually drawn: exact, a few
    // thousand box tests (never the 100,000 GPUs that are not drawn), no read-back from the GPU.
    // (VTK 9.1's hardware selector found nothing for areas away from the window's edges here.)
    auto worldAt = [&](double depth) {
        // Through the pixel's centre: display coordinates put pixel (x, y)'s lower-left corner at (x, y).
        d->renderer->SetDisplayPoint(double(x) + 0.5, double(y) + 0.5, depth);
        d->renderer->DisplayToWorld();
        const double* world = d->renderer->GetWorldPoint();
        return std::array<double, 3>{world[0] / world[3], world[1] / world[3], world[2] / world[3]};
    };
    const std::array<double, 3> nearPoint = worldAt(0.0), farPoint = worldAt(1.0);
    const std::array<double, 3> direction{farPoint[0] - nearPoint[0], farPoint[1] - nearPoint[1],
                                          farPoint[2] - nearPoint[2]};
    std::optional<std::pair<double, datamodel::EntityIndex>> best;
    auto consider = [&](const InstanceSet& set) {
        if (!set.actor() || !set.actor()->GetVisibility())
            return; // a hidden layer cannot be clicked
        if (const auto hit = set.intersect(nearPoint, direction);
            hit && (!best || hit->distance < best->first))
            best = std::make_pair(hit->distance, set.entityAt(hit->instance));
    };
    for (const auto& set : d->sets)
        consider(set->instances);
    return best ? best->second : datamodel::kNoEntity;
}

std::vector<std::int32_t> FacilityScene::entitiesInBox(datamodel::EntityKind kind, int x0, int y0, int x1,
                                                       int y1) const {
    std::vector<std::int32_t> inside;
    // The camera's composite projection once, then each centre through it: a few thousand racks.
    vtkCamera* camera = d->renderer->GetActiveCamera();
    vtkMatrix4x4* project =
        camera->GetCompositeProjectionTransformMatrix(d->renderer->GetTiledAspectRatio(), -1, 1);
    const int* size = d->renderer->GetSize();
    for (const datamodel::EntityIndex e : d->facility->ofKind(kind)) {
        const datamodel::Pose& pose = d->facility->pose(e);
        const double world[4] = {pose.x, pose.y, pose.z + pose.height / 2, 1.0};
        double clip[4];
        project->MultiplyPoint(world, clip);
        if (clip[3] <= 0.0)
            continue; // behind the eye
        const double nx = clip[0] / clip[3], ny = clip[1] / clip[3], nz = clip[2] / clip[3];
        if (nz < -1.0 || nz > 1.0)
            continue; // outside the clipping range
        const double x = (nx + 1.0) / 2.0 * size[0], y = (ny + 1.0) / 2.0 * size[1];
        if (x >= x0 && x <= x1 + 1 && y >= y0 && y <= y1 + 1)
            inside.push_back(e);
    }
    return inside;
}

} // namespace twin::scene
