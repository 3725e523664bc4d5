// What the window shows, apart from the model: one ViewSettings value with one change signal, which
// the menus, the docks, Go To and the view set and the window paints onto the scene (the scene keeps
// no state of its own that the window reads back): the colouring, the layers shown, x-ray, the
// selection and the camera.
#pragma once

#include "view/ViewSettings.h"

#include <QObject>
#include <span>
#include <vector>

namespace twin::app {

class ViewState : public QObject {
    Q_OBJECT
public:
    enum class Aspect { Colouring, Layers, XRay, Selection, Camera, Impact };
    using QObject::QObject;

    const ViewSettings& settings() const { return settings_; }
    // All of it at once (a bookmark): a changed() for each aspect that differs.
    void setSettings(const ViewSettings& settings, CameraMove move = CameraMove::Fly);

    const Colouring& colouring() const { return settings_.colouring; }
    void setColouring(const Colouring& colouring);

    bool layerShown(scene::Layer layer) const { return settings_.layerShown(layer); }
    void setLayerShown(scene::Layer layer, bool shown);
    // Every layer but this one faint and see-through (the floors too); nothing: x-ray off.
    std::optional<scene::Layer> xRay() const { return settings_.xRay; }
    void setXRay(std::optional<scene::Layer> focus);
    // The entity selected (with everything below it), or kNoEntity.
    datamodel::EntityIndex selection() const { return settings_.selection; }
    // A plain choice: this one alone (the rest of a multi-selection let go).
    void setSelection(datamodel::EntityIndex entity);
    // Ctrl+click: `entity` joins the selection (and is the one the inspector shows), or leaves it when
    // it was in; then the last one chosen before it is shown.
    void toggleInSelection(datamodel::EntityIndex entity);
    // A box: these, the first shown in the inspector; `add` (Ctrl): with what was selected.
    void selectAll(std::span<const datamodel::EntityIndex> entities, bool add = false);
    // Everything selected: `selection()` first, then the others ascending; empty when nothing is.
    std::vector<datamodel::EntityIndex> selectedEntities() const;
    // "What fails with this?" shown over the colouring, or nothing.
    const std::optional<ImpactHighlight>& impact() const { return settings_.impact; }
    void setImpact(const std::optional<ImpactHighlight>& impact);
    // Where the camera is, or is on its way to; nothing before a model is shown.
    const std::optional<scene::CameraPose>& camera() const { return settings_.camera; }
    // How the last camera change came about: the window flies or jumps the view, or leaves it be.
    CameraMove cameraMove() const { return cameraMove_; }
    void setCamera(const scene::CameraPose& pose, CameraMove move);

signals:
    // Emitted only when something changed.
    void changed(twin::app::ViewState::Aspect aspect);

private:
    ViewSettings settings_;
    CameraMove cameraMove_ = CameraMove::Jump;
};

} // namespace twin::app
