#include "FacilitySceneParts.h"
#include "datamodel/Schedule.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vtkCellArray.h>
#include <vtkNew.h>
#include <vtkOutlineSource.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>

namespace twin::scene {

using datamodel::EntityIndex;
using datamodel::EntityKind;
using datamodel::Facility;

namespace {

constexpr Rgb kNotStarted{74, 78, 88};
// Magenta: no kind wears it (amber would read as a cable tray).
constexpr Rgb kInProgress{215, 60, 200};
constexpr Rgb kNoData{96, 96, 96};
constexpr Rgb kSelected{0, 230, 255};

// Blue, green, yellow, red: four stops, linear between them.
Rgb valueColour(float value, float low, float high) {
    if (std::isnan(value))
        return kNoData;
    constexpr std::array<std::array<float, 3>, 4> kStops{
        {{40, 90, 220}, {40, 190, 90}, {240, 210, 40}, {220, 40, 40}}};
    const float t = std::clamp(high > low ? (value - low) / (high - low) : 0.0f, 0.0f, 1.0f) * 3.0f;
    const std::size_t stop = std::min<std::size_t>(std::size_t(t), 2);
    const float f = t - float(stop);
    Rgb colour{};
    for (std::size_t c = 0; c < 3; ++c)
        colour[c] = static_cast<unsigned char>(kStops[stop][c] + (kStops[stop + 1][c] - kStops[stop][c]) * f);
    return colour;
}

} // namespace

Rgb FacilityScene::Private::overlayColour(const InstanceSet& set, std::size_t instance) const {
    const EntityIndex entity = set.entityAt(instance);
    switch (overlay) {
    case Overlay::Kind:
        return set.ownColour(instance);
    case Overlay::Status:
        if (size_t(entity) >= states.size())
            return set.ownColour(instance);
        return states[size_t(entity)] == datamodel::InstallState::Installed    ? set.ownColour(instance)
               : states[size_t(entity)] == datamodel::InstallState::InProgress ? kInProgress
                                                                               : kNotStarted;
    case Overlay::Category: {
        const std::size_t category = size_t(entity) < categories.size() ? categories[size_t(entity)] : 255;
        return category < palette.size() ? palette[category].colour : set.ownColour(instance);
    }
    case Overlay::Value: {
        // Floors, trays and the plant carry no value: they keep their own colour as context.
        const EntityKind kind = facility->kind(entity);
        if (std::find(measuredKinds.begin(), measuredKinds.end(), kind) == measuredKinds.end())
            return set.ownColour(instance);
        return valueColour(size_t(entity) < values.size() ? values[size_t(entity)] : NAN, low, high);
    }
    }
    return set.ownColour(instance);
}

// What the overlay leaves out: the timeline's "not installed yet" when it is set to hide it.
bool FacilityScene::Private::overlayHides(EntityIndex entity) const {
    if (overlay == Overlay::Category) {
        const std::size_t category = size_t(entity) < categories.size() ? categories[size_t(entity)] : 255;
        return category < hiddenCategories.size() && hiddenCategories[category];
    }
    if (overlay == Overlay::Status)
        return hideNotStarted && size_t(entity) < states.size() &&
               states[size_t(entity)] == datamodel::InstallState::NotStarted;
    return false;
}

void FacilityScene::Private::applyOverlay(InstanceSet& set) const {
    for (std::size_t i = 0; i < set.size(); ++i) {
        set.setColour(i, overlayColour(set, i));
        set.setHiddenByOverlay(i, overlayHides(set.entityAt(i)));
    }
    set.commit();
}

std::vector<LegendEntry> FacilityScene::Private::ownColourEntries() const {
    // Pipes are lines in their own colours, outside the overlay: under x-ray on cooling they show, and
    // blue and red must not read as the overlay's "early" and "late".
    if (xRay != Layer::Cooling || overlay == Overlay::Kind)
        return {};
    return {{QStringLiteral("Supply pipe (own colour)"), kSupplyHeader},
            {QStringLiteral("Return pipe (own colour)"), kReturnHeader}};
}

void FacilityScene::Private::applyOverlayToAll() {
    for (const auto& set : sets)
        applyOverlay(set->instances);
}

void FacilityScene::colourByKind() {
    d->overlay = Private::Overlay::Kind;
    d->legend->setOwnColours({}); // the kinds' legend has the pipes already
    d->legend->showEntries(QStringLiteral("Kind"), kindLegend());
    d->applyOverlayToAll();
}

void FacilityScene::colourByStatus(std::span<const datamodel::InstallState> states, const QString& title,
                                   bool hideNotStarted) {
    d->overlay = Private::Overlay::Status;
    d->legend->setOwnColours(d->ownColourEntries());
    d->hideNotStarted = hideNotStarted;
    std::vector<LegendEntry> entries{{QStringLiteral("Installed (own colour)"), kRackColour},
                                     {QStringLiteral("In progress"), kInProgress}};
    if (!hideNotStarted)
        entries.push_back({QStringLiteral("Not started"), kNotStarted});
    d->legend->showEntries(title, std::move(entries));
    d->states.assign(states.begin(), states.end());
    d->applyOverlayToAll();
}

void FacilityScene::colourByCategory(std::span<const std::uint8_t> categories,
                                     std::vector<LegendEntry> palette, const QString& title,
                                     std::vector<bool> hidden) {
    d->overlay = Private::Overlay::Category;
    d->legend->setOwnColours(d->ownColourEntries());
    d->hiddenCategories = std::move(hidden);
    // The legend lists what is drawn: a hidden category has no swatch.
    std::vector<LegendEntry> shown;
    for (std::size_t c = 0; c < palette.size(); ++c)
        if (c >= d->hiddenCategories.size() || !d->hiddenCategories[c])
            shown.push_back(palette[c]);
    d->legend->showEntries(title, std::move(shown));
    d->categories.assign(categories.begin(), categories.end());
    d->palette = std::move(palette);
    d->applyOverlayToAll();
}

void FacilityScene::colourByProgress(std::span<const datamodel::Progress> progress,
                                     const datamodel::Schedule& schedule, const QString& title,
                                     bool hideNotDue) {
    const Facility& f = *d->facility;
    std::vector<std::uint8_t> categories(progress.size());
    for (std::size_t e = 0; e < progress.size(); ++e) {
        // Floors keep their own colour (a green building would drown the racks' story), and so does
        // what no task decides.
        const EntityKind kind = f.kind(EntityIndex(e));
        const bool floor = kind == EntityKind::Building || kind == EntityKind::Hall;
        categories[e] =
            floor || schedule.owner(EntityIndex(e)) == datamodel::kNoEntity ? 255 : std::uint8_t(progress[e]);
    }
    colourByCategory(categories, progressPalette(), title, {false, false, false, false, false, hideNotDue});
}

const std::vector<LegendEntry>& FacilityScene::progressPalette() {
    // In datamodel::Progress's order.
    static const std::vector<LegendEntry> palette{{QStringLiteral("Installed early"), {60, 120, 230}},
                                                  {QStringLiteral("Installed on time"), {60, 180, 90}},
                                                  {QStringLiteral("Installed late"), {220, 60, 50}},
                                                  {QStringLiteral("In progress"), {235, 200, 40}},
                                                  {QStringLiteral("Behind: due, not started"), {120, 40, 40}},
                                                  {QStringLiteral("Not yet due"), {52, 56, 66}}};
    return palette;
}

void FacilityScene::colourByValue(std::span<const float> values, float low, float high, const QString& title,
                                  const std::optional<Legend::Threshold>& threshold,
                                  std::span<const EntityKind> measured) {
    if (measured.empty())
        d->measuredKinds = {EntityKind::Rack, EntityKind::Server, EntityKind::Gpu, EntityKind::Cdu};
    else
        d->measuredKinds.assign(measured.begin(), measured.end());
    d->overlay = Private::Overlay::Value;
    d->legend->setOwnColours(d->ownColourEntries());
    d->legend->showColourBar(
        title, low, high, [low, high](float t) { return valueColour(low + t * (high - low), low, high); },
        {QStringLiteral("No data / stale"), kNoData}, threshold);
    d->values.assign(values.begin(), values.end());
    d->low = low;
    d->high = high;
    d->applyOverlayToAll();
}

void FacilityScene::select(std::int32_t entity, std::span<const std::int32_t> also) {
    d->selected = entity;
    d->alsoSelected.assign(also.begin(), also.end());
    // One polyline set for every outline: a box's 12 edges each, one actor however many are selected.
    vtkNew<vtkPoints> points;
    vtkNew<vtkCellArray> lines;
    const auto outline = [&](std::int32_t e) {
        if (e == datamodel::kNoEntity || std::size_t(e) >= d->facility->entityCount())
            return;
        const datamodel::Bounds& bounds = d->facility->subtreeBounds(e);
        if (bounds.isEmpty())
            return;
        // A little larger than the box, so that its edges are not lost in the faces they would share.
        const float margin = 0.05f;
        const vtkIdType first = points->GetNumberOfPoints();
        for (int corner = 0; corner < 8; ++corner)
            points->InsertNextPoint((corner & 1) ? bounds.max[0] + margin : bounds.min[0] - margin,
                                    (corner & 2) ? bounds.max[1] + margin : bounds.min[1] - margin,
                                    (corner & 4) ? bounds.max[2] + margin : bounds.min[2] - margin);
        static constexpr int kEdges[12][2] = {{0, 1}, {2, 3}, {4, 5}, {6, 7}, {0, 2}, {1, 3},
                                              {4, 6}, {5, 7}, {0, 4}, {1, 5}, {2, 6}, {3, 7}};
        for (const auto& edge : kEdges) {
            const vtkIdType ends[2] = {first + edge[0], first + edge[1]};
            lines->InsertNextCell(2, ends);
        }
    };
    outline(entity);
    for (const std::int32_t e : also)
        outline(e);
    if (points->GetNumberOfPoints() == 0) {
        if (d->selectionOutline)
            d->selectionOutline->SetVisibility(false);
        return;
    }
    if (!d->selectionOutline) {
        d->selectionOutline = vtkSmartPointer<vtkActor>::New();
        vtkNew<vtkPolyDataMapper> mapper;
        d->selectionOutline->SetMapper(mapper);
        vtkProperty* look = d->selectionOutline->GetProperty();
        look->SetColor(kSelected[0] / 255.0, kSelected[1] / 255.0, kSelected[2] / 255.0);
        look->SetLineWidth(3.0f);
        look->LightingOff();
        d->selectionOutline->PickableOff();
        d->renderer->AddActor(d->selectionOutline);
    }
    vtkNew<vtkPolyData> boxes;
    boxes->SetPoints(points);
    boxes->SetLines(lines);
    vtkPolyDataMapper::SafeDownCast(d->selectionOutline->GetMapper())->SetInputData(boxes);
    d->selectionOutline->SetVisibility(true);
}

std::optional<std::array<unsigned char, 3>> FacilityScene::drawnColour(std::int32_t entity) const {
    for (const auto& set : d->sets)
        for (std::size_t i = 0; i < set->instances.size(); ++i)
            if (set->instances.entityAt(i) == entity && set->instances.isVisible(i))
                return d->overlayColour(set->instances, i);
    return std::nullopt;
}

} // namespace twin::scene
