// Edits as plain values applied in one transaction: undo restores exactly the rows there were, redo
// exactly the rows after; each change writes its audit line with the values before and after; the
// report moves by the edited rack's GPUs; a revert is refused when a later change touched the same
// fields; an edit made against rows another writer has changed since is refused, not overwritten;
// bad input is refused before anything is written.
#include "ModelCopies.h"
#include "SqliteRows.h"
#include "datamodel/ProgressReport.h"
#include "datamodel/Schedule.h"
#include "datamodel/Store.h"
#include "datamodel/edits/AttributeEdit.h"
#include "datamodel/edits/EditedFacility.h"
#include "datamodel/edits/ProgressEdit.h"
#include "datamodel/edits/PunchEdit.h"
#include "datamodel/edits/Revert.h"
#include "importers/ColossusGenerator.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

using namespace twin::datamodel;

using twin::testing::countOf;
using twin::testing::rowsOf;

namespace {

QByteArray scheduleDump(const QString& path) {
    // A photo's row id is the database's own (a redo may give another); its note, name and bytes are
    // what counts.
    return rowsOf(path, "task") + rowsOf(path, "note") +
           rowsOf(path, "note_photo", "note_id, name, format, hex(data)");
}

Facility load(const QString& path) {
    return Store::open(path.toStdString(), Access::ReadOnly)->load();
}

std::size_t gpusUnder(const Facility& f, EntityIndex rack) {
    std::size_t gpus = 0;
    for (const EntityIndex e : f.subtree(rack))
        gpus += f.kind(e) == EntityKind::Gpu ? 1 : 0;
    return gpus;
}

constexpr TimePoint kNow = 1764547200; // 2025-12-01: after the generated roll-out

} // namespace

class EditsTest : public QObject {
    Q_OBJECT
    twin::testing::ModelCopies models_;

    QString freshCopy(const QString& name) { return models_.fresh(name); }

private slots:
    void initTestCase() { models_.generate(512); }

    void undoAndRedoRestoreTheRowsExactly() {
        const QString path = freshCopy(QStringLiteral("undo.db"));
        // Opened for writing once: the schema is migrated, so the dumps compare rows, not versions.
        Store::open(path.toStdString(), Access::ReadWrite);
        const Facility before = load(path);
        const EntityIndex rack = before.ofKind(EntityKind::Rack).front();
        const QByteArray rowsBefore = scheduleDump(path);
        ProgressRequest reopen;
        reopen.action = ProgressAction::Reopen;
        reopen.entities = {rack};
        reopen.at = reopen.now = kNow;
        const Edit edit = progressEdit(before, reopen);
        QCOMPARE(edit.tasks.size(), before.tasksOf(rack).size());
        const auto store = Store::open(path.toStdString(), Access::ReadWrite);
        const EditOutcome done = applyEdit(*store, edit, {kNow, "alice"});
        QCOMPARE(done.auditIds.size(), edit.tasks.size());
        const QByteArray rowsAfter = scheduleDump(path);
        QVERIFY(rowsAfter != rowsBefore);
        applyEdit(*store, edit.inverse(), {kNow + 1, "alice"});
        QCOMPARE(scheduleDump(path), rowsBefore);
        applyEdit(*store, edit.inverse().inverse(), {kNow + 2, "alice"});
        QCOMPARE(scheduleDump(path), rowsAfter);
        // Every change and every undo is logged: three edits of six tasks.
        QCOMPARE(countOf(path, "SELECT count(*) FROM audit_log WHERE task_id IS NOT NULL"),
                 std::int64_t(3 * edit.tasks.size()));
        QCOMPARE(countOf(path, "SELECT count(DISTINCT edit_id) FROM audit_log WHERE task_id IS NOT NULL"), 3);
        QCOMPARE(countOf(path, "SELECT count(*) FROM audit_log WHERE action = 'undo progress reopen'"),
                 std::int64_t(edit.tasks.size()));
    }

