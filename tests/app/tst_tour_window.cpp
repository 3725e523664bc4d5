// Bookmarks and tours in the window (issue 17), on real widgets: a bookmark restores exactly the
// camera and view it saved (also after the model is opened again); the dock saves, renames, moves and
// deletes them, each one undo step; the tour editor refuses a dwell of -1 s naming the stop and keeps
// the model as it was; a tour plays its stops in order with their captions on screen, on simulated
// time (the player's clock advanced by hand), flying between them, its timeline span moving the
// scene's day; Space pauses, the arrows step, Esc stops; a tour at a deleted bookmark is refused.
#include "ModelCopies.h"
#include "SqliteRows.h"
#include "datamodel/Store.h"
#include "gui/document/Document.h"
#include "gui/tour/BookmarksPanel.h"
#include "gui/tour/TourPlayer.h"
#include "gui/window/MainWindow.h"
#include "gui/window/ViewState.h"
#include "importers/ColossusGenerator.h"
#include "scene/FacilityScene.h"
#include "scene/ViewWidget.h"
#include "view/BookmarkView.h"
#include "view/DefaultTour.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <cmath>

using twin::app::CameraMove;
using twin::app::Colouring;
using twin::app::MainWindow;
using twin::app::TimelineMode;
using twin::app::ViewSettings;
using twin::datamodel::EntityKind;
using twin::datamodel::kSecondsPerDay;
using twin::testing::countOf;

namespace {

double distance(const std::array<double, 3>& a, const std::array<double, 3>& b) {
    return std::hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

bool sameView(const ViewSettings& a, const ViewSettings& b) {
    return a.colouring == b.colouring && a.layersShown == b.layersShown && a.xRay == b.xRay &&
           a.selection == b.selection && a.alsoSelected == b.alsoSelected;
}

} // namespace

class TourWindowTest : public QObject {
    Q_OBJECT
    twin::testing::ModelCopies models_;

    QString freshCopy(const QString& name) { return models_.fresh(name); }

    static void open(MainWindow& window, const QString& path) {
        window.resize(1280, 800);
        window.show();
        QSignalSpy loaded(&window, &MainWindow::modelLoaded);
        QCOMPARE(window.openModel(path), QString());
        QVERIFY(loaded.wait(20000));
    }

private slots:
    void initTestCase() {
        models_.generate(512);
        twin::app::writeDefaultTour(models_.original().toStdString());
    }

