// Offscreen rendering for snapshots: the requested size, the known colours at known places, and the
// demo hall is a real picture.
#include "TestScenes.h"
#include "scene/DemoScene.h"
#include "scene/OffscreenView.h"

#include <QTest>
#include <vtkCamera.h>
#include <vtkRenderer.h>

using twin::scene::OffscreenView;
using namespace twin::scene::testing;

class OffscreenViewTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(OffscreenView::displayAvailable(), "run under xvfb-run"); }

    void capturesKnownSceneAtRequestedSize() {
        OffscreenView view(QSize(320, 200));
        addFlatCube(view.renderer(), QColor(255, 0, 0), QColor(0, 0, 255));
        const QImage image = view.capture();
        QCOMPARE(image.size(), QSize(320, 200));
        QVERIFY2(closeTo(image.pixelColor(160, 100), QColor(255, 0, 0)),
                 qPrintable(image.pixelColor(160, 100).name()));
        QVERIFY(closeTo(image.pixelColor(2, 2), QColor(0, 0, 255)));
        QVERIFY(closeTo(image.pixelColor(317, 197), QColor(0, 0, 255)));
    }

    void imageIsNotUpsideDown() {
        // A cube pushed to the top of the view must appear in the top rows of the image.
        OffscreenView view(QSize(200, 200));
        addFlatCube(view.renderer(), QColor(255, 0, 0), QColor(0, 0, 255));
        vtkCamera* camera = view.renderer()->GetActiveCamera();
        camera->SetFocalPoint(0.0, -0.8, 0.0); // look below the cube: it shows in the upper half
        camera->SetPosition(0.0, -0.8, 3.5);
        const QImage image = view.capture();
        QVERIFY2(closeTo(image.pixelColor(100, 40), QColor(255, 0, 0)),
                 qPrintable(image.pixelColor(100, 40).name()));
        QVERIFY2(closeTo(image.pixelColor(100, 170), QColor(0, 0, 255)),
                 qPrintable(image.pixelColor(100, 170).name()));
    }

    void demoHallIsAPicture() {
        OffscreenView view(QSize(640, 400));
        const auto counts = twin::scene::populateDemoScene(view.renderer());
        QCOMPARE(counts.racks, 40);
        view.resetCamera();
        const QImage image = view.capture();
        QCOMPARE(image.size(), QSize(640, 400));
        QVERIFY2(distinctColours(image) > 20, qPrintable(QString::number(distinctColours(image))));
        // The supply headers are drawn in blue: some clearly blue pixels must be there.
        int bluish = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                bluish += (c.blue() > 150 && c.red() < 100) ? 1 : 0;
            }
        QVERIFY2(bluish > 100, qPrintable(QString::number(bluish)));
    }
};

QTEST_GUILESS_MAIN(OffscreenViewTest)
#include "tst_offscreen_view.moc"
