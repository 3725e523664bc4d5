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

void OverlayPanel::setSuppressed(bool suppressed) {
    suppressed_ = suppressed;
    place();
}

void OverlayPanel::hide() {
    wanted_ = false;
    place();
}

bool OverlayPanel::fits(const int* size) const {
    return wanted_ && size[0] >= 2 * kMargin + width_ && size[1] >= 2 * kMargin + height_;
}

void OverlayPanel::place() {
    // Shown only where the whole panel fits: one cut off by the edge would mislead.
    const int* size = renderer_->GetSize();
    drawn_ = !suppressed_ && fits(size);
    if (drawn_ && corner_ == Corner::LowerCentre) {
        x_ = (size[0] - width_) / 2;
        y_ = kMargin;
        // The other panel as it is placed in this frame (it may place itself after this one).
        if (clearOf_ && clearOf_->fits(size)) {
            const int clear = kMargin + clearOf_->width_ + kMargin;
            if (x_ < clear) {
                x_ = clear;
                if (x_ + width_ > size[0] - kMargin) {
                    x_ = (size[0] - width_) / 2;
                    y_ = kMargin + clearOf_->height_ + kMargin;
                    drawn_ = y_ + height_ <= size[1] - kMargin;
                }
            }
        }
    } else if (corner_ == Corner::LowerLeft) {
        x_ = kMargin;
        y_ = kMargin;
    } else {
        x_ = size[0] - kMargin - width_;
        y_ = size[1] - kMargin - height_;
    }
    actor_->SetVisibility(drawn_);
    if (drawn_)
        actor_->SetPosition(x_, y_);
}

QRect OverlayPanel::area(QSize viewSize) const {
    if (!drawn_)
        return {};
    return QRect(x_, viewSize.height() - y_ - height_, width_, height_);
}
} // namespace twin::scene
