// The facility scene: every rack and CDU drawn, a bounded number of actors whatever the model's size
// (instancing, never an actor per entity), camera presets that frame what they promise.
#include "TestScenes.h"
#include "datamodel/Facility.h"
#include "datamodel/Store.h"
#include "importers/ColossusGenerator.h"
#include "scene/FacilityScene.h"
#include "scene/OffscreenView.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>
#include <vtkActorCollection.h>
#include <vtkRenderer.h>

using namespace twin;
using namespace twin::scene::testing;

namespace {

datamodel::Facility generated(const QTemporaryDir& dir, int gpus) {
    const QString path = dir.filePath(QStringLiteral("m%1.db").arg(gpus));
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
        const datamodel::Facility small = generated(dir_, 512);
        const datamodel::Facility large = generated(dir_, 16384);
        scene::OffscreenView smallView(QSize(320, 200)), largeView(QSize(320, 200));
        const auto smallCounts = scene::populateFacilityScene(smallView.renderer(), small);
        const auto largeCounts = scene::populateFacilityScene(largeView.renderer(), large);
        QCOMPARE(smallCounts.racks, std::size_t(8));
        QCOMPARE(largeCounts.racks, std::size_t(256));
        QCOMPARE(largeCounts.cdus, largeCounts.racks);
        QCOMPARE(largeCounts.actors, smallCounts.actors); // one actor per drawn kind, not per entity
        QVERIFY(largeCounts.actors <= 16);
        QCOMPARE(std::size_t(largeView.renderer()->GetActors()->GetNumberOfItems()), largeCounts.actors);
        // Every rack, CDU, network rack, tray, header and plant item is an instance.
        std::size_t expected = 0;
        for (auto kind :
             {datamodel::EntityKind::Building, datamodel::EntityKind::Hall, datamodel::EntityKind::Rack,
              datamodel::EntityKind::Cdu, datamodel::EntityKind::NetworkRack, datamodel::EntityKind::Tray,
              datamodel::EntityKind::Busway, datamodel::EntityKind::Switchgear,
              datamodel::EntityKind::Chiller, datamodel::EntityKind::CoolingTower,
              datamodel::EntityKind::Turbine, datamodel::EntityKind::Battery,
              datamodel::EntityKind::Substation, datamodel::EntityKind::Header})
            expected += large.count(kind);
        QCOMPARE(largeCounts.instances, expected);
    }

    void presetsFrameWhatTheyPromise() {
        const datamodel::Facility facility = generated(dir_, 4096);
        QVERIFY(!scene::cameraPreset(facility, QStringLiteral("hall:5")));
        QVERIFY(!scene::cameraPreset(facility, QStringLiteral("hall:x")));
        QVERIFY(!scene::cameraPreset(facility, QStringLiteral("aisle")));
        const auto hall = scene::cameraPreset(facility, QStringLiteral("hall:2"));
        QVERIFY(hall);
        const datamodel::Bounds bounds =
            facility.subtreeBounds(facility.ofKind(datamodel::EntityKind::Hall)[1]);
        for (std::size_t axis = 0; axis < 2; ++axis)
            QVERIFY(hall->focalPoint[axis] >= bounds.min[axis] && hall->focalPoint[axis] <= bounds.max[axis]);
        QVERIFY(hall->position[2] > bounds.max[2]); // from above

        scene::OffscreenView view(QSize(480, 300));
        scene::populateFacilityScene(view.renderer(), facility);
        view.setCameraPose(*scene::cameraPreset(facility, QStringLiteral("overview")));
        const QImage overview = view.capture();
        view.setCameraPose(*hall);
        const QImage hallImage = view.capture();
        QVERIFY2(distinctColours(overview) > 30, qPrintable(QString::number(distinctColours(overview))));
        QVERIFY2(distinctColours(hallImage) > 30, qPrintable(QString::number(distinctColours(hallImage))));
        QVERIFY(hashOf(overview) != hashOf(hallImage));
        // Up close the hall floor fills much of the picture: far fewer background pixels than the overview.
        auto background = [](const QImage& image) {
            int count = 0;
            for (int y = 0; y < image.height(); y += 2)
                for (int x = 0; x < image.width(); x += 2)
                    count += closeTo(image.pixelColor(x, y), QColor(28, 33, 41), 2) ? 1 : 0;
            return count;
        };
        QVERIFY2(background(hallImage) * 2 < background(overview),
                 qPrintable(QStringLiteral("%1 vs %2").arg(background(hallImage)).arg(background(overview))));
    }
};

QTEST_GUILESS_MAIN(FacilitySceneTest)
#include "tst_facility_scene.moc"
