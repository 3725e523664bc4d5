#include "gui/window/ViewState.h"

namespace twin::app {

void ViewState::setColouring(const Colouring& colouring) {
    if (colouring_ == colouring)
        return;
    colouring_ = colouring;
    emit changed(Aspect::Colouring);
}

void ViewState::setLayerShown(scene::Layer layer, bool shown) {
    if (shown_[std::size_t(layer)] == shown)
        return;
    shown_[std::size_t(layer)] = shown;
    emit changed(Aspect::Layers);
}

void ViewState::setXRay(std::optional<scene::Layer> focus) {
    if (xRay_ == focus)
        return;
    xRay_ = focus;
    emit changed(Aspect::XRay);
}

void ViewState::setSelection(datamodel::EntityIndex entity) {
    if (selection_ == entity)
        return;
    selection_ = entity;
    emit changed(Aspect::Selection);
}

} // namespace twin::app
