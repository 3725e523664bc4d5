// The facility scene: every rack and CDU drawn, a bounded number of actors whatever the model's size
// (instancing, never an actor per entity), camera presets that frame what they promise.
#include "TestScenes.h"
#include "datamodel/Facility.h"
#include "datamodel/Schedule.h"
#include "datamodel/Store.h"
#include "importers/ColossusGenerator.h"
#include "scene/FacilityScene.h"
#include "scene/Legend.h"
#include "scene/OffscreenView.h"

#include <QCryptographicHash>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <limits>
#include <vtkActorCollection.h>
#include <vtkRenderer.h>

using namespace twin;
using namespace twin::scene::testing;

namespace {

datamodel::Facility generated(const QTemporaryDir& dir, int gpus) {
    static int generation = 0;
    const QString path = dir.filePath(QStringLiteral("m%1-%2.db").arg(gpus).arg(++generation));
    importers::GeneratorOptions options;
    options.gpus = gpus;
    importers::generateColossus(path.toStdString(), options);
    return datamodel::Store::open(path.toStdString(), datamodel::Access::ReadOnly)->load();
}

QByteArray hashOf(const QImage& image) {
    return QCryptographicHash::hash(QByteArrayView(image.constBits(), image.sizeInBytes()),
                                    QCryptographicHash::Sha256);
}

} // namespace

class FacilitySceneTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;

