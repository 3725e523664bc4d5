#include "gui/window/ViewState.h"

#include <algorithm>

namespace twin::app {

void ViewState::setSettings(const ViewSettings& settings, CameraMove move) {
    setColouring(settings.colouring);
    if (settings_.layersShown != settings.layersShown) {
        settings_.layersShown = settings.layersShown;
        emit changed(Aspect::Layers);
    }
    setXRay(settings.xRay);
    if (settings.alsoSelected.empty())
        setSelection(settings.selection);
    else {
        std::vector<datamodel::EntityIndex> all{settings.selection};
        all.insert(all.end(), settings.alsoSelected.begin(), settings.alsoSelected.end());
        selectAll(all);
    }
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
    if (settings_.selection == entity && settings_.alsoSelected.empty())
        return;
    settings_.selection = entity;
    settings_.alsoSelected.clear();
    emit changed(Aspect::Selection);
}

void ViewState::toggleInSelection(datamodel::EntityIndex entity) {
    if (entity == datamodel::kNoEntity)
        return;
    std::vector<datamodel::EntityIndex>& also = settings_.alsoSelected;
    if (entity == settings_.selection) {
        // Out; the shown one becomes the last of the others (the highest: no order of choosing is kept).
        settings_.selection = also.empty() ? datamodel::kNoEntity : also.back();
        if (!also.empty())
            also.pop_back();
    } else if (const auto at = std::lower_bound(also.begin(), also.end(), entity);
               at != also.end() && *at == entity) {
        also.erase(at);
    } else {
        if (settings_.selection != datamodel::kNoEntity)
            also.insert(std::lower_bound(also.begin(), also.end(), settings_.selection), settings_.selection);
        settings_.selection = entity;
    }
    emit changed(Aspect::Selection);
}

void ViewState::selectAll(std::span<const datamodel::EntityIndex> entities, bool add) {
    std::vector<datamodel::EntityIndex> all =
        add ? selectedEntities() : std::vector<datamodel::EntityIndex>();
    all.insert(all.end(), entities.begin(), entities.end());
    std::erase(all, datamodel::kNoEntity);
    if (all.empty()) {
        setSelection(datamodel::kNoEntity);
        return;
    }
    const datamodel::EntityIndex shown =
        add && settings_.selection != datamodel::kNoEntity ? settings_.selection : all.front();
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    std::erase(all, shown);
    if (settings_.selection == shown && settings_.alsoSelected == all)
        return;
    settings_.selection = shown;
    settings_.alsoSelected = std::move(all);
    emit changed(Aspect::Selection);
}

std::vector<datamodel::EntityIndex> ViewState::selectedEntities() const {
    std::vector<datamodel::EntityIndex> all;
    if (settings_.selection == datamodel::kNoEntity)
        return all;
    all.push_back(settings_.selection);
    all.insert(all.end(), settings_.alsoSelected.begin(), settings_.alsoSelected.end());
    return all;
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