    void aBookmarkRestoresExactlyTheViewItSaved() {
        const QString path = freshCopy(QStringLiteral("restore.db"));
        ViewSettings saved;
        {
            MainWindow window;
            open(window, path);
            twin::app::ViewState* state = window.viewState();
            const auto& f = *window.facility();
            const auto racks = f.ofKind(EntityKind::Rack);
            // A view nothing else gives: compute hidden, x-ray on cooling, the timeline's day 20 by
            // plan, two racks selected, a camera of our own.
            state->setLayerShown(twin::scene::Layer::Compute, false);
            state->setXRay(twin::scene::Layer::Cooling);
            const twin::datamodel::TimePoint day =
                twin::datamodel::startOfDay(f.scheduleStart()) + 20 * kSecondsPerDay;
            state->setColouring(Colouring{Colouring::By::Timeline, nullptr, TimelineMode::Planned, day,
                                          day + kSecondsPerDay - 1});
            state->setSelection(racks[3]);
            state->toggleInSelection(racks[7]);
            const twin::scene::CameraPose pose{{12.5, -80.25, 44.125}, {10.0, 5.5, 0.0}, {0.0, 0.0, 1.0}};
            state->setCamera(pose, CameraMove::Jump);
            saved = state->settings();
            QVERIFY(window.saveBookmark(QStringLiteral("Two racks by plan")));
            QCOMPARE(countOf(path, "SELECT count(*) FROM bookmark WHERE name = 'Two racks by plan'"), 1);
            auto* list = window.bookmarksPanel()->bookmarkList();
            QTRY_VERIFY(list->currentItem()); // the session's first edit reads the model again
            QVERIFY(window.bookmarksPanel()->isVisible());
            QTRY_COMPARE(list->currentItem()->text(), QStringLiteral("Two racks by plan"));

            // Everything changed, then the bookmark, by a double click in the dock: the flight lands
            // exactly and the view is as saved.
            state->setLayerShown(twin::scene::Layer::Compute, true);
            state->setXRay(std::nullopt);
            state->setColouring(Colouring{});
            state->setSelection(racks[0]);
            state->setCamera(twin::scene::CameraPose{{0, -300, 200}, {0, 0, 0}, {0, 0, 1}}, CameraMove::Jump);
            QVERIFY(!sameView(state->settings(), saved));
            QSignalSpy go(window.bookmarksPanel(), &twin::app::BookmarksPanel::goRequested);
            const QRect item = list->visualItemRect(list->currentItem());
            QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, item.center());
            QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, item.center());
            QCOMPARE(go.count(), 1);
            QVERIFY(sameView(state->settings(), saved));
            QTRY_VERIFY_WITH_TIMEOUT(!window.view()->isFlying(), 5000);
            QVERIFY(distance(window.view()->cameraPose().position, pose.position) < 1e-9);
            QVERIFY(distance(window.view()->cameraPose().focalPoint, pose.focalPoint) < 1e-9);
            QVERIFY(!window.findChild<QAction*>(QStringLiteral("layer:compute"))->isChecked());
            QVERIFY(window.findChild<QAction*>(QStringLiteral("xray:cooling"))->isChecked());
            QCOMPARE(window.timelinePanel()->moment(), day);
        }
        // Opened again (a new window, the file read): the same view.
        MainWindow again;
        open(again, path);
        const auto& book = again.facility()->tourBook();
        QVERIFY(!book.bookmarks.empty());
        QVERIFY(again.goToBookmark(book.bookmarks.back().id, CameraMove::Jump));
        QVERIFY(sameView(again.viewState()->settings(), saved));
        QVERIFY(distance(again.view()->cameraPose().position, saved.camera->position) < 1e-9);
    }

    void theDockEditsAreUndoStepsAndTheEditorRefusesBadInput() {
        const QString path = freshCopy(QStringLiteral("dock.db"));
        MainWindow window;
        open(window, path);
        QUndoStack* undo = window.document()->undoStack();
        const std::size_t defaults = window.facility()->tourBook().bookmarks.size();
        QVERIFY(window.saveBookmark(QStringLiteral("Mine")));
        QTRY_COMPARE(window.facility()->tourBook().bookmarks.size(), defaults + 1); // read again, once
        QVERIFY(!window.saveBookmark(QStringLiteral("Mine")));                      // taken
        QVERIFY(!window.saveBookmark(QStringLiteral("  ")));                        // no name
        QCOMPARE(window.facility()->tourBook().bookmarks.size(), defaults + 1);
        const std::int64_t mine = window.facility()->tourBook().bookmarks.back().id;
        QVERIFY(window.renameBookmark(mine, QStringLiteral("Mine, renamed")));
        auto* list = window.bookmarksPanel()->bookmarkList();
        QCOMPARE(list->item(list->count() - 1)->text(), QStringLiteral("Mine, renamed"));
        // Up one place by its button: it swaps with the one before.
        window.bookmarksPanel()->chooseBookmark(mine);
        QTest::mouseClick(window.bookmarksPanel()->findChild<QPushButton*>(QStringLiteral("bookmarkUp")),
                          Qt::LeftButton);
        QCOMPARE(list->item(list->count() - 2)->text(), QStringLiteral("Mine, renamed"));

        // A tour of our own: New, then Add Stop with the bookmark chosen.
        // The dock takes a third of the window and cuts no tour's name.
        QTRY_VERIFY(window.bookmarksPanel()->width() < window.width() / 2);
        QComboBox* tours = window.bookmarksPanel()->tourChoice();
        QVERIFY2(tours->width() >= tours->sizeHint().width(),
                 qPrintable(QStringLiteral("%1 < %2").arg(tours->width()).arg(tours->sizeHint().width())));
        QVERIFY(window.newTour(QStringLiteral("Walk")));
        QCOMPARE(window.bookmarksPanel()->tourChoice()->currentText(), QStringLiteral("Walk"));
        window.bookmarksPanel()->chooseBookmark(mine);
        auto* addStop = window.bookmarksPanel()->findChild<QPushButton*>(QStringLiteral("addStop"));
        QTest::mouseClick(addStop, Qt::LeftButton);
        QTest::mouseClick(addStop, Qt::LeftButton);
        QTableWidget* stops = window.bookmarksPanel()->stopTable();
        QCOMPARE(stops->rowCount(), 2);
        QCOMPARE(countOf(path,
                         "SELECT count(*) FROM tour_stop s JOIN tour t ON t.id = s.tour_id WHERE t.name "
                         "= 'Walk'"),
                 2);
        // A dwell of -1 s typed into the table: refused, naming the stop; the table shows the model.
        QSignalSpy refused(&window, &MainWindow::editRefused);
        stops->item(1, twin::app::BookmarksPanel::DwellColumn)->setText(QStringLiteral("-1"));
        QCOMPARE(refused.count(), 1);
        QCOMPARE(refused.first().first().toString(),
                 QStringLiteral("tour 'Walk': stop 2 dwells -1 s (0 to 600 s)"));
        QCOMPARE(stops->item(1, twin::app::BookmarksPanel::DwellColumn)->text(), QStringLiteral("5"));
        stops->item(0, twin::app::BookmarksPanel::FromColumn)->setText(QStringLiteral("someday"));
        QCOMPARE(refused.count(), 2);
        QVERIFY2(refused.last().first().toString().contains(QStringLiteral("stop 1: 'someday' is not a day")),
                 qPrintable(refused.last().first().toString()));
        QCOMPARE(countOf(path, "SELECT count(*) FROM tour_stop WHERE dwell_s < 0 OR (span_from IS NOT NULL "
                               "AND caption NOT LIKE 'Hall%')"),
                 0);
        // A caption typed in: written, and one undo takes it back.
        stops->item(0, twin::app::BookmarksPanel::CaptionColumn)->setText(QStringLiteral("Where we stand"));
        QCOMPARE(countOf(path, "SELECT count(*) FROM tour_stop WHERE caption = 'Where we stand'"), 1);
        undo->undo();
        QCOMPARE(countOf(path, "SELECT count(*) FROM tour_stop WHERE caption = 'Where we stand'"), 0);
        QCOMPARE(stops->item(0, twin::app::BookmarksPanel::CaptionColumn)->text(),
                 QStringLiteral("Mine, renamed"));

        // Deleted: the bookmark and both stops at it, one step; undone, both back.
        QVERIFY(window.deleteBookmark(mine));
        QCOMPARE(stops->rowCount(), 0);
        QCOMPARE(countOf(path, "SELECT count(*) FROM bookmark WHERE name = 'Mine, renamed'"), 0);
        undo->undo();
        QCOMPARE(stops->rowCount(), 2);
        QCOMPARE(countOf(path, "SELECT count(*) FROM bookmark WHERE name = 'Mine, renamed'"), 1);
        // The default tour's bookmarks untouched by all of it.
        QCOMPARE(window.facility()->tourBook().bookmarks.size(), defaults + 1);
    }

    void aTourPlaysItsStopsInOrderWithTheirCaptions() {
        const QString path = freshCopy(QStringLiteral("play.db"));
        MainWindow window;
        open(window, path);
        twin::app::TourPlayer* player = window.tourPlayer();
        player->setTimerDriven(false); // simulated time: the test advances the clock
        const twin::datamodel::Tour tour = window.facility()->tourBook().tours.front();
        QSignalSpy started(player, &twin::app::TourPlayer::stopStarted);
        QSignalSpy days(player, &twin::app::TourPlayer::dayShown);
        QVERIFY(window.playTour(tour.id));
        const twin::app::TourTimeline timeline(tour);
        const twin::scene::FacilityScene* scene = window.facilityScene();
        // Frame by frame at 30 a second through the first stop's flight and dwell, into the second.
        const double step = 1.0 / 30.0;
        double previousDistance = 1e9;
        const auto target = tour.stops[0].bookmark.camera.position;
        bool closing = true;
        while (player->position() + step < timeline.arrivalAt(0)) {
            player->advance(step);
            const double now = distance(window.view()->cameraPose().position, target);
            closing = closing && now <= previousDistance + 1e-9;
            previousDistance = now;
        }
        QVERIFY(closing); // the flight never turns back
        QCOMPARE(scene->caption().text(), QString::fromStdString(tour.stops[0].caption));
        player->advance(step);
        QVERIFY(distance(window.view()->cameraPose().position, target) < 1e-9); // landed exactly
        // On to the end, a stop at a time: each started in order, its caption on screen, its view in
        // place on landing.
        for (std::size_t stop = 1; stop < tour.stops.size(); ++stop) {
            while (player->playing() && player->currentStop() < stop)
                player->advance(step);
            const int daysBefore = days.count();
            QCOMPARE(scene->caption().text(), QString::fromStdString(tour.stops[stop].caption));
            while (player->playing() && player->position() < timeline.arrivalAt(stop) + 0.1)
                player->advance(step);
            const ViewSettings expected =
                twin::app::settingsOf(tour.stops[stop].bookmark, ViewSettings{}, *window.facility());
            QCOMPARE(window.viewState()->xRay(), expected.xRay);
            QCOMPARE(window.viewState()->selection(), expected.selection);
            if (!tour.stops[stop].span.empty()) {
                // The span plays: the scene's day moves on a day at a time to the span's last.
                while (player->playing() && player->position() < timeline.startOf(stop + 1) - step)
                    player->advance(step);
                QCOMPARE(days.count() - daysBefore,
                         int(twin::app::TourTimeline::stepsOf(tour.stops[stop]).size()));
                QCOMPARE(window.viewState()->colouring().moment, tour.stops[stop].span.to);
            }
        }
        QCOMPARE(started.count(), int(tour.stops.size()));
        for (int i = 0; i < started.count(); ++i)
            QCOMPARE(started.at(i).at(0).toInt(), i);
        while (player->playing())
            player->advance(step);
        QVERIFY(scene->caption().text().isEmpty()); // the caption goes with the tour

        // The keys, wherever the focus is: Right to the next stop, Left back, Space pauses, Esc stops.
        QVERIFY(window.playTour(tour.id));
        player->advance(0.5);
        QTest::keyClick(window.bookmarksPanel()->bookmarkList(), Qt::Key_Right);
        QCOMPARE(player->currentStop(), std::size_t(1));
        QTest::keyClick(window.view(), Qt::Key_PageDown);
        QCOMPARE(player->currentStop(), std::size_t(2));
        QTest::keyClick(window.view(), Qt::Key_Left);
        QCOMPARE(player->currentStop(), std::size_t(1));
        QTest::keyClick(window.view(), Qt::Key_Space);
        QVERIFY(player->paused());
        const double pausedAt = player->position();
        player->advance(3.0);
        QCOMPARE(player->position(), pausedAt);
        QTest::keyClick(window.view(), Qt::Key_Space);
        player->advance(1.0);
        QVERIFY(player->position() > pausedAt);
        QTest::keyClick(window.view(), Qt::Key_Escape);
        QVERIFY(!player->playing());
        QVERIFY(scene->caption().text().isEmpty());
    }

    // A flight renders fewer pixels without the 2D panels; a pause, a step while paused and the end all
    // give every pixel and the panels back; the keys are the view's again once the tour stops, and a
    // space typed into a dialog's field during a tour is a space.
    void flightsAreLightAndEverythingComesBack() {
        const QString path = freshCopy(QStringLiteral("light.db"));
        MainWindow window;
        open(window, path);
        twin::app::TourPlayer* player = window.tourPlayer();
        player->setTimerDriven(false);
        const twin::scene::FacilityScene* scene = window.facilityScene();
        QVERIFY(window.playTour());
        player->advance(1.0); // mid-flight into the first stop
        QVERIFY(player->flying());
        QVERIFY(window.view()->renderScale() < 1.0);
        QVERIFY(!scene->caption().drawn());
        QVERIFY(!scene->legend().drawn());
        QCOMPARE(scene->labelsShown(), std::size_t(0)); // each a draw of its own: 200k went 28 -> 37 fps
        QTest::keyClick(window.view(), Qt::Key_Space);  // paused mid-flight: a whole frame
        QCOMPARE(window.view()->renderScale(), 1.0);
        QVERIFY(scene->caption().drawn());
        QVERIFY(scene->labelsShown() > 0);             // the hall names, from afar
        QTest::keyClick(window.view(), Qt::Key_Right); // a step while paused: the next stop, still
        QCOMPARE(player->currentStop(), std::size_t(1));
        QCOMPARE(window.view()->renderScale(), 1.0);
        QVERIFY(scene->caption().drawn());
        QTest::keyClick(window.view(), Qt::Key_Space);
        player->advance(0.5);
        QVERIFY(window.view()->renderScale() < 1.0);
        QTest::keyClick(window.view(), Qt::Key_Escape);
        QVERIFY(!player->playing());
        QCOMPARE(window.view()->renderScale(), 1.0);
        QVERIFY(scene->legend().drawn());
        // The view's own keys again: Right turns the camera, the tour no longer takes it.
        const auto before = window.view()->cameraPose();
        QTest::keyClick(window.view(), Qt::Key_Right);
        QVERIFY(!(window.view()->cameraPose() == before));
        // During a tour, a text field takes its space.
        QVERIFY(window.playTour());
        QLineEdit field(&window);
        field.show();
        field.setFocus();
        QTest::keyClicks(&field, QStringLiteral("a b"));
        QCOMPARE(field.text(), QStringLiteral("a b"));
        QVERIFY(!player->paused());
        player->stop();
    }

    // A tour leaves nothing behind: the first stop's view, shown again after it, is drawn as it was.
    void aTourLeavesTheViewAsItsBookmarksSay() {
        const QString path = freshCopy(QStringLiteral("leaves.db"));
        MainWindow window;
        open(window, path);
        const twin::datamodel::Tour tour = window.facility()->tourBook().tours.front();
        QVERIFY(window.goToBookmark(tour.stops.front().bookmark.id, CameraMove::Jump));
        QTest::qWait(300); // the detail around the camera
        const QImage before = window.view()->grabFramebuffer();
        twin::app::TourPlayer* player = window.tourPlayer();
        player->setTimerDriven(false);
        QVERIFY(window.playTour(tour.id));
        while (player->playing())
            player->advance(0.1);
        QVERIFY(window.goToBookmark(tour.stops.front().bookmark.id, CameraMove::Jump));
        QTest::qWait(300);
        const QImage after = window.view()->grabFramebuffer();
        QCOMPARE(after.size(), before.size());
        int differ = 0;
        QRect where;
        for (int y = 0; y < before.height(); ++y)
            for (int x = 0; x < before.width(); ++x)
                if (before.pixel(x, y) != after.pixel(x, y)) {
                    ++differ;
                    where = where.united(QRect(x, y, 1, 1));
                }
        QVERIFY2(differ == 0, qPrintable(QStringLiteral("%1 pixels differ in %2,%3 %4x%5")
                                             .arg(differ)
                                             .arg(where.x())
                                             .arg(where.y())
                                             .arg(where.width())
                                             .arg(where.height())));
    }

    // A look by eye (not run by ctest): TWIN_TOUR_PNG_DIR=DIR [TWIN_TOUR_MODEL=FILE] saves the screen
    // in presentation mode with the Bookmarks dock's state, mid-flight and at each landing.
    void screenshotsForALookByEye() {
        const QString directory = qEnvironmentVariable("TWIN_TOUR_PNG_DIR");
        if (directory.isEmpty())
            QSKIP("set TWIN_TOUR_PNG_DIR to save screenshots of a tour");
        MainWindow window;
        window.resize(1920, 1080);
        open(window, qEnvironmentVariable("TWIN_TOUR_MODEL", freshCopy(QStringLiteral("look.db"))));
        window.bookmarksPanel()->show();
        QTest::qWait(500);
        window.view()->renderNow();
        window.screen()->grabWindow(0).save(directory + QStringLiteral("/dock.png"));
        window.setPresentationMode(true);
        twin::app::TourPlayer* player = window.tourPlayer();
        int shot = 0;
        connect(player, &twin::app::TourPlayer::arrived, this, [&](int stop) {
            QTimer::singleShot(1500, &window, [&, stop] {
                window.view()->renderNow();
                window.screen()->grabWindow(0).save(directory + QStringLiteral("/stop-%1.png").arg(stop + 1));
                ++shot;
            });
        });
        QVERIFY(window.playTour());
        QTest::qWait(1500);
        window.screen()->grabWindow(0).save(directory + QStringLiteral("/flight.png"));
        QTRY_VERIFY_WITH_TIMEOUT(!player->playing(), 180000);
        QVERIFY(shot > 0);
    }

    void aTourAtADeletedBookmarkIsRefused() {
        const QString path = freshCopy(QStringLiteral("broken.db"));
        QCOMPARE(twin::testing::tamperWith(
                     path, "DELETE FROM bookmark WHERE id = (SELECT bookmark_id FROM tour_stop "
                           "WHERE position = 1)"),
                 QString());
        MainWindow window;
        open(window, path);
        QSignalSpy refused(&window, &MainWindow::editRefused);
        QVERIFY(!window.playTour());
        QVERIFY(!window.tourPlayer()->playing());
        QCOMPARE(refused.count(), 1);
        QVERIFY2(refused.first().first().toString().contains(QStringLiteral("stop 2 stops at bookmark")),
                 qPrintable(refused.first().first().toString()));
    }
};

QTEST_MAIN(TourWindowTest)
#include "tst_tour_window.moc"