private slots:
    void initTestCase() { QVERIFY2(scene::OffscreenView::displayAvailable(), "run under xvfb-run"); }

    void actorsStayBoundedWhileInstancesGrow() {
        const auto small = std::make_shared<const datamodel::Facility>(generated(dir_, 512));
        const auto large = std::make_shared<const datamodel::Facility>(generated(dir_, 16384));
        scene::OffscreenView smallView(QSize(320, 200)), largeView(QSize(320, 200));
        const scene::FacilityScene smallScene(small, smallView.renderer());
        const scene::FacilityScene largeScene(large, largeView.renderer());
        QCOMPARE(smallScene.counts().racks, std::size_t(8));
        QCOMPARE(largeScene.counts().racks, std::size_t(256));
        QCOMPARE(largeScene.counts().cdus, largeScene.counts().racks);
        QCOMPARE(largeScene.counts().actors, smallScene.counts().actors); // per drawn kind, not per entity
        QVERIFY(largeScene.counts().actors <= 24);
        QCOMPARE(std::size_t(largeView.renderer()->GetActors()->GetNumberOfItems()),
                 largeScene.counts().actors + largeScene.counts().labels);
        // A label per hall and per row: dozens, not one per rack or GPU.
        QCOMPARE(largeScene.counts().labels,
                 large->count(datamodel::EntityKind::Hall) + large->count(datamodel::EntityKind::Row));
        // Every rack, CDU, network rack, tray, header and plant item is an instance.
        std::size_t expected = 0;
        for (auto kind :
             {datamodel::EntityKind::Building, datamodel::EntityKind::Hall, datamodel::EntityKind::Rack,
              datamodel::EntityKind::Cdu, datamodel::EntityKind::NetworkRack, datamodel::EntityKind::Tray,
              datamodel::EntityKind::Busway, datamodel::EntityKind::Switchgear,
              datamodel::EntityKind::Chiller, datamodel::EntityKind::CoolingTower,
              datamodel::EntityKind::Turbine, datamodel::EntityKind::Battery,
              datamodel::EntityKind::Substation, datamodel::EntityKind::Header})
            expected += large->count(kind);
        // And one cable bundle per tray that some cable runs along.
        QSet<datamodel::EntityIndex> traysWithCables;
        for (std::size_t c = 0; c < large->cables().size(); ++c)
            for (datamodel::EntityIndex tray : large->cables().route.row(c))
                traysWithCables.insert(tray);
        QVERIFY(!traysWithCables.isEmpty());
        expected += std::size_t(traysWithCables.size());
        QCOMPARE(largeScene.counts().instances, expected);
        QCOMPARE(largeScene.drawnInstances(), expected);
    }

    void detailAppearsNearTheCameraAndOnlyThere() {
        const auto facility = std::make_shared<const datamodel::Facility>(generated(dir_, 16384));
        scene::OffscreenView view(QSize(480, 300));
        scene::FacilityScene scene(facility, view.renderer());
        const std::size_t structure = scene.counts().instances;

        QCOMPARE(scene.updateDetail(*scene::cameraPreset(*facility, QStringLiteral("overview"))),
                 std::size_t(0));
        QCOMPARE(scene.drawnGpus(), std::size_t(0));
        QCOMPARE(scene.updateDetail(*scene::cameraPreset(*facility, QStringLiteral("hall:1"))),
                 std::size_t(0));

        const auto rackCamera = scene::cameraPreset(*facility, QStringLiteral("rack:H1-R01-K05"));
        QVERIFY(rackCamera);
        const std::size_t detailed = scene.updateDetail(*rackCamera);
        QVERIFY2(detailed > 0 && detailed <= 24, qPrintable(QString::number(detailed)));
        QCOMPARE(scene.drawnGpus(), detailed * 64); // every GPU of each detailed (full) rack, no more
        // The detailed racks' boxes step aside; the drawn total stays bounded.
        // Sleds and GPUs on every detailed rack, NICs and PSUs on the nearest four only.
        const std::size_t parts = std::min<std::size_t>(detailed, 4) * 8 * (9 + 4);
        // The racks ahead in the aisle show their 8 servers each instead of their box.
        const std::size_t serverRacks = scene.serverDetailRacks();
        QVERIFY2(serverRacks > 0 && serverRacks <= 32, qPrintable(QString::number(serverRacks)));
        QCOMPARE(scene.drawnInstances(),
                 structure - detailed - serverRacks + detailed * (8 + 64) + parts + serverRacks * 8);

        view.setCameraPose(*rackCamera);
        const QImage close = view.capture();
        auto gpuGreen = [](const QImage& image) {
            int count = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x) {
                    const QColor c = image.pixelColor(x, y);
                    count += c.green() > 90 && c.green() > c.red() + 30 && c.green() > c.blue() + 60 ? 1 : 0;
                }
            return count;
        };
        QVERIFY2(gpuGreen(close) > 500, qPrintable(QString::number(gpuGreen(close))));

        // Back out: detail gone, every rack box back.
        QCOMPARE(scene.updateDetail(*scene::cameraPreset(*facility, QStringLiteral("overview"))),
                 std::size_t(0));
        QCOMPARE(scene.serverDetailRacks(), std::size_t(0));
        QCOMPARE(scene.drawnInstances(), structure);
        view.setCameraPose(*scene::cameraPreset(*facility, QStringLiteral("overview")));
        QCOMPARE(gpuGreen(view.capture()), 0);
    }

    void aPickReturnsTheExactGpu() {
        const auto facility = std::make_shared<const datamodel::Facility>(generated(dir_, 4096));
        scene::OffscreenView view(QSize(640, 400));
        scene::FacilityScene scene(facility, view.renderer());
        const auto camera = *scene::cameraPreset(*facility, QStringLiteral("rack:H1-R01-K05"));
        scene.updateDetail(camera);
        view.setCameraPose(camera);
        const QImage image = view.capture();
        auto isGpuGreen = [](const QColor& c) {
            return c.green() > 90 && c.green() > c.red() + 30 && c.green() > c.blue() + 60;
        };

        // Project the top face of every GPU of the rack to the screen and pick there.
        int topServerExact = 0, agreeing = 0, tried = 0;
        const datamodel::EntityIndex rack = facility->findByName("H1-R01-K05");
        for (datamodel::EntityIndex server : facility->children(rack)) {
            if (facility->kind(server) != datamodel::EntityKind::Server)
                continue;
            const bool topServer = facility->entities().slot[size_t(server)] == 7; // nothing above it
            for (datamodel::EntityIndex gpu : facility->children(server)) {
                if (facility->kind(gpu) != datamodel::EntityKind::Gpu)
                    continue;
                const datamodel::Pose& pose = facility->pose(gpu);
                view.renderer()->SetWorldPoint(pose.x, pose.y, pose.z + pose.height, 1.0);
                view.renderer()->WorldToDisplay();
                const double* display = view.renderer()->GetDisplayPoint();
                const int px = int(display[0]), py = int(display[1]);
                if (px < 1 || px >= 639 || py < 1 || py >= 399)
                    continue;
                ++tried;
                const datamodel::EntityIndex picked = scene.pick(px, py);
                if (topServer)
                    topServerExact += picked == gpu ? 1 : 0;
                // What the pick names is what the picture shows there: a GPU exactly where it is green.
                const bool pickedGpu = picked >= 0 && facility->kind(picked) == datamodel::EntityKind::Gpu;
                agreeing += pickedGpu == isGpuGreen(image.pixelColor(px, 399 - py)) ? 1 : 0;
            }
        }
        QVERIFY2(tried >= 32, qPrintable(QString::number(tried)));
        QCOMPARE(topServerExact, 8);
        QVERIFY2(agreeing * 10 >= tried * 9, qPrintable(QStringLiteral("%1 of %2").arg(agreeing).arg(tried)));

        // From afar a click names the rack; the sky names nothing.
        const auto hall = *scene::cameraPreset(*facility, QStringLiteral("hall:1"));
        scene.updateDetail(hall);
        view.setCameraPose(hall);
        view.capture();
        const datamodel::Pose& rackPose = facility->pose(rack);
        view.renderer()->SetWorldPoint(rackPose.x, rackPose.y, rackPose.z + rackPose.height, 1.0);
        view.renderer()->WorldToDisplay();
        const double* rackOnScreen = view.renderer()->GetDisplayPoint();
        const datamodel::EntityIndex pickedFromAfar = scene.pick(int(rackOnScreen[0]), int(rackOnScreen[1]));
        QVERIFY(pickedFromAfar >= 0);
        QVERIFY2(facility->kind(pickedFromAfar) == datamodel::EntityKind::Rack ||
                     facility->kind(pickedFromAfar) == datamodel::EntityKind::Tray,
                 facility->name(pickedFromAfar).data());
        const auto overview = *scene::cameraPreset(*facility, QStringLiteral("overview"));
        view.setCameraPose(overview);
        view.capture();
        QCOMPARE(scene.pick(2, 398), datamodel::kNoEntity);
    }

    void statusOverlayColoursEachRackByItsState() {
        const auto facility = std::make_shared<const datamodel::Facility>(generated(dir_, 16384));
        scene::OffscreenView view(QSize(320, 200));
        scene::FacilityScene scene(facility, view.renderer());
        const datamodel::Schedule schedule(*facility);
        // Mid roll-out by plan: some racks in, some going in, some not started.
        const auto states =
            schedule.stateAt(*datamodel::parseTime("2024-07-08 00:00"), datamodel::ScheduleBasis::Planned);
        scene.colourByStatus(states);
        const std::array<unsigned char, 3> magenta{215, 60, 200}, grey{74, 78, 88};
        int counted[3] = {0, 0, 0};
        for (datamodel::EntityIndex rack : facility->ofKind(datamodel::EntityKind::Rack)) {
            const auto colour = scene.drawnColour(rack);
            QVERIFY(colour);
            switch (states[size_t(rack)]) {
            case datamodel::InstallState::NotStarted:
                QCOMPARE(*colour, grey);
                break;
            case datamodel::InstallState::InProgress:
                QCOMPARE(*colour, magenta);
                break;
            case datamodel::InstallState::Installed:
                QVERIFY(*colour != grey && *colour != magenta);
                break;
            }
            ++counted[int(states[size_t(rack)])];
        }
        QVERIFY2(counted[0] > 0 && counted[1] > 0 && counted[2] > 0,
                 qPrintable(QStringLiteral("%1 %2 %3").arg(counted[0]).arg(counted[1]).arg(counted[2])));
        // Back to kinds: every rack wears a rack shade again.
        scene.colourByKind();
        for (datamodel::EntityIndex rack : facility->ofKind(datamodel::EntityKind::Rack))
            QVERIFY(*scene.drawnColour(rack) != magenta && *scene.drawnColour(rack) != grey);
    }

    void aValueOverlayRecoloursExactlyTheIntendedRack() {
        const auto facility = std::make_shared<const datamodel::Facility>(generated(dir_, 4096));
        scene::OffscreenView view(QSize(640, 400));
        scene::FacilityScene scene(facility, view.renderer());
        const auto camera = *scene::cameraPreset(*facility, QStringLiteral("hall:1"));
        scene.updateDetail(camera);
        view.setCameraPose(camera);
        // The legend's swatches are green too (GPUs, the middle of the colour bar): not the scene's.
        auto greenPixels = [&scene](const QImage& image) {
            const QRect legend = scene.legend().area(image.size());
            std::vector<QPoint> found;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x) {
                    if (legend.contains(x, y))
                        continue;
                    const QColor c = image.pixelColor(x, y);
                    if (c.green() > 70 && c.green() > c.red() + 40 && c.green() > c.blue() + 20)
                        found.emplace_back(x, y);
                }
            return found;
        };
        QVERIFY(greenPixels(view.capture()).empty()); // nothing is green by kind at this distance

        // One rack gets the middle of the scale (green); every other value is missing (grey).
        const datamodel::EntityIndex chosen = facility->findByName("H1-R01-K09");
        std::vector<float> values(facility->entityCount(), std::numeric_limits<float>::quiet_NaN());
        values[size_t(chosen)] = 50.0f;
        scene.colourByValue(values, 0.0f, 100.0f);
        const std::vector<QPoint> green = greenPixels(view.capture());
        QVERIFY2(green.size() > 20, qPrintable(QString::number(green.size())));
        // Every green pixel belongs to that rack and to nothing else.
        for (std::size_t i = 0; i < green.size(); i += std::max<std::size_t>(1, green.size() / 25)) {
            const auto picked = scene.pick(green[i].x(), 399 - green[i].y());
            QVERIFY2(picked == chosen,
                     qPrintable(QStringLiteral("%1 at %2,%3")
                                    .arg(QString::fromUtf8(facility->name(picked).data(),
                                                           qsizetype(facility->name(picked).size())))
                                    .arg(green[i].x())
                                    .arg(green[i].y())));
        }
        QCOMPARE(*scene.drawnColour(facility->findByName("H1-R01-K10")),
                 (std::array<unsigned char, 3>{96, 96, 96}));
    }

    void theOverlayInForceColoursDetailThatAppearsLater() {
        const auto facility = std::make_shared<const datamodel::Facility>(generated(dir_, 4096));
        scene::OffscreenView view(QSize(320, 200));
        scene::FacilityScene scene(facility, view.renderer());
        std::vector<float> hot(facility->entityCount(), 95.0f);
        scene.colourByValue(hot, 20.0f, 95.0f);
        scene.updateDetail(*scene::cameraPreset(*facility, QStringLiteral("rack:H1-R01-K05")));
        QVERIFY(scene.drawnGpus() > 0);
        const datamodel::EntityIndex gpu = facility->findGpu("colossus-h1-r01-k05-s3", 2);
        QCOMPARE(*scene.drawnColour(gpu), (std::array<unsigned char, 3>{220, 40, 40}));
    }

    // A GPU metric describes GPUs, servers and racks: a CDU in a rack under it keeps its own colour
    // (it was drawn "no data" grey beside the live GPUs), and a GPU without a value is no data.
    void whatAMetricDoesNotDescribeKeepsItsOwnColour() {
        const auto facility = std::make_shared<const datamodel::Facility>(generated(dir_, 4096));
        scene::OffscreenView view(QSize(320, 200));
        scene::FacilityScene scene(facility, view.renderer());
        std::vector<float> values(facility->entityCount(), std::numeric_limits<float>::quiet_NaN());
        const datamodel::EntityIndex gpu = facility->findGpu("colossus-h1-r01-k05-s3", 2);
        scene.updateDetail(*scene::cameraPreset(*facility, QStringLiteral("rack:H1-R01-K05")));
        datamodel::EntityIndex cdu = datamodel::kNoEntity;
        for (const datamodel::EntityIndex e : facility->ofKind(datamodel::EntityKind::Cdu))
            if (cdu == datamodel::kNoEntity && scene.drawnColour(e))
                cdu = e;
        QVERIFY2(cdu != datamodel::kNoEntity, "no CDU drawn near the rack");
        scene.colourByKind();
        const auto ownCdu = *scene.drawnColour(cdu);
        using datamodel::EntityKind;
        const EntityKind gpuLevel[] = {EntityKind::Rack, EntityKind::Server, EntityKind::Gpu};
        scene.colourByValue(values, 20.0f, 95.0f, QStringLiteral("GPU temperature"), std::nullopt, gpuLevel);
        QCOMPARE(*scene.drawnColour(cdu), ownCdu);
        QCOMPARE(*scene.drawnColour(gpu), (std::array<unsigned char, 3>{96, 96, 96}));
        // Under a CDU metric the CDU is what is measured: without a value, no data.
        const EntityKind cduLevel[] = {EntityKind::Rack, EntityKind::Cdu};
        scene.colourByValue(values, 20.0f, 95.0f, QStringLiteral("CDU flow"), std::nullopt, cduLevel);
        QCOMPARE(*scene.drawnColour(cdu), (std::array<unsigned char, 3>{96, 96, 96}));
        QVERIFY(*scene.drawnColour(gpu) != (std::array<unsigned char, 3>{96, 96, 96}));
    }

    // A selection is an outline around it and everything below it; the colours the user is reading
    // (here the temperatures of a hot facility) stay, the row's racks and GPUs included.
    void selectingARowOutlinesItAndKeepsItsColours() {
        const auto facility = std::make_shared<const datamodel::Facility>(generated(dir_, 16384));
        scene::OffscreenView view(QSize(480, 300));
        scene::FacilityScene scene(facility, view.renderer());
        std::vector<float> warm(facility->entityCount(), 60.0f);
        scene.colourByValue(warm, 20.0f, 95.0f);
        const datamodel::EntityIndex row = facility->findByName("H2-R01");
        QVERIFY(row != datamodel::kNoEntity);
        const auto camera = *scene::cameraPreset(*facility, QStringLiteral("hall:2"));
        scene.updateDetail(camera);
        view.setCameraPose(camera);
        const auto cyanPixels = [](const QImage& image) {
            int count = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x) {
                    const QRgb p = image.pixel(x, y);
                    count += qRed(p) < 40 && qGreen(p) > 200 && qBlue(p) > 230;
                }
            return count;
        };
        std::vector<std::array<unsigned char, 3>> before;
        for (datamodel::EntityIndex rack : facility->ofKind(datamodel::EntityKind::Rack))
            before.push_back(*scene.drawnColour(rack));
        const int cyanBefore = cyanPixels(view.capture());
        scene.select(row);
        QCOMPARE(scene.selected(), row);
        std::size_t i = 0;
        for (datamodel::EntityIndex rack : facility->ofKind(datamodel::EntityKind::Rack))
            QCOMPARE(*scene.drawnColour(rack), before[i++]); // no rack repainted, in the row or not
        const int cyanSelected = cyanPixels(view.capture());
        QVERIFY2(cyanSelected > cyanBefore + 200,
                 qPrintable(QStringLiteral("%1 -> %2").arg(cyanBefore).arg(cyanSelected)));
        // Up close its GPUs keep their temperature colour too; cleared, the outline goes.
        scene.updateDetail(*scene::cameraPreset(*facility, QStringLiteral("rack:H2-R01-K03")));
        const auto gpuColour = *scene.drawnColour(facility->findGpu("colossus-h2-r01-k03-s1", 0));
        QVERIFY(gpuColour != (std::array<unsigned char, 3>{0, 230, 255}));
        scene.select(datamodel::kNoEntity);
        QCOMPARE(*scene.drawnColour(facility->findGpu("colossus-h2-r01-k03-s1", 0)), gpuColour);
        scene.updateDetail(camera);
        QCOMPARE(cyanPixels(view.capture()), cyanBefore);
    }

    void hallNamesReadFromAfar() {
        const auto facility = std::make_shared<const datamodel::Facility>(generated(dir_, 4096));
        scene::OffscreenView view(QSize(640, 400));
        scene::FacilityScene scene(facility, view.renderer());
        const auto overview = *scene::cameraPreset(*facility, QStringLiteral("overview"));
        scene.updateDetail(overview);
        view.setCameraPose(overview);
        // Near-white text pixels above each hall: the labels are drawn (nothing else is that bright).
        auto brightNear = [&](const QImage& image, datamodel::EntityIndex hall) {
            const datamodel::Bounds b = facility->subtreeBounds(hall);
            view.renderer()->SetWorldPoint((b.min[0] + b.max[0]) / 2.0, (b.min[1] + b.max[1]) / 2.0,
                                           b.max[2] + 6.0, 1.0);
            view.renderer()->WorldToDisplay();
            const double* p = view.renderer()->GetDisplayPoint();
            int bright = 0;
            for (int y = int(399 - p[1]) - 12; y <= int(399 - p[1]) + 12; ++y)
                for (int x = int(p[0]) - 40; x <= int(p[0]) + 40; ++x)
                    if (image.rect().contains(x, y)) {
                        const QColor c = image.pixelColor(x, y);
                        bright += c.red() > 200 && c.green() > 200 && c.blue() > 200 ? 1 : 0;
                    }
            return bright;
        };
        const QImage image = view.capture();
        for (datamodel::EntityIndex hall : facility->ofKind(datamodel::EntityKind::Hall))
            QVERIFY2(brightNear(image, hall) > 10, facility->name(hall).data());
    }

    void layersHideAndXRayShowsThePipesBelowTheFloor() {
        const auto facility = std::make_shared<const datamodel::Facility>(generated(dir_, 4096));
        scene::OffscreenView view(QSize(480, 300));
        scene::FacilityScene scene(facility, view.renderer());
        QCOMPARE(scene.pipeSegments(), facility->pipes().size()); // every segment has a polyline
        // Thickness by diameter: rack hoses thinnest, plant mains widest, never thinner for wider.
        QCOMPARE(scene::pipeLineWidth(19.0f), 1.0f);
        QVERIFY(scene::pipeLineWidth(50.0f) > scene::pipeLineWidth(19.0f));
        QVERIFY(scene::pipeLineWidth(600.0f) > scene::pipeLineWidth(200.0f));
        for (float d = 1.0f; d < 2000.0f; d *= 1.5f)
            QVERIFY(scene::pipeLineWidth(d * 1.5f) >= scene::pipeLineWidth(d));
        const auto camera = *scene::cameraPreset(*facility, QStringLiteral("hall:1"));
        scene.updateDetail(camera);
        view.setCameraPose(camera);
        auto pipePixels = [](const QImage& image) { // the return pipes' red: nothing else is that red
            int count = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x) {
                    const QColor c = image.pixelColor(x, y);
                    count += c.red() > 170 && c.green() < 100 && c.blue() < 90 ? 1 : 0;
                }
            return count;
        };
        const QImage normal = view.capture();
        scene.setXRay(scene::Layer::Cooling);
        const QImage xray = view.capture();
        QVERIFY2(pipePixels(xray) > pipePixels(normal) * 2 + 50,
                 qPrintable(QStringLiteral("%1 vs %2").arg(pipePixels(xray)).arg(pipePixels(normal))));
        scene.setXRay(std::nullopt);
        QCOMPARE(hashOf(view.capture()), hashOf(normal)); // x-ray off: the same picture as before

        scene.setLayerVisible(scene::Layer::Compute, false);
        QVERIFY(!scene.layerVisible(scene::Layer::Compute));
        const QImage noCompute = view.capture();
        // The racks are gone: many pixels change, and a click where one stood finds no rack.
        std::vector<QPoint> changed;
        for (int y = 0; y < normal.height(); ++y)
            for (int x = 0; x < normal.width(); ++x)
                if (normal.pixel(x, y) != noCompute.pixel(x, y))
                    changed.emplace_back(x, y);
        QVERIFY2(changed.size() > 500, qPrintable(QString::number(changed.size())));
        for (std::size_t i = 0; i < changed.size(); i += changed.size() / 40) {
            const datamodel::EntityIndex picked = scene.pick(changed[i].x(), 299 - changed[i].y());
            QVERIFY(picked < 0 || facility->kind(picked) != datamodel::EntityKind::Rack);
        }
        scene.setLayerVisible(scene::Layer::Compute, true);
        QCOMPARE(hashOf(view.capture()), hashOf(normal));
        QCOMPARE(scene::layerFromName(QStringLiteral("cooling")), std::optional(scene::Layer::Cooling));
        QVERIFY(!scene::layerFromName(QStringLiteral("plumbing")));
    }

    void presetsFrameWhatTheyPromise() {
        const auto facility = std::make_shared<const datamodel::Facility>(generated(dir_, 4096));
        // Framing an entity looks at the middle of it, from further away for bigger things.
        const datamodel::EntityIndex gpu = facility->findGpu("colossus-h1-r01-k02-s4", 6);
        const datamodel::EntityIndex hallOne = facility->ofKind(datamodel::EntityKind::Hall)[0];
        const auto onGpu = scene::cameraToFrame(*facility, gpu);
        const auto onHall = scene::cameraToFrame(*facility, hallOne);
        QVERIFY(onGpu && onHall);
        const datamodel::Pose& gpuPose = facility->pose(gpu);
        QVERIFY(std::abs(onGpu->focalPoint[0] - gpuPose.x) < 1e-3 &&
                std::abs(onGpu->focalPoint[1] - gpuPose.y) < 1e-3);
        auto eyeDistance = [](const scene::CameraPose& p) {
            return std::hypot(p.position[0] - p.focalPoint[0], p.position[1] - p.focalPoint[1],
                              p.position[2] - p.focalPoint[2]);
        };
        QVERIFY(eyeDistance(*onGpu) < 5.0 && eyeDistance(*onHall) > 50.0);
        QVERIFY(!scene::cameraToFrame(*facility, -1));
        QVERIFY(!scene::cameraPreset(*facility, QStringLiteral("hall:5")));
        QVERIFY(!scene::cameraPreset(*facility, QStringLiteral("hall:x")));
        QVERIFY(!scene::cameraPreset(*facility, QStringLiteral("sideways")));
        QVERIFY(!scene::cameraPreset(*facility, QStringLiteral("aisle:H9-R01")));
        QVERIFY(!scene::cameraPreset(*facility, QStringLiteral("rack:H1-R01"))); // a row, not a rack
        const auto hall = scene::cameraPreset(*facility, QStringLiteral("hall:2"));
        QVERIFY(hall);
        const datamodel::Bounds bounds =
            facility->subtreeBounds(facility->ofKind(datamodel::EntityKind::Hall)[1]);
        for (std::size_t axis = 0; axis < 2; ++axis)
            QVERIFY(hall->focalPoint[axis] >= bounds.min[axis] && hall->focalPoint[axis] <= bounds.max[axis]);
        QVERIFY(hall->position[2] > bounds.max[2]); // from above
        const auto aisle = scene::cameraPreset(*facility, QStringLiteral("aisle:H1-R01"));
        QVERIFY(aisle);
        QCOMPARE(aisle->position[2], 1.7); // eye height
        const auto rack = scene::cameraPreset(*facility, QStringLiteral("rack:H1-R01-K01"));
        QVERIFY(rack);
        const datamodel::Pose& rackPose = facility->pose(facility->findByName("H1-R01-K01"));
        QVERIFY(std::hypot(rack->position[0] - rackPose.x, rack->position[1] - rackPose.y) < 4.0);

        scene::OffscreenView view(QSize(480, 300));
        scene::FacilityScene scene(facility, view.renderer());
        QSet<QByteArray> pictures;
        int backgroundOverview = 0, backgroundHall = 0;
        for (const char* preset : {"overview", "hall:2", "aisle:H1-R01", "rack:H1-R01-K01"}) {
            const auto camera = *scene::cameraPreset(*facility, QLatin1String(preset));
            scene.updateDetail(camera);
            view.setCameraPose(camera);
            const QImage image = view.capture();
            QVERIFY2(distinctColours(image) > 15, preset); // a flat fill or an empty view has 1 to 3
            pictures.insert(hashOf(image));
            int background = 0;
            for (int y = 0; y < image.height(); y += 2)
                for (int x = 0; x < image.width(); x += 2)
                    background += closeTo(image.pixelColor(x, y), QColor(28, 33, 41), 2) ? 1 : 0;
            if (QLatin1String(preset) == QLatin1String("overview"))
                backgroundOverview = background;
            if (QLatin1String(preset) == QLatin1String("hall:2"))
                backgroundHall = background;
        }
        QCOMPARE(pictures.size(), 4);
        // Up close the hall floor fills much of the picture: far fewer background pixels than the overview.
        QVERIFY2(backgroundHall * 2 < backgroundOverview,
                 qPrintable(QStringLiteral("%1 vs %2").arg(backgroundHall).arg(backgroundOverview)));
    }

    // The legend says what the colours in force mean, and its swatches wear exactly those colours.
    void legendFollowsTheOverlay() {
        const auto facility = std::make_shared<const datamodel::Facility>(generated(dir_, 512));
        scene::OffscreenView view(QSize(640, 480));
        scene::FacilityScene facilityScene(facility, view.renderer());
        view.setCameraPose(*scene::cameraPreset(*facility, QStringLiteral("overview")));

        const scene::Legend& legend = facilityScene.legend();
        QCOMPARE(legend.title(), QStringLiteral("Kind"));
        const auto rack = std::find_if(legend.entries().begin(), legend.entries().end(),
                                       [](const scene::LegendEntry& e) { return e.label == "Rack"; });
        QVERIFY(rack != legend.entries().end());
        const datamodel::EntityIndex someRack = facility->ofKind(datamodel::EntityKind::Rack).front();
        QCOMPARE(rack->colour, *facilityScene.drawnColour(someRack));

        const auto states = datamodel::Schedule(*facility).stateAt(0, datamodel::ScheduleBasis::Actual);
        facilityScene.colourByStatus(states, QStringLiteral("Status on 1970-01-01"));
        QCOMPARE(legend.title(), QStringLiteral("Status on 1970-01-01"));
        QCOMPARE(legend.entries().size(), std::size_t(3));
        QCOMPARE(legend.entries()[2].colour, *facilityScene.drawnColour(someRack)); // not started

        std::vector<float> values(facility->entityCount(), NAN);
        values[size_t(someRack)] = 100.0f;
        facilityScene.colourByValue(values, 20.0f, 100.0f, QStringLiteral("GPU temperature, °C"));
        QCOMPARE(legend.title(), QStringLiteral("GPU temperature, °C"));
        QCOMPARE(legend.entries().size(), std::size_t(3));
        QCOMPARE(legend.entries()[0].label, QStringLiteral("20"));
        QCOMPARE(legend.entries()[1].label, QStringLiteral("100"));
        QCOMPARE(legend.entries()[1].colour, *facilityScene.drawnColour(someRack)); // the top of the map
        const datamodel::EntityIndex otherRack = facility->ofKind(datamodel::EntityKind::Rack).back();
        QCOMPARE(legend.entries()[2].colour, *facilityScene.drawnColour(otherRack)); // no data

        // Pixels: the no-data swatch is the lowest one, 3 px above the panel's bottom padding (8 px)
        // inside its 12 px margin; its centre is 7 px further in.
        const QImage image = view.capture();
        QVERIFY(legend.drawn());
        const int swatchCentreX = 12 + 8 + 7;
        const int swatchCentreY = image.height() - 1 - (12 + 8 + 3 + 7);
        const QColor swatch = image.pixelColor(swatchCentreX, swatchCentreY);
        const auto noData = legend.entries()[2].colour;
        QVERIFY2(std::abs(swatch.red() - noData[0]) <= 2 && std::abs(swatch.green() - noData[1]) <= 2 &&
                     std::abs(swatch.blue() - noData[2]) <= 2,
                 qPrintable(QStringLiteral("swatch pixel %1").arg(swatch.name())));
        // The colour bar runs from the low colour (left) to the high colour (right), one line up.
        const int barY = swatchCentreY - 2 * 20;
        const QColor barLeft = image.pixelColor(12 + 8 + 1, barY),
                     barRight = image.pixelColor(12 + 8 + 118, barY);
        QVERIFY2(barLeft.blue() > barLeft.red() && barRight.red() > barRight.blue(),
                 qPrintable(barLeft.name() + QLatin1Char(' ') + barRight.name()));

        // An alert threshold: named on a line of its own (the lowest now) and ticked in white on the bar
        // at (85 - 20) / 80 of its 120 px.
        facilityScene.colourByValue(values, 20.0f, 100.0f, QStringLiteral("GPU temperature, °C"),
                                    scene::Legend::Threshold{85.0f, QStringLiteral("Alert above 85")});
        QCOMPARE(legend.entries().size(), std::size_t(4));
        QCOMPARE(legend.entries()[3].label, QStringLiteral("Alert above 85"));
        const QImage withAlert = view.capture();
        const int alertBarY = swatchCentreY - 3 * 20;
        const int tickX = 12 + 8 + int(std::lround(0.8125 * 119));
        const QColor tick = withAlert.pixelColor(tickX, alertBarY),
                     beside = withAlert.pixelColor(tickX - 5, alertBarY);
        QVERIFY2(tick.red() > 240 && tick.green() > 240 && tick.blue() > 240, qPrintable(tick.name()));
        QVERIFY2(beside.blue() < 200 || beside.red() < 200, qPrintable(beside.name()));
    }

    // A view too small for the legend shows none rather than a clipped one.
    void legendStepsAsideInATinyView() {
        const auto facility = std::make_shared<const datamodel::Facility>(generated(dir_, 512));
        scene::OffscreenView view(QSize(160, 100));
        const scene::FacilityScene facilityScene(facility, view.renderer());
        view.setCameraPose(*scene::cameraPreset(*facility, QStringLiteral("overview")));
        view.capture();
        QVERIFY(!facilityScene.legend().drawn());
    }
};

QTEST_GUILESS_MAIN(FacilitySceneTest)
#include "tst_facility_scene.moc"
