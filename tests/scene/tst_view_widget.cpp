// The Qt 6 <-> VTK bridge, tested by its pixels: a known scene comes back with the right colours at
// the right places, after resizes, in two views at once, at any pixel density, and input moves the camera.
#include "TestScenes.h"
#include "scene/DemoScene.h"
#include "scene/ViewWidget.h"

#include <QGuiApplication>
#include <QMainWindow>
#include <QOpenGLWindow>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>
#include <cmath>
#include <memory>
#include <vtkCamera.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkRenderer.h>

using twin::scene::CameraPose;
using twin::scene::ViewWidget;
using namespace twin::scene::testing;

namespace {

const QColor kRed(255, 0, 0);
const QColor kBlue(0, 0, 255);
const QColor kGreen(0, 255, 0);
const QColor kYellow(255, 255, 0);

double distance(const std::array<double, 3>& a, const std::array<double, 3>& b) {
    return std::hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

// Everything the bridge draws for `view`, read back the way Qt composes it.
QImage grab(ViewWidget& view) {
    const QImage image = view.grabFramebuffer();
    return image.convertToFormat(QImage::Format_RGB32);
}

QColor at(const QImage& image, double fx, double fy) {
    return image.pixelColor(int(fx * (image.width() - 1)), int(fy * (image.height() - 1)));
}

void sendMouse(QWidget* widget, QEvent::Type type, QPoint position, Qt::MouseButton button,
               Qt::MouseButtons buttons, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QMouseEvent event(type, QPointF(position), widget->mapToGlobal(QPointF(position)), button, buttons,
                      modifiers);
    QApplication::sendEvent(widget, &event);
}

void drag(QWidget* widget, QPoint from, QPoint to, Qt::MouseButton button,
          Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    sendMouse(widget, QEvent::MouseButtonPress, from, button, button, modifiers);
    const int steps = 10;
    for (int i = 1; i <= steps; ++i)
        sendMouse(widget, QEvent::MouseMove, from + (to - from) * i / steps, Qt::NoButton, button, modifiers);
    sendMouse(widget, QEvent::MouseButtonRelease, to, button, Qt::NoButton, modifiers);
}

std::unique_ptr<ViewWidget> shownCubeView(QSize size, const QColor& cube, const QColor& background) {
    auto view = std::make_unique<ViewWidget>();
    addFlatCube(view->renderer(), cube, background);
    view->resize(size);
    view->show();
    if (!QTest::qWaitForWindowExposed(view.get()))
        return nullptr;
    return view;
}

} // namespace

class ViewWidgetTest : public QObject {
    Q_OBJECT
private slots:
    void rendersKnownSceneWithExpectedColours() {
        auto view = shownCubeView({400, 300}, kRed, kBlue);
        QVERIFY(view);
        const QImage image = grab(*view);
        const qreal dpr = view->devicePixelRatioF();
        QCOMPARE(image.size(), QSize(qRound(400 * dpr), qRound(300 * dpr)));
        QVERIFY2(closeTo(at(image, 0.5, 0.5), kRed), qPrintable(at(image, 0.5, 0.5).name()));
        for (auto [fx, fy] : {std::pair{0.01, 0.01}, {0.99, 0.01}, {0.01, 0.99}, {0.99, 0.99}})
            QVERIFY2(closeTo(at(image, fx, fy), kBlue), qPrintable(at(image, fx, fy).name()));
        QVERIFY(view->renderedFrames() > 0);
        QVERIFY(view->openGLRenderer().size() > 0);
    }

    // A frame asked for is drawn once: renderNow() draws it, and the update Qt then delivers (or an
    // expose) shows it again without rendering the scene a second time, which halved every benchmark's
    // frame rate. The picture stays right.
    void eachFrameAskedForIsRenderedOnce() {
        auto view = shownCubeView({320, 240}, kRed, kBlue);
        QVERIFY(view);
        grab(*view);
        const quint64 before = view->renderedFrames();
        for (int i = 0; i < 10; ++i) {
            view->renderNow();
            QCoreApplication::processEvents();
            QTest::qWait(20); // time for the update Qt schedules
        }
        QCOMPARE(view->renderedFrames(), before + 10);
        view->requestRender();
        view->requestRender(); // coalesced into one
        QTRY_COMPARE(view->renderedFrames(), before + 11);
        QTest::qWait(50);
        QCOMPARE(view->renderedFrames(), before + 11);
        const QImage image = grab(*view);
        QVERIFY2(closeTo(at(image, 0.5, 0.5), kRed), qPrintable(at(image, 0.5, 0.5).name()));
    }

