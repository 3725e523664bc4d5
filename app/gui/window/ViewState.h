// What the window shows, apart from the model: one object with one change signal, which the menus, the
// docks and the view set and the window applies to the scene (the scene never keeps state of its own
// that the window reads back). Today: the layers shown, x-ray and the selection; the colouring and the
// camera join it next (issue 13).
#pragma once

#include "datamodel/Facility.h"
#include "scene/Layers.h"

#include <QObject>
#include <array>
#include <optional>

namespace twin::app {

class ViewState : public QObject {
    Q_OBJECT
public:
    enum class Aspect { Layers, XRay, Selection };
    using QObject::QObject;

    bool layerShown(scene::Layer layer) const { return shown_[std::size_t(layer)]; }
    void setLayerShown(scene::Layer layer, bool shown);
    // Every layer but this one faint and see-through (the floors too); nothing: x-ray off.
    std::optional<scene::Layer> xRay() const { return xRay_; }
    void setXRay(std::optional<scene::Layer> focus);
    // The entity selected (with everything below it), or kNoEntity.
    datamodel::EntityIndex selection() const { return selection_; }
    void setSelection(datamodel::EntityIndex entity);

signals:
    // Emitted only when something changed.
    void changed(twin::app::ViewState::Aspect aspect);

private:
    std::array<bool, std::size(scene::kAllLayers)> shown_{true, true, true, true, true};
    std::optional<scene::Layer> xRay_;
    datamodel::EntityIndex selection_ = datamodel::kNoEntity;
};

} // namespace twin::app
