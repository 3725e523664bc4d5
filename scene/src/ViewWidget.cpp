#include "scene/ViewWidget.h"

#include "BoxOutline.h"
#include "CameraFraming.h"
#include "NavigationStyle.h"

#include <QCoreApplication>
#include <QCursor>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QOpenGLExtraFunctions>
#include <QOpenGLFunctions>
#include <QOpenGLWindow>
#include <QPointer>
#include <QResizeEvent>
#include <QSurfaceFormat>
#include <QVariantAnimation>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkNew.h>
#include <vtkOpenGLState.h>
#include <vtkRenderer.h>

namespace twin::scene {

// The OpenGL window VTK draws into. Input that reaches it (the window system delivers it here, not to
// the widget underneath) goes on to the widget, which owns navigation.
class RenderSurface : public QOpenGLWindow {
public:
    explicit RenderSurface(ViewWidget* view) : QOpenGLWindow(QOpenGLWindow::NoPartialUpdate), view_(view) {}

protected:
    void initializeGL() override;
    void paintGL() override;
    bool event(QEvent* event) override {
        switch (event->type()) {
        case QEvent::MouseButtonPress:
            view_->setFocus(Qt::MouseFocusReason);
            [[fallthrough]];
        case QEvent::MouseButtonRelease:
        case QEvent::MouseButtonDblClick:
        case QEvent::MouseMove:
        case QEvent::Wheel:
        case QEvent::KeyPress:
        case QEvent::KeyRelease:
        case QEvent::Enter:
        case QEvent::Leave:
            return QCoreApplication::sendEvent(view_, event);
        default:
            return QOpenGLWindow::event(event);
        }
    }

private:
    ViewWidget* view_;
};

struct ViewWidget::Private {
    ViewWidget* widget = nullptr;
    RenderSurface* surface = nullptr; // owned by its container, a child of the widget
    QWidget* container = nullptr;
    vtkNew<vtkGenericOpenGLRenderWindow> renderWindow;
    vtkNew<vtkRenderer> renderer;
    vtkNew<vtkGenericRenderWindowInteractor> interactor;
    vtkNew<NavigationStyle> style;
    std::vector<unsigned long> windowObserverTags;
    unsigned long renderRequestTag = 0;
    bool painting = false;
    bool contextInitialised = false;
    // A frame asked for since the last one drawn. Qt also paints for reasons of its own (a window
    // exposed; the update it schedules for renderNow()'s, which renderNow() has already drawn): those
    // show VTK's last frame again rather than render the scene twice.
    bool frameWanted = true;
    int renderedWidth = 0, renderedHeight = 0;
    double renderScale = 1.0; // of the device pixels VTK renders (setRenderScale)
    quint64 framesRendered = 0;
    QPointer<QVariantAnimation> flight;
    std::optional<CameraPose> home;
    bool walking = false;
    QPointF lookFrom; // last pointer position during a walk-mode look drag
    // Box selection: armed by startBoxSelection(), dragging from boxFrom while boxDragging.
    bool boxArmed = false, boxDragging = false;
    QPointF boxFrom;
    BoxOutline boxOutline;
    // Display coordinates (device pixels, y up) of a logical position, as the interactor gets them.
    std::pair<int, int> display(const QPointF& position) const {
        return {devicePixels(qRound(position.x())),
                devicePixels(widget->height()) - 1 - devicePixels(qRound(position.y()))};
    }

    // Moves the eye and what it looks at together, keeping the eye at standing height.
    void walk(double forward, double sideways) {
        vtkCamera* camera = renderer->GetActiveCamera();
        double position[3], focal[3];
        camera->GetPosition(position);
        camera->GetFocalPoint(focal);
        double ahead[2] = {focal[0] - position[0], focal[1] - position[1]};
        const double length = std::hypot(ahead[0], ahead[1]);
        if (length < 1e-9)
            return;
        ahead[0] /= length;
        ahead[1] /= length;
        const double dx = ahead[0] * forward + ahead[1] * sideways;
        const double dy = ahead[1] * forward - ahead[0] * sideways;
        camera->SetPosition(position[0] + dx, position[1] + dy, position[2]);
        camera->SetFocalPoint(focal[0] + dx, focal[1] + dy, focal[2]);
        renderer->ResetCameraClippingRange();
    }
    QPointF pressedAt;                       // where the left button went down, to tell a click from a drag
    QPointF rightPressedAt;                  // and the right one
    static constexpr qreal kClickSlop = 3.0; // logical pixels
    QString glRenderer;
    QMetaObject::Connection contextTeardown;

