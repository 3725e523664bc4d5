// Schedules in and out: CSV and MS Project XML round-trip the generated 100,000-GPU schedule exactly
// (tasks, dates, statuses, entity links, dependencies); a file with unknown entity names, malformed
// dates, loops or broken syntax is refused with every problem's line and leaves the model as it was.
#include "datamodel/Facility.h"
#include "datamodel/ModelError.h"
#include "datamodel/ModelWriter.h"
#include "datamodel/Store.h"
#include "importers/ColossusGenerator.h"
#include "importers/ScheduleExchange.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace twin::datamodel;
using namespace twin::importers;

namespace {

void writeText(const QString& path, const QByteArray& text) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

QByteArray readText(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

Facility load(const QString& path) {
    return Store::open(path.toStdString(), Access::ReadOnly)->load();
}

// Imports `schedule` into `model`; returns the problems ("" entries for none) it was refused with.
std::vector<std::string> importProblems(const QString& model, const QString& schedule) {
    try {
        const ScheduleTable table = readSchedule(schedule.toStdString());
        const auto store = Store::open(model.toStdString(), Access::ReadWrite);
        replaceSchedule(*store, table);
        return {};
    } catch (const ScheduleError& error) {
        return error.problems();
    }
}

} // namespace

class ScheduleExchangeTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        model_ = dir_.filePath(QStringLiteral("colossus.db"));
        GeneratorOptions options;
        options.gpus = 100000;
        generateColossus(model_.toStdString(), options);
        original_ = load(model_);
        QVERIFY(original_.tasks().size() > 9000);
        QVERIFY(original_.tasks().predecessors.items.size() > 12000);
    }

    void roundTrips_data() {
        QTest::addColumn<QString>("extension");
        QTest::newRow("csv") << QStringLiteral("csv");
        QTest::newRow("ms project xml") << QStringLiteral("xml");
    }

    // Out, into another model whose schedule is first emptied, out again: the same tasks and the same file.
    void roundTrips() {
        QFETCH(QString, extension);
        const QString exported = dir_.filePath(QStringLiteral("out.") + extension);
        writeSchedule(scheduleOf(original_), exported.toStdString(), "Colossus");
        const QString copy = freshCopy(QStringLiteral("round-trip.db"));
        Store::open(copy.toStdString(), Access::ReadWrite)->write([](ModelWriter& writer) {
            writer.clearSchedule();
        });
        QCOMPARE(load(copy).tasks().size(), std::size_t(0));

        const ScheduleTable table = readSchedule(exported.toStdString());
        QCOMPARE(table.tasks.size(), original_.tasks().size());
        const ImportSummary summary =
            replaceSchedule(*Store::open(copy.toStdString(), Access::ReadWrite), table);
        QCOMPARE(summary.tasks, original_.tasks().size());
        QCOMPARE(summary.entityLinks, original_.tasks().entities.items.size());
        QCOMPARE(summary.dependencies, original_.tasks().predecessors.items.size());
        QCOMPARE(summary.unlinkedTasks.size(), std::size_t(1)); // the milestone "training begins"

        const Facility imported = load(copy);
        QVERIFY(imported.tasks() == original_.tasks());
        const QString again = dir_.filePath(QStringLiteral("again.") + extension);
        writeSchedule(scheduleOf(imported), again.toStdString(), "Colossus");
        QCOMPARE(readText(again), readText(exported));
    }

    void unknownEntityNamesAreRejectedWithTheirLinesAndChangeNothing() {
        const QString model = freshCopy(QStringLiteral("unknown-names.db"));
        const QString csv = dir_.filePath(QStringLiteral("unknown.csv"));
        writeText(csv, "name,planned_start,planned_end,entities\n"
                       "ok,2024-07-01,2024-07-02,H1-R01-K01\n"
                       "typo,2024-07-01,2024-07-02,H1-R01-K01;H1-R01-K99X\n"
                       "\"a name\nover two lines\",2024-07-01,2024-07-02,H1-R01-K02\n"
                       "missing,2024-07-01,2024-07-02,Hall 9\n");
        const std::vector<std::string> problems = importProblems(model, csv);
        QCOMPARE(problems.size(), std::size_t(2));
        QCOMPARE(problems[0], csv.toStdString() +
                                  ":3: task 'typo' names 'H1-R01-K99X', which is not an entity of the model");
        // Line 4's quoted name spans two lines: the next row starts on line 6.
        QCOMPARE(problems[1], csv.toStdString() +
                                  ":6: task 'missing' names 'Hall 9', which is not an entity of the model");
        QVERIFY(load(model).tasks() == original_.tasks());
    }

    void malformedDatesAreRejectedWithTheirLines() {
        const QString model = freshCopy(QStringLiteral("bad-dates.db"));
        const QString csv = dir_.filePath(QStringLiteral("dates.csv"));
        writeText(csv, "id,name,planned_start,planned_end,actual_start\n"
                       "1,a,2024-07-01,2024-07-02,\n"
                       "2,b,2024-02-30,2024-07-02,\n"
                       "3,c,2024-07-01,,\n"
                       "4,d,2024-07-03,2024-07-02,July 4th\n");
        const std::vector<std::string> csvProblems = importProblems(model, csv);
        const std::string file = csv.toStdString();
        QCOMPARE(
            csvProblems,
            (std::vector<std::string>{
                file + ":3: planned_start: '2024-02-30' is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)",
                file + ":4: planned_end is empty: a task needs a planned start and end",
                file + ":5: actual_start: 'July 4th' is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)",
                file + ":5: task 'd' is planned to end before it starts"}));

        const QString xml = dir_.filePath(QStringLiteral("dates.xml"));
        writeText(xml, "<?xml version=\"1.0\"?>\n"
                       "<Project xmlns=\"http://schemas.microsoft.com/project\">\n"
                       " <Tasks>\n"
                       "  <Task><UID>1</UID><Name>H1-R01-K01 deliver</Name>\n"
                       "   <Start>2024-07-01T08:00:00</Start>\n"
                       "   <Finish>2024-07-32T17:00:00</Finish>\n"
                       "  </Task>\n"
                       " </Tasks>\n"
                       "</Project>\n");
        const std::vector<std::string> xmlProblems = importProblems(model, xml);
        QCOMPARE(xmlProblems, (std::vector<std::string>{xml.toStdString() +
                                                        ":6: Finish: '2024-07-32T17:00:00' is not a date "
                                                        "(YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)"}));
        QVERIFY(load(model).tasks() == original_.tasks());
    }

    void brokenFilesAreRefusedWithTheirLines_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("extension");
        QTest::addColumn<QString>("problem");
        QTest::newRow("loop") << QByteArray("id,name,planned_start,planned_end,predecessors\n"
                                            "1,a,2024-07-01,2024-07-02,\n"
                                            "2,b,2024-07-01,2024-07-02,1;3\n"
                                            "3,c,2024-07-01,2024-07-02,2\n")
                              << QStringLiteral("csv")
                              << QStringLiteral(":3: task 'b' waits on itself through its predecessors "
                                                "(a dependency loop)");
        // w only waits on the loop x -> z -> y -> x: the message names a task on it.
        QTest::newRow("waiting on a loop") << QByteArray("id,name,planned_start,planned_end,predecessors\n"
                                                         "1,w,2024-07-01,2024-07-02,2\n"
                                                         "2,x,2024-07-01,2024-07-02,4\n"
                                                         "3,y,2024-07-01,2024-07-02,2\n"
                                                         "4,z,2024-07-01,2024-07-02,3\n")
                                           << QStringLiteral("csv")
                                           << QStringLiteral(":3: task 'x' waits on itself through its "
                                                             "predecessors (a dependency loop)");
        QTest::newRow("unknown predecessor")
            << QByteArray("id,name,planned_start,planned_end,predecessors\n1,a,2024-07-01,2024-07-02,7\n")
            << QStringLiteral("csv")
            << QStringLiteral(":2: task 'a' depends on task 7, which is not in the file");
        QTest::newRow("repeated id") << QByteArray("id,name,planned_start,planned_end\n"
                                                   "5,a,2024-07-01,2024-07-02\n5,b,2024-07-01,2024-07-02\n")
                                     << QStringLiteral("csv")
                                     << QStringLiteral(":3: task id 5 repeats line 2");
        QTest::newRow("unknown column")
            << QByteArray("name,planned_start,planned_end,colour\n") << QStringLiteral("csv")
            << QStringLiteral(":1: unknown column 'colour' (known: id, name, kind, "
                              "planned_start, planned_end, actual_start, actual_end, "
                              "status, crew, entities, predecessors)");
        QTest::newRow("field count") << QByteArray("name,planned_start,planned_end\na,2024-07-01\n")
                                     << QStringLiteral("csv")
                                     << QStringLiteral(":2: 2 fields where the header has 3");
        QTest::newRow("open quote") << QByteArray(
                                           "name,planned_start,planned_end\n\"a,2024-07-01,2024-07-02\n")
                                    << QStringLiteral("csv")
                                    << QStringLiteral(":2: malformed CSV: a quoted field is not closed");
        QTest::newRow("bad status") << QByteArray(
                                           "name,planned_start,planned_end,status\na,2024-07-01,2024-07-02,"
                                           "finished\n")
                                    << QStringLiteral("csv")
                                    << QStringLiteral(":2: status: 'finished' is not one of not_started, "
                                                      "in_progress, done, blocked");
        QTest::newRow("truncated xml")
            << QByteArray("<?xml version=\"1.0\"?>\n<Project>\n <Tasks>\n  <Task>\n") << QStringLiteral("xml")
            << QStringLiteral(":5: malformed XML: Premature end of document.");
        QTest::newRow("not a project")
            << QByteArray("<?xml version=\"1.0\"?>\n<html/>\n") << QStringLiteral("xml")
            << QStringLiteral(":2: not an MS Project XML file (no <Project>)");
    }

    void brokenFilesAreRefusedWithTheirLines() {
        QFETCH(QByteArray, text);
        QFETCH(QString, extension);
        QFETCH(QString, problem);
        const QString model = freshCopy(QStringLiteral("broken.db"));
        const QString file = dir_.filePath(QStringLiteral("broken.") + extension);
        writeText(file, text);
        const std::vector<std::string> problems = importProblems(model, file);
        QVERIFY(!problems.empty());
        QCOMPARE(QString::fromStdString(problems.front()), file + problem);
        QVERIFY(load(model).tasks() == original_.tasks());
    }

    // What MS Project itself writes: no custom fields, a project summary task (UID 0), progress as a
    // percentage. Names lead to entities; dates and percentages to statuses.
    void aPlainMsProjectFileImports() {
        const QString model = freshCopy(QStringLiteral("plain.db"));
        const QString xml = dir_.filePath(QStringLiteral("plain.xml"));
        writeText(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                       "<Project xmlns=\"http://schemas.microsoft.com/project\">\n"
                       " <Name>Phase 2</Name>\n"
                       " <Tasks>\n"
                       "  <Task><UID>0</UID><ID>0</ID><Name>Phase 2</Name><Start>2024-09-01T08:00:00</Start>"
                       "<Finish>2024-10-01T17:00:00</Finish><Summary>1</Summary></Task>\n"
                       "  <Task><UID>10</UID><ID>1</ID><Name>H1-R01-K01 deliver</Name>"
                       "<Start>2024-09-01T08:00:00</Start><Finish>2024-09-01T17:00:00</Finish>"
                       "<PercentComplete>100</PercentComplete><ActualStart>2024-09-01T08:00:00</ActualStart>"
                       "<ActualFinish>2024-09-01T16:00:00</ActualFinish></Task>\n"
                       "  <Task><UID>11</UID><ID>2</ID><Name>H1-R01-K01 place</Name>"
                       "<Start>2024-09-02T08:00:00</Start><Finish>2024-09-02T17:00:00</Finish>"
                       "<PercentComplete>40</PercentComplete><ActualStart>2024-09-02T09:00:00</ActualStart>"
                       "<PredecessorLink><PredecessorUID>10</PredecessorUID><Type>1</Type></PredecessorLink>"
                       "</Task>\n"
                       "  <Task><UID>12</UID><ID>3</ID><Name>Site walk with the client</Name>"
                       "<Start>2024-09-03T08:00:00</Start><Finish>2024-09-03T09:00:00</Finish></Task>\n"
                       " </Tasks>\n"
                       "</Project>\n");
        const ScheduleTable table = readSchedule(xml.toStdString());
        QCOMPARE(table.tasks.size(), std::size_t(3));
        const ImportSummary summary =
            replaceSchedule(*Store::open(model.toStdString(), Access::ReadWrite), table);
        QCOMPARE(summary.entityLinks, std::size_t(2));
        QCOMPARE(summary.unlinkedTasks,
                 std::vector<std::string>{xml.toStdString() +
                                          ":8: task 'Site walk with the client' names no entity"});
        const Facility facility = load(model);
        const TaskColumns& tasks = facility.tasks();
        QCOMPARE(tasks.size(), std::size_t(3));
        QCOMPARE(tasks.id[1], std::int64_t(11));
        QCOMPARE(tasks.status[0], TaskStatus::Done);
        QCOMPARE(tasks.status[1], TaskStatus::InProgress);
        QCOMPARE(tasks.status[2], TaskStatus::NotStarted);
        QCOMPARE(tasks.plannedStart[1], timeFromCivil(2024, 9, 2, 8));
        QCOMPARE(facility.name(tasks.entities.row(1)[0]), std::string_view("H1-R01-K01"));
        QCOMPARE(tasks.entities.row(2).size(), std::size_t(0));
        QCOMPARE(tasks.predecessors.row(1).size(), std::size_t(1));
        QCOMPARE(tasks.predecessors.row(1)[0], std::uint32_t(0));
    }

    // A file's own problems and the names the model lacks, listed together in line order; nothing
    // written.
    void checkImportListsEveryProblemAtOnce() {
        const QString model = freshCopy(QStringLiteral("every-problem.db"));
        const QByteArray bytes = readText(model);
        const QString csv = dir_.filePath(QStringLiteral("every.csv"));
        writeText(csv, "name,planned_start,planned_end,entities\n"
                       "a,2024-07-01,2024-07-02,H1-R01-K99\n"
                       "b,2024-13-45,2024-07-02,H1-R01-K01\n"
                       "c,2024-07-01,2024-07-02,Nowhere\n");
        try {
            checkImport(model.toStdString(), csv.toStdString());
            QFAIL("checkImport took a file with three problems");
        } catch (const ScheduleError& error) {
            const std::string file = csv.toStdString();
            QCOMPARE(
                error.problems(),
                (std::vector<std::string>{
                    file + ":2: task 'a' names 'H1-R01-K99', which is not an entity of the model",
                    file +
                        ":3: planned_start: '2024-13-45' is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)",
                    file + ":4: task 'c' names 'Nowhere', which is not an entity of the model"}));
        }
        QCOMPARE(readText(model), bytes);
    }

    // What an import would take away: entities left without tasks, links, crews and kinds, counted
    // against the model; a file that brings them all back loses nothing.
    void checkImportCountsWhatWouldBeLost() {
        const QString model = freshCopy(QStringLiteral("losses.db"));
        const QString same = dir_.filePath(QStringLiteral("same.csv"));
        writeSchedule(scheduleOf(original_), same.toStdString(), "same");
        const ImportCheck kept = checkImport(model.toStdString(), same.toStdString());
        QVERIFY2(!kept.losses.any(),
                 kept.losses.describe().empty() ? "" : kept.losses.describe().front().c_str());
        QCOMPARE(kept.summary.tasks, original_.tasks().size());

        // Only the first rack's six tasks, without crews or kinds.
        const QString csv = dir_.filePath(QStringLiteral("one-rack.csv"));
        writeText(csv, "name,planned_start,planned_end,entities\n"
                       "H1-R01-K01 deliver,2024-07-01,2024-07-02,H1-R01-K01\n");
        const ImportCheck check = checkImport(model.toStdString(), csv.toStdString());
        std::size_t links = 0, crews = 0, kinds = 0, scheduled = 0;
        const TaskColumns& tasks = original_.tasks();
        for (std::size_t t = 0; t < tasks.size(); ++t) {
            links += tasks.entities.row(t).size();
            crews += tasks.crew[t].empty() ? 0 : 1;
            kinds += tasks.kind[t] == "task" || tasks.kind[t].empty() ? 0 : 1;
        }
        for (std::size_t e = 0; e < original_.entityCount(); ++e)
            scheduled += original_.tasksOf(EntityIndex(e)).empty() ? 0 : 1;
        QCOMPARE(check.losses.linksBefore, links);
        QCOMPARE(check.losses.linksAfter, std::size_t(1));
        QCOMPARE(check.losses.crewsBefore, crews);
        QCOMPARE(check.losses.crewsAfter, std::size_t(0));
        QCOMPARE(check.losses.kindsBefore, kinds);
        QCOMPARE(check.losses.entitiesUnscheduled, scheduled - 1); // all but H1-R01-K01
        QCOMPARE(check.losses.unscheduledExamples.size(), std::size_t(5));
        QCOMPARE(check.losses.describe().size(), std::size_t(4));
    }

private:
    QString freshCopy(const QString& name) {
        const QString path = dir_.filePath(name);
        QFile::remove(path);
        if (!QFile::copy(model_, path))
            qFatal("cannot copy the model");
        return path;
    }

    QTemporaryDir dir_;
    QString model_;
    Facility original_;
};

QTEST_GUILESS_MAIN(ScheduleExchangeTest)
#include "tst_schedule_exchange.moc"
