// Bookmarks and tours in the model file (issue 17): each dock edit (save, update, rename, move, delete,
// a tour added, changed, deleted) is one transaction with its audit lines, its undo restores exactly
// the rows there were, and the copy the window keeps (editedFacility) equals what a reload reads.
// Bad input is refused before anything is written: a dwell of -1 s, a name taken, a stop at no
// bookmark. A file written by another tool, with a stop at a deleted bookmark or a dwell of -1 s, still
// loads, and the tour says which stop is wrong. A version-3 file reads as it is and migrates.
#include "ModelCopies.h"
#include "SqliteRows.h"
#include "datamodel/Store.h"
#include "datamodel/edits/EditedFacility.h"
#include "datamodel/edits/TourEdit.h"
#include "importers/ColossusGenerator.h"

#include <QTemporaryDir>
#include <QTest>

using namespace twin::datamodel;
using twin::testing::countOf;
using twin::testing::rowsOf;
using twin::testing::tamperWith;

namespace {

Facility load(const QString& path) {
    return Store::open(path.toStdString(), Access::ReadOnly)->load();
}

QByteArray tourBookRows(const QString& path) {
    return rowsOf(path, "bookmark") + rowsOf(path, "tour") + rowsOf(path, "tour_stop");
}

Bookmark bookmarkNamed(const std::string& name, double x) {
    Bookmark bookmark;
    bookmark.name = name;
    bookmark.camera.position = {x, -40.0, 30.0};
    bookmark.camera.focalPoint = {x, 10.0, 0.0};
    bookmark.view = R"({"colour":"status","layers":["structure","compute"],"xray":null,"selection":[]})";
    return bookmark;
}

const EditStamp kStamp{1764547200, "check"};

} // namespace

class TourBookTest : public QObject {
    Q_OBJECT
    twin::testing::ModelCopies models_;

    QString freshCopy(const QString& name) { return models_.fresh(name); }

    // Applies `edit` to the file and to the loaded copy; the copy must equal a reload. `edit` then
    // holds the ids its new rows got, so that its inverse takes them.
    Facility applied(const QString& path, const Facility& before, Edit&& edit) {
        return applied(path, before, edit);
    }
    Facility applied(const QString& path, const Facility& before, Edit& edit) {
        auto store = Store::open(path.toStdString(), Access::ReadWrite);
        const EditOutcome outcome = applyEdit(*store, edit, kStamp);
        edit.takeIds(outcome);
        Facility edited = editedFacility(before, edit, outcome);
        const Facility reloaded = load(path);
        const TourBook &mine = edited.tourBook(), &theirs = reloaded.tourBook();
        [&] {
            QCOMPARE(mine.bookmarks.size(), theirs.bookmarks.size());
            for (std::size_t i = 0; i < mine.bookmarks.size(); ++i)
                QVERIFY(mine.bookmarks[i] == theirs.bookmarks[i]);
            QCOMPARE(mine.tours.size(), theirs.tours.size());
            for (std::size_t i = 0; i < mine.tours.size(); ++i) {
                QCOMPARE(mine.tours[i].id, theirs.tours[i].id);
                QVERIFY(mine.tours[i].sameRows(theirs.tours[i]));
                for (std::size_t s = 0; s < mine.tours[i].stops.size(); ++s)
                    QCOMPARE(mine.tours[i].stops[s].bookmark.name, theirs.tours[i].stops[s].bookmark.name);
            }
        }();
        return edited;
    }

private slots:
    void initTestCase() { models_.generate(512); }

