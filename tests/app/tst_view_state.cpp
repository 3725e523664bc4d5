// The window's ViewState drives the scene: set it, and the pixels and the menus follow (layers, x-ray,
// selection); the menus set it, never the scene directly.
#include "datamodel/Facility.h"
#include "gui/window/MainWindow.h"
#include "gui/window/ViewState.h"
#include "importers/ColossusGenerator.h"
#include "scene/CameraPresets.h"
#include "scene/FacilityScene.h"
#include "scene/Legend.h"
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

// Frames of one state differ by a few hundred pixels on llvmpipe (390 measured: the labels' edges);
// hiding what is drawn over hall 1 changes thousands (7,000 for its 64 racks).
bool alike(const QImage& a, const QImage& b);
bool unlike(const QImage& a, const QImage& b);

int differingPixels(const QImage& a, const QImage& b) {
    if (a.size() != b.size())
        return a.width() * a.height();
    int differing = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            differing += a.pixel(x, y) != b.pixel(x, y);
    return differing;
}

bool alike(const QImage& a, const QImage& b) {
    return differingPixels(a, b) < 1000;
}

bool unlike(const QImage& a, const QImage& b) {
    return differingPixels(a, b) > 3000;
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
        options.gpus = 4096; // 64 racks: hall 1 from above is racks wall to wall
        twin::importers::generateColossus(model.toStdString(), options);
        window_ = std::make_unique<MainWindow>();
        window_->resize(1024, 700);
        window_->show();
        QSignalSpy loaded(window_.get(), &MainWindow::modelLoaded);
        QCOMPARE(window_->openModel(model), QString());
        QVERIFY(loaded.wait(20000));
        window_->view()->setCameraPose(
            *twin::scene::cameraPreset(*window_->facility(), QStringLiteral("hall:1")));
        QTest::qWait(600); // the level of detail follows a camera move after a pause: let it settle
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
        QVERIFY2(unlike(all, withoutCompute),
                 qPrintable(QString::number(differingPixels(all, withoutCompute))));
        QVERIFY(
            !window.findChild<QAction*>(QStringLiteral("layer:compute"))->isChecked()); // the menu shows it
        state.setLayerShown(Layer::Compute, false);
        QCOMPARE(changed.count(), 1); // no change, no signal
        // The menu sets the state, which brings the racks back.
        window.findChild<QAction*>(QStringLiteral("layer:compute"))->trigger();
        QVERIFY(state.layerShown(Layer::Compute));
        QVERIFY(alike(all, frame(window)));
    }

    void xRayFollowsTheState() {
        MainWindow& window = *window_;
        ViewState& state = *window.viewState();
        const QImage plain = frame(window);
        state.setXRay(Layer::Cooling);
        const QImage cooling = frame(window);
        QVERIFY2(unlike(plain, cooling), qPrintable(QString::number(differingPixels(plain, cooling))));
        QVERIFY(window.findChild<QAction*>(QStringLiteral("xray:cooling"))->isChecked());
        window.findChild<QAction*>(QStringLiteral("xray:off"))->trigger();
        QCOMPARE(state.xRay(), std::nullopt);
        QVERIFY(alike(plain, frame(window)));
    }

    // The colouring: the timeline's, set on the state, draws the plan's first day (nothing in yet), shows
    // the date, unchecks Colour By and sets the timeline dock's mode; back to kinds, the same pixels.
    void theColouringIsTheStates() {
        using twin::app::Colouring;
        using twin::app::TimelineMode;
        MainWindow& window = *window_;
        ViewState& state = *window.viewState();
        QCOMPARE(state.colouring().by, Colouring::By::Kind);
        const QImage byKind = frame(window);
        const TimePoint first = startOfDay(window.facility()->scheduleStart());
        state.setColouring(Colouring{Colouring::By::Timeline, nullptr, TimelineMode::Planned, first,
                                     first + kSecondsPerDay - 1, false});
        QVERIFY(unlike(byKind, frame(window)));
        QVERIFY(!window.facilityScene()->dateStamp().headline().isEmpty());
        QVERIFY(!window.findChild<QAction*>(QStringLiteral("colour:kind"))->isChecked());
        QCOMPARE(window.timelinePanel()->mode(), TimelineMode::Planned);
        QCOMPARE(window.timelinePanel()->moment(), first);
        // Colour By sets the state, which ends the timeline's colouring.
        window.findChild<QAction*>(QStringLiteral("colour:kind"))->trigger();
        QCOMPARE(state.colouring(), Colouring{});
        QCOMPARE(window.timelinePanel()->mode(), TimelineMode::Off);
        QVERIFY(window.facilityScene()->dateStamp().headline().isEmpty());
        QVERIFY(alike(byKind, frame(window)));
        // And the timeline's dock sets it too.
        window.timelinePanel()->setMode(TimelineMode::Actual);
        QCOMPARE(state.colouring().by, Colouring::By::Timeline);
        QCOMPARE(state.colouring().mode, TimelineMode::Actual);
        window.timelinePanel()->setMode(TimelineMode::Off);
        QCOMPARE(state.colouring().by, Colouring::By::Kind);
    }

    // Pipes keep their own blue and red under any overlay: under x-ray on cooling the legend says so,
    // so that they do not read as the timeline's "early" (blue) and "late" (red).
    void xRayedPipesHaveTheirOwnLegendEntries() {
        using twin::app::Colouring;
        using twin::app::TimelineMode;
        MainWindow& window = *window_;
        ViewState& state = *window.viewState();
        const twin::scene::Legend& legend = window.facilityScene()->legend();
        const auto labels = [&legend] {
            QStringList all;
            for (const auto& entry : legend.entries())
                all << entry.label;
            return all;
        };
        const TimePoint first = startOfDay(window.facility()->scheduleStart());
        state.setColouring(Colouring{Colouring::By::Timeline, nullptr, TimelineMode::ActualVsPlanned, first,
                                     first + kSecondsPerDay - 1, false});
        QVERIFY(!labels().contains(QStringLiteral("Supply pipe (own colour)")));
        state.setXRay(Layer::Cooling);
        QVERIFY2(labels().contains(QStringLiteral("Supply pipe (own colour)")) &&
                     labels().contains(QStringLiteral("Return pipe (own colour)")) &&
                     labels().contains(QStringLiteral("Installed early")),
                 qPrintable(labels().join(QLatin1Char(','))));
        // A later colouring under the same x-ray keeps them; the kinds' legend has its own pipe entries.
        state.setColouring(Colouring{Colouring::By::Status});
        QVERIFY(labels().contains(QStringLiteral("Return pipe (own colour)")));
        state.setColouring(Colouring{});
        QCOMPARE(labels().count(QStringLiteral("Supply pipe")), 1);
        QVERIFY(!labels().contains(QStringLiteral("Supply pipe (own colour)")));
        state.setColouring(Colouring{Colouring::By::Status});
        state.setXRay(std::nullopt);
        QVERIFY(!labels().contains(QStringLiteral("Supply pipe (own colour)")));
        state.setColouring(Colouring{});
    }

    void theSelectionIsTheStatesAndTheSceneDrawsIt() {
        MainWindow& window = *window_;
        ViewState& state = *window.viewState();
        const QImage none = frame(window);
        const int before = highlightPixels(none);
        const EntityIndex row = window.facility()->findByName("H1-R01");
        QVERIFY(row != kNoEntity);
        const EntityIndex rackOfRow = window.facility()->children(row).front();
        const auto rackColour = window.facilityScene()->drawnColour(rackOfRow);
        state.setSelection(row);
        QCOMPARE(window.facilityScene()->selected(), int(row));
        QCOMPARE(window.facilityScene()->drawnColour(rackOfRow), rackColour); // outlined, not repainted
        const int highlighted = highlightPixels(frame(window));
        QVERIFY2(highlighted > before + 500,
                 qPrintable(QStringLiteral("%1 %2").arg(before).arg(highlighted)));
        state.setSelection(kNoEntity);
        QCOMPARE(highlightPixels(frame(window)), before);
        // A click or a flight in the window goes through the state too.
        window.selectAndFrame(int(row));
        QCOMPARE(state.selection(), row);
        QTRY_COMPARE_WITH_TIMEOUT(state.camera(), window.view()->cameraPose(), 5000); // landed
        state.setSelection(kNoEntity);
    }

    // The camera is the state's: Go To sets it and the view flies there; what the user does with the
    // view (here a pose set on it, as a drag ends) comes back into the state without moving anything.
    void theCameraIsTheStates() {
        using twin::app::CameraMove;
        MainWindow& window = *window_;
        ViewState& state = *window.viewState();
        const auto hall = twin::scene::cameraPreset(*window.facility(), QStringLiteral("hall:1"));
        const auto overview = twin::scene::cameraPreset(*window.facility(), QStringLiteral("overview"));
        QVERIFY(hall && overview && *hall != *overview);
        window.view()->setCameraPose(*hall);
        QTest::qWait(400); // the detail around the camera follows after a pause
        QCOMPARE(state.camera(), *hall);
        QCOMPARE(state.cameraMove(), CameraMove::Followed);
        const QImage atHall = frame(window);

        state.setCamera(*overview, CameraMove::Jump);
        QCOMPARE(window.view()->cameraPose(), *overview);
        QCOMPARE(state.cameraMove(), CameraMove::Followed); // the view reported where it landed
        QVERIFY(unlike(atHall, frame(window)));

        // Go To > Hall 1: a flight, under way and then landed where the state says.
        QSignalSpy changed(&state, &ViewState::changed);
        window.findChild<QAction*>(QStringLiteral("goTo:hall:1"))->trigger();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(state.camera(), *hall);
        QCOMPARE(state.cameraMove(), CameraMove::Fly);
        QVERIFY(window.view()->cameraPose() != *hall); // not there yet: flying
        QTRY_COMPARE_WITH_TIMEOUT(window.view()->cameraPose(), *hall, 5000);
        QCOMPARE(state.cameraMove(), CameraMove::Followed);
        QCOMPARE(changed.count(), 1); // the landing changed nothing the state did not say
        QTest::qWait(400);            // the detail around the camera follows after a pause
        QVERIFY(alike(atHall, frame(window)));

        // The user moves the view: the state follows, nothing flies.
        twin::scene::CameraPose moved = *hall;
        moved.position[2] += 40.0;
        window.view()->setCameraPose(moved);
        QCOMPARE(state.camera(), moved);
        QCOMPARE(state.cameraMove(), CameraMove::Followed);
        window.view()->setCameraPose(*hall);
    }

    // All of it at once, as a bookmark will: the settings taken, everything changed, the settings given
    // back: the same picture.
    void settingsRestoreTheView() {
        using twin::app::CameraMove;
        MainWindow& window = *window_;
        ViewState& state = *window.viewState();
        const twin::app::ViewSettings saved = state.settings();
        const QImage before = frame(window);
        state.setLayerShown(Layer::Compute, false);
        state.setXRay(Layer::Cooling);
        state.setSelection(window.facility()->findByName("H1-R02"));
        state.setCamera(*twin::scene::cameraPreset(*window.facility(), QStringLiteral("overview")),
                        CameraMove::Jump);
        QVERIFY(unlike(before, frame(window)));
        state.setSettings(saved, CameraMove::Jump);
        QCOMPARE(state.settings(), saved);
        QCOMPARE(window.view()->cameraPose(), *saved.camera);
        QTest::qWait(400);
        const QImage after = frame(window);
        QVERIFY2(alike(before, after), qPrintable(QString::number(differingPixels(before, after))));
    }
};

QTEST_MAIN(ViewStateTest)
#include "tst_view_state.moc"