    // The render window asks for its context through events because it does not own it (Qt does).
    void onWindowEvent(vtkObject*, unsigned long event, void* callData) {
        QOpenGLContext* context = surface->context();
        switch (event) {
        case vtkCommand::WindowMakeCurrentEvent:
            // Only the context, never a framebuffer binding behind VTK's state cache (what
            // QOpenGLWidget::makeCurrent() did): VTK would attach its textures to Qt's framebuffer
            // and the view would turn black.
            if (context)
                context->makeCurrent(surface);
            break;
        case vtkCommand::WindowIsCurrentEvent:
            *static_cast<bool*>(callData) = context && QOpenGLContext::currentContext() == context;
            break;
        case vtkCommand::WindowFrameEvent:
            // Someone rendered outside paintGL (a test, a scene update): show the result.
            if (!painting)
                surface->update();
            break;
        default:
            break;
        }
    }

    // The interactor never renders by itself (EnableRender is off): it asks, and Qt coalesces
    // the requests into one paint per frame.
    void onRenderRequested(vtkObject*, unsigned long, void*) { wantFrame(); }
    void wantFrame() {
        frameWanted = true;
        surface->update();
    }

    void releaseGraphics() {
        if (!contextInitialised)
            return;
        contextInitialised = false;
        surface->makeCurrent();
        renderWindow->Finalize();
        renderWindow->SetReadyForRendering(false);
        surface->doneCurrent();
    }

    void initializeGL();
    // VTK renders the scene and the result lands in the surface's back buffer (not yet shown).
    void paint();

    int devicePixels(int logical) const { return qRound(logical * widget->devicePixelRatioF()); }