    void eachChangeIsLoggedWithItsValuesAndTheReportMoves() {
        const QString path = freshCopy(QStringLiteral("log.db"));
        const Facility before = load(path);
        const EntityIndex rack = before.ofKind(EntityKind::Rack).back();
        const TimePoint after = before.scheduleEnd() + kSecondsPerDay;
        const std::size_t installed = progressAt(before, Schedule(before), after).installedActual;
        ProgressRequest reopen;
        reopen.action = ProgressAction::Reopen;
        reopen.entities = {rack};
        reopen.at = reopen.now = kNow;
        const auto store = Store::open(path.toStdString(), Access::ReadWrite);
        const EditOutcome outcome = applyEdit(*store, progressEdit(before, reopen), {kNow, "alice"});
        const Facility reopened = load(path);
        QCOMPARE(progressAt(reopened, Schedule(reopened), after).installedActual,
                 installed - gpusUnder(before, rack));
        // The log has each task's before and after, the author and the rack.
        const std::vector<AuditRecord> log = store->auditLog();
        QCOMPARE(log.size(), outcome.auditIds.size());
        for (const AuditRecord& line : log) {
            QCOMPARE(line.author, std::string("alice"));
            QCOMPARE(line.action, std::string("progress reopen"));
            QCOMPARE(line.entity, before.entities().id[std::size_t(rack)]);
            const auto was = taskFieldsFromJson(line.before), is = taskFieldsFromJson(line.after);
            QVERIFY(was && is);
            QCOMPARE(was->status, TaskStatus::Done);
            QVERIFY(was->actualEnd != kNoTime);
            QCOMPARE(is->actualEnd, kNoTime);
            QCOMPARE(is->actualStart, was->actualStart);
        }
        // Done again at a time: back to the count there was.
        ProgressRequest done = reopen;
        done.action = ProgressAction::Done;
        done.at = before.scheduleEnd();
        applyEdit(*store, progressEdit(reopened, done), {kNow, "bob"});
        const Facility redone = load(path);
        QCOMPARE(progressAt(redone, Schedule(redone), after).installedActual, installed);
        for (const std::uint32_t t : redone.tasksOf(rack))
            QCOMPARE(redone.tasks().actualEnd[t], before.scheduleEnd());
    }

    void aRevertIsRefusedWhenALaterChangeTouchedTheFields() {
        const QString path = freshCopy(QStringLiteral("revert.db"));
        const Facility model = load(path);
        const EntityIndex rack = model.ofKind(EntityKind::Rack).front();
        ProgressRequest request;
        request.action = ProgressAction::Reopen;
        request.entities = {rack};
        request.at = request.now = kNow;
        const auto store = Store::open(path.toStdString(), Access::ReadWrite);
        const EditOutcome reopened = applyEdit(*store, progressEdit(model, request), {kNow, "alice"});
        request.action = ProgressAction::Done;
        request.at = model.scheduleEnd();
        const EditOutcome done = applyEdit(*store, progressEdit(load(path), request), {kNow, "bob"});
        const QByteArray rows = scheduleDump(path);
        try {
            revertChange(*store, reopened.auditIds.front(), {kNow, "carol"});
            QFAIL("a revert of a change overwritten since went through");
        } catch (const EditConflict& conflict) {
            const std::string message = conflict.what();
            QVERIFY2(message.find("audit " + std::to_string(done.auditIds.front()) +
                                  " (progress done by bob") != std::string::npos,
                     message.c_str());
        }
        QCOMPARE(scheduleDump(path), rows);
        // The later one can be reverted: its task is open again, as the reopen left it.
        revertChange(*store, done.auditIds.front(), {kNow, "carol"});
        const Facility reverted = load(path);
        const std::uint32_t task =
            std::uint32_t(std::find(reverted.tasks().id.begin(), reverted.tasks().id.end(),
                                    store->auditLog().at(std::size_t(done.auditIds.front() - 1)).task) -
                          reverted.tasks().id.begin());
        QCOMPARE(reverted.tasks().actualEnd[task], kNoTime);
        QCOMPARE(store->auditLog().back().action, "revert " + std::to_string(done.auditIds.front()));
    }

