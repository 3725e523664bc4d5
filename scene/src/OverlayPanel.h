// A 2D panel in a corner of the view: one RGB image composed on the CPU, drawn as one actor (a text
// actor per line cost a textured draw each, milliseconds a frame on llvmpipe; opaque, so no extra
// render pass). Placed in its corner and shown only where it fits whole, checked as each frame starts,
// when the view's size is known. The legend and the date stamp are such panels.
#pragma once

#include <QRect>
#include <QSize>
#include <vtkNew.h>

class vtkActor2D;
class vtkCallbackCommand;
class vtkImageData;
class vtkRenderer;

namespace twin::scene {

class OverlayPanel {
public:
    enum class Corner { LowerLeft, UpperRight, LowerCentre };

    OverlayPanel(vtkRenderer* renderer, Corner corner);
    ~OverlayPanel();
    OverlayPanel(const OverlayPanel&) = delete;
    OverlayPanel& operator=(const OverlayPanel&) = delete;

    // A new picture of this size filled with the panel colour, to draw into (pixels from the lower-left
    // corner, y up); then show() it, or hide() the panel.
    vtkImageData* start(int width, int height);
    void show();
    void hide();
    // Not drawn while suppressed (frames at a reduced render scale), whatever show() and hide() say.
    void setSuppressed(bool suppressed);

    // A lower-centre panel keeps clear of `other` (the legend in the lower-left corner): beside it
    // when the view is wide enough, else above it.
    void keepClearOf(const OverlayPanel* other) { clearOf_ = other; }

    bool drawn() const { return drawn_; }
    // The panel in an image of the view (top row first), empty when not drawn.
    QRect area(QSize viewSize) const;

private:
    void place();

    vtkRenderer* renderer_;
    Corner corner_;
    vtkNew<vtkImageData> image_;
    vtkNew<vtkActor2D> actor_;
    vtkNew<vtkCallbackCommand> placeCheck_;
    unsigned long placeObserver_ = 0;
    int width_ = 0, height_ = 0;
    int x_ = 0, y_ = 0; // where it was placed (pixels from the lower-left corner)
    const OverlayPanel* clearOf_ = nullptr;
    // Whether it fits a view of this size whole.
    bool fits(const int* size) const;
    bool wanted_ = false, drawn_ = false, suppressed_ = false;
};

} // namespace twin::scene