    // Qt gives logical coordinates with y down; VTK wants device pixels with y up.
    void forwardPointer(const QPointF& position, Qt::KeyboardModifiers modifiers, int repeat = 0) {
        interactor->SetEventInformationFlipY(devicePixels(qRound(position.x())),
                                             devicePixels(qRound(position.y())),
                                             modifiers.testFlag(Qt::ControlModifier) ? 1 : 0,
                                             modifiers.testFlag(Qt::ShiftModifier) ? 1 : 0, 0, repeat);
        interactor->SetAltKey(modifiers.testFlag(Qt::AltModifier) ? 1 : 0);
    }
};

namespace {

// VTK's key symbols for the keys our navigation uses; others travel by their character only.
const char* vtkKeySymbol(int qtKey) {
    switch (qtKey) {
    case Qt::Key_Left:
        return "Left";
    case Qt::Key_Right:
        return "Right";
    case Qt::Key_Up:
        return "Up";
    case Qt::Key_Down:
        return "Down";
    case Qt::Key_Plus:
        return "plus";
    case Qt::Key_Minus:
        return "minus";
    default:
        return nullptr;
    }
}

} // namespace

ViewWidget::ViewWidget(QWidget* parent) : QWidget(parent), d(std::make_unique<Private>()) {
    d->widget = this;
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setMinimumSize(64, 64);
    d->surface = new RenderSurface(this);
    // No alpha in the window: nothing may show through it (VTK's own framebuffer keeps its alpha).
    QSurfaceFormat format = QSurfaceFormat::defaultFormat();
    format.setAlphaBufferSize(0);
    d->surface->setFormat(format);
    d->container = QWidget::createWindowContainer(d->surface, this);
    // Events that Qt itself routes to widgets (tests, accessibility) reach this widget, not the container.
    d->container->setAttribute(Qt::WA_TransparentForMouseEvents);
    d->container->setFocusPolicy(Qt::NoFocus);

    vtkGenericOpenGLRenderWindow* window = d->renderWindow;
    window->SetOwnContext(false);
    window->SetFrameBlitModeToNoBlit();
    window->SetReadyForRendering(false);
    window->SetMultiSamples(0);
    window->AddRenderer(d->renderer);
    for (unsigned long event :
         {vtkCommand::WindowMakeCurrentEvent, vtkCommand::WindowIsCurrentEvent, vtkCommand::WindowFrameEvent})
        d->windowObserverTags.push_back(window->AddObserver(event, d.get(), &Private::onWindowEvent));

    d->renderer->SetBackground(0.11, 0.13, 0.16);
    d->renderer->SetBackgroundAlpha(1.0);

    d->interactor->SetRenderWindow(window);
    d->interactor->SetInteractorStyle(d->style);
    d->style->onReset = [this] {
        resetCamera();
    };
    d->interactor->EnableRenderOff();
    d->renderRequestTag =
        d->interactor->AddObserver(vtkCommand::RenderEvent, d.get(), &Private::onRenderRequested);
    d->interactor->Initialize();
}

ViewWidget::~ViewWidget() {
    disconnect(d->contextTeardown);
    d->releaseGraphics();
    d->interactor->RemoveObserver(d->renderRequestTag);
    for (unsigned long tag : d->windowObserverTags)
        d->renderWindow->RemoveObserver(tag);
}

void ViewWidget::installDefaultSurfaceFormat() {
    // A frame asked for is drawn on the event loop's next pass, not 5 ms later (Qt's default idle time
    // for update requests): a frame on llvmpipe takes 25 ms at 1920x1080, and 5 more of waiting each
    // cost a tour's flights a sixth of their frames (35 against 29 frames/s, bench tour).
    if (!qEnvironmentVariableIsSet("QT_QPA_UPDATE_IDLE_TIME"))
        qputenv("QT_QPA_UPDATE_IDLE_TIME", "0");
    QSurfaceFormat format;
    format.setRenderableType(QSurfaceFormat::OpenGL);
    format.setVersion(3, 2);
    format.setProfile(QSurfaceFormat::CoreProfile);
    format.setRedBufferSize(8);
    format.setGreenBufferSize(8);
    format.setBlueBufferSize(8);
    format.setAlphaBufferSize(8);
    format.setDepthBufferSize(24);
    format.setStencilBufferSize(8);
    format.setSamples(0);
    format.setSwapBehavior(QSurfaceFormat::DoubleBuffer);
    QSurfaceFormat::setDefaultFormat(format);
}

vtkRenderer* ViewWidget::renderer() const {
    return d->renderer;
}

vtkGenericOpenGLRenderWindow* ViewWidget::renderWindow() const {
    return d->renderWindow;
}

void ViewWidget::clearScene() {
    d->renderer->RemoveAllViewProps();
    requestRender();
}

void ViewWidget::resetCamera() {
    if (d->home) {
        setCameraPose(*d->home);
        return;
    }
    frameAllFromDefaultDirection(d->renderer);
    requestRender();
    emit cameraChanged();
}

void ViewWidget::setHomePose(std::optional<CameraPose> pose) {
    d->home = pose;
}

CameraPose ViewWidget::cameraPose() const {
    vtkCamera* camera = d->renderer->GetActiveCamera();
    CameraPose pose;
    camera->GetPosition(pose.position.data());
    camera->GetFocalPoint(pose.focalPoint.data());
    camera->GetViewUp(pose.viewUp.data());
    return pose;
}

void ViewWidget::setCameraPose(const CameraPose& pose) {
    stopFlight(); // a pose set wins over a flight under way (which would land elsewhere after it)
    vtkCamera* camera = d->renderer->GetActiveCamera();
    camera->SetPosition(pose.position.data());
    camera->SetFocalPoint(pose.focalPoint.data());
    camera->SetViewUp(pose.viewUp.data());
    d->renderer->ResetCameraClippingRange();
    requestRender();
    emit cameraChanged();
}

void ViewWidget::stopFlight() {
    if (!d->flight)
        return;
    d->flight->disconnect(this); // not its landing: that would jump to its target
    d->flight->stop();
}

void ViewWidget::flyTo(const CameraPose& target, int durationMs) {
    stopFlight(); // the new flight starts where the camera is, not where the old one was going
    const CameraPose start = cameraPose();
    auto* flight = new QVariantAnimation(this);
    d->flight = flight;
    flight->setStartValue(0.0);
    flight->setEndValue(1.0);
    flight->setDuration(std::max(1, durationMs));
    flight->setEasingCurve(QEasingCurve::InOutCubic);
    connect(flight, &QVariantAnimation::valueChanged, this, [this, start, target](const QVariant& value) {
        const double t = value.toDouble();
        CameraPose pose;
        for (std::size_t axis = 0; axis < 3; ++axis) {
            pose.position[axis] = start.position[axis] + (target.position[axis] - start.position[axis]) * t;
            pose.focalPoint[axis] =
                start.focalPoint[axis] + (target.focalPoint[axis] - start.focalPoint[axis]) * t;
            pose.viewUp[axis] = start.viewUp[axis] + (target.viewUp[axis] - start.viewUp[axis]) * t;
        }
        vtkCamera* camera = d->renderer->GetActiveCamera();
        camera->SetPosition(pose.position.data());
        camera->SetFocalPoint(pose.focalPoint.data());
        camera->SetViewUp(pose.viewUp.data());
        camera->OrthogonalizeViewUp();
        d->renderer->ResetCameraClippingRange();
        requestRender();
    });
    // Land exactly on the target (no rounding drift), then let listeners choose detail.
    connect(flight, &QVariantAnimation::finished, this, [this, target] { setCameraPose(target); });
    flight->start(QAbstractAnimation::DeleteWhenStopped);
}

void ViewWidget::setWalkMode(bool on) {
    if (d->walking == on)
        return;
    d->walking = on;
    if (on) {
        // Step down to standing height, looking level in the direction the camera was facing.
        vtkCamera* camera = d->renderer->GetActiveCamera();
        double position[3], focal[3];
        camera->GetPosition(position);
        camera->GetFocalPoint(focal);
        double ahead[2] = {focal[0] - position[0], focal[1] - position[1]};
        const double length = std::max(1e-9, std::hypot(ahead[0], ahead[1]));
        camera->SetPosition(position[0], position[1], kEyeHeight);
        camera->SetFocalPoint(position[0] + ahead[0] / length * 5.0, position[1] + ahead[1] / length * 5.0,
                              kEyeHeight);
        camera->SetViewUp(0.0, 0.0, 1.0);
        d->renderer->ResetCameraClippingRange();
        requestRender();
    }
    emit walkModeChanged(on);
    emit cameraChanged();
}

bool ViewWidget::walkMode() const {
    return d->walking;
}

void ViewWidget::setRenderScale(double scale) {
    scale = std::clamp(scale, 0.25, 1.0);
    if (scale == d->renderScale)
        return;
    d->renderScale = scale;
    requestRender();
}

double ViewWidget::renderScale() const {
    return d->renderScale;
}

bool ViewWidget::isFlying() const {
    return d->flight && d->flight->state() == QAbstractAnimation::Running;
}

quint64 ViewWidget::renderedFrames() const {
    return d->framesRendered;
}

QString ViewWidget::openGLRenderer() const {
    return d->glRenderer;
}

void ViewWidget::resizeEvent(QResizeEvent* event) {
    // The surface follows at once (a layout would resize it later, and a frame in between would be
    // drawn at one size into a window of another). VTK's window size takes part in picking and
    // projection between frames too: keep it current.
    d->container->setGeometry(rect());
    d->interactor->UpdateSize(d->devicePixels(width()), d->devicePixels(height()));
    QWidget::resizeEvent(event);
}

void ViewWidget::requestRender() {
    d->wantFrame();
}

void ViewWidget::renderNow() {
    if (!d->surface->handle())
        return; // not shown yet: no window to draw into
    // Delivered now: QOpenGLWindow paints and swaps before this returns. No update() first: Qt would
    // schedule a second paint for it, after this one.
    d->frameWanted = true;
    QEvent updateRequest(QEvent::UpdateRequest);
    QCoreApplication::sendEvent(d->surface, &updateRequest);
}

QImage ViewWidget::grabFramebuffer() {
    // The window system applies a resize in its own time, and the surface's buffers follow it at the
    // next swap: catch up and show one frame first, or a view resized just now reads back at its old
    // size. (The first paint also creates the context.)
    QGuiApplication::sync();
    renderNow();
    if (!d->contextInitialised)
        return {};
    d->surface->makeCurrent();
    d->paint();
    return d->surface->grabFramebuffer(); // reads the back buffer just drawn
}

bool ViewWidget::isSurfaceExposed() const {
    return d->surface->isExposed();
}

void RenderSurface::initializeGL() {
    view_->d->initializeGL();
}

void RenderSurface::paintGL() {
    view_->d->paint();
}

void ViewWidget::Private::initializeGL() {
    // The context goes with the window: release what VTK built in it before it does.
    QObject::disconnect(contextTeardown);
    contextTeardown = QObject::connect(surface->context(), &QOpenGLContext::aboutToBeDestroyed, widget,
                                       [this] { releaseGraphics(); });
    renderWindow->SetReadyForRendering(true);
    renderWindow->SetForceMaximumHardwareLineWidth(1);
    renderWindow->OpenGLInitContext();
    glRenderer = QString::fromLatin1(
        reinterpret_cast<const char*>(surface->context()->functions()->glGetString(GL_RENDERER)));
    contextInitialised = true;
}

void ViewWidget::Private::paint() {
    if (!contextInitialised)
        return;
    vtkGenericOpenGLRenderWindow* window = renderWindow;
    // Qt's sizes are logical pixels; VTK renders in device pixels, or HiDPI screens get a blurry quarter.
    const int deviceWidth = devicePixels(widget->width());
    const int deviceHeight = devicePixels(widget->height());
    const int renderWidth = std::max(1, int(std::lround(deviceWidth * renderScale)));
    const int renderHeight = std::max(1, int(std::lround(deviceHeight * renderScale)));
    if (window->GetSize()[0] != renderWidth || window->GetSize()[1] != renderHeight)
        interactor->UpdateSize(renderWidth, renderHeight);

    // Qt changed GL state since VTK last looked: make VTK's cache match the real state first.
    vtkOpenGLState* state = window->GetState();
    state->Reset();
    state->Push();
    state->vtkglDepthFunc(GL_LEQUAL);
    bool drew = false;
    double renderedMs = 0.0;
    if (frameWanted || renderedWidth != renderWidth || renderedHeight != renderHeight) {
        frameWanted = false;
        renderedWidth = renderWidth;
        renderedHeight = renderHeight;
        painting = true;
        QElapsedTimer rendering;
        rendering.start();
        window->Render();
        renderedMs = double(rendering.nsecsElapsed()) / 1e6;
        painting = false;
        ++framesRendered;
        drew = true;
    }
    state->Pop();

    // VTK drew into its own framebuffer; copy it into the window's back buffer.
    QOpenGLExtraFunctions* gl = surface->context()->extraFunctions();
    gl->glBindFramebuffer(GL_DRAW_FRAMEBUFFER, surface->defaultFramebufferObject());
    window->BlitDisplayFramebuffer(0, 0, 0, renderWidth, renderHeight, 0, 0, deviceWidth, deviceHeight,
                                   GL_COLOR_BUFFER_BIT, renderScale == 1.0 ? GL_NEAREST : GL_LINEAR);
    gl->glBindFramebuffer(GL_FRAMEBUFFER, surface->defaultFramebufferObject());
    if (drew)
        emit widget->frameShown(renderedMs);
}

void ViewWidget::startBoxSelection() {
    d->boxArmed = true;
    setCursor(Qt::CrossCursor);
}

bool ViewWidget::isBoxSelecting() const {
    return d->boxArmed;
}

void ViewWidget::mousePressEvent(QMouseEvent* event) {
    if (d->boxArmed && event->button() == Qt::LeftButton) {
        d->boxDragging = true;
        d->boxFrom = event->position();
        event->accept();
        return;
    }
    if (d->walking && event->button() == Qt::LeftButton) {
        d->lookFrom = d->pressedAt = event->position();
        event->accept();
        return;
    }
    d->forwardPointer(event->position(), event->modifiers());
    if (event->button() == Qt::LeftButton)
        d->pressedAt = event->position();
    if (event->button() == Qt::RightButton)
        d->rightPressedAt = event->position();
    switch (event->button()) {
    case Qt::LeftButton:
        d->interactor->LeftButtonPressEvent();
        break;
    case Qt::MiddleButton:
        d->interactor->MiddleButtonPressEvent();
        break;
    case Qt::RightButton:
        d->interactor->RightButtonPressEvent();
        break;
    default:
        break;
    }
    event->accept();
}

void ViewWidget::mouseReleaseEvent(QMouseEvent* event) {
    if (d->boxDragging && event->button() == Qt::LeftButton) {
        d->boxDragging = d->boxArmed = false;
        unsetCursor();
        d->boxOutline.hide();
        requestRender();
        const auto [x0, y0] = d->display(d->boxFrom);
        const auto [x1, y1] = d->display(event->position());
        event->accept();
        emit boxSelected(std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1),
                         event->modifiers());
        return;
    }
    if (d->walking && event->button() == Qt::LeftButton) {
        event->accept();
        emit cameraChanged();
        return;
    }
    d->forwardPointer(event->position(), event->modifiers());
    if (event->button() == Qt::LeftButton &&
        (event->position() - d->pressedAt).manhattanLength() <= d->kClickSlop) {
        const int* position = d->interactor->GetEventPosition();
        emit clicked(position[0], position[1], event->modifiers());
    }
    // A right click that did not drag (a right drag zooms): the context menu's place.
    const bool rightClick = event->button() == Qt::RightButton &&
                            (event->position() - d->rightPressedAt).manhattanLength() <= d->kClickSlop;
    switch (event->button()) {
    case Qt::LeftButton:
        d->interactor->LeftButtonReleaseEvent();
        break;
    case Qt::MiddleButton:
        d->interactor->MiddleButtonReleaseEvent();
        break;
    case Qt::RightButton:
        d->interactor->RightButtonReleaseEvent();
        break;
    default:
        break;
    }
    event->accept();
    emit cameraChanged();
    if (rightClick) {
        const int* position = d->interactor->GetEventPosition();
        emit contextClicked(position[0], position[1], event->globalPosition().toPoint());
    }
}

