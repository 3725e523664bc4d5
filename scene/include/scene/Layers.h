// What an engineer switches on and off: the building, the compute, the network, cooling, power. The
// names are the command line's and the menus' ("--layers compute,cooling", "--xray cooling").
#pragma once

#include <QString>
#include <optional>
#include <vector>

namespace twin::scene {

enum class Layer { Structure, Compute, Network, Cooling, Power };
inline constexpr Layer kAllLayers[] = {Layer::Structure, Layer::Compute, Layer::Network, Layer::Cooling,
                                       Layer::Power};
QString layerName(Layer layer); // "structure", "compute", ...
std::optional<Layer> layerFromName(const QString& name);
// "structure, compute, network, cooling, power": for messages that list what is known.
QString knownLayerNames();

// "compute,cooling" -> {Compute, Cooling} (blanks around names ignored); on an unknown name, nothing
// and that name in `unknown`.
std::optional<std::vector<Layer>> parseLayerList(const QString& list, QString* unknown = nullptr);

} // namespace twin::scene
