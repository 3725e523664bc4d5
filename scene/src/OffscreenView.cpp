#include "scene/OffscreenView.h"

#include "CameraFraming.h"
#include "ImageConversion.h"

#include <cstdlib>
#include <vtkCamera.h>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkWindowToImageFilter.h>

namespace twin::scene {

struct OffscreenView::Private {
    vtkSmartPointer<vtkRenderWindow> window;
    vtkNew<vtkRenderer> renderer;
    QSize size;
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
    d->window->Render();
    vtkNew<vtkWindowToImageFilter> grabber;
    grabber->SetInput(d->window);
    grabber->SetInputBufferTypeToRGB();
    grabber->ReadFrontBufferOff();
    grabber->Update();
    return toQImage(grabber->GetOutput());
}

} // namespace twin::scene