    void eachDockEditIsOneUndoableLoggedTransaction() {
        const QString path = freshCopy(QStringLiteral("edits.db"));
        Facility f = load(path);
        const QByteArray empty = tourBookRows(path);

        // Three bookmarks saved, one after the other, at the end of the list.
        std::vector<Edit> done;
        for (const auto& [name, x] : {std::pair{"Overview", 0.0}, {"Hall 1", 20.0}, {"Rack", 40.0}}) {
            done.push_back(saveBookmarkEdit(f.tourBook(), bookmarkNamed(name, x)));
            f = applied(path, f, done.back());
        }
        QCOMPARE(f.tourBook().bookmarks.size(), std::size_t(3));
        QCOMPARE(f.tourBook().bookmarks[2].name, std::string("Rack"));
        QCOMPARE(f.tourBook().bookmarks[2].position, 2);
        QCOMPARE(f.tourBook().bookmarks[1].camera.position[0], 20.0);
        QVERIFY(f.tourBook().bookmarks[1].view.find("\"status\"") != std::string::npos);
        QCOMPARE(countOf(path, "SELECT count(*) FROM audit_log WHERE action = 'bookmark save'"), 3);
        const std::int64_t overview = f.tourBook().bookmarks[0].id, hall = f.tourBook().bookmarks[1].id,
                           rack = f.tourBook().bookmarks[2].id;

        // A taken name and an empty one are refused; nothing is written.
        const QByteArray three = tourBookRows(path);
        QVERIFY_THROWS_EXCEPTION(EditRefused, saveBookmarkEdit(f.tourBook(), bookmarkNamed("Hall 1", 1.0)));
        QVERIFY_THROWS_EXCEPTION(EditRefused, renameBookmarkEdit(f.tourBook(), rack, " "));
        QVERIFY_THROWS_EXCEPTION(EditRefused, renameBookmarkEdit(f.tourBook(), rack, "Overview"));

        // A tour of the three; a dwell of -1 s and a stop at no bookmark are refused, naming the stop.
        Tour tour;
        tour.name = "Story";
        for (const std::int64_t id : {overview, hall, rack}) {
            TourStop stop;
            stop.bookmark.id = id;
            stop.caption = "at " + std::to_string(id);
            stop.dwellSeconds = 4.0;
            tour.stops.push_back(stop);
        }
        tour.stops[1].span = {1719792000, 1721347200, 2.0}; // 2024-07-01 to 2024-07-19
        Tour badDwell = tour;
        badDwell.stops[1].dwellSeconds = -1.0;
        try {
            tourEdit(f.tourBook(), badDwell);
            QFAIL("a dwell of -1 s was taken");
        } catch (const EditRefused& refused) {
            QCOMPARE(QString::fromUtf8(refused.what()),
                     QStringLiteral("tour 'Story': stop 2 dwells -1 s (0 to 600 s)"));
        }
        Tour nowhere = tour;
        nowhere.stops[2].bookmark.id = 999;
        QVERIFY_THROWS_EXCEPTION(EditRefused, tourEdit(f.tourBook(), nowhere));
        Tour backwards = tour;
        std::swap(backwards.stops[1].span.from, backwards.stops[1].span.to);
        QVERIFY_THROWS_EXCEPTION(EditRefused, tourEdit(f.tourBook(), backwards));
        QCOMPARE(tourBookRows(path), three);

        done.push_back(tourEdit(f.tourBook(), tour));
        f = applied(path, f, done.back());
        QCOMPARE(f.tourBook().tours.size(), std::size_t(1));
        const Tour& story = f.tourBook().tours.front();
        QCOMPARE(story.stops.size(), std::size_t(3));
        QCOMPARE(story.stops[1].bookmark.name, std::string("Hall 1"));
        QVERIFY(story.stops[1].span == tour.stops[1].span);
        QVERIFY(tourProblem(story).empty());
        QVERIFY_THROWS_EXCEPTION(EditRefused, [&] {
            Tour again = tour;
            tourEdit(f.tourBook(), again); // a second tour of the same name
        }());

        // Renamed: the tour's stop shows the new name. Moved up: the two swap places.
        done.push_back(renameBookmarkEdit(f.tourBook(), hall, "Hall 1 filling"));
        f = applied(path, f, done.back());
        QCOMPARE(f.tourBook().tours.front().stops[1].bookmark.name, std::string("Hall 1 filling"));
        done.push_back(moveBookmarkEdit(f.tourBook(), rack, -1));
        f = applied(path, f, done.back());
        QCOMPARE(f.tourBook().bookmarks[1].id, rack);
        QCOMPARE(f.tourBook().bookmarks[2].id, hall);
        QVERIFY(moveBookmarkEdit(f.tourBook(), overview, -1).empty()); // first already

        // Deleted: the stop at it goes from the tour in the same edit.
        const QByteArray beforeDelete = tourBookRows(path);
        done.push_back(deleteBookmarkEdit(f.tourBook(), hall));
        f = applied(path, f, done.back());
        QCOMPARE(f.tourBook().bookmarks.size(), std::size_t(2));
        QCOMPARE(f.tourBook().tours.front().stops.size(), std::size_t(2));
        QCOMPARE(countOf(path, "SELECT count(*) FROM tour_stop"), 2);
        QCOMPARE(countOf(path, "SELECT count(*) FROM audit_log WHERE action = 'bookmark delete'"), 2);

        // Its undo brings both back, row for row.
        f = applied(path, f, done.back().inverse());
        QCOMPARE(tourBookRows(path), beforeDelete);
        QCOMPARE(f.tourBook().tours.front().stops[1].bookmark.name, std::string("Hall 1 filling"));

        // Every edit undone, newest first: the file's rows are as they were before the first.
        done.pop_back();
        while (!done.empty()) {
            f = applied(path, f, done.back().inverse());
            done.pop_back();
        }
        QCOMPARE(tourBookRows(path), empty);
        QVERIFY(f.tourBook().bookmarks.empty() && f.tourBook().tours.empty());
    }