    // Made against the rows as they were: another writer changed them since; refused, theirs kept.
    void aLostUpdateIsRefused() {
        const QString path = freshCopy(QStringLiteral("lost.db"));
        const Facility stale = load(path);
        const EntityIndex rack = stale.ofKind(EntityKind::Rack).front();
        ProgressRequest request;
        request.action = ProgressAction::Reopen;
        request.entities = {rack};
        request.at = request.now = kNow;
        const Edit mine = progressEdit(stale, request);
        const auto store = Store::open(path.toStdString(), Access::ReadWrite);
        applyEdit(*store, mine, {kNow, "theirs"}); // the other writer's, first
        const QByteArray rows = scheduleDump(path);
        QVERIFY_THROWS_EXCEPTION(EditConflict, applyEdit(*store, mine, {kNow, "mine"}));
        QCOMPARE(scheduleDump(path), rows);
    }

    void badInputIsRefusedWithItsReason() {
        const Facility model = load(models_.original());
        const EntityIndex rack = model.ofKind(EntityKind::Rack).front();
        const std::uint32_t first = model.tasksOf(rack).front();
        auto refusal = [&](ProgressRequest request) -> std::string {
            try {
                progressEdit(model, request);
            } catch (const EditRefused& refused) {
                return refused.what();
            }
            return {};
        };
        ProgressRequest request;
        request.entities = {rack};
        request.now = kNow;
        // Reopened, then done an hour before it started.
        const TimePoint started = model.tasks().actualStart[first];
        request.action = ProgressAction::Start;
        request.at = kNow + 3600 * 24;
        QVERIFY(refusal(request).find("is in the future") != std::string::npos);
        request.action = ProgressAction::Block;
        request.at = kNow;
        QVERIFY(refusal(request).find("needs a reason") != std::string::npos);
        // A task done before what it depends on: the rack's "place" before its "deliver".
        ProgressRequest reopen{ProgressAction::Reopen, {rack}, {}, kNow, kNow, {}, false};
        const auto store = Store::open(freshCopy(QStringLiteral("bad.db")).toStdString(), Access::ReadWrite);
        applyEdit(*store, progressEdit(model, reopen), {kNow, "alice"});
        const Facility open = store->load();
        const std::uint32_t place = open.tasksOf(rack)[1];
        QVERIFY(!open.tasks().predecessors.row(place).empty());
        ProgressRequest early{
            ProgressAction::Done, {}, {place}, open.tasks().actualStart[place] + 60, kNow, {}, false};
        try {
            progressEdit(open, early);
            QFAIL("a task done before its predecessor went through");
        } catch (const EditRefused& refused) {
            QVERIFY(refused.outOfOrder);
            QVERIFY2(std::string(refused.what()).find("which it depends on") != std::string::npos,
                     refused.what());
        }
        early.allowOutOfOrder = true;
        QCOMPARE(progressEdit(open, early).tasks.size(), std::size_t(1));
        // An end before the start.
        ProgressRequest before{ProgressAction::Done, {rack}, {}, started - 3600, kNow, {}, false};
        try {
            progressEdit(open, before);
            QFAIL("an end before the start went through");
        } catch (const EditRefused& refused) {
            QVERIFY2(std::string(refused.what()).find("before it started") != std::string::npos,
                     refused.what());
        }
        // Authors: control characters and the empty name.
        QVERIFY(authorProblem("a\tb").find("control character") != std::string::npos);
        QVERIFY(!authorProblem("").empty());
        QVERIFY(authorProblem("Zoë Müller").empty());
        QVERIFY_THROWS_EXCEPTION(ModelError, applyEdit(*store, progressEdit(open, reopen), {kNow, "x\ny"}));
    }

