#include "scene/FacilityScene.h"

#include "FacilitySceneParts.h"
#include "scene/ViewWidget.h"

#include <vtkActor.h>
#include <vtkBillboardTextActor3D.h>
#include <vtkCamera.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>

namespace twin::scene {

FacilityScene::FacilityScene(std::shared_ptr<const datamodel::Facility> facility, vtkRenderer* renderer)
    : d(std::make_unique<Private>()) {
    d->facility = std::move(facility);
    d->renderer = renderer; // held: the scene's actors are taken out of it when the scene goes
    d->build();
}

FacilityScene::FacilityScene(std::shared_ptr<const datamodel::Facility> facility, ViewWidget& view)
    : FacilityScene(std::move(facility), view.renderer()) {}

FacilityScene::~FacilityScene() {
    // The renderer may outlive this scene: take our actors back out of it (it is kept alive by us
    // until then, whatever the window does with it).
    for (const auto& set : d->sets)
        if (vtkActor* actor = set->instances.actor())
            d->renderer->RemoveActor(actor);
    for (const auto& actor : d->pipes)
        d->renderer->RemoveActor(actor);
    if (d->selectionOutline)
        d->renderer->RemoveActor(d->selectionOutline);
    for (const auto* labels : {&d->hallLabels, &d->rowLabels})
        for (const auto& text : *labels)
            d->renderer->RemoveActor(text);
}

void FacilityScene::Private::applyLayers() {
    constexpr double kXRayOpacity = 0.12;
    auto show = [&](vtkActor* actor, Layer layer) {
        actor->SetVisibility(layerShown[layer]);
        actor->GetProperty()->SetOpacity(xRay && *xRay != layer ? kXRayOpacity : 1.0);
    };
    for (const auto& set : sets)
        if (vtkActor* actor = set->instances.actor())
            show(actor, set->layer);
    // The pipes lie below the floor: drawing their 70,000 line points when the floor hides them
    // cost a third of the frame rate (bench render). They come out with x-ray on cooling.
    for (const auto& actor : pipes) {
        show(actor, Layer::Cooling);
        actor->SetVisibility(layerShown[Layer::Cooling] && xRay == Layer::Cooling);
    }
    for (const auto* labels : {&hallLabels, &rowLabels})
        for (const auto& text : *labels)
            text->SetForceOpaque(!xRay);
}

const FacilitySceneCounts& FacilityScene::counts() const {
    return d->counts;
}

const Legend& FacilityScene::legend() const {
    return *d->legend;
}

DateStamp& FacilityScene::dateStamp() {
    return *d->dateStamp;
}

const DateStamp& FacilityScene::dateStamp() const {
    return *d->dateStamp;
}

void FacilityScene::setOverlaysSuppressed(bool suppressed) {
    d->legend->setSuppressed(suppressed);
    d->dateStamp->setSuppressed(suppressed);
    d->caption->setSuppressed(suppressed);
    // The hall and row names too (a draw each); back as the camera now asks for them.
    d->labelsSuppressed = suppressed;
    vtkCamera* camera = d->renderer->GetActiveCamera();
    CameraPose pose;
    camera->GetPosition(pose.position.data());
    camera->GetFocalPoint(pose.focalPoint.data());
    camera->GetViewUp(pose.viewUp.data());
    d->showLabelsFor(pose);
}

std::size_t FacilityScene::labelsShown() const {
    std::size_t shown = 0;
    for (const auto* labels : {&d->hallLabels, &d->rowLabels})
        for (const auto& text : *labels)
            shown += text->GetVisibility() ? 1 : 0;
    return shown;
}

Caption& FacilityScene::caption() {
    return *d->caption;
}

const Caption& FacilityScene::caption() const {
    return *d->caption;
}

std::int32_t FacilityScene::selected() const {
    return d->selected;
}

const std::vector<std::int32_t>& FacilityScene::alsoSelected() const {
    return d->alsoSelected;
}

void FacilityScene::setLayerVisible(Layer layer, bool visible) {
    d->layerShown[layer] = visible;
    d->applyLayers();
}

bool FacilityScene::layerVisible(Layer layer) const {
    return d->layerShown.at(layer);
}

void FacilityScene::setXRay(std::optional<Layer> focus) {
    d->xRay = focus;
    d->legend->setOwnColours(d->ownColourEntries());
    d->applyLayers();
}

std::optional<Layer> FacilityScene::xRay() const {
    return d->xRay;
}

std::size_t FacilityScene::pipeSegments() const {
    return d->pipeSegments;
}

std::size_t FacilityScene::drawnInstances() const {
    std::size_t drawn = 0;
    for (const auto& set : d->sets)
        drawn += set->instances.visibleCount();
    return drawn;
}

std::size_t FacilityScene::serverDetailRacks() const {
    return d->serverRacks.size();
}

std::vector<std::int32_t> FacilityScene::racksInDetail() const {
    std::vector<std::int32_t> racks(d->detailRacks.begin(), d->detailRacks.end());
    racks.insert(racks.end(), d->serverRacks.begin(), d->serverRacks.end());
    return racks;
}

std::size_t FacilityScene::drawnGpus() const {
    return d->gpus->visibleCount();
}

} // namespace twin::scene