    void rendersInDevicePixels() {
        auto view = shownCubeView({320, 240}, kRed, kBlue);
        QVERIFY(view);
        // ctest runs this executable a second time with QT_SCALE_FACTOR=2 (tst_view_widget_hidpi):
        // make sure that run really is at twice the density, or it proves nothing.
        const double requested = qEnvironmentVariable("QT_SCALE_FACTOR", QStringLiteral("1")).toDouble();
        QCOMPARE(view->devicePixelRatioF(), requested);
        grab(*view);
        const int* size = view->renderWindow()->GetSize();
        const qreal dpr = view->devicePixelRatioF();
        QCOMPARE(size[0], qRound(320 * dpr));
        QCOMPARE(size[1], qRound(240 * dpr));
    }

    void staysRightAfterResize() {
        auto view = shownCubeView({400, 300}, kRed, kBlue);
        QVERIFY(view);
        grab(*view);
        view->resize(640, 200);
        QTRY_COMPARE(view->size(), QSize(640, 200));
        const QImage wide = grab(*view);
        const qreal dpr = view->devicePixelRatioF();
        QCOMPARE(wide.size(), QSize(qRound(640 * dpr), qRound(200 * dpr)));
        QVERIFY(closeTo(at(wide, 0.5, 0.5), kRed));
        QVERIFY(closeTo(at(wide, 0.02, 0.5), kBlue)); // the cube is narrow in a wide view
        QVERIFY(closeTo(at(wide, 0.98, 0.5), kBlue));
        QCOMPARE(view->renderWindow()->GetSize()[0], qRound(640 * dpr));

        view->resize(200, 500);
        QTRY_COMPARE(view->size(), QSize(200, 500));
        const QImage tall = grab(*view);
        QVERIFY(closeTo(at(tall, 0.5, 0.5), kRed));
        QVERIFY(closeTo(at(tall, 0.5, 0.02), kBlue));
        QVERIFY(closeTo(at(tall, 0.5, 0.98), kBlue));
    }