    // The window updates its loaded model from each edit instead of reading the file again: the copy
    // must hold exactly what a load of the file gives, after progress, undo, a punch item's add, its
    // status moves and its undo, and it shares (does not copy) every part the edit leaves alone.
    void theModelEditedInMemoryIsWhatAReloadReads() {
        const QString path = freshCopy(QStringLiteral("memory.db"));
        const auto store = Store::open(path.toStdString(), Access::ReadWrite);
        Facility model = load(path);
        const auto check = [&](const Edit& edit, const EditOutcome& outcome, const char* step) {
            const Facility edited = editedFacility(model, edit, outcome);
            const Facility reloaded = load(path);
            QVERIFY2(edited.tasks() == reloaded.tasks(), step);
            QVERIFY2(edited.notes() == reloaded.notes(), step);
            QVERIFY2(edited.scheduleStart() == reloaded.scheduleStart(), step);
            QVERIFY2(edited.scheduleEnd() == reloaded.scheduleEnd(), step);
            QVERIFY2(&edited.entities() == &model.entities(), step);
            QVERIFY2(&edited.cables() == &model.cables(), step);
            QVERIFY2(edit.tasks.empty() == (&edited.tasks() == &model.tasks()), step);
            QVERIFY2(edit.notes.empty() == (&edited.notes() == &model.notes()), step);
            model = edited;
        };
        const auto racks = model.ofKind(EntityKind::Rack);
        // Reopened, then done later than the roll-out: the schedule's span grows.
        ProgressRequest request;
        request.action = ProgressAction::Reopen;
        request.entities = {racks[0], racks[1]};
        request.at = request.now = kNow;
        const Edit reopen = progressEdit(model, request);
        check(reopen, applyEdit(*store, reopen, {kNow, "alice"}), "reopen");
        request.action = ProgressAction::Done;
        request.allowOutOfOrder = true;
        const Edit done = progressEdit(model, request);
        check(done, applyEdit(*store, done, {kNow, "alice"}), "done");
        QCOMPARE(model.scheduleEnd(), kNow);
        check(done.inverse(), applyEdit(*store, done.inverse(), {kNow, "alice"}), "undo done");
        // A punch item added (an id the file gives), moved, closed, and its add undone.
        PunchRequest punch;
        punch.entity = racks[2];
        punch.title = "Loose QSFP cage";
        punch.blocking = true;
        punch.due = kNow + 86400;
        punch.author = "bob";
        punch.now = kNow;
        Edit add = punchAddEdit(model, punch);
        const EditOutcome added = applyEdit(*store, add, {kNow, "bob"});
        check(add, added, "punch add");
        add.notes.front().note = added.noteIds.front();
        for (const NoteStatus status : {NoteStatus::ReadyForReview, NoteStatus::Closed}) {
            const Edit move = punchStatusEdit(model, added.noteIds.front(), status, kNow + 60);
            check(move, applyEdit(*store, move, {kNow, "bob"}), "punch status");
        }
        QCOMPARE(model.notes().status.back(), NoteStatus::Closed);
        const Edit reopenItem = punchStatusEdit(model, added.noteIds.front(), NoteStatus::Open, kNow + 120);
        check(reopenItem, applyEdit(*store, reopenItem, {kNow, "bob"}), "punch reopen");
        Edit undoAdd; // as the window's undo of the add after the moves: the row as it is now, deleted
        undoAdd.action = "undo punch add";
        undoAdd.notes.push_back(
            {added.noteIds.front(), noteFieldsOf(model, model.notes().size() - 1), {}, {}});
        const std::size_t notesBefore = model.notes().size();
        check(undoAdd, applyEdit(*store, undoAdd, {kNow, "bob"}), "punch add undone");
        QCOMPARE(model.notes().size(), notesBefore - 1);
        // Not the model the edit was made on: refused, not half applied.
        Edit unknown = reopen;
        unknown.tasks.front().task = 999999;
        QVERIFY_THROWS_EXCEPTION(ModelError, editedFacility(model, unknown, {}));
    }

