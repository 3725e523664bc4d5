#include "bench/TimelineBench.h"

#include "FrameTiming.h"
#include "bench/MachineDescription.h"
#include "bench/Measure.h"
#include "datamodel/CriticalPath.h"
#include "datamodel/Facility.h"
#include "datamodel/Schedule.h"
#include "datamodel/Store.h"
#include "importers/ScheduleExchange.h"
#include "scene/FacilityScene.h"
#include "scene/ViewWidget.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QTemporaryDir>
#include <algorithm>

namespace twin::bench {

namespace {

// The schedule's way in and out, in both formats: written from the loaded model, read back and
// imported into a copy of the model file (one transaction replacing every task, link and dependency).
void measureScheduleFiles(const datamodel::Facility& facility, const QString& modelPath,
                          BenchReport& report) {
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("copy.db"));
    if (!dir.isValid() || !QFile::copy(modelPath, copy))
        return;
    const std::size_t tasks = facility.tasks().size();
    QElapsedTimer clock;
    for (const char* extension : {"csv", "xml"}) {
        const QString format = QLatin1String(extension) == QLatin1String("csv") ? QStringLiteral("csv")
                                                                                : QStringLiteral("msproject");
        const QString file = dir.filePath(QStringLiteral("schedule.") + QLatin1String(extension));
        clock.start();
        importers::writeSchedule(importers::scheduleOf(facility), file.toStdString(), "bench");
        report.rows.push_back({QStringLiteral("export-") + format, QStringLiteral("time"),
                               millisecondsSince(clock),
                               QStringLiteral("ms, %1 tasks, %2 MB")
                                   .arg(tasks)
                                   .arg(double(QFileInfo(file).size()) / 1e6, 0, 'f', 1)});
        clock.restart();
        const importers::ScheduleTable table = importers::readSchedule(file.toStdString());
        const auto store = datamodel::Store::open(copy.toStdString(), datamodel::Access::ReadWrite);
        importers::replaceSchedule(*store, table);
        report.rows.push_back({QStringLiteral("import-") + format, QStringLiteral("time"),
                               millisecondsSince(clock),
                               QStringLiteral("ms, read, matched by name and written in one transaction")});
    }
}

} // namespace

BenchReport runTimelineBench(const TimelineBenchOptions& options) {
    BenchReport report;
    report.bench = QStringLiteral("timeline");
    auto facility = std::make_shared<const datamodel::Facility>(
        datamodel::Store::open(options.modelPath.toStdString(), datamodel::Access::ReadOnly)->load());
    const QString gpus = QLocale::c().toString(qulonglong(facility->count(datamodel::EntityKind::Gpu)));

    QElapsedTimer clock;
    clock.start();
    const datamodel::Schedule schedule(*facility);
    report.rows.push_back({QStringLiteral("schedule-index"), QStringLiteral("time"), millisecondsSince(clock),
                           QStringLiteral("ms once per model, ") + gpus + QStringLiteral(" GPUs")});
    clock.restart();
    const datamodel::CriticalPath criticalPath = datamodel::computeCriticalPath(facility->tasks());
    report.rows.push_back({QStringLiteral("critical-path"), QStringLiteral("time"), millisecondsSince(clock),
                           QStringLiteral("ms, %1 tasks, %2 dependencies, %3 on the path")
                               .arg(facility->tasks().size())
                               .arg(facility->tasks().predecessors.items.size())
                               .arg(criticalPath.path.size())});

    scene::ViewWidget view;
    view.resize(options.size);
    scene::FacilityScene facilityScene(facility, view.renderer());
    const auto overview = scene::cameraPreset(*facility, QStringLiteral("overview"));
    view.setCameraPose(*overview);
    facilityScene.updateDetail(*overview);
    view.show();
    waitUntilExposed(view);
    report.machine = describeMachine(view.openGLRenderer());

    // Every day of the schedule's last 30 (the racks' roll-out), each a date change as the timeline
    // makes it: states by actual dates alone, and Actual vs plan into the overlay arrays.
    const datamodel::TimePoint end =
        facility->scheduleEnd() == datamodel::kNoTime ? 0 : facility->scheduleEnd();
    std::vector<datamodel::TimePoint> days;
    for (int day = 30; day >= 0; --day)
        days.push_back(end - datamodel::TimePoint(day) * datamodel::kSecondsPerDay);
    std::vector<double> statesMs, changeMs;
    std::vector<datamodel::InstallState> states;
    std::vector<datamodel::Progress> progress;
    for (const datamodel::TimePoint day : days) {
        clock.restart();
        schedule.stateAt(day, datamodel::ScheduleBasis::Actual, states);
        statesMs.push_back(millisecondsSince(clock));
        clock.restart();
        schedule.progressAt(day, progress);
        facilityScene.colourByProgress(progress, schedule, QStringLiteral("Actual vs plan"));
        changeMs.push_back(millisecondsSince(clock));
    }
    report.rows.push_back({QStringLiteral("states-actual"), QStringLiteral("median"), median(statesMs),
                           QStringLiteral("ms, every entity by actual dates")});
    report.rows.push_back({QStringLiteral("date-change"), QStringLiteral("median"), median(changeMs),
                           QStringLiteral("ms, Actual vs plan into the overlay arrays")});
    report.rows.push_back({QStringLiteral("date-change"), QStringLiteral("longest"),
                           *std::max_element(changeMs.begin(), changeMs.end()),
                           QStringLiteral("ms of %1 days").arg(days.size())});

    // Playback at the overview: a day per frame, as fast as it goes, including the frame.
    QElapsedTimer playing;
    playing.start();
    std::size_t frames = 0;
    std::vector<double> recolourMs, drawMs;
    while (playing.elapsed() < qint64(options.secondsPerCase * 1000.0)) {
        clock.restart();
        schedule.progressAt(days[frames % days.size()], progress);
        facilityScene.colourByProgress(progress, schedule, QStringLiteral("Actual vs plan"));
        recolourMs.push_back(millisecondsSince(clock));
        clock.restart();
        view.renderNow();
        QCoreApplication::processEvents();
        drawMs.push_back(millisecondsSince(clock));
        ++frames;
    }
    report.rows.push_back({QStringLiteral("playback-overview"), QStringLiteral("fps"),
                           double(frames) / (double(playing.nsecsElapsed()) / 1e9),
                           QStringLiteral("frames/s, a new day each frame")});
    report.rows.push_back({QStringLiteral("playback-frame"), QStringLiteral("recolour"), median(recolourMs),
                           QStringLiteral("ms median: the day's colours into the overlay arrays")});
    report.rows.push_back({QStringLiteral("playback-frame"), QStringLiteral("draw"), median(drawMs),
                           QStringLiteral("ms median: VTK and llvmpipe drawing the new colours")});
    // The same frame with nothing changed, for comparison: what the new colours cost to draw.
    std::vector<double> stillMs;
    for (int i = 0; i < 20; ++i) {
        clock.restart();
        view.renderNow();
        QCoreApplication::processEvents();
        stillMs.push_back(millisecondsSince(clock));
    }
    report.rows.push_back({QStringLiteral("still-frame"), QStringLiteral("draw"), median(stillMs),
                           QStringLiteral("ms median: the same view, colours unchanged")});
    measureScheduleFiles(*facility, options.modelPath, report);
    return report;
}

} // namespace twin::bench
