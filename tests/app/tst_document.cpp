// The window's document (app/gui/document): one model, shared and immutable, that whoever reads it
// holds; a schedule import that replaces the schedule and keeps the view (camera, selection,
// colouring) instead of reopening everything.
#include "datamodel/Facility.h"
#include "datamodel/ProgressReport.h"
#include "gui/document/Document.h"
#include "gui/timeline/GanttPanel.h"
#include "gui/window/MainWindow.h"
#include "importers/ColossusGenerator.h"
#include "scene/FacilityScene.h"
#include "scene/ViewWidget.h"

#include <QAction>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using twin::app::ChangeEvent;
using twin::app::Document;
using twin::app::LoadedModel;
using twin::app::MainWindow;
using namespace twin::datamodel;

namespace {

void generateSmallModel(const QString& path) {
    twin::importers::GeneratorOptions options;
    options.gpus = 512;
    twin::importers::generateColossus(path.toStdString(), options);
}

bool openAndWait(MainWindow& window, const QString& path) {
    QSignalSpy loaded(&window, &MainWindow::modelLoaded);
    return window.openModel(path).isEmpty() && loaded.wait(20000);
}

// The exported schedule with every task of `rack` back to not started (no actual dates).
QByteArray withRackNotStarted(const QString& csv, const QByteArray& rack) {
    QFile file(csv);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> rows = file.readAll().split('\n');
    for (QByteArray& row : rows) {
        if (!row.contains(",\"" + rack + "\","))
            continue;
        QList<QByteArray> fields = row.split(',');
        fields[5] = fields[6] = ""; // actual_start, actual_end
        fields[7] = "not_started";
        row = fields.join(',');
    }
    return rows.join('\n');
}

} // namespace

class DocumentTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
        qputenv("TWIN_CHECKED_MODELS", QFile::encodeName(dir_.filePath(QStringLiteral("checked-models"))));
    }
    void init() { QSettings().clear(); }

    // An import replaces the schedule and says so with one change; the camera, the selection and the
    // colouring stay as they were (the colours by status now tell the new schedule's story).
    void anImportKeepsCameraSelectionAndColouring() {
        const QString model = dir_.filePath(QStringLiteral("keep.db"));
        generateSmallModel(model);
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(openAndWait(window, model));
        const Facility& before = *window.facility();
        const EntityIndex rack = before.findByName("H1-R01-K01");   // its tasks are undone by the import
        const EntityIndex chosen = before.findByName("H1-R01-K02"); // selected (drawn in the highlight)
        QVERIFY(rack != kNoEntity && chosen != kNoEntity);
        window.selectAndFrame(int(chosen));
        QTRY_VERIFY(!window.view()->isFlying()); // then a camera of the user's own
        const auto hall = *twin::scene::cameraPreset(before, QStringLiteral("hall:1"));
        window.view()->setCameraPose(hall);
        window.findChild<QAction*>(QStringLiteral("colour:status"))->trigger();
        const auto installedColour = *window.facilityScene()->drawnColour(rack);
        const twin::scene::FacilityScene* sceneBefore = window.facilityScene();

        const QString csv = dir_.filePath(QStringLiteral("keep.csv"));
        QSignalSpy exported(&window, &MainWindow::scheduleExported);
        window.exportSchedule(csv);
        QVERIFY(exported.wait(20000));
        const QString edited = dir_.filePath(QStringLiteral("keep-edited.csv"));
        QFile out(edited);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(withRackNotStarted(csv, "H1-R01-K01"));
        out.close();

        QSignalSpy changes(window.document(), &Document::changed);
        QSignalSpy loaded(&window, &MainWindow::modelLoaded);
        QSignalSpy replaced(&window, &MainWindow::scheduleReplaced);
        window.importSchedule(edited);
        QVERIFY(replaced.wait(20000));
        QCOMPARE(changes.count(), 1);
        QCOMPARE(changes.first().at(0).value<ChangeEvent>().what, ChangeEvent::What::Schedule);
        QCOMPARE(loaded.count(), 0); // not reopened
        // The file is one self-contained file again: a rollback journal (header bytes 18-19 are 1, 2
        // in WAL mode) and no -wal beside it, although the window holds the model open.
        {
            QFile file(model);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray header = file.read(20);
            QCOMPARE(int(header[18]), 1);
            QCOMPARE(int(header[19]), 1);
        }
        QVERIFY(!QFile::exists(model + QStringLiteral("-wal")));
        QCOMPARE(window.facilityScene(), sceneBefore); // the same scene, not rebuilt
        QCOMPARE(window.view()->cameraPose(), hall);
        QCOMPARE(window.facilityScene()->selected(), int(chosen));
        QVERIFY(window.findChild<QAction*>(QStringLiteral("colour:status"))->isChecked());
        // Still by status, by the new schedule: the rack's tasks are not started now.
        const auto notStartedColour = *window.facilityScene()->drawnColour(rack);
        QVERIFY(notStartedColour != installedColour);
        QCOMPARE(notStartedColour, (std::array<unsigned char, 3>{74, 78, 88}));
        // The window reads the new schedule: 64 GPUs fewer installed at the end.
        const TimePoint afterAll = window.facility()->scheduleEnd() + kSecondsPerDay;
        QCOMPARE(
            progressAt(*window.facility(), window.document()->model()->schedule, afterAll).installedActual,
            progressAt(before, Schedule(before), afterAll).installedActual - 64);
    }

    // A panel that holds the model it shows keeps it alive through a reload: it still answers, and
    // the model goes once the last holder lets go.
    void aLoadedModelOutlivesAReloadForItsHolder() {
        const QString first = dir_.filePath(QStringLiteral("first.db"));
        const QString second = dir_.filePath(QStringLiteral("second.db"));
        generateSmallModel(first);
        generateSmallModel(second);
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, first));
        std::shared_ptr<const LoadedModel> held = window.document()->model();
        const std::weak_ptr<const LoadedModel> watch = held;
        twin::app::GanttPanel panel;
        panel.setModel(held);
        held.reset();
        const EntityIndex rack = watch.lock()->facility->findByName("H1-R01-K01");
        panel.showEntity(rack);
        const int rows = panel.taskCount();
        QVERIFY(rows > 0);

        QVERIFY(openAndWait(window, second));
        QVERIFY(window.document()->model() != watch.lock());
        QVERIFY(!watch.expired()); // the panel holds it
        panel.showEntity(rack);    // and reads it safely
        QCOMPARE(panel.taskCount(), rows);
        QVERIFY(panel.header().contains(QStringLiteral("H1-R01-K01")));
        panel.setModel(nullptr);
        QVERIFY(watch.expired()); // nobody else kept the old model
    }
};

QTEST_MAIN(DocumentTest)
#include "tst_document.moc"
