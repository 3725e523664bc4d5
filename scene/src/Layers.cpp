#include "scene/Layers.h"

#include <QStringList>

namespace twin::scene {

QString layerName(Layer layer) {
    switch (layer) {
    case Layer::Structure:
        return QStringLiteral("structure");
    case Layer::Compute:
        return QStringLiteral("compute");
    case Layer::Network:
        return QStringLiteral("network");
    case Layer::Cooling:
        return QStringLiteral("cooling");
    case Layer::Power:
        return QStringLiteral("power");
    }
    return {};
}

std::optional<Layer> layerFromName(const QString& name) {
    for (Layer layer : kAllLayers)
        if (layerName(layer) == name)
            return layer;
    return std::nullopt;
}

QString knownLayerNames() {
    QStringList names;
    for (Layer layer : kAllLayers)
        names.append(layerName(layer));
    return names.join(QStringLiteral(", "));
}

std::optional<std::vector<Layer>> parseLayerList(const QString& list, QString* unknown) {
    std::vector<Layer> layers;
    for (const QString& name : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto layer = layerFromName(name.trimmed());
        if (!layer) {
            if (unknown)
                *unknown = name.trimmed();
            return std::nullopt;
        }
        layers.push_back(*layer);
    }
    return layers;
}

} // namespace twin::scene
