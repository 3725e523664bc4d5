#include "gui/window/ViewState.h"

namespace twin::app {

void ViewState::setSettings(const ViewSettings& settings, CameraMove move) {
    setColouring(settings.colouring);
    if (settings_.layersShown != settings.layersShown) {
        settings_.layersShown = settings.layersShown;
        emit changed(Aspect::Layers);
    }
    setXRay(settings.xRay);
    setSelection(settings.selection);
    setImpact(settings.impact);
    if (settings.camera)
        setCamera(*settings.camera, move);
}

void ViewState::setColouring(const Colouring& colouring) {
    if (settings_.colouring == colouring)
        return;
    settings_.colouring = colouring;
    emit changed(Aspect::Colouring);
}

void ViewState::setLayerShown(scene::Layer layer, bool shown) {
    if (settings_.layersShown[std::size_t(layer)] == shown)
        return;
    settings_.layersShown[std::size_t(layer)] = shown;
    emit changed(Aspect::Layers);
}

void ViewState::setXRay(std::optional<scene::Layer> focus) {
    if (settings_.xRay == focus)
        return;
    settings_.xRay = focus;
    emit changed(Aspect::XRay);
}

void ViewState::setSelection(datamodel::EntityIndex entity) {
    if (settings_.selection == entity)
        return;
    settings_.selection = entity;
    emit changed(Aspect::Selection);
}

void ViewState::setImpact(const std::optional<ImpactHighlight>& impact) {
    if (settings_.impact == impact)
        return;
    settings_.impact = impact;
    emit changed(Aspect::Impact);
}

void ViewState::setCamera(const scene::CameraPose& pose, CameraMove move) {
    if (settings_.camera == pose) {
        // The view arrived where it was sent, or is asked to go where it already stands: nothing to do.
        // (A flight asked for again while one is under way is asked again: the view may be elsewhere.)
        if (move == CameraMove::Followed || cameraMove_ == CameraMove::Followed) {
            cameraMove_ = CameraMove::Followed;
            return;
        }
    }
    settings_.camera = pose;
    cameraMove_ = move;
    emit changed(Aspect::Camera);
}

} // namespace twin::app
