// Mouse and keyboard navigation for the 3D views: orbit (left drag), pan (middle drag or shift+left),
// zoom (wheel or right drag), keys for orbit/zoom/reset. VTK's other single-key actions (quit, stereo,
// wireframe, ...) would surprise an engineer mid-walkthrough, so they are swallowed here.
#pragma once

#include <functional>
#include <vtkInteractorStyleTrackballCamera.h>

namespace twin::scene {

class NavigationStyle : public vtkInteractorStyleTrackballCamera {
public:
    static NavigationStyle* New();
    vtkTypeMacro(NavigationStyle, vtkInteractorStyleTrackballCamera);

    // Degrees turned by one arrow-key press, and the zoom factor of one +/- press.
    static constexpr double kKeyOrbitDegrees = 5.0;
    static constexpr double kKeyZoomFactor = 1.2;

    // What R does; set by the view so that the key and its Reset Camera command agree. Without it,
    // R frames everything visible.
    std::function<void()> onReset;

    void OnChar() override;
    void OnKeyPress() override;

protected:
    NavigationStyle() = default;

private:
    void orbit(double azimuthDegrees, double elevationDegrees);
    void zoom(double factor);
    void resetView();
};

} // namespace twin::scene
