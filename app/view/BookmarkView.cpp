#include "view/BookmarkView.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <optional>

namespace twin::app {

namespace {

constexpr const char* kTimelineModeNames[] = {"off", "planned", "actual", "actual_vs_planned"};

QString colouringName(Colouring::By by) {
    switch (by) {
    case Colouring::By::Kind:
        return QStringLiteral("kind");
    case Colouring::By::Status:
        return QStringLiteral("status");
    case Colouring::By::Live:
        return QStringLiteral("live");
    case Colouring::By::Timeline:
        return QStringLiteral("timeline");
    }
    return QStringLiteral("kind");
}

std::optional<Colouring::By> colouringFromName(const QString& name) {
    for (Colouring::By by :
         {Colouring::By::Kind, Colouring::By::Status, Colouring::By::Live, Colouring::By::Timeline})
        if (colouringName(by) == name)
            return by;
    return std::nullopt;
}

// Times as whole seconds in JSON numbers (exact to 2^53): kNoTime as null.
QJsonValue timeValue(datamodel::TimePoint time) {
    return time == datamodel::kNoTime ? QJsonValue() : QJsonValue(double(time));
}

// A whole number JSON holds exactly, or nothing (another tool's file may hold anything).
std::optional<std::int64_t> wholeFrom(const QJsonValue& value) {
    constexpr double kExact = 9007199254740992.0; // 2^53
    const double number = value.toDouble(std::nan(""));
    if (!value.isDouble() || !std::isfinite(number) || std::abs(number) > kExact ||
        number != std::floor(number))
        return std::nullopt;
    return std::int64_t(number);
}

datamodel::TimePoint timeFrom(const QJsonValue& value) {
    return wholeFrom(value).value_or(datamodel::kNoTime);
}

} // namespace

std::string bookmarkViewJson(const ViewSettings& settings, const datamodel::Facility& facility) {
    QJsonObject view;
    const Colouring& c = settings.colouring;
    view[QStringLiteral("colour")] = colouringName(c.by);
    if (c.metric)
        view[QStringLiteral("metric")] =
            QString::fromUtf8(c.metric->key.data(), qsizetype(c.metric->key.size()));
    view[QStringLiteral("timeline_mode")] = QLatin1String(kTimelineModeNames[int(c.mode)]);
    view[QStringLiteral("moment")] = timeValue(c.moment);
    view[QStringLiteral("until")] = timeValue(c.until);
    view[QStringLiteral("hide_not_installed")] = c.hideNotInstalled;
    QJsonArray layers;
    for (scene::Layer layer : scene::kAllLayers)
        if (settings.layerShown(layer))
            layers.append(scene::layerName(layer));
    view[QStringLiteral("layers")] = layers;
    view[QStringLiteral("xray")] =
        settings.xRay ? QJsonValue(scene::layerName(*settings.xRay)) : QJsonValue();
    QJsonArray selection; // the one the inspector shows first, then the others
    if (settings.selection != datamodel::kNoEntity)
        selection.append(double(facility.entities().id[std::size_t(settings.selection)]));
    for (datamodel::EntityIndex also : settings.alsoSelected)
        selection.append(double(facility.entities().id[std::size_t(also)]));
    view[QStringLiteral("selection")] = selection;
    return QJsonDocument(view).toJson(QJsonDocument::Compact).toStdString();
}

ViewSettings withBookmarkView(ViewSettings base, std::string_view json, const datamodel::Facility& facility,
                              QStringList* problems) {
    const auto problem = [problems](const QString& text) {
        if (problems)
            problems->append(text);
    };
    if (json.empty())
        return base;
    QJsonParseError error{};
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray(json.data(), qsizetype(json.size())), &error);
    if (!document.isObject()) {
        problem(QStringLiteral("the view state is not a JSON object (%1)").arg(error.errorString()));
        return base;
    }
    const QJsonObject view = document.object();
    Colouring colouring;
    const QString by = view.value(QStringLiteral("colour")).toString(QStringLiteral("kind"));
    if (const auto known = colouringFromName(by))
        colouring.by = *known;
    else
        problem(QStringLiteral("colouring '%1' is not known").arg(by));
    if (const QString metric = view.value(QStringLiteral("metric")).toString(); !metric.isEmpty()) {
        colouring.metric = telemetry::findLiveMetric(metric.toStdString());
        if (!colouring.metric)
            problem(QStringLiteral("live metric '%1' is not known").arg(metric));
    }
    if (colouring.by == Colouring::By::Live && !colouring.metric)
        colouring.by = Colouring::By::Kind;
    const QString mode = view.value(QStringLiteral("timeline_mode")).toString(QStringLiteral("off"));
    bool knownMode = false;
    for (int i = 0; i < int(std::size(kTimelineModeNames)); ++i)
        if (mode == QLatin1String(kTimelineModeNames[i])) {
            colouring.mode = TimelineMode(i);
            knownMode = true;
        }
    if (!knownMode)
        problem(QStringLiteral("timeline mode '%1' is not known").arg(mode));
    colouring.moment = timeFrom(view.value(QStringLiteral("moment")));
    colouring.until = timeFrom(view.value(QStringLiteral("until")));
    colouring.hideNotInstalled = view.value(QStringLiteral("hide_not_installed")).toBool();
    base.colouring = colouring;

