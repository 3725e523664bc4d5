// Renders a scene without showing a window (snapshots, CI, morning-meeting images) and hands back
// the picture as a QImage. Needs an X display (Xvfb is enough); ./twin wraps it in xvfb-run.
#pragma once

#include "scene/CameraPose.h"

#include <QImage>
#include <QSize>
#include <memory>

class vtkRenderer;

namespace twin::scene {

class OffscreenView {
public:
    explicit OffscreenView(QSize sizeInPixels);
    ~OffscreenView();
    OffscreenView(const OffscreenView&) = delete;
    OffscreenView& operator=(const OffscreenView&) = delete;

    // VTK's offscreen windows talk to X directly; without a display they would abort the process.
    static bool displayAvailable();

    vtkRenderer* renderer() const;
    QSize size() const;
    void resetCamera();
    void setCameraPose(const CameraPose& pose);
    // Renders one frame and returns it, top row first, RGB.
    QImage capture();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace twin::scene
