// The Qt 6 <-> VTK bridge: a widget that hosts a vtkGenericOpenGLRenderWindow. VTK 9.1's own Qt widget is
// built against Qt 5 on Debian 12, so we own this bridge (see QT6-VTK-BRIDGE.md).
// VTK draws into a QOpenGLWindow embedded through a window container, not into a QOpenGLWidget: Qt composes
// a QOpenGLWidget into its window every frame (two full-window textured draws), which on software OpenGL
// cost about 10 ms a frame, a third of the budget at 30 frames/s. The widget receives the window's input.
#pragma once

#include "scene/CameraPose.h"

#include <QImage>
#include <QWidget>
#include <memory>
#include <optional>

class vtkGenericOpenGLRenderWindow;
class vtkRenderer;

namespace twin::scene {

class RenderSurface;

class ViewWidget : public QWidget {
    Q_OBJECT
public:
    explicit ViewWidget(QWidget* parent = nullptr);
    ~ViewWidget() override;

    // Must run before the QApplication exists: desktop OpenGL 3.2 core, depth 24, no multisampling
    // (VTK does its own anti-aliasing and hardware picking needs a single-sample buffer).
    static void installDefaultSurfaceFormat();

    // For scene/ code and its tests: the renderer that scenes populate. app/ never calls these.
    vtkRenderer* renderer() const;
    vtkGenericOpenGLRenderWindow* renderWindow() const;

    // Removes everything drawn, before a new scene is populated.
    void clearScene();
    // Goes home: to the home pose when one is set (a facility's overview), else frames everything
    // visible from the default direction. The R key and any "Reset Camera" command both land here.
    void resetCamera();
    void setHomePose(std::optional<CameraPose> pose);
    CameraPose cameraPose() const;
    void setCameraPose(const CameraPose& pose);
    // A smooth flight (eased in and out) from the current pose to `pose`; cameraChanged() at arrival.
    // A new flight replaces one under way.
    void flyTo(const CameraPose& pose, int durationMs = 900);
    bool isFlying() const;
    // Level of detail in pixels, for frames in motion on a software renderer (a tour's flights): VTK
    // renders `scale` (0.25 to 1) of the device pixels each way and the frame is stretched to the view
    // (linear filtering). 1 is every pixel; pointer input assumes 1.
    void setRenderScale(double scale);
    double renderScale() const;

    // Walk mode, for walkthroughs: the eye at standing height, W/S forward and back, A/D sideways
    // (Shift: faster), left drag to look around, Escape to leave. Off by default.
    static constexpr double kEyeHeight = 1.7;
    static constexpr double kWalkStep = 0.5; // metres per key press
    void setWalkMode(bool on);
    bool walkMode() const;
    // The next left drag draws a box (boxSelected) instead of turning the camera; Escape cancels.
    void startBoxSelection();
    bool isBoxSelecting() const;
    // Asks for a frame; requests coalesce into one per display refresh. (QWidget::update() would only
    // repaint the widget behind the OpenGL window.)
    void requestRender();
    // Renders a frame now and shows it (benchmarks, a caller that must not wait).
    void renderNow();
    // Renders a frame and returns it (device pixels, its devicePixelRatio set), without showing it.
    QImage grabFramebuffer();
    // Whether the OpenGL surface is on screen, so frames can be seen.
    bool isSurfaceExposed() const;
    // Number of frames VTK has rendered into this widget, for tests and benchmarks.
    quint64 renderedFrames() const;
    // The OpenGL renderer string ("llvmpipe (LLVM 15.0.6, 256 bits)"), empty before the first show.
    QString openGLRenderer() const;

signals:
    // The user moved the camera (a drag ended, a wheel step, a navigation key): time to choose detail.
    void cameraChanged();
    // A left click that did not drag: where, in VTK display coordinates (device pixels, origin
    // bottom-left), and the keys held (Ctrl: add to the selection).
    void clicked(int x, int y, Qt::KeyboardModifiers modifiers);
    // A box dragged out after startBoxSelection(): its corners in display coordinates (as clicked),
    // and the keys held when it was let go.
    void boxSelected(int x0, int y0, int x1, int y1, Qt::KeyboardModifiers modifiers);
    // A right click without a drag (same coordinates as clicked; `global` for a menu there).
    void contextClicked(int x, int y, QPoint global);
    // The pointer rests over the view with no button down (same coordinates as clicked).
    void hovered(int x, int y);
    // A left double click (same coordinates as clicked).
    void doubleClicked(int x, int y);
    void walkModeChanged(bool on);
    // A frame VTK rendered reached the window (not a repaint of the last one): how long VTK drew it.
    void frameShown(double renderMilliseconds);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void enterEvent(QEnterEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void stopFlight();

    friend class RenderSurface; // the embedded OpenGL window, which paints through Private
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace twin::scene
