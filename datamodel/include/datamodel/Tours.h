// Bookmarks (a named camera) and guided tours (stops at bookmarks, each with a caption and a dwell),
// as the model keeps them (tables bookmark, tour, tour_stop). The default tour is written with each
// generated model (app/view/DefaultTour); `tours` lists them and `record --tour` records one.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace twin::datamodel {

struct CameraView {
    std::array<double, 3> position{}, focalPoint{}, viewUp{0.0, 0.0, 1.0};
    double viewAngle = 30.0; // degrees
};

struct Bookmark {
    std::int64_t id = 0;
    std::string name;
    CameraView camera;
};

struct TourStop {
    Bookmark bookmark;
    double dwellSeconds = 5.0;
    std::string caption;
};

struct Tour {
    std::int64_t id = 0;
    std::string name;
    std::vector<TourStop> stops; // in order
};

} // namespace twin::datamodel
