#include "bench/ViewBench.h"

#include "FrameTiming.h"
#include "bench/MachineDescription.h"
#include "scene/DemoScene.h"
#include "scene/OffscreenView.h"
#include "scene/ViewWidget.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QWindow>

namespace twin::bench {

namespace {

constexpr qint64 kFirstFrameTimeoutMs = 10000;

struct FrameRate {
    double firstFrameMs = 0.0;
    double framesPerSecond = 0.0;
    QString renderer;
};

// Shows a view in a real window and repaints it as fast as it goes: what a user sees while orbiting.
FrameRate measureFrameRate(const ViewBenchOptions& options, bool withDemoHall) {
    FrameRate result;
    scene::ViewWidget view;
    view.resize(options.size);
    QElapsedTimer firstFrame;
    firstFrame.start();
    if (withDemoHall) {
        scene::populateDemoScene(view.renderer());
        view.resetCamera();
    }
    view.show();
    if (!waitUntilExposed(view))
        return result;
    while (view.renderedFrames() == 0 && firstFrame.elapsed() < kFirstFrameTimeoutMs)
        view.renderNow();
    result.firstFrameMs = double(firstFrame.nsecsElapsed()) / 1e6;
    result.renderer = view.openGLRenderer();
    result.framesPerSecond = measureFramesPerSecond(view, options.secondsPerCase);
    return result;
}

double measureSnapshotMs(const ViewBenchOptions& options) {
    QElapsedTimer clock;
    clock.start();
    scene::OffscreenView view(options.size);
    scene::populateDemoScene(view.renderer());
    view.resetCamera();
    const QImage image = view.capture();
    QBuffer png;
    png.open(QIODevice::WriteOnly);
    image.save(&png, "PNG");
    return double(clock.nsecsElapsed()) / 1e6;
}

} // namespace

BenchReport runViewBench(const ViewBenchOptions& options) {
    BenchReport report;
    report.bench = QStringLiteral("view");
    const QString size = QStringLiteral("%1x%2").arg(options.size.width()).arg(options.size.height());

    const FrameRate empty = measureFrameRate(options, false);
    const FrameRate hall = measureFrameRate(options, true);
    report.machine = describeMachine(hall.renderer);
    report.rows.push_back({QStringLiteral("empty-view ") + size, QStringLiteral("fps"), empty.framesPerSecond,
                           QStringLiteral("frames/s")});
    report.rows.push_back({QStringLiteral("demo-hall ") + size, QStringLiteral("fps"), hall.framesPerSecond,
                           QStringLiteral("frames/s")});
    report.rows.push_back({QStringLiteral("demo-hall ") + size, QStringLiteral("first-frame"),
                           hall.firstFrameMs, QStringLiteral("ms")});
    report.rows.push_back({QStringLiteral("snapshot ") + size, QStringLiteral("render+png"),
                           measureSnapshotMs(options), QStringLiteral("ms")});
    return report;
}

} // namespace twin::bench
