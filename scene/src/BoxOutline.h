// The box a box selection is being dragged out with, drawn over the scene in display coordinates (a
// Qt rubber band cannot show over the embedded OpenGL window).
#pragma once

#include <vtkNew.h>
#include <vtkSmartPointer.h>

class vtkActor2D;
class vtkPoints;
class vtkRenderer;

namespace twin::scene {

class BoxOutline {
public:
    BoxOutline();
    ~BoxOutline();
    // Corners in VTK display coordinates (device pixels, origin bottom-left). Shown until hidden.
    void show(vtkRenderer* renderer, int x0, int y0, int x1, int y1);
    void hide();
    bool isShown() const { return shown_; }

private:
    vtkSmartPointer<vtkActor2D> actor_;
    vtkSmartPointer<vtkPoints> corners_;
    vtkRenderer* renderer_ = nullptr;
    bool shown_ = false;
};

} // namespace twin::scene
