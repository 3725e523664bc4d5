#include "NavigationStyle.h"

#include "CameraFraming.h"

#include <cstring>
#include <vtkCamera.h>
#include <vtkObjectFactory.h>
#include <vtkRenderWindowInteractor.h>
#include <vtkRenderer.h>

namespace twin::scene {

vtkStandardNewMacro(NavigationStyle);

void NavigationStyle::OnChar() {
    vtkRenderWindowInteractor* interactor = this->Interactor;
    if (!interactor)
        return;
    switch (interactor->GetKeyCode()) {
    case 'r':
    case 'R':
        resetView();
        break;
    case '+':
    case '=':
        zoom(kKeyZoomFactor);
        break;
    case '-':
    case '_':
        zoom(1.0 / kKeyZoomFactor);
        break;
    default:
        break; // deliberately not forwarded: see the header
    }
}

void NavigationStyle::OnKeyPress() {
    vtkRenderWindowInteractor* interactor = this->Interactor;
    if (!interactor || !interactor->GetKeySym())
        return;
    const char* key = interactor->GetKeySym();
    if (std::strcmp(key, "Left") == 0)
        orbit(-kKeyOrbitDegrees, 0.0);
    else if (std::strcmp(key, "Right") == 0)
        orbit(kKeyOrbitDegrees, 0.0);
    else if (std::strcmp(key, "Up") == 0)
        orbit(0.0, kKeyOrbitDegrees);
    else if (std::strcmp(key, "Down") == 0)
        orbit(0.0, -kKeyOrbitDegrees);
}

void NavigationStyle::orbit(double azimuthDegrees, double elevationDegrees) {
    const int* position = this->Interactor->GetEventPosition();
    this->FindPokedRenderer(position[0], position[1]);
    if (!this->CurrentRenderer)
        return;
    vtkCamera* camera = this->CurrentRenderer->GetActiveCamera();
    camera->Azimuth(azimuthDegrees);
    camera->Elevation(elevationDegrees);
    camera->OrthogonalizeViewUp();
    if (this->AutoAdjustCameraClippingRange)
        this->CurrentRenderer->ResetCameraClippingRange();
    this->Interactor->Render();
}

void NavigationStyle::zoom(double factor) {
    const int* position = this->Interactor->GetEventPosition();
    this->FindPokedRenderer(position[0], position[1]);
    if (!this->CurrentRenderer)
        return;
    this->Dolly(factor);
}

void NavigationStyle::resetView() {
    if (onReset) {
        onReset();
        return;
    }
    const int* position = this->Interactor->GetEventPosition();
    this->FindPokedRenderer(position[0], position[1]);
    if (!this->CurrentRenderer)
        return;
    frameAllFromDefaultDirection(this->CurrentRenderer);
    this->Interactor->Render();
}

} // namespace twin::scene