    void anotherWritersChangeIsNotOverwritten() {
        const QString path = freshCopy(QStringLiteral("conflict.db"));
        Facility f = load(path);
        f = applied(path, f, saveBookmarkEdit(f.tourBook(), bookmarkNamed("Overview", 0.0)));
        const std::int64_t id = f.tourBook().bookmarks.front().id;
        QCOMPARE(tamperWith(path, "UPDATE bookmark SET name = 'Theirs'"), QString());
        const QByteArray theirs = tourBookRows(path);
        auto store = Store::open(path.toStdString(), Access::ReadWrite);
        try {
            applyEdit(*store, renameBookmarkEdit(f.tourBook(), id, "Mine"), kStamp);
            QFAIL("a rename overwrote another writer's");
        } catch (const EditConflict& conflict) {
            QVERIFY2(QString::fromUtf8(conflict.what()).contains(QStringLiteral("changed since")),
                     conflict.what());
        }
        QCOMPARE(tourBookRows(path), theirs);
    }

    // Another writer put a stop at the bookmark, or took its name: said so, nothing written.
    void anotherWritersStopOrNameIsAConflictNotAConstraintFailure() {
        const QString path = freshCopy(QStringLiteral("stop-since.db"));
        Facility f = load(path);
        f = applied(path, f, saveBookmarkEdit(f.tourBook(), bookmarkNamed("Lone", 0.0)));
        const std::int64_t id = f.tourBook().bookmarks.front().id;
        QCOMPARE(tamperWith(path,
                            "INSERT INTO tour(id, name) VALUES(77, 'Theirs'); INSERT INTO tour_stop(tour_id, "
                            "position, bookmark_id) SELECT 77, 0, id FROM bookmark"),
                 QString());
        const QByteArray theirs = tourBookRows(path);
        auto store = Store::open(path.toStdString(), Access::ReadWrite);
        try {
            applyEdit(*store, deleteBookmarkEdit(f.tourBook(), id), kStamp);
            QFAIL("a bookmark another writer stops at was deleted");
        } catch (const EditConflict& conflict) {
            QCOMPARE(
                QString::fromUtf8(conflict.what()),
                QStringLiteral(
                    "bookmark 'Lone' is a stop of a tour since (another writer put it there); not deleted"));
        }
        Tour mine;
        mine.name = "Theirs"; // a name the loaded model does not know is taken
        try {
            applyEdit(*store, tourEdit(f.tourBook(), mine), kStamp);
            QFAIL("a tour's name another writer took was given twice");
        } catch (const EditConflict& conflict) {
            QCOMPARE(QString::fromUtf8(conflict.what()),
                     QStringLiteral("a tour named 'Theirs' was made since by another writer"));
        }
        QCOMPARE(tourBookRows(path), theirs);
    }