    // Attribute edits: a serial, hostname, UUID and free attributes changed, undone and redone exactly,
    // logged with before and after, reverted; a serial another entity holds refused naming it (against
    // the loaded model and again in the file), as are attributes that are no JSON object; the model
    // edited in memory is what a reload reads.
    void attributeEditsAreUniqueLoggedAndUndone() {
        const QString path = freshCopy(QStringLiteral("attributes.db"));
        const auto store = Store::open(path.toStdString(), Access::ReadWrite);
        const Facility model = load(path);
        const auto servers = model.ofKind(EntityKind::Server);
        const EntityIndex server = servers[0], other = servers[1];
        const QByteArray rowsBefore = rowsOf(path, "entity");
        EntityFields fields = entityFieldsOf(model, server);
        const EntityFields original = fields;
        fields.serial = "SN-REPLACED-0001";
        fields.attributes = R"({"asset_tag":"AT-77","rma":"open"})";
        const Edit edit = attributeEdit(model, server, fields);
        QCOMPARE(edit.entities.size(), std::size_t(1));
        const EditOutcome outcome = applyEdit(*store, edit, {kNow, "alice"});
        const Facility edited = editedFacility(model, edit, outcome);
        const Facility reloaded = load(path);
        QVERIFY(edited.entities() == reloaded.entities());
        QCOMPARE(reloaded.findBySerial("SN-REPLACED-0001"), server);
        QCOMPARE(edited.findBySerial("SN-REPLACED-0001"), server); // its lookups are the new columns'
        QCOMPARE(edited.findBySerial(original.serial), kNoEntity);
        QVERIFY(&edited.cables() == &model.cables());
        const auto log = store->auditLogOf(model.entities().id[std::size_t(server)], 5);
        QCOMPARE(log.size(), std::size_t(1));
        QVERIFY(QByteArray::fromStdString(log.front().after).contains("SN-REPLACED-0001"));
        QVERIFY(QByteArray::fromStdString(log.front().before)
                    .contains(QByteArray::fromStdString(original.serial)));
        // Undo restores exactly the rows there were; redo the rows after.
        const QByteArray rowsAfter = rowsOf(path, "entity");
        applyEdit(*store, edit.inverse(), {kNow, "alice"});
        QCOMPARE(rowsOf(path, "entity"), rowsBefore);
        applyEdit(*store, edit, {kNow, "alice"});
        QCOMPARE(rowsOf(path, "entity"), rowsAfter);
        // A revert of the change: the serial back.
        revertChange(*store, log.front().id + 2, {kNow, "bob"}); // the redo's line
        QCOMPARE(load(path).findBySerial(original.serial), server);
        applyEdit(*store, edit, {kNow, "alice"});

        // Another entity's serial: refused against the loaded model, naming the holder...
        const Facility now = load(path);
        EntityFields clash = entityFieldsOf(now, other);
        clash.serial = "SN-REPLACED-0001";
        try {
            attributeEdit(now, other, clash);
            QFAIL("a serial another entity holds was accepted");
        } catch (const EditRefused& refused) {
            QVERIFY2(std::string(refused.what()).find(std::string(now.name(server))) != std::string::npos,
                     refused.what());
        }
        // ...and in the file, where another writer may have given it since the model was read.
        const QByteArray beforeClash = rowsOf(path, "entity");
        Edit sneaky;
        sneaky.action = "attributes";
        sneaky.entities.push_back(
            {now.entities().id[std::size_t(other)], "", entityFieldsOf(now, other), clash});
        QVERIFY_THROWS_EXCEPTION(EditConflict, applyEdit(*store, sneaky, {kNow, "mallory"}));
        QCOMPARE(rowsOf(path, "entity"), beforeClash);
        // Attributes that are no JSON object.
        EntityFields broken = entityFieldsOf(now, other);
        for (const char* bad : {"[1, 2]", "{\"asset_tag\": ", "asset tag 5"}) {
            broken.attributes = bad;
            QVERIFY_THROWS_EXCEPTION(EditRefused, attributeEdit(now, other, broken));
        }
        broken = entityFieldsOf(now, other);
        broken.hostname = "host\nname";
        QVERIFY_THROWS_EXCEPTION(EditRefused, attributeEdit(now, other, broken));
        // Nothing to change: an empty edit.
        QVERIFY(attributeEdit(now, other, entityFieldsOf(now, other)).empty());
    }

