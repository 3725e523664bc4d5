// The tour written with every generated model: the Colossus story told with the model's own figures
// (every number in a caption is counted from the model, never typed): the site -> a hall filling up
// over the roll-out -> an aisle -> one rack and its GPUs -> the cooling plant -> the power yard ->
// back to the overview for live temperatures.
#pragma once

#include "datamodel/Facility.h"
#include "datamodel/Tours.h"

#include <string>

namespace twin::app {

inline constexpr const char* kDefaultTourName = "Colossus in 19 days";

// The tour for `facility` (its cameras from the presets), not yet written.
datamodel::Tour defaultTour(const datamodel::Facility& facility);

// Writes defaultTour into the model at `path` (one transaction) unless a tour of that name is there.
// Throws ModelError.
void writeDefaultTour(const std::string& path);

} // namespace twin::app
