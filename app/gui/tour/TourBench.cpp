#include "gui/tour/TourBench.h"

#include "bench/MachineDescription.h"
#include "bench/Measure.h"
#include "gui/tour/TourPlayer.h"
#include "gui/window/MainWindow.h"
#include "scene/ViewWidget.h"

#include <QAction>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLocale>
#include <QTimer>
#include <algorithm>
#include <stdexcept>

namespace twin::app {

using bench::median;
using bench::millisecondsSince;
using bench::spinUntil;

namespace {

// Every frame drawn into the view: when it was shown (ms on one clock), how long VTK drew it, and
// what the tour was doing.
struct FrameLog {
    QElapsedTimer clock;
    struct Frame {
        double end, renderMs;
        std::size_t stop;
        bool flying, spanPlaying;
    };
    std::vector<Frame> frames;
    const TourPlayer* player = nullptr;
    bool spanPlaying = false;
};

double worst(const std::vector<double>& values) {
    return values.empty() ? 0.0 : *std::max_element(values.begin(), values.end());
}

} // namespace

bench::BenchReport runTourBench(const TourBenchOptions& options) {
    bench::BenchReport report;
    report.bench = QStringLiteral("tour");
    MainWindow window;
    window.resize(options.size);
    window.show();
    bool loaded = false;
    QString failure;
    QObject::connect(&window, &MainWindow::modelLoaded, [&] { loaded = true; });
    QObject::connect(&window, &MainWindow::modelOpenFailed, [&](const QString& error) { failure = error; });
    if (const QString error = window.openModel(options.modelPath); !error.isEmpty())
        throw std::runtime_error(error.toStdString());
    if (!spinUntil([&] { return loaded || !failure.isEmpty(); }, 120000) || !failure.isEmpty())
        throw std::runtime_error(failure.isEmpty() ? "the model did not load" : failure.toStdString());
    report.machine = bench::describeMachine(window.view()->openGLRenderer());
    const datamodel::TourBook& book = window.facility()->tourBook();
    if (book.tours.empty())
        throw std::runtime_error(options.modelPath.toStdString() + ": the model has no tour");
    const QString gpus =
        QLocale::c().toString(qulonglong(window.facility()->count(datamodel::EntityKind::Gpu))) +
        QStringLiteral(" GPUs");
    window.view()->renderNow();

    // Into presentation mode and out, five times: from the call to its first frame drawn.
    std::vector<double> entering;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer clock;
        clock.start();
        window.setPresentationMode(true);
        QCoreApplication::processEvents();
        window.view()->renderNow();
        entering.push_back(millisecondsSince(clock));
        window.setPresentationMode(false);
        QCoreApplication::processEvents();
        spinUntil([] { return false; }, 100);
    }
    report.rows.push_back({QStringLiteral("enter presentation mode"), QStringLiteral("to frame median"),
                           median(entering),
                           QStringLiteral("ms (worst %1 ms), ").arg(worst(entering), 0, 'f', 0) + gpus});

    // The tour, in real time, in presentation mode at the window's size.
    window.setPresentationMode(true);
    window.view()->renderNow();
    FrameLog log;
    log.player = window.tourPlayer();
    QObject::connect(window.tourPlayer(), &TourPlayer::dayShown, [&] { log.spanPlaying = true; });
    QObject::connect(window.tourPlayer(), &TourPlayer::stopStarted, [&] { log.spanPlaying = false; });
    const QMetaObject::Connection timing =
        QObject::connect(window.view(), &scene::ViewWidget::frameShown, [&](double renderMs) {
            const double now = double(log.clock.nsecsElapsed()) / 1e6;
            log.frames.push_back(
                {now, renderMs, log.player->currentStop(), log.player->flying(), log.spanPlaying});
        });
    log.clock.start();
    const datamodel::Tour tour = book.tours.front(); // a copy: the model may be replaced while it plays
    QElapsedTimer played;
    played.start();
    // An event loop that sleeps when idle, as the window's does: spinning processEvents would take a
    // core from llvmpipe's threads (on two cores, a fifth of the frames).
    QEventLoop waiting;
    QObject::connect(window.tourPlayer(), &TourPlayer::finished, &waiting, &QEventLoop::quit);
    QTimer::singleShot(600000, &waiting, &QEventLoop::quit);
    if (!window.playTour(tour.id))
        throw std::runtime_error("the tour could not be played");
    waiting.exec();
    if (window.tourPlayer()->playing())
        throw std::runtime_error("the tour did not end within ten minutes");
    const double playedSeconds = millisecondsSince(played) / 1000.0;
    QObject::disconnect(timing);
    window.setPresentationMode(false);

    // A frame's interval: from the frame before it to it, the time the screen showed the one before.
    std::vector<double> flightGaps, flightRenders, spanGaps;
    for (std::size_t i = 1; i < log.frames.size(); ++i) {
        const double gap = log.frames[i].end - log.frames[i - 1].end;
        // Within one flight (a landing and the stop's dwell between two flights is no frame gap).
        if (log.frames[i].flying && log.frames[i - 1].flying &&
            log.frames[i].stop == log.frames[i - 1].stop) {
            flightGaps.push_back(gap);
            flightRenders.push_back(log.frames[i].renderMs);
        } else if (log.frames[i].spanPlaying && log.frames[i - 1].spanPlaying &&
                   log.frames[i].stop == log.frames[i - 1].stop) {
            spanGaps.push_back(gap);
        }
    }
    const QString size = QStringLiteral("%1x%2").arg(options.size.width()).arg(options.size.height());
    report.rows.push_back({QStringLiteral("tour flights"), QStringLiteral("frames/s median"),
                           flightGaps.empty() ? 0.0 : 1000.0 / median(flightGaps),
                           QStringLiteral("fps at %1, %2 frames over %3 stops, ")
                                   .arg(size)
                                   .arg(flightGaps.size())
                                   .arg(tour.stops.size()) +
                               gpus});
    report.rows.push_back({QStringLiteral("tour flights"), QStringLiteral("worst frame"), worst(flightGaps),
                           QStringLiteral("ms between two frames shown")});
    report.rows.push_back(
        {QStringLiteral("tour flights"), QStringLiteral("render median"), median(flightRenders),
         QStringLiteral("ms VTK spent drawing a frame (worst %1 ms)").arg(worst(flightRenders), 0, 'f', 1)});
    report.rows.push_back(
        {QStringLiteral("timeline span played"), QStringLiteral("frames/s median"),
         spanGaps.empty() ? 0.0 : 1000.0 / median(spanGaps),
         QStringLiteral("fps, each a day recoloured (worst %1 ms)").arg(worst(spanGaps), 0, 'f', 0)});
    report.rows.push_back({QStringLiteral("whole tour"), QStringLiteral("played"), playedSeconds,
                           QStringLiteral("s (planned %1 s)").arg(TourTimeline(tour).duration(), 0, 'f', 1)});
    return report;
}

} // namespace twin::app