    void aFileFromAnotherToolSaysWhichStopIsWrong() {
        const QString path = freshCopy(QStringLiteral("other-tool.db"));
        Facility f = load(path);
        for (const auto& [name, x] : {std::pair{"A", 0.0}, {"B", 10.0}})
            f = applied(path, f, saveBookmarkEdit(f.tourBook(), bookmarkNamed(name, x)));
        Tour tour;
        tour.name = "Short";
        for (const Bookmark& b : f.tourBook().bookmarks) {
            TourStop stop;
            stop.bookmark.id = b.id;
            tour.stops.push_back(stop);
        }
        f = applied(path, f, tourEdit(f.tourBook(), tour));
        const std::string deleted = std::to_string(f.tourBook().bookmarks[1].id);
        // Written without foreign keys: the second stop's bookmark is gone.
        QCOMPARE(tamperWith(path, ("DELETE FROM bookmark WHERE id = " + deleted).c_str()), QString());
        const std::vector<Tour> tours = Store::open(path.toStdString(), Access::ReadOnly)->tours();
        QCOMPARE(tours.size(), std::size_t(1));
        QCOMPARE(tours.front().stops.size(), std::size_t(2));
        QVERIFY(tours.front().stops[1].bookmarkMissing);
        QCOMPARE(QString::fromStdString(tourProblem(tours.front())),
                 QStringLiteral("tour 'Short': stop 2 stops at bookmark %1, which is not in the model")
                     .arg(QString::fromStdString(deleted)));
        // And a dwell of -1 s, past the table's check.
        QCOMPARE(tamperWith(path, "PRAGMA ignore_check_constraints = ON; UPDATE tour_stop SET dwell_s = -1 "
                                  "WHERE position = 0"),
                 QString());
        QCOMPARE(QString::fromStdString(tourProblem(load(path).tourBook().tours.front())),
                 QStringLiteral("tour 'Short': stop 1 dwells -1 s (0 to 600 s)"));
    }

    void aVersionThreeFileReadsItsToursAndMigrates() {
        const QString path = freshCopy(QStringLiteral("v3.db"));
        Facility f = load(path);
        f = applied(path, f, saveBookmarkEdit(f.tourBook(), bookmarkNamed("A", 5.0)));
        Tour tour;
        tour.name = "Old";
        tour.stops.push_back({});
        tour.stops.back().bookmark.id = f.tourBook().bookmarks.front().id;
        tour.stops.back().caption = "kept";
        f = applied(path, f, tourEdit(f.tourBook(), tour));
        QCOMPARE(
            tamperWith(
                path,
                "ALTER TABLE bookmark DROP COLUMN view_state; ALTER TABLE bookmark DROP COLUMN position; "
                "ALTER TABLE tour_stop DROP COLUMN span_from; ALTER TABLE tour_stop DROP COLUMN span_to; "
                "ALTER TABLE tour_stop DROP COLUMN days_per_second; PRAGMA user_version = 3;"),
            QString());
        const Facility old = load(path);
        QCOMPARE(old.tourBook().bookmarks.size(), std::size_t(1));
        QVERIFY(old.tourBook().bookmarks.front().view.empty()); // the camera alone
        QCOMPARE(old.tourBook().tours.front().stops.front().caption, std::string("kept"));
        QVERIFY(old.tourBook().tours.front().stops.front().span.empty());
        QCOMPARE(Store::open(path.toStdString(), Access::ReadWrite)->schemaVersion(), 4);
        QCOMPARE(load(path).tourBook().tours.front().stops.front().caption, std::string("kept"));
    }
};

QTEST_GUILESS_MAIN(TourBookTest)
#include "tst_tour_book.moc"