    void punchItemsComeAndGoWithTheirPhotos() {
        const QString path = freshCopy(QStringLiteral("punch.db"));
        const Facility model = load(path);
        const QString png = models_.path(QStringLiteral("leak.png"));
        {
            QFile file(png);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray::fromHex("89504e470d0a1a0a") + QByteArray(64, 'x'));
        }
        PunchRequest request;
        request.entity = model.ofKind(EntityKind::Rack).front();
        request.title = "Leak at manifold";
        request.priority = NotePriority::Critical;
        request.blocking = true;
        request.author = "alice";
        request.now = kNow;
        request.photos.push_back(readPhoto(png.toStdString()));
        QCOMPARE(request.photos.front().format, std::string("png"));
        const auto store = Store::open(path.toStdString(), Access::ReadWrite);
        const QByteArray rowsBefore = scheduleDump(path);
        const Edit add = punchAddEdit(model, request);
        const EditOutcome added = applyEdit(*store, add, {kNow, "alice"});
        QCOMPARE(added.noteIds.size(), std::size_t(1));
        const Facility withItem = load(path);
        const std::size_t n = withItem.notes().size() - 1;
        QCOMPARE(withItem.notes().id[n], added.noteIds.front());
        QCOMPARE(withItem.notes().title[n], std::string_view("Leak at manifold"));
        QCOMPARE(withItem.notes().priority[n], NotePriority::Critical);
        QCOMPARE(countOf(path, "SELECT count(*) FROM note_photo"), 1);
        const QByteArray rowsAdded = scheduleDump(path);
        // Undo (with the id it got) deletes it and its photo; redo brings both back under that id.
        Edit applied = add;
        applied.notes.front().note = added.noteIds.front();
        applyEdit(*store, applied.inverse(), {kNow, "alice"});
        QCOMPARE(scheduleDump(path), rowsBefore);
        applyEdit(*store, applied.inverse().inverse(), {kNow, "alice"});
        QCOMPARE(scheduleDump(path), rowsAdded);
        // A revert of the add would delete the photo for good (the log does not hold it): refused.
        try {
            revertChange(*store, added.auditIds.front(), {kNow, "bob"});
            QFAIL("a revert deleted a punch item's photos");
        } catch (const EditConflict& refused) {
            QVERIFY2(std::string(refused.what()).find("has 1 photos") != std::string::npos, refused.what());
        }
        QCOMPARE(countOf(path, "SELECT count(*) FROM note_photo"), 1);
        // Ready for review, then closed.
        applyEdit(*store,
                  punchStatusEdit(load(path), added.noteIds.front(), NoteStatus::ReadyForReview, kNow),
                  {kNow, "bob"});
        applyEdit(*store, punchStatusEdit(load(path), added.noteIds.front(), NoteStatus::Closed, kNow + 60),
                  {kNow, "carol"});
        const Facility closed = load(path);
        QCOMPARE(closed.notes().status.back(), NoteStatus::Closed);
        QCOMPARE(closed.notes().closedAt.back(), kNow + 60);
        QVERIFY_THROWS_EXCEPTION(EditRefused,
                                 punchStatusEdit(closed, added.noteIds.front(), NoteStatus::Closed, kNow));

        // Photos: not an image, too large.
        const QString text = models_.path(QStringLiteral("notes.txt"));
        {
            QFile file(text);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("not a photo");
        }
        try {
            readPhoto(text.toStdString());
            QFAIL("a text file was taken for a photo");
        } catch (const EditRefused& refused) {
            QVERIFY2(std::string(refused.what()).find("not an image") != std::string::npos, refused.what());
        }
        const QString huge = models_.path(QStringLiteral("huge.png"));
        {
            QFile file(huge);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray::fromHex("89504e470d0a1a0a"));
            QVERIFY(file.resize(qint64(200) << 20)); // sparse: 200 MB without writing them
        }
        try {
            readPhoto(huge.toStdString());
            QFAIL("a 200 MB photo was taken");
        } catch (const EditRefused& refused) {
            QVERIFY2(std::string(refused.what()).find("200 MB; a photo may be at most 20 MB") !=
                         std::string::npos,
                     refused.what());
        }
    }
};

QTEST_GUILESS_MAIN(EditsTest)
#include "tst_edits.moc"
