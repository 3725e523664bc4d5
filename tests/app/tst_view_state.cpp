// The window's ViewState drives the scene: set it, and the pixels and the menus follow (layers, x-ray,
// selection); the menus set it, never the scene directly.
#include "datamodel/Facility.h"
#include "gui/window/MainWindow.h"
#include "gui/window/ViewState.h"
#include "importers/ColossusGenerator.h"
#include "scene/FacilityScene.h"
#include "scene/ViewWidget.h"

#include <QAction>
#include <QFile>
#include <QImage>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using twin::app::MainWindow;
using twin::app::ViewState;
using twin::scene::Layer;
using namespace twin::datamodel;

namespace {

QImage frame(MainWindow& window) {
    window.view()->renderNow();
    return window.view()->grabFramebuffer().convertToFormat(QImage::Format_RGB32);
}

int differingPixels(const QImage& a, const QImage& b) {
    if (a.size() != b.size())
        return a.width() * a.height();
    int differing = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            differing += a.pixel(x, y) != b.pixel(x, y);
    return differing;
}

// The selection's highlight (0, 230, 255), lit or in shade.
int highlightPixels(const QImage& image) {
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y);
            count += qRed(p) < 60 && qGreen(p) > 120 && qBlue(p) > 150 && qBlue(p) > qGreen(p);
        }
    return count;
}

} // namespace

class ViewStateTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    std::unique_ptr<MainWindow> window_;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(dir_.isValid());
        qputenv("TWIN_CHECKED_MODELS", QFile::encodeName(dir_.filePath(QStringLiteral("checked-models"))));
        const QString model = dir_.filePath(QStringLiteral("view.db"));
        twin::importers::GeneratorOptions options;
        options.gpus = 512;
        twin::importers::generateColossus(model.toStdString(), options);
        window_ = std::make_unique<MainWindow>();
        window_->resize(1024, 700);
        window_->show();
        QSignalSpy loaded(window_.get(), &MainWindow::modelLoaded);
        QCOMPARE(window_->openModel(model), QString());
        QVERIFY(loaded.wait(20000));
        window_->view()->setCameraPose(
            *twin::scene::cameraPreset(*window_->facility(), QStringLiteral("hall:1")));
    }
    void cleanupTestCase() { window_.reset(); }

    void layersFollowTheState() {
        MainWindow& window = *window_;
        ViewState& state = *window.viewState();
        const QImage all = frame(window);
        QSignalSpy changed(&state, &ViewState::changed);
        state.setLayerShown(Layer::Compute, false);
        QCOMPARE(changed.count(), 1);
        const QImage withoutCompute = frame(window);
        QVERIFY2(differingPixels(all, withoutCompute) > 500, // the racks of a 512-GPU hall
                 qPrintable(QString::number(differingPixels(all, withoutCompute))));
        QVERIFY(
            !window.findChild<QAction*>(QStringLiteral("layer:compute"))->isChecked()); // the menu shows it
        state.setLayerShown(Layer::Compute, false);
        QCOMPARE(changed.count(), 1); // no change, no signal
        // The menu sets the state, which brings the racks back.
        window.findChild<QAction*>(QStringLiteral("layer:compute"))->trigger();
        QVERIFY(state.layerShown(Layer::Compute));
        QCOMPARE(differingPixels(all, frame(window)), 0);
    }

    void xRayFollowsTheState() {
        MainWindow& window = *window_;
        ViewState& state = *window.viewState();
        const QImage plain = frame(window);
        state.setXRay(Layer::Cooling);
        const QImage cooling = frame(window);
        QVERIFY(differingPixels(plain, cooling) > 500);
        QVERIFY(window.findChild<QAction*>(QStringLiteral("xray:cooling"))->isChecked());
        window.findChild<QAction*>(QStringLiteral("xray:off"))->trigger();
        QCOMPARE(state.xRay(), std::nullopt);
        QCOMPARE(differingPixels(plain, frame(window)), 0);
    }

    void theSelectionIsTheStatesAndTheSceneDrawsIt() {
        MainWindow& window = *window_;
        ViewState& state = *window.viewState();
        const QImage none = frame(window);
        const int before = highlightPixels(none);
        const EntityIndex row = window.facility()->findByName("H1-R01");
        QVERIFY(row != kNoEntity);
        state.setSelection(row);
        QCOMPARE(window.facilityScene()->selected(), int(row));
        const int highlighted = highlightPixels(frame(window));
        QVERIFY2(highlighted > before + 500,
                 qPrintable(QStringLiteral("%1 %2").arg(before).arg(highlighted)));
        state.setSelection(kNoEntity);
        QCOMPARE(highlightPixels(frame(window)), before);
        // A click or a flight in the window goes through the state too.
        window.selectAndFrame(int(row));
        QCOMPARE(state.selection(), row);
    }
};

QTEST_MAIN(ViewStateTest)
#include "tst_view_state.moc"
