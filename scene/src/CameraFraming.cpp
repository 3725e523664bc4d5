#include "CameraFraming.h"

#include <vtkCamera.h>
#include <vtkRenderer.h>

namespace twin::scene {

namespace {
constexpr double kCloserThanBoundingSphere = 1.45;
}

void frameAllFromDefaultDirection(vtkRenderer* renderer) {
    vtkCamera* camera = renderer->GetActiveCamera();
    // A three-quarter view reads better than a side view: floor, rows and heights all show.
    camera->SetFocalPoint(0.0, 0.0, 0.0);
    camera->SetPosition(-1.0, -1.4, 1.1);
    camera->SetViewUp(0.0, 0.0, 1.0);
    renderer->ResetCamera();
    // ResetCamera fits the bounding sphere, which leaves a flat hall small in the middle of the view.
    camera->Dolly(kCloserThanBoundingSphere);
    renderer->ResetCameraClippingRange();
}

} // namespace twin::scene