    if (view.contains(QStringLiteral("layers"))) {
        base.layersShown.fill(false);
        for (const QJsonValue& name : view.value(QStringLiteral("layers")).toArray()) {
            if (const auto layer = scene::layerFromName(name.toString()))
                base.layersShown[std::size_t(*layer)] = true;
            else
                problem(QStringLiteral("layer '%1' is not known").arg(name.toString()));
        }
    }
    base.xRay.reset();
    if (const QJsonValue xray = view.value(QStringLiteral("xray")); xray.isString()) {
        base.xRay = scene::layerFromName(xray.toString());
        if (!base.xRay)
            problem(QStringLiteral("x-ray layer '%1' is not known").arg(xray.toString()));
    }
    base.selection = datamodel::kNoEntity;
    base.alsoSelected.clear();
    for (const QJsonValue& id : view.value(QStringLiteral("selection")).toArray()) {
        const std::optional<std::int64_t> entityId = wholeFrom(id);
        const datamodel::EntityIndex entity = entityId ? facility.findById(*entityId) : datamodel::kNoEntity;
        if (entity == datamodel::kNoEntity) {
            problem(QStringLiteral("entity %1 of the selection is not in the model")
                        .arg(entityId ? QString::number(*entityId) : id.toVariant().toString()));
            continue;
        }
        if (base.selection == datamodel::kNoEntity)
            base.selection = entity;
        else if (entity != base.selection)
            base.alsoSelected.push_back(entity);
    }
    std::sort(base.alsoSelected.begin(), base.alsoSelected.end());
    base.alsoSelected.erase(std::unique(base.alsoSelected.begin(), base.alsoSelected.end()),
                            base.alsoSelected.end());
    base.impact.reset();
    return base;
}

datamodel::Bookmark bookmarkOf(const std::string& name, const ViewSettings& settings,
                               const datamodel::Facility& facility) {
    datamodel::Bookmark bookmark;
    bookmark.name = name;
    if (settings.camera)
        bookmark.camera = {settings.camera->position, settings.camera->focalPoint, settings.camera->viewUp,
                           30.0};
    bookmark.view = bookmarkViewJson(settings, facility);
    return bookmark;
}

ViewSettings settingsOf(const datamodel::Bookmark& bookmark, ViewSettings base,
                        const datamodel::Facility& facility, QStringList* problems) {
    ViewSettings settings = withBookmarkView(std::move(base), bookmark.view, facility, problems);
    settings.camera =
        scene::CameraPose{bookmark.camera.position, bookmark.camera.focalPoint, bookmark.camera.viewUp};
    return settings;
}

} // namespace twin::app
