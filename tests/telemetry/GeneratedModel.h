// The fixture most telemetry tests start from: a generated Colossus model of a few hundred GPUs,
// written to a file and loaded back.
#pragma once

#include "datamodel/Facility.h"
#include "datamodel/Store.h"
#include "importers/ColossusGenerator.h"

#include <memory>
#include <string>

namespace twin::testing {

inline std::unique_ptr<datamodel::Facility> generateAndLoad(const std::string& path, std::size_t gpus) {
    importers::GeneratorOptions options;
    options.gpus = gpus;
    importers::generateColossus(path, options);
    return std::make_unique<datamodel::Facility>(
        datamodel::Store::open(path, datamodel::Access::ReadOnly)->load());
}

} // namespace twin::testing
