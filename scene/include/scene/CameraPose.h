// Where a camera stands and looks, in facility metres: the plain value that app/ and tests use
// instead of a vtkCamera (bookmarks and tours will store it too).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace twin::scene {

struct CameraPose {
    std::array<double, 3> position{};
    std::array<double, 3> focalPoint{};
    std::array<double, 3> viewUp{0.0, 0.0, 1.0};

    bool operator==(const CameraPose&) const = default;
};

// As text, for a punch item's pin and a bookmark: "camera px,py,pz fx,fy,fz ux,uy,uz" in metres
// (millimetre precision); back again, or nothing for text that is not one (a pin written by hand).
std::string cameraPoseText(const CameraPose& pose);
std::optional<CameraPose> cameraPoseFromText(std::string_view text);

} // namespace twin::scene
