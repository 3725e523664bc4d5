#include "scene/NaiveGpuScene.h"

#include "FacilitySceneParts.h"

#include <vtkActor.h>
#include <vtkCubeSource.h>
#include <vtkNew.h>
#include <vtkPolyData.h>
#include <vtkRenderer.h>

namespace twin::scene {

struct NaiveGpuScene::Private {
    vtkRenderer* renderer = nullptr;
    vtkNew<vtkPolyData> unitBox;
    InstanceSet gpus;
};

NaiveGpuScene::NaiveGpuScene(const datamodel::Facility& facility, vtkRenderer* renderer)
    : d(std::make_unique<Private>()) {
    d->renderer = renderer;
    vtkNew<vtkCubeSource> cube;
    cube->Update();
    d->unitBox->DeepCopy(cube->GetOutput());
    for (datamodel::EntityIndex gpu : facility.ofKind(datamodel::EntityKind::Gpu))
        d->gpus.add(gpu, facility.pose(gpu), kGpuColour);
    d->gpus.addTo(renderer, d->unitBox, InstanceSet::Shading::VtkDefault);
}

NaiveGpuScene::~NaiveGpuScene() {
    if (d->gpus.actor())
        d->renderer->RemoveActor(d->gpus.actor());
}

std::size_t NaiveGpuScene::instances() const {
    return d->gpus.size();
}

} // namespace twin::scene