void ViewWidget::mouseMoveEvent(QMouseEvent* event) {
    if (d->boxDragging) {
        const auto [x0, y0] = d->display(d->boxFrom);
        const auto [x1, y1] = d->display(event->position());
        d->boxOutline.show(d->renderer, x0, y0, x1, y1);
        requestRender();
        event->accept();
        return;
    }
    if (d->walking && event->buttons().testFlag(Qt::LeftButton)) {
        // Turn the head: yaw about the vertical through the eye, pitch kept within +-80 degrees.
        constexpr double kDegreesPerPixel = 0.25;
        const QPointF delta = event->position() - d->lookFrom;
        d->lookFrom = event->position();
        vtkCamera* camera = d->renderer->GetActiveCamera();
        camera->Yaw(-delta.x() * kDegreesPerPixel);
        const double pitch = -delta.y() * kDegreesPerPixel;
        double direction[3];
        camera->GetDirectionOfProjection(direction);
        const double current = std::asin(std::clamp(direction[2], -1.0, 1.0)) * 180.0 / 3.14159265358979;
        if (std::abs(current + pitch) < 80.0)
            camera->Pitch(pitch);
        camera->SetViewUp(0.0, 0.0, 1.0);
        d->renderer->ResetCameraClippingRange();
        requestRender();
        event->accept();
        return;
    }
    d->forwardPointer(event->position(), event->modifiers());
    d->interactor->MouseMoveEvent();
    event->accept();
    if (event->buttons() == Qt::NoButton) {
        const int* position = d->interactor->GetEventPosition();
        emit hovered(position[0], position[1]);
    }
}

