#include "FrameTiming.h"

#include "scene/ViewWidget.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QWindow>

namespace twin::bench {

namespace {
constexpr int kWarmUpFrames = 5;
constexpr qint64 kExposeTimeoutMs = 10000;
} // namespace

bool waitUntilExposed(scene::ViewWidget& view) {
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < kExposeTimeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        if (view.isSurfaceExposed())
            return true;
    }
    return false;
}

double measureFramesPerSecond(scene::ViewWidget& view, double seconds) {
    for (int frame = 0; frame < kWarmUpFrames; ++frame)
        view.renderNow();
    const quint64 framesBefore = view.renderedFrames();
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < qint64(seconds * 1000.0)) {
        view.renderNow();
        QCoreApplication::processEvents();
    }
    return double(view.renderedFrames() - framesBefore) / (double(clock.nsecsElapsed()) / 1e9);
}

} // namespace twin::bench
