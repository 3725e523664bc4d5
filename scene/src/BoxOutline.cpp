#include "BoxOutline.h"

#include <vtkActor2D.h>
#include <vtkCellArray.h>
#include <vtkCoordinate.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper2D.h>
#include <vtkProperty2D.h>
#include <vtkRenderer.h>

namespace twin::scene {

BoxOutline::BoxOutline()
    : actor_(vtkSmartPointer<vtkActor2D>::New()), corners_(vtkSmartPointer<vtkPoints>::New()) {
    corners_->SetNumberOfPoints(4);
    vtkNew<vtkCellArray> loop;
    const vtkIdType ids[5] = {0, 1, 2, 3, 0};
    loop->InsertNextCell(5, ids);
    vtkNew<vtkPolyData> box;
    box->SetPoints(corners_);
    box->SetLines(loop);
    vtkNew<vtkCoordinate> display;
    display->SetCoordinateSystemToDisplay();
    vtkNew<vtkPolyDataMapper2D> mapper;
    mapper->SetInputData(box);
    mapper->SetTransformCoordinate(display);
    actor_->SetMapper(mapper);
    actor_->GetProperty()->SetColor(1.0, 0.85, 0.1); // the selection's yellow
    actor_->GetProperty()->SetLineWidth(2.0f);
    actor_->PickableOff();
}

BoxOutline::~BoxOutline() {
    hide();
}

void BoxOutline::show(vtkRenderer* renderer, int x0, int y0, int x1, int y1) {
    if (renderer_ != renderer) {
        hide();
        renderer_ = renderer;
        renderer_->AddActor2D(actor_);
    }
    corners_->SetPoint(0, x0, y0, 0);
    corners_->SetPoint(1, x1, y0, 0);
    corners_->SetPoint(2, x1, y1, 0);
    corners_->SetPoint(3, x0, y1, 0);
    corners_->Modified();
    actor_->SetVisibility(true);
    shown_ = true;
}

void BoxOutline::hide() {
    if (renderer_)
        renderer_->RemoveActor2D(actor_);
    renderer_ = nullptr;
    shown_ = false;
}

} // namespace twin::scene
