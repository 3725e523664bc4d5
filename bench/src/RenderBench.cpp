#include "bench/RenderBench.h"

#include "FrameTiming.h"
#include "bench/MachineDescription.h"
#include "datamodel/Facility.h"
#include "datamodel/Store.h"
#include "scene/FacilityScene.h"
#include "scene/NaiveGpuScene.h"
#include "scene/ViewWidget.h"

#include <QElapsedTimer>
#include <QLocale>

namespace twin::bench {

namespace {

// The row in the middle of hall 1, and the rack in the middle of that row: typical places to stand.
QString middleRow(const datamodel::Facility& facility) {
    std::vector<datamodel::EntityIndex> rows;
    const auto halls = facility.ofKind(datamodel::EntityKind::Hall);
    for (datamodel::EntityIndex row : facility.ofKind(datamodel::EntityKind::Row))
        if (!halls.empty() && facility.parent(row) == halls.front())
            rows.push_back(row);
    return rows.empty() ? QString()
                        : QString::fromUtf8(facility.name(rows[rows.size() / 2]).data(),
                                            qsizetype(facility.name(rows[rows.size() / 2]).size()));
}

QString middleRack(const datamodel::Facility& facility, const QString& rowName) {
    const datamodel::EntityIndex row = facility.findByName(rowName.toStdString());
    std::vector<datamodel::EntityIndex> racks;
    if (row != datamodel::kNoEntity)
        for (datamodel::EntityIndex child : facility.children(row))
            if (facility.kind(child) == datamodel::EntityKind::Rack)
                racks.push_back(child);
    return racks.empty() ? QString()
                         : QString::fromUtf8(facility.name(racks[racks.size() / 2]).data(),
                                             qsizetype(facility.name(racks[racks.size() / 2]).size()));
}

} // namespace

BenchReport runRenderBench(const RenderBenchOptions& options) {
    BenchReport report;
    report.bench = QStringLiteral("render");
    QElapsedTimer sinceOpen;
    sinceOpen.start();
    auto facility = std::make_shared<const datamodel::Facility>(
        datamodel::Store::open(options.modelPath.toStdString(), datamodel::Access::ReadOnly)->load());

    scene::ViewWidget view;
    view.resize(options.size);
    auto facilityScene = std::make_unique<scene::FacilityScene>(facility, view.renderer());
    const auto overview = scene::cameraPreset(*facility, QStringLiteral("overview"));
    view.setCameraPose(*overview);
    facilityScene->updateDetail(*overview);
    view.show();
    waitUntilExposed(view);
    while (view.renderedFrames() == 0)
        view.renderNow();
    const double firstFrameMs = double(sinceOpen.nsecsElapsed()) / 1e6;
    report.machine = describeMachine(view.openGLRenderer());
    const QString gpus = QLocale::c().toString(qulonglong(facility->count(datamodel::EntityKind::Gpu)));
    report.rows.push_back({QStringLiteral("open-to-first-frame"), QStringLiteral("ms"), firstFrameMs,
                           QStringLiteral("ms, ") + gpus + QStringLiteral(" GPUs")});

    const QString row = middleRow(*facility);
    const std::pair<const char*, QString> presets[] = {
        {"overview", QStringLiteral("overview")},
        {"hall", QStringLiteral("hall:1")},
        {"aisle", QStringLiteral("aisle:") + row},
        {"rack", QStringLiteral("rack:") + middleRack(*facility, row)},
    };
    for (const auto& [name, preset] : presets) {
        const auto camera = scene::cameraPreset(*facility, preset);
        if (!camera)
            continue;
        view.setCameraPose(*camera);
        facilityScene->updateDetail(*camera);
        const double fps = measureFramesPerSecond(view, options.secondsPerCase);
        report.rows.push_back({QLatin1String(name), QStringLiteral("fps"), fps, QStringLiteral("frames/s")});
        report.rows.push_back({QLatin1String(name), QStringLiteral("instances"),
                               double(facilityScene->drawnInstances()), QStringLiteral("drawn")});
        if (QLatin1String(name) == QLatin1String("rack")) {
            // Picks across the whole view: the worst case is the rack view, where detail is drawn.
            constexpr int kPicks = 200;
            const int width = qRound(options.size.width() * view.devicePixelRatioF());
            const int height = qRound(options.size.height() * view.devicePixelRatioF());
            QElapsedTimer clock;
            clock.start();
            int hits = 0;
            for (int i = 0; i < kPicks; ++i)
                hits += facilityScene->pick((i * 37) % width, (i * 53) % height) >= 0 ? 1 : 0;
            report.rows.push_back({QStringLiteral("pick"), QStringLiteral("time"),
                                   double(clock.nsecsElapsed()) / 1e6 / kPicks,
                                   QStringLiteral("ms per pick, %1 of %2 hit").arg(hits).arg(kPicks)});
        }
    }

    {
        // Recolouring everything by a value per entity (what a telemetry update does), ten times.
        std::vector<float> values(facility->entityCount());
        for (std::size_t i = 0; i < values.size(); ++i)
            values[i] = float((i * 7919) % 100);
        constexpr int kUpdates = 10;
        QElapsedTimer clock;
        clock.start();
        for (int update = 0; update < kUpdates; ++update)
            facilityScene->colourByValue(values, 0.0f, 100.0f);
        report.rows.push_back({QStringLiteral("overlay"), QStringLiteral("recolour"),
                               double(clock.nsecsElapsed()) / 1e6 / kUpdates,
                               QStringLiteral("ms per update of every entity")});
    }

    // The baseline in the same run, on the same window: one instance per GPU, everything drawn.
    facilityScene.reset();
    const scene::NaiveGpuScene naive(*facility, view.renderer());
    view.setCameraPose(*overview);
    const double naiveFps = measureFramesPerSecond(view, options.secondsPerCase);
    report.rows.push_back(
        {QStringLiteral("naive-baseline"), QStringLiteral("fps"), naiveFps, QStringLiteral("frames/s")});
    report.rows.push_back({QStringLiteral("naive-baseline"), QStringLiteral("instances"),
                           double(naive.instances()), QStringLiteral("drawn")});
    return report;
}

} // namespace twin::bench
