#include "OverlayPanel.h"

#include "TextImage.h"

#include <vtkActor2D.h>
#include <vtkCallbackCommand.h>
#include <vtkCommand.h>
#include <vtkImageData.h>
#include <vtkImageMapper.h>
#include <vtkRenderer.h>

namespace twin::scene {

namespace {
constexpr int kMargin = 12; // device pixels from the view's edges
constexpr unsigned char kPanelColour[3] = {20, 22, 28};
} // namespace

OverlayPanel::OverlayPanel(vtkRenderer* renderer, Corner corner) : renderer_(renderer), corner_(corner) {
    start(1, 1);
    vtkNew<vtkImageMapper> mapper;
    mapper->SetInputData(image_);
    mapper->SetColorWindow(255.0);
    mapper->SetColorLevel(127.5);
    actor_->SetMapper(mapper);
    actor_->SetVisibility(false);
    renderer_->AddViewProp(actor_);
    placeCheck_->SetClientData(this);
    placeCheck_->SetCallback([](vtkObject*, unsigned long, void* clientData, void*) {
        static_cast<OverlayPanel*>(clientData)->place();
    });
    placeObserver_ = renderer_->AddObserver(vtkCommand::StartEvent, placeCheck_);
}

OverlayPanel::~OverlayPanel() {
    renderer_->RemoveObserver(placeObserver_);
    renderer_->RemoveViewProp(actor_);
}

vtkImageData* OverlayPanel::start(int width, int height) {
    width_ = width;
    height_ = height;
    image_->SetDimensions(width, height, 1);
    image_->AllocateScalars(VTK_UNSIGNED_CHAR, 3);
    fillRect(image_, 0, 0, width, height, kPanelColour);
    return image_;
}

void OverlayPanel::show() {
    wanted_ = true;
    image_->Modified();
    place();
}

void OverlayPanel::hide() {
    wanted_ = false;
    place();
}

void OverlayPanel::place() {
    // Shown only where the whole panel fits: one cut off by the edge would mislead.
    const int* size = renderer_->GetSize();
    drawn_ = wanted_ && size[0] >= 2 * kMargin + width_ && size[1] >= 2 * kMargin + height_;
    actor_->SetVisibility(drawn_);
    if (!drawn_)
        return;
    if (corner_ == Corner::LowerLeft)
        actor_->SetPosition(kMargin, kMargin);
    else if (corner_ == Corner::LowerCentre)
        actor_->SetPosition((size[0] - width_) / 2, kMargin);
    else
        actor_->SetPosition(size[0] - kMargin - width_, size[1] - kMargin - height_);
}

QRect OverlayPanel::area(QSize viewSize) const {
    if (!drawn_)
        return {};
    if (corner_ == Corner::LowerCentre)
        return QRect((viewSize.width() - width_) / 2, viewSize.height() - kMargin - height_, width_, height_);
    return corner_ == Corner::LowerLeft
               ? QRect(kMargin, viewSize.height() - kMargin - height_, width_, height_)
               : QRect(viewSize.width() - kMargin - width_, kMargin, width_, height_);
}

} // namespace twin::scene