    void twoViewsInOneProcessBothRender() {
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        auto* first = new ViewWidget;
        auto* second = new ViewWidget;
        addFlatCube(first->renderer(), kRed, kBlue);
        addFlatCube(second->renderer(), kGreen, kYellow);
        layout->addWidget(first);
        layout->addWidget(second);
        window.resize(400, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QImage a = grab(*first);
        const QImage b = grab(*second);
        QVERIFY2(closeTo(at(a, 0.5, 0.5), kRed), qPrintable(at(a, 0.5, 0.5).name()));
        QVERIFY(closeTo(at(a, 0.02, 0.02), kBlue));
        QVERIFY2(closeTo(at(b, 0.5, 0.5), kGreen), qPrintable(at(b, 0.5, 0.5).name()));
        QVERIFY(closeTo(at(b, 0.02, 0.02), kYellow));
        // And the first is still itself after the second drew.
        QVERIFY(closeTo(at(grab(*first), 0.5, 0.5), kRed));
    }

    void survivesMovingToAnotherWindow() {
        // Reparenting into another top-level window recreates the GL context: the view must release
        // what it built in the old one and draw again in the new one.
        auto view = shownCubeView({300, 300}, kRed, kBlue);
        QVERIFY(view);
        QVERIFY(closeTo(at(grab(*view), 0.5, 0.5), kRed));
        QMainWindow host;
        host.setCentralWidget(view.release());
        host.resize(300, 300);
        host.show();
        QVERIFY(QTest::qWaitForWindowExposed(&host));
        auto* moved = static_cast<ViewWidget*>(host.centralWidget());
        const QImage image = grab(*moved);
        QVERIFY2(closeTo(at(image, 0.5, 0.5), kRed), qPrintable(at(image, 0.5, 0.5).name()));
        QVERIFY(closeTo(at(image, 0.02, 0.02), kBlue));
    }

    void tearsDownCleanlyAndRepeatedly() {
        for (int i = 0; i < 4; ++i) {
            auto view = shownCubeView({200, 150}, kRed, kBlue);
            QVERIFY(view);
            QVERIFY(closeTo(at(grab(*view), 0.5, 0.5), kRed));
        }
        ViewWidget neverShown; // destroyed without ever getting a context
        QCOMPARE(neverShown.renderedFrames(), quint64(0));
    }

    void leftDragOrbits() {
        auto view = shownCubeView({400, 300}, kRed, kBlue);
        QVERIFY(view);
        grab(*view);
        const CameraPose before = view->cameraPose();
        const quint64 framesBefore = view->renderedFrames();
        drag(view.get(), {200, 150}, {300, 150}, Qt::LeftButton);
        const CameraPose after = view->cameraPose();
        // Orbiting turns around the focal point: position moves, distance and focal point stay.
        QVERIFY(distance(before.position, after.position) > 0.5);
        QCOMPARE(after.focalPoint, before.focalPoint);
        QVERIFY(std::abs(distance(after.position, after.focalPoint) -
                         distance(before.position, before.focalPoint)) < 1e-6);
        // The view follows by itself: the interactor asked for a frame and Qt painted it.
        QTRY_VERIFY(view->renderedFrames() > framesBefore);
    }

    // On screen, the window system delivers input to the OpenGL window, not to the widget: it must
    // reach the widget's navigation all the same (a click names a pixel, a drag orbits).
    void inputOnTheOpenGLWindowReachesTheView() {
        auto view = shownCubeView({400, 300}, kRed, kBlue);
        QVERIFY(view);
        grab(*view);
        QWindow* surface = nullptr;
        for (QWindow* window : QGuiApplication::allWindows())
            if (qobject_cast<QOpenGLWindow*>(window) && window->isExposed())
                surface = window;
        QVERIFY(surface);
        QSignalSpy clicks(view.get(), &ViewWidget::clicked);
        QTest::mouseClick(surface, Qt::LeftButton, Qt::NoModifier, QPoint(100, 100));
        QTRY_COMPARE(clicks.count(), 1);
        const qreal dpr = view->devicePixelRatioF();
        QCOMPARE(clicks.first().at(0).toInt(), qRound(100 * dpr));
        QCOMPARE(clicks.first().at(1).toInt(), qRound(300 * dpr) - 1 - qRound(100 * dpr)); // y up
        const CameraPose before = view->cameraPose();
        QTest::mousePress(surface, Qt::LeftButton, Qt::NoModifier, QPoint(200, 150));
        for (int x = 210; x <= 300; x += 10)
            QTest::mouseMove(surface, QPoint(x, 150));
        QTest::mouseRelease(surface, Qt::LeftButton, Qt::NoModifier, QPoint(300, 150));
        QTRY_VERIFY(distance(before.position, view->cameraPose().position) > 0.5);
    }

    void shiftDragPans() {
        auto view = shownCubeView({400, 300}, kRed, kBlue);
        QVERIFY(view);
        grab(*view);
        const QImage still = grab(*view);
        QVERIFY(closeTo(at(still, 140.0 / 399, 0.5), kRed));
        QVERIFY(closeTo(at(still, 330.0 / 399, 0.5), kBlue));
        const CameraPose before = view->cameraPose();
        drag(view.get(), {200, 150}, {260, 150}, Qt::LeftButton, Qt::ShiftModifier);
        const CameraPose after = view->cameraPose();
        QVERIFY(distance(before.focalPoint, after.focalPoint) > 0.05);
        QVERIFY(std::abs(distance(after.position, after.focalPoint) -
                         distance(before.position, before.focalPoint)) < 1e-6);
        // The cube follows the pointer 60 pixels to the right: its left edge uncovers x = 140 and its
        // right edge now covers x = 330.
        const QImage panned = grab(*view);
        QVERIFY2(closeTo(at(panned, 140.0 / 399, 0.5), kBlue),
                 qPrintable(at(panned, 140.0 / 399, 0.5).name()));
        QVERIFY2(closeTo(at(panned, 330.0 / 399, 0.5), kRed),
                 qPrintable(at(panned, 330.0 / 399, 0.5).name()));
    }

    void wheelZooms() {
        auto view = shownCubeView({400, 300}, kRed, kBlue);
        QVERIFY(view);
        grab(*view);
        const double before = distance(view->cameraPose().position, view->cameraPose().focalPoint);
        QWheelEvent forward(QPointF(200, 150), view->mapToGlobal(QPointF(200, 150)), QPoint(), QPoint(0, 120),
                            Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view.get(), &forward);
        const double closer = distance(view->cameraPose().position, view->cameraPose().focalPoint);
        QVERIFY2(closer < before * 0.95, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(closer)));
        QWheelEvent backward(QPointF(200, 150), view->mapToGlobal(QPointF(200, 150)), QPoint(),
                             QPoint(0, -120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view.get(), &backward);
        QApplication::sendEvent(view.get(), &backward);
        const double farther = distance(view->cameraPose().position, view->cameraPose().focalPoint);
        QVERIFY(farther > before);
        // Zooming in far enough, the cube fills the corners too.
        for (int i = 0; i < 12; ++i)
            QApplication::sendEvent(view.get(), &forward);
        QVERIFY(closeTo(at(grab(*view), 0.02, 0.02), kRed));
    }

    void keysOrbitZoomAndReset() {
        auto view = shownCubeView({400, 300}, kRed, kBlue);
        QVERIFY(view);
        view->resetCamera();
        const CameraPose home = view->cameraPose();
        QTest::keyClick(view.get(), Qt::Key_Left);
        const CameraPose turned = view->cameraPose();
        QVERIFY(distance(home.position, turned.position) > 1e-3);
        QTest::keyClick(view.get(), Qt::Key_Up);
        QVERIFY(distance(turned.position, view->cameraPose().position) > 1e-3);
        const double beforeZoom = distance(view->cameraPose().position, view->cameraPose().focalPoint);
        QTest::keyClick(view.get(), Qt::Key_Plus);
        QVERIFY(distance(view->cameraPose().position, view->cameraPose().focalPoint) < beforeZoom);
        QTest::keyClick(view.get(), Qt::Key_R);
        const CameraPose reset = view->cameraPose();
        QVERIFY2(distance(reset.position, home.position) < 1e-6,
                 qPrintable(QStringLiteral("%1").arg(distance(reset.position, home.position))));
        // Keys VTK would act on by default ('e' quits, 'w' wireframe, '3' stereo) do nothing here.
        QTest::keyClick(view.get(), Qt::Key_E);
        QTest::keyClick(view.get(), Qt::Key_W);
        QTest::keyClick(view.get(), Qt::Key_3);
        QVERIFY(view->isVisible());
        QCOMPARE(view->cameraPose(), reset);
        QVERIFY(closeTo(at(grab(*view), 0.5, 0.5), kRed)); // still solid, not wireframe
    }

    void walkModeKeepsTheEyeAtStandingHeight() {
        ViewWidget view;
        twin::scene::populateDemoScene(view.renderer());
        view.resetCamera();
        view.resize(400, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy toggled(&view, &ViewWidget::walkModeChanged);
        view.setWalkMode(true);
        QCOMPARE(toggled.count(), 1);
        const CameraPose start = view.cameraPose();
        QCOMPARE(start.position[2], ViewWidget::kEyeHeight);
        QCOMPARE(start.focalPoint[2], ViewWidget::kEyeHeight); // looking level
        for (int i = 0; i < 4; ++i)
            QTest::keyClick(&view, Qt::Key_W);
        const CameraPose ahead = view.cameraPose();
        QVERIFY(std::abs(distance(start.position, ahead.position) - 4 * ViewWidget::kWalkStep) < 1e-6);
        QCOMPARE(ahead.position[2], ViewWidget::kEyeHeight);
        QTest::keyClick(&view, Qt::Key_D);
        QVERIFY(std::abs(distance(ahead.position, view.cameraPose().position) - ViewWidget::kWalkStep) <
                1e-6);
        // Looking around turns the head and leaves the feet where they are.
        const CameraPose beforeLook = view.cameraPose();
        drag(&view, {200, 150}, {260, 150}, Qt::LeftButton);
        QCOMPARE(view.cameraPose().position, beforeLook.position);
        QVERIFY(distance(view.cameraPose().focalPoint, beforeLook.focalPoint) > 0.5);
        QCOMPARE(view.cameraPose().position[2], ViewWidget::kEyeHeight);
        QTest::keyClick(&view, Qt::Key_Escape);
        QVERIFY(!view.walkMode());
        QCOMPARE(toggled.count(), 2);
    }

    void demoSceneIsAPicture() {
        ViewWidget view;
        const auto counts = twin::scene::populateDemoScene(view.renderer());
        QCOMPARE(counts.racks, 40);
        QCOMPARE(counts.cdus, counts.racks); // one CDU at the bottom of every rack
        QCOMPARE(counts.trays, 4);
        QCOMPARE(counts.pipes, 8); // a supply and a return header per row
        view.resetCamera();
        view.resize(640, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage image = grab(view);
        QVERIFY2(distinctColours(image) > 20, qPrintable(QString::number(distinctColours(image))));
    }
};

QTEST_MAIN(ViewWidgetTest)
#include "tst_view_widget.moc"
