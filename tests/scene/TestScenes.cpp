#include "TestScenes.h"

#include <QSet>
#include <cstdlib>
#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkCubeSource.h>
#include <vtkNew.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>

namespace twin::scene::testing {

void addFlatCube(vtkRenderer* renderer, const QColor& cube, const QColor& background) {
    vtkNew<vtkCubeSource> source;
    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputConnection(source->GetOutputPort());
    vtkNew<vtkActor> actor;
    actor->SetMapper(mapper);
    actor->GetProperty()->SetColor(cube.redF(), cube.greenF(), cube.blueF());
    actor->GetProperty()->LightingOff();
    renderer->AddActor(actor);
    renderer->SetBackground(background.redF(), background.greenF(), background.blueF());
    vtkCamera* camera = renderer->GetActiveCamera();
    camera->SetFocalPoint(0, 0, 0);
    camera->SetPosition(0, 0, 3.5);
    camera->SetViewUp(0, 1, 0);
    camera->SetViewAngle(30.0);
    renderer->ResetCameraClippingRange();
}

bool closeTo(const QColor& actual, const QColor& expected, int tolerance) {
    return std::abs(actual.red() - expected.red()) <= tolerance &&
           std::abs(actual.green() - expected.green()) <= tolerance &&
           std::abs(actual.blue() - expected.blue()) <= tolerance;
}

int distinctColours(const QImage& image, int step) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += step)
        for (int x = 0; x < image.width(); x += step)
            colours.insert(image.pixel(x, y) & 0xffffff);
    return int(colours.size());
}

} // namespace twin::scene::testing
