// Where a camera stands and looks, in facility metres: the plain value that app/ and tests use
// instead of a vtkCamera (bookmarks and tours will store it too).
#pragma once

#include <array>

namespace twin::scene {

struct CameraPose {
    std::array<double, 3> position{};
    std::array<double, 3> focalPoint{};
    std::array<double, 3> viewUp{0.0, 0.0, 1.0};

    bool operator==(const CameraPose&) const = default;
};

} // namespace twin::scene
