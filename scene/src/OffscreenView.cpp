#include "scene/OffscreenView.h"

#include "CameraFraming.h"
#include "ImageConversion.h"

#include <X11/Xlib.h>
#include <chrono>
#include <cstdlib>
#include <thread>
#include <vtkCamera.h>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkWindowToImageFilter.h>

namespace twin::scene {

namespace {

// VTK opens the X display itself and aborts the process when that fails once. A busy X server (tests
// running side by side on one Xvfb) can refuse a connection for a moment: try for a while, and let a
// real failure come back as an empty image instead of an abort.
Display* openDisplayPatiently() {
    constexpr int kAttempts = 40;
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        if (Display* display = XOpenDisplay(nullptr))
            return display;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return nullptr;
}

} // namespace

struct OffscreenView::Private {
    vtkSmartPointer<vtkRenderWindow> window;
    vtkNew<vtkRenderer> renderer;
    QSize size;
    Display* display = nullptr; // ours, handed to VTK (which then leaves it open)
    bool displayTried = false;
};

OffscreenView::OffscreenView(QSize sizeInPixels) : d(std::make_unique<Private>()) {
    d->size = sizeInPixels;
    // The object factory picks the platform's OpenGL window (GLX here), rendering into a hidden buffer.
    d->window = vtkSmartPointer<vtkRenderWindow>::New();
    d->window->SetOffScreenRendering(1);
    d->window->SetMultiSamples(0);
    d->window->SetSize(sizeInPixels.width(), sizeInPixels.height());
    d->window->AddRenderer(d->renderer);
    d->renderer->SetBackground(0.11, 0.13, 0.16);
}

OffscreenView::~OffscreenView() {
    d->window->Finalize();
    if (d->display)
        XCloseDisplay(d->display);
}

bool OffscreenView::displayAvailable() {
    const char* display = std::getenv("DISPLAY");
    return display && *display;
}

vtkRenderer* OffscreenView::renderer() const {
    return d->renderer;
}

QSize OffscreenView::size() const {
    return d->size;
}

void OffscreenView::resetCamera() {
    frameAllFromDefaultDirection(d->renderer);
}

void OffscreenView::setCameraPose(const CameraPose& pose) {
    vtkCamera* camera = d->renderer->GetActiveCamera();
    camera->SetPosition(pose.position.data());
    camera->SetFocalPoint(pose.focalPoint.data());
    camera->SetViewUp(pose.viewUp.data());
    d->renderer->ResetCameraClippingRange();
}

QImage OffscreenView::capture() {
    if (!d->displayTried) {
        d->displayTried = true;
        d->display = openDisplayPatiently();
        if (d->display)
            d->window->SetDisplayId(d->display);
    }
    if (!d->display)
        return {};
    d->window->Render();
    vtkNew<vtkWindowToImageFilter> grabber;
    grabber->SetInput(d->window);
    grabber->SetInputBufferTypeToRGB();
    grabber->ReadFrontBufferOff();
    grabber->Update();
    return toQImage(grabber->GetOutput());
}

} // namespace twin::scene
