// The default model: Colossus as publicly reported (COLOSSUS-FACTS.md), generated deterministically
// for a seed. Four halls of H100 racks for 100,000 GPUs; above that, the expansion phase in four more
// halls (half H100, half H200) with later dates.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace twin::importers {

// Goes up whenever the same options generate a different model (edition 2: training waits for every
// first-phase burn-in), so that a model cached under an older edition is generated again.
inline constexpr int kGeneratorEdition = 2;

struct GeneratorOptions {
    int gpus = 100000; // a multiple of 8 (whole servers), 8 to 400,000
    std::uint64_t seed = 1;
    bool overwrite = false; // replace an existing file (atomically, only once the new one is complete)
    // Called now and then with the fraction done (0..1) and what is being written.
    std::function<void(double fraction, std::string_view stage)> progress;
};

// Checks the options; returns an empty string or a one-line reason.
std::string validateGeneratorOptions(const GeneratorOptions& options);

// Writes a new model file at `path` (which must not exist unless `overwrite`). Built in a temporary file
// beside it and renamed at the end, so a failure or an interruption never leaves a half-written model. Throws
// datamodel::ModelError.
void generateColossus(const std::string& path, const GeneratorOptions& options);

} // namespace twin::importers
