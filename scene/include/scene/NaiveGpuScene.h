// The naive way, for benchmarks only: every GPU of the facility as one instance, all drawn (what the
// level of detail and the structure level are measured against).
#pragma once

#include <cstddef>
#include <memory>

class vtkRenderer;

namespace twin::datamodel {
class Facility;
}

namespace twin::scene {

class NaiveGpuScene {
public:
    NaiveGpuScene(const datamodel::Facility& facility, vtkRenderer* renderer);
    ~NaiveGpuScene();
    NaiveGpuScene(const NaiveGpuScene&) = delete;
    NaiveGpuScene& operator=(const NaiveGpuScene&) = delete;
    std::size_t instances() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace twin::scene