void ViewWidget::mouseDoubleClickEvent(QMouseEvent* event) {
    d->forwardPointer(event->position(), event->modifiers(), 1);
    if (event->button() == Qt::LeftButton) {
        d->interactor->LeftButtonPressEvent();
        const int* position = d->interactor->GetEventPosition();
        emit doubleClicked(position[0], position[1]);
    }
    event->accept();
}

void ViewWidget::wheelEvent(QWheelEvent* event) {
    d->forwardPointer(event->position(), event->modifiers());
    const int steps = event->angleDelta().y();
    if (steps > 0)
        d->interactor->MouseWheelForwardEvent();
    else if (steps < 0)
        d->interactor->MouseWheelBackwardEvent();
    event->accept();
    emit cameraChanged();
}

void ViewWidget::keyPressEvent(QKeyEvent* event) {
    if (d->boxArmed && event->key() == Qt::Key_Escape) {
        d->boxArmed = d->boxDragging = false;
        d->boxOutline.hide();
        unsetCursor();
        requestRender();
        event->accept();
        return;
    }
    if (d->walking) {
        const double step = kWalkStep * (event->modifiers().testFlag(Qt::ShiftModifier) ? 4.0 : 1.0);
        switch (event->key()) {
        case Qt::Key_W:
        case Qt::Key_Up:
            d->walk(step, 0.0);
            break;
        case Qt::Key_S:
        case Qt::Key_Down:
            d->walk(-step, 0.0);
            break;
        case Qt::Key_A:
        case Qt::Key_Left:
            d->walk(0.0, -step);
            break;
        case Qt::Key_D:
        case Qt::Key_Right:
            d->walk(0.0, step);
            break;
        case Qt::Key_Escape:
            setWalkMode(false);
            event->accept();
            return;
        default:
            QWidget::keyPressEvent(event);
            return;
        }
        requestRender();
        event->accept();
        emit cameraChanged();
        return;
    }
    const QString text = event->text();
    const char character = text.size() == 1 ? text.at(0).toLatin1() : 0;
    const char* symbol = vtkKeySymbol(event->key());
    if (!symbol && !character) {
        QWidget::keyPressEvent(event);
        return;
    }
    const QPoint cursor = mapFromGlobal(QCursor::pos());
    d->forwardPointer(cursor, event->modifiers());
    d->interactor->SetKeyEventInformation(event->modifiers().testFlag(Qt::ControlModifier) ? 1 : 0,
                                          event->modifiers().testFlag(Qt::ShiftModifier) ? 1 : 0, character,
                                          event->isAutoRepeat() ? 1 : 0, symbol);
    d->interactor->KeyPressEvent();
    if (character)
        d->interactor->CharEvent();
    event->accept();
    emit cameraChanged();
}

void ViewWidget::keyReleaseEvent(QKeyEvent* event) {
    const QString text = event->text();
    const char character = text.size() == 1 ? text.at(0).toLatin1() : 0;
    d->interactor->SetKeyEventInformation(event->modifiers().testFlag(Qt::ControlModifier) ? 1 : 0,
                                          event->modifiers().testFlag(Qt::ShiftModifier) ? 1 : 0, character,
                                          0, vtkKeySymbol(event->key()));
    d->interactor->KeyReleaseEvent();
    event->accept();
}

void ViewWidget::enterEvent(QEnterEvent* event) {
    d->forwardPointer(event->position(), event->modifiers());
    d->interactor->EnterEvent();
    QWidget::enterEvent(event);
}

void ViewWidget::leaveEvent(QEvent* event) {
    d->interactor->LeaveEvent();
    QWidget::leaveEvent(event);
}

} // namespace twin::scene
