// The main window, driven as a user would: menus are there, a bad model changes nothing and says why,
// a good one lands in Open Recent, geometry survives a restart, Reset Camera brings the view home.
#include "ScriptedServer.h"
#include "datamodel/CriticalPath.h"
#include "datamodel/Facility.h"
#include "datamodel/ProgressReport.h"
#include "datamodel/Store.h"
#include "gui/document/DefaultModel.h"
#include "gui/live/AlertsPanel.h"
#include "gui/live/HistoryPanel.h"
#include "gui/live/LiveTelemetry.h"
#include "gui/live/ManagedPrometheus.h"
#include "gui/live/SourceSettings.h"
#include "gui/live/SourcesDialog.h"
#include "gui/timeline/GanttChart.h"
#include "gui/timeline/GanttPanel.h"
#include "gui/timeline/RecordingRunner.h"
#include "gui/timeline/TimelinePanel.h"
#include "gui/window/MainWindow.h"
#include "gui/window/RecentModels.h"
#include "importers/ColossusGenerator.h"
#include "scene/DateStamp.h"
#include "scene/FacilityScene.h"
#include "scene/Legend.h"
#include "scene/ViewWidget.h"
#include "telemetry/HttpClient.h"
#include "telemetry/SimulatorServer.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QToolTip>
#include <QTreeView>
#include <QTreeWidget>
#include <QUrl>
#include <arpa/inet.h>
#include <cmath>
#include <netinet/in.h>
#include <sqlite3.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace {
// An HTTP POST with no body: how the simulator takes faults.
bool post(const QString& base, const std::string& target) {
    return twin::telemetry::HttpClient().post(base.toStdString() + target).get().ok();
}

bool somethingListensOn(quint16 port) {
    const int probe = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    const bool connected = ::connect(probe, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(probe);
    return connected;
}
} // namespace

using twin::app::MainWindow;
using twin::app::RecentModels;

namespace {

void makeDatabase(const QString& path) {
    sqlite3* db = nullptr;
    sqlite3_open(QFile::encodeName(path).constData(), &db);
    sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
}

void closeMessageBoxes() {
    for (QWidget* widget : QApplication::topLevelWidgets())
        if (auto* box = qobject_cast<QMessageBox*>(widget))
            box->close();
}

void generateSmallModel(const QString& path) {
    twin::importers::GeneratorOptions options;
    options.gpus = 512;
    twin::importers::generateColossus(path.toStdString(), options);
}

// Opens `path` in `window`: true once `arrived` (by default: the model has loaded) within the time.
template <typename Signal = decltype(&MainWindow::modelLoaded)>
bool openModelAndWait(MainWindow& window, const QString& path, Signal arrived = &MainWindow::modelLoaded,
                      int timeoutMs = 20000) {
    QSignalSpy spy(&window, arrived);
    return window.openModel(path).isEmpty() && spy.wait(timeoutMs);
}

// Generates the small model at `path` and opens it in `window`; true once it has loaded.
bool openGeneratedModel(MainWindow& window, const QString& path) {
    generateSmallModel(path);
    return openModelAndWait(window, path);
}

// Runs `sql` on a model file, ?1 bound to `id` when it has a parameter, and returns the first column of
// every row as text.
QStringList sqlColumn(const QString& path, const char* sql, std::int64_t id = 0) {
    sqlite3* db = nullptr;
    sqlite3_open(QFile::encodeName(path).constData(), &db);
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
        qFatal("%s", sqlite3_errmsg(db));
    if (sqlite3_bind_parameter_count(st) > 0)
        sqlite3_bind_int64(st, 1, id);
    QStringList column;
    while (sqlite3_step(st) == SQLITE_ROW)
        column << QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return column;
}

} // namespace

class MainWindowTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir settingsDir_;
    QTemporaryDir dataDir_;

private slots:
    void initTestCase() {
        // Never touch the user's real settings.
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir_.path());
        QCoreApplication::setOrganizationName(QStringLiteral("ColossusTwinTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_main_window"));
    }

    void init() { QSettings().clear(); }
    void cleanup() { closeMessageBoxes(); }

    void hasTheMenusAUserLooksFor() {
        MainWindow window;
        for (const char* name :
             {"actionOpen", "actionQuit", "actionResetCamera", "actionWalkMode", "actionAbout"}) {
            auto* action = window.findChild<QAction*>(QLatin1String(name));
            QVERIFY2(action, name);
            QVERIFY(action->isEnabled());
        }
        QVERIFY(window.findChild<QMenu*>(QStringLiteral("menuRecent")));
        QCOMPARE(window.findChild<QAction*>(QStringLiteral("actionOpen"))->shortcut(),
                 QKeySequence(QKeySequence::Open));
        QVERIFY(window.view());
        QVERIFY(!window.windowIcon().isNull());
        QVERIFY(!window.windowIcon().pixmap(32, 32).isNull());
        QVERIFY(window.findChild<QLabel*>(QStringLiteral("sceneSummary"))
                    ->text()
                    .contains(QStringLiteral("40 racks")));
    }

    void aboutNamesQtVtkAndSqlite() {
        const QString text = MainWindow::aboutText();
        QVERIFY2(text.contains(QStringLiteral("Qt ") + QString::fromLatin1(qVersion())), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("VTK 9.1")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("SQLite ") + QString::fromLatin1(sqlite3_libversion())),
                 qPrintable(text));
    }

    void badModelChangesNothingAndSaysWhy() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString title = window.windowTitle();
        const QString bad = dataDir_.filePath(QStringLiteral("bad.db"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not a database, just some text that is long enough to have a header........");
        file.close();
        QSignalSpy failed(&window, &MainWindow::modelOpenFailed);

        const QString error = window.openModel(bad);
        QCOMPARE(error, bad + QStringLiteral(": not a SQLite database"));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(window.windowTitle(), title);
        QVERIFY(window.currentModelPath().isEmpty());
        QCOMPARE(window.statusBar()->currentMessage(), error);
        QVERIFY(RecentModels().paths().isEmpty());
        // The message box does not block: we got here, and it is showing the same text.
        auto* box = window.findChild<QMessageBox*>(QStringLiteral("openErrorBox"));
        QVERIFY(box);
        QCOMPARE(box->text(), error);
    }

    void goodModelLoadsInTheBackgroundAndGoesToOpenRecent() {
        MainWindow window;
        const QString good = dataDir_.filePath(QStringLiteral("site.db"));
        generateSmallModel(good);
        QSignalSpy loaded(&window, &MainWindow::modelLoaded);
        QCOMPARE(window.openModel(good), QString());
        QVERIFY(loaded.wait(20000));
        QCOMPARE(window.currentModelPath(), good);
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("site.db")));
        QCOMPARE(RecentModels().paths(), QStringList{good});
        QVERIFY(window.facility());
        QCOMPARE(window.facility()->count(twin::datamodel::EntityKind::Gpu), std::size_t(512));
        QCOMPARE(window.findChild<QLabel*>(QStringLiteral("sceneSummary"))->text(),
                 QStringLiteral("512 GPUs, 8 racks, 4 halls"));

        // The Open Recent menu lists it and opening it from there works.
        auto* recent = window.findChild<QMenu*>(QStringLiteral("menuRecent"));
        emit recent->aboutToShow();
        QAction* entry = nullptr;
        for (QAction* action : recent->actions())
            if (action->text() == QStringLiteral("site.db"))
                entry = action;
        QVERIFY(entry);
        QCOMPARE(entry->toolTip(), good);
        entry->trigger();
        QVERIFY(loaded.wait(20000));
        QCOMPARE(loaded.count(), 2);
    }

    void detailFollowsTheCamera() {
        MainWindow window;
        window.resize(800, 500);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString model = dataDir_.filePath(QStringLiteral("detail.db"));
        generateSmallModel(model);
        QVERIFY(openModelAndWait(window, model));
        QVERIFY(window.facilityScene());
        QCOMPARE(window.facilityScene()->drawnGpus(), std::size_t(0)); // the overview shows no GPU
        const auto rack = twin::scene::cameraPreset(*window.facility(), QStringLiteral("rack:H1-R01-K01"));
        QVERIFY(rack);
        window.view()->setCameraPose(*rack);
        QTRY_VERIFY(window.facilityScene()->drawnGpus() > 0);
        // A click in the middle of the view names what is there: something of that rack.
        QSignalSpy picked(&window, &MainWindow::entityPicked);
        const QPoint centre = window.view()->rect().center();
        QTest::mouseClick(window.view(), Qt::LeftButton, Qt::NoModifier, centre);
        QCOMPARE(picked.count(), 1);
        QVERIFY(picked.first().first().toInt() >= 0);
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("H1-R01-K01")),
                 qPrintable(window.statusBar()->currentMessage()));
        QCOMPARE(window.facilityScene()->selected(), picked.first().first().toInt()); // and it is selected
        // Resting the pointer there shows the same description as a tooltip.
        QTest::mouseMove(window.view(), centre + QPoint(1, 0));
        QTRY_VERIFY2(QToolTip::text().contains(QStringLiteral("H1-R01-K01")), qPrintable(QToolTip::text()));
        // A double click flies to what is under the pointer.
        QTest::mouseDClick(window.view(), Qt::LeftButton, Qt::NoModifier, centre);
        QVERIFY(window.view()->isFlying());
        QTRY_VERIFY(!window.view()->isFlying());
        QVERIFY(window.view()->cameraPose() != *rack);
        // View > Layers and View > X-Ray reach the scene.
        window.findChild<QAction*>(QStringLiteral("layer:compute"))->setChecked(false);
        QVERIFY(!window.facilityScene()->layerVisible(twin::scene::Layer::Compute));
        window.findChild<QAction*>(QStringLiteral("layer:compute"))->setChecked(true);
        QVERIFY(window.facilityScene()->layerVisible(twin::scene::Layer::Compute));
        // View > Colour By switches the overlay, and the legend in the view follows.
        QCOMPARE(window.facilityScene()->legend().title(), QStringLiteral("Kind"));
        window.findChild<QAction*>(QStringLiteral("colour:status"))->trigger();
        QVERIFY2(window.facilityScene()->legend().title().startsWith(QStringLiteral("Status on ")),
                 qPrintable(window.facilityScene()->legend().title()));
        window.findChild<QAction*>(QStringLiteral("colour:kind"))->trigger();
        QCOMPARE(window.facilityScene()->legend().title(), QStringLiteral("Kind"));
        // View > Go To > Hall 2 takes the camera there.
        auto* goToHall2 = window.findChild<QAction*>(QStringLiteral("goTo:hall:2"));
        QVERIFY(goToHall2);
        goToHall2->trigger();
        QVERIFY(window.view()->isFlying()); // a flight, not a jump
        QTRY_COMPARE(window.view()->cameraPose(),
                     *twin::scene::cameraPreset(*window.facility(), QStringLiteral("hall:2")));
        QVERIFY(!window.findChild<QAction*>(QStringLiteral("goTo:hall:5"))); // the model has four halls
        // The R key goes home to the overview too, like the menu command below.
        window.view()->setCameraPose(*rack);
        window.view()->setFocus();
        QTest::keyClick(window.view(), Qt::Key_R);
        QCOMPARE(window.view()->cameraPose(),
                 *twin::scene::cameraPreset(*window.facility(), QStringLiteral("overview")));
        window.view()->setCameraPose(*rack);
        QTRY_VERIFY(window.facilityScene()->drawnGpus() > 0);
        // Reset Camera goes back to the overview, and the detail goes with it.
        window.findChild<QAction*>(QStringLiteral("actionResetCamera"))->trigger();
        QTRY_COMPARE(window.facilityScene()->drawnGpus(), std::size_t(0));
    }

    // Live telemetry: simulated exporters of the model, scraped over HTTP; the view turns to GPU
    // temperatures by itself, racks wear their hottest GPU, and the status bar says how many are live.
    void liveTelemetryColoursTheViewByTemperature() {
        MainWindow window;
        twin::app::LiveTelemetryOptions exportersOnly;
        exportersOnly.startPrometheus = false; // the window scrapes the exporters itself
        window.setLiveTelemetry(true, exportersOnly);
        window.show();
        const QString model = dataDir_.filePath(QStringLiteral("live.db"));
        generateSmallModel(model);
        QVERIFY(openModelAndWait(window, model, &MainWindow::liveTelemetryShown, 30000));
        QVERIFY2(window.facilityScene()->legend().title().startsWith(QStringLiteral("GPU temperature")),
                 qPrintable(window.facilityScene()->legend().title()));
        QTRY_VERIFY(window.findChild<QLabel*>(QStringLiteral("telemetryStatus"))
                        ->text()
                        .startsWith(QStringLiteral("Telemetry: 512 GPUs live, 0 stale")));
        QVERIFY(window.findChild<QAction*>(QStringLiteral("colour:gpu-temperature"))->isChecked());
        // A rack is drawn in a colour of the temperature map, not its kind's grey.
        const auto rack = window.facility()->ofKind(twin::datamodel::EntityKind::Rack).front();
        const auto colour = *window.facilityScene()->drawnColour(rack);
        QVERIFY2(colour != (std::array<unsigned char, 3>{96, 104, 120}) &&
                     colour != (std::array<unsigned char, 3>{112, 120, 138}),
                 qPrintable(QStringLiteral("%1 %2 %3").arg(colour[0]).arg(colour[1]).arg(colour[2])));
        // Back to kinds, and a new update leaves the choice alone.
        // History needs Prometheus, and the panel says so rather than draw nothing.
        window.selectAndFrame(rack);
        QTRY_VERIFY(
            window.historyPanel()->message().startsWith(QStringLiteral("History comes from Prometheus")));
        window.findChild<QAction*>(QStringLiteral("colour:kind"))->trigger();
        QSignalSpy updated(&window, &MainWindow::liveTelemetryUpdated);
        QVERIFY(updated.wait(15000));
        QCOMPARE(window.facilityScene()->legend().title(), QStringLiteral("Kind"));
    }

    // What ./twin run does: a Prometheus of the window's own scrapes the simulated exporters; the window
    // switches to it once it has data and asks it for one value per rack from afar and, up close, for
    // the GPUs of the racks in detail. Another metric is one menu choice away. Prometheus goes with
    // the window.
    void liveTelemetryThroughItsOwnPrometheus() {
        if (twin::app::ManagedPrometheus::executable().isEmpty())
            QSKIP("prometheus is not installed (./twin installs Debian's package)");
        auto window = std::make_unique<MainWindow>();
        twin::app::LiveTelemetryOptions fast;
        fast.scrapeIntervalMs = 1000;
        fast.prometheusQueryMs = 500;
        window->setLiveTelemetry(true, fast);
        window->show();
        const QString model = dataDir_.filePath(QStringLiteral("prometheus.db"));
        generateSmallModel(model);
        QSignalSpy loaded(window.get(), &MainWindow::modelLoaded);
        QCOMPARE(window->openModel(model), QString());
        QVERIFY(loaded.wait(20000));
        const twin::app::LiveTelemetry* live = window->liveTelemetry();
        QVERIFY(live);
        QVERIFY(!live->prometheusEndpoint().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(live->viaPrometheus(), 60000);
        QTest::qWait(3500); // what the window scraped itself before is stale now (3 intervals)
        QTRY_VERIFY_WITH_TIMEOUT(window->findChild<QLabel*>(QStringLiteral("telemetryStatus"))
                                     ->text()
                                     .startsWith(QStringLiteral("Telemetry: 512 GPUs live, 0 stale")),
                                 10000);
        const twin::datamodel::Facility& f = *window->facility();
        const auto rack = f.ofKind(twin::datamodel::EntityKind::Rack).front();
        QVERIFY(*window->facilityScene()->drawnColour(rack) != (std::array<unsigned char, 3>{96, 96, 96}));

        // The GPUs' power, summed by Prometheus (every GPU reporting), in the presentation band against
        // their rated power (512 x 700 W).
        QSignalSpy power(live, &twin::app::LiveTelemetry::powerDrawn);
        QVERIFY(power.wait(10000));
        QCOMPARE(power.last().at(1).toInt(), 512);
        const double watts = power.last().at(0).toDouble();
        QVERIFY2(watts > 512 * 50.0 && watts < 512 * 700.0, qPrintable(QString::number(watts)));
        window->setPresentationMode(true);
        QTRY_VERIFY_WITH_TIMEOUT(window->kpiText().contains(QStringLiteral(" of 0.4 MW GPU power")), 10000);
        window->setPresentationMode(false);

        // Up close: the racks in detail get their GPUs' own values (from afar only racks are asked for).
        window->view()->setCameraPose(*twin::scene::cameraPreset(
            f, QStringLiteral("rack:") + QString::fromStdString(std::string(f.name(rack)))));
        QTRY_VERIFY(window->facilityScene()->drawnGpus() > 0);
        const auto detailRack = window->facilityScene()->racksInDetail().front();
        twin::datamodel::EntityIndex gpu = twin::datamodel::kNoEntity;
        for (const auto server : f.children(detailRack))
            for (const auto part : f.children(server))
                if (f.kind(part) == twin::datamodel::EntityKind::Gpu && gpu == twin::datamodel::kNoEntity)
                    gpu = part;
        QVERIFY(gpu != twin::datamodel::kNoEntity);
        QTRY_VERIFY_WITH_TIMEOUT(window->facilityScene()->drawnColour(gpu) &&
                                     *window->facilityScene()->drawnColour(gpu) !=
                                         (std::array<unsigned char, 3>{96, 96, 96}),
                                 10000);
        // ... their own, not only their rack's: one GPU made hot is hot and its neighbour is not, and
        // its server (drawn as a sled) wears its hottest GPU.
        {
            twin::datamodel::EntityIndex neighbour = twin::datamodel::kNoEntity;
            for (const auto part : f.children(f.parent(gpu)))
                if (part != gpu && f.kind(part) == twin::datamodel::EntityKind::Gpu &&
                    neighbour == twin::datamodel::kNoEntity)
                    neighbour = part;
            QVERIFY(neighbour != twin::datamodel::kNoEntity);
            const auto slot = f.entities().slot[std::size_t(gpu)];
            bool own = false;
            const auto watch =
                connect(window->liveTelemetry(), &twin::app::LiveTelemetry::updated, this,
                        [&](const twin::app::LiveUpdate& update) {
                            const auto& v = *update.values;
                            own = own || (update.metric->key == "gpu-temperature" &&
                                          v[std::size_t(gpu)] >= 94.0f && v[std::size_t(neighbour)] < 94.0f &&
                                          v[std::size_t(f.parent(gpu))] >= 94.0f);
                        });
            QVERIFY(post(window->liveTelemetry()->endpoint(),
                         "/faults/hot/" + std::string(f.entities().hostname[std::size_t(f.parent(gpu))]) +
                             "/" + std::to_string(slot)));
            QTRY_VERIFY_WITH_TIMEOUT(own, 20000);
            disconnect(watch);
            QVERIFY(post(window->liveTelemetry()->endpoint(), "/faults/clear"));
        }

        // The history of a selected rack, from Prometheus: a chart with the values so far; a hall has
        // no series of its own, and the panel says so.
        QSignalSpy history(window.get(), &MainWindow::historyShown);
        QVERIFY(!window->historyPanel()->isVisible()); // it opens with the first selection
        window->selectAndFrame(rack);
        QVERIFY(history.wait(10000));
        QVERIFY(window->historyPanel()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT((window->selectAndFrame(rack), window->historyPanel()->points() >= 2),
                                 20000);
        QVERIFY(window->historyPanel()->message().isEmpty());
        window->selectAndFrame(f.ofKind(twin::datamodel::EntityKind::Hall).front());
        QTRY_VERIFY(window->historyPanel()->message().startsWith(QStringLiteral("No series describes")));

        // Another metric: the CDUs' coolant flow, with its own legend.
        window->findChild<QAction*>(QStringLiteral("colour:cdu-flow"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(
            window->facilityScene()->legend().title().startsWith(QStringLiteral("CDU coolant flow")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(window->findChild<QLabel*>(QStringLiteral("telemetryStatus"))
                                     ->text()
                                     .contains(QStringLiteral("CDUs live")),
                                 10000);

        // A change at the source (a GPU of the rack suddenly at 95 C) comes through Prometheus into
        // the rack's colour value.
        window->findChild<QAction*>(QStringLiteral("colour:gpu-temperature"))->trigger();
        twin::datamodel::EntityIndex server = twin::datamodel::kNoEntity;
        for (const auto child : f.children(rack))
            if (f.kind(child) == twin::datamodel::EntityKind::Server && server == twin::datamodel::kNoEntity)
                server = child;
        QVERIFY(server != twin::datamodel::kNoEntity);
        float rackValue = 0.0f;
        const auto watch =
            connect(live, &twin::app::LiveTelemetry::updated, this, [&](const twin::app::LiveUpdate& update) {
                if (update.metric->key == "gpu-temperature")
                    rackValue = (*update.values)[std::size_t(rack)];
            });
        QVERIFY(post(live->endpoint(),
                     "/faults/hot/" + std::string(f.entities().hostname[std::size_t(server)]) + "/0"));
        QTRY_VERIFY_WITH_TIMEOUT(rackValue >= 94.0f, 20000);
        disconnect(watch);
        // ... and Prometheus's answer to the alert queries names that rack: its hottest GPU is past
        // "GPU at throttle" (92).
        const QAbstractItemModel* alertList = window->alertsPanel()->model();
        const auto cell = [alertList](int column) {
            return alertList->index(0, column).data().toString();
        };
        QTRY_VERIFY_WITH_TIMEOUT(window->alertsPanel()->shownAlerts() >= 1 &&
                                     cell(1).startsWith(QStringLiteral("GPU at throttle")),
                                 20000);
        QVERIFY2(cell(2).contains(QString::fromStdString(std::string(f.name(rack)))), qPrintable(cell(2)));

        // Closing the window stops its Prometheus: nothing listens there any more.
        const QUrl endpoint(live->prometheusEndpoint());
        window.reset();
        QVERIFY(!somethingListensOn(quint16(endpoint.port())));
    }

    // A failed CDU (a fault injected into the simulated exporters) stops its rack's coolant flow: the
    // model's rule "CDU flow low" raises a critical alert in the Alerts panel, and a click on it
    // selects the CDU and flies there.
    void aFailedCduRaisesAnAlertThatFliesToIt() {
        MainWindow window;
        twin::app::LiveTelemetryOptions fast;
        fast.startPrometheus = false;
        fast.scrapeIntervalMs = 1000;
        window.setLiveTelemetry(true, fast);
        window.show();
        const QString model = dataDir_.filePath(QStringLiteral("alerts.db"));
        generateSmallModel(model);
        QVERIFY(openModelAndWait(window, model, &MainWindow::liveTelemetryShown, 30000));
        auto* panel = window.findChild<QDockWidget*>(QStringLiteral("alertsPanel"));
        QVERIFY(panel);
        auto* list = panel->findChild<QTreeView*>(QStringLiteral("alertsList"));
        QVERIFY(list);
        QCOMPARE(window.alertsPanel()->shownAlerts(), 0); // a healthy facility, and the list says so
        QVERIFY2(window.alertsPanel()->message().startsWith(QStringLiteral("No alerts")),
                 qPrintable(window.alertsPanel()->message()));
        QVERIFY(!panel->isVisible()); // nothing to show: the view keeps the room

        const twin::datamodel::Facility& f = *window.facility();
        const auto rack = f.ofKind(twin::datamodel::EntityKind::Rack)[3];
        twin::datamodel::EntityIndex cdu = twin::datamodel::kNoEntity;
        for (const auto child : f.children(rack))
            if (f.kind(child) == twin::datamodel::EntityKind::Cdu)
                cdu = child;
        QVERIFY(cdu != twin::datamodel::kNoEntity);
        QVERIFY(post(window.liveTelemetry()->endpoint(), "/faults/cdu/" + std::string(f.name(rack))));

        QTRY_VERIFY_WITH_TIMEOUT(window.alertsPanel()->shownAlerts() >= 1, 30000);
        QVERIFY(panel->isVisible()); // opened by the first alert
        QVERIFY(window.alertsPanel()->message().isEmpty());
        const QModelIndex first = list->model()->index(0, 0);
        const auto text = [&first](int column) {
            return first.siblingAtColumn(column).data().toString();
        };
        QCOMPARE(text(0), QStringLiteral("Critical"));
        QVERIFY2(text(1).startsWith(QStringLiteral("CDU flow low")), qPrintable(text(1)));
        QVERIFY2(text(2).contains(QString::fromStdString(std::string(f.name(rack)))), qPrintable(text(2)));
        QVERIFY(panel->windowTitle().startsWith(QStringLiteral("Alerts (")));

        list->scrollTo(first);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::NoModifier,
                          QPoint(8, list->visualRect(first).center().y()));
        QCOMPARE(window.facilityScene()->selected(), std::int32_t(cdu));
        QTRY_VERIFY(window.view()->cameraPose() != *twin::scene::cameraPreset(f, QStringLiteral("overview")));
    }

    // Telemetry > Sources: a site's exporters added and tested in the dialog (it says what it found),
    // a URL with credentials refused without repeating them, the source saved to the settings, and
    // the window then reads it instead of simulating.
    void aSiteSourceIsAddedTestedAndRead() {
        const QString model = dataDir_.filePath(QStringLiteral("site-exporters.db"));
        generateSmallModel(model);
        const twin::datamodel::Facility facility =
            twin::datamodel::Store::open(model.toStdString(), twin::datamodel::Access::ReadOnly)->load();
        twin::telemetry::Simulator simulator(facility);
        simulator.advanceTo(0.0);
        twin::telemetry::SimulatorServerOptions serverOptions;
        serverOptions.shards = 1;
        twin::telemetry::SimulatorServer site(simulator, serverOptions);
        std::thread serving([&] { site.run(); });
        auto stopSite = qScopeGuard([&] {
            site.stop();
            serving.join();
        });
        const QString shard = QStringLiteral("http://127.0.0.1:%1/metrics/shard/0").arg(site.port());

        MainWindow window;
        window.show();
        QVERIFY(openModelAndWait(window, model));
        QVERIFY(!window.liveTelemetry()); // no source configured, not simulating

        window.findChild<QAction*>(QStringLiteral("actionSources"))->trigger();
        auto* dialog = window.findChild<twin::app::SourcesDialog*>();
        QVERIFY(dialog && dialog->isVisible());
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("addSource")), Qt::LeftButton);
        auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("sourceName"));
        name->clear();
        QTest::keyClicks(name, QStringLiteral("site exporters"));
        dialog->findChild<QComboBox*>(QStringLiteral("sourceKind"))->setCurrentIndex(1);
        auto* urls = dialog->findChild<QPlainTextEdit*>(QStringLiteral("sourceUrls"));
        urls->setPlainText(QStringLiteral("http://admin:pa55word@127.0.0.1:1/metrics"));
        dialog->findChild<QCheckBox*>(QStringLiteral("sourceActive"))->setChecked(true);
        QSignalSpy tested(dialog, &twin::app::SourcesDialog::testFinished);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("testSource")), Qt::LeftButton);
        QVERIFY(tested.count() == 1 || tested.wait(10000));
        QVERIFY(!tested.last().at(0).toBool());
        QVERIFY2(dialog->testResult().contains(QStringLiteral("credentials")),
                 qPrintable(dialog->testResult()));
        QVERIFY(!dialog->testResult().contains(QStringLiteral("pa55word")));

        // Label names are the source's own: named wrong, nothing maps, and the test says so.
        urls->setPlainText(shard);
        auto* labels = dialog->findChild<QLineEdit*>(QStringLiteral("sourceLabels"));
        labels->setText(QStringLiteral("node, gpu, gpu_uuid"));
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("testSource")), Qt::LeftButton);
        QVERIFY(tested.wait(10000));
        QVERIFY2(dialog->testResult().contains(QStringLiteral(", 0 map onto this model; 2,560 do not")),
                 qPrintable(dialog->testResult()));
        labels->clear();
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("testSource")), Qt::LeftButton);
        QVERIFY(tested.wait(10000));
        QVERIFY2(tested.last().at(0).toBool(), qPrintable(dialog->testResult()));
        // 512 GPUs x 5 dcgm metrics, every one on a GPU of this model.
        QVERIFY2(dialog->testResult().startsWith(
                     QStringLiteral("Connected: 2,560 samples, 2,560 map onto this model")),
                 qPrintable(dialog->testResult()));

        dialog->accept();
        const auto saved = twin::app::SourceSettings::load().activeSource();
        QVERIFY(saved);
        QCOMPARE(QString::fromStdString(saved->name), QStringLiteral("site exporters"));
        QCOMPARE(saved->urls, std::vector<std::string>{shard.toStdString()});

        // The window reads the site now: live colours from its exporter, said in the status bar.
        QTRY_VERIFY_WITH_TIMEOUT(window.liveTelemetry() != nullptr, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QLabel*>(QStringLiteral("telemetryStatus"))
                                     ->text()
                                     .startsWith(QStringLiteral("Telemetry: 512 GPUs live")),
                                 20000);
        QCOMPARE(window.liveTelemetry()->endpoint(), shard);
        QVERIFY(window.liveTelemetry()->prometheusEndpoint().isEmpty());

        // The site goes away: the window keeps drawing, says why, and its values turn stale (grey).
        stopSite.dismiss();
        site.stop();
        serving.join();
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QLabel*>(QStringLiteral("telemetryStatus"))
                                     ->text()
                                     .startsWith(QStringLiteral("Telemetry: 0 GPUs live, 512 stale")),
                                 40000);
        const QString status = window.findChild<QLabel*>(QStringLiteral("telemetryStatus"))->text();
        QVERIFY2(status.contains(QStringLiteral("error:")), qPrintable(status));
        const auto someRack = facility.ofKind(twin::datamodel::EntityKind::Rack).front();
        QCOMPARE(*window.facilityScene()->drawnColour(someRack), (std::array<unsigned char, 3>{96, 96, 96}));
    }

    // A site URL that answers an HTML page with status 200 (a login portal, a proxy, a wrong path): the
    // status bar says what came back, for exporters and for a Prometheus, instead of counting "0 GPUs
    // live" with no error.
    void aSourceAnsweringAnHtmlPageSaysSo() {
        twin::testing::ScriptedServer portal([](twin::testing::ScriptedServer::Socket& socket, int) {
            const std::string page = "\n  <!DOCTYPE html>\n<html><head><title>Sign in</title></head>"
                                     "<body><form>...</form></body></html>\n";
            while (!twin::testing::readRequest(socket).empty())
                twin::testing::send(socket,
                                    twin::testing::response(200, page, {}, "text/html; charset=utf-8"));
        });
        const QString model = dataDir_.filePath(QStringLiteral("html-source.db"));
        generateSmallModel(model);
        for (const auto kind :
             {twin::telemetry::SourceKind::Exporters, twin::telemetry::SourceKind::Prometheus}) {
            twin::telemetry::TelemetrySource source;
            source.name = "portal";
            source.kind = kind;
            source.urls = {kind == twin::telemetry::SourceKind::Exporters ? portal.url("/metrics")
                                                                          : portal.url("")};
            twin::app::LiveTelemetryOptions options;
            options.source = source;
            MainWindow window;
            window.setLiveTelemetry(true, options);
            window.show();
            QVERIFY(openModelAndWait(window, model));
            auto* status = window.findChild<QLabel*>(QStringLiteral("telemetryStatus"));
            const QString expected =
                kind == twin::telemetry::SourceKind::Exporters
                    ? QString::fromStdString(portal.url("/metrics"))
                    : QStringLiteral("Prometheus ") + QString::fromStdString(portal.url(""));
            QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("error:")), 20000);
            QVERIFY2(status->text().startsWith(QStringLiteral("Telemetry: 0 GPUs live, 0 stale")),
                     qPrintable(status->text()));
            QVERIFY2(
                status->text().endsWith(QStringLiteral("; error: ") + expected +
                                        QStringLiteral(" answered an HTML page (\"Sign in\"), not metrics")),
                qPrintable(status->text()));
        }
    }

    // A source that accepts and never answers: at the first timeout the status says so and that it
    // retries, instead of "connecting to ..." until every try has run out (a minute at 15 s a try).
    void aSourceThatNeverAnswersIsSaidAtTheFirstTimeout() {
        std::atomic<bool> done{false};
        twin::testing::ScriptedServer silent([&](twin::testing::ScriptedServer::Socket& socket, int) {
            twin::testing::readRequest(socket);
            while (!done)
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
        });
        auto release = qScopeGuard([&] { done = true; });
        const QString model = dataDir_.filePath(QStringLiteral("silent-source.db"));
        generateSmallModel(model);
        twin::telemetry::TelemetrySource source;
        source.name = "silent";
        source.kind = twin::telemetry::SourceKind::Exporters;
        source.urls = {silent.url("/metrics")};
        twin::app::LiveTelemetryOptions options;
        options.source = source;
        options.requestTimeoutMs = 700;
        MainWindow window;
        window.setLiveTelemetry(true, options);
        window.show();
        QVERIFY(openModelAndWait(window, model));
        auto* status = window.findChild<QLabel*>(QStringLiteral("telemetryStatus"));
        const QString connecting =
            QStringLiteral("Telemetry: connecting to ") + QString::fromStdString(source.urls[0]);
        QCOMPARE(status->text(), connecting);
        QTRY_VERIFY_WITH_TIMEOUT(status->text() != connecting, 20000);
        QCOMPARE(status->text(), QStringLiteral("Telemetry: ") + QString::fromStdString(source.urls[0]) +
                                     QStringLiteral(": no answer for 0.7 s, retrying (attempt 2 of 4)"));
    }

    // The Timeline: Actual vs planned colours every rack by how its installation went, day by day; the
    // legend names the day; stepping, playing and leaving the timeline work from the panel and menus.
    void theTimelineStepsThroughTheRollOut() {
        using twin::app::TimelinePanel;
        using namespace twin::datamodel;
        MainWindow window;
        window.show();
        const QString model = dataDir_.filePath(QStringLiteral("timeline.db"));
        QVERIFY(openGeneratedModel(window, model));
        const Facility& f = *window.facility();
        TimelinePanel* timeline = window.timelinePanel();
        const twin::scene::Legend& legend = window.facilityScene()->legend();

        // Before the first task: every rack is not yet due (ghosted), and the legend says the day. (A
        // model opens at the end of its schedule, or where its timeline was left: day 0 is chosen.)
        timeline->setDay(timeline->firstDay());
        timeline->setMode(TimelinePanel::Mode::ActualVsPlanned);
        QVERIFY2(legend.title().startsWith(QStringLiteral("Actual vs plan, ") +
                                           QString::fromStdString(formatDate(timeline->day()))),
                 qPrintable(legend.title()));
        QCOMPARE(legend.entries().size(), std::size_t(6));
        const auto racks = f.ofKind(EntityKind::Rack);
        for (const EntityIndex rack : racks)
            QCOMPARE(*window.facilityScene()->drawnColour(rack), legend.entries()[5].colour);

        // After the last task: each rack early, on time or late by its own tasks' last ends, worked
        // out here from the tasks themselves.
        timeline->setDay(f.scheduleEnd() + kSecondsPerDay);
        QSet<int> seen;
        for (const EntityIndex rack : racks) {
            TimePoint plannedEnd = kNoTime, actualEnd = kNoTime;
            for (const std::uint32_t t : f.tasksOf(rack)) {
                plannedEnd = std::max(plannedEnd, f.tasks().plannedEnd[t]);
                actualEnd = std::max(actualEnd, f.tasks().actualEnd[t]);
            }
            const TimePoint slip = actualEnd - plannedEnd;
            const int expected = slip <= -kSecondsPerDay ? 0 : slip >= kSecondsPerDay ? 2 : 1;
            seen.insert(expected);
            QCOMPARE(*window.facilityScene()->drawnColour(rack),
                     legend.entries()[std::size_t(expected)].colour);
        }
        QVERIFY(seen.size() >= 2); // the generated schedule has some slip to show

        // Hiding what is not installed: before the schedule no rack is drawn (nor in the legend); after
        // it, every one is.
        timeline->setHidesNotInstalled(true);
        const TimePoint end = timeline->day();
        timeline->setDay(timeline->firstDay());
        QCOMPARE(legend.entries().size(), std::size_t(5));
        for (const EntityIndex rack : racks)
            QVERIFY(!window.facilityScene()->drawnColour(rack));
        timeline->setDay(end);
        for (const EntityIndex rack : racks)
            QVERIFY(window.facilityScene()->drawnColour(rack));
        timeline->setHidesNotInstalled(false);
        QCOMPARE(legend.entries().size(), std::size_t(6));

        // The S-curve over the slider's days (a point where the line bends), its cursor on the slider's day.
        QCOMPARE(timeline->curvePoints(),
                 int(installedCurve(*window.facility(), Schedule(*window.facility()), EntityKind::Gpu,
                                    timeline->firstDay(), timeline->lastDay())
                         .size()));
        QVERIFY(timeline->curvePoints() > 2);
        QCOMPARE(timeline->cursorDay(), timeline->day());

        // A day back and forward by the buttons (in the dock, open as View > Timeline opens it).
        timeline->show();
        QTest::qWait(50);
        const TimePoint last = timeline->day();
        QTest::mouseClick(timeline->findChild<QToolButton*>(QStringLiteral("timelineBack")), Qt::LeftButton);
        QCOMPARE(timeline->day(), last - kSecondsPerDay);
        QCOMPARE(timeline->cursorDay(), last - kSecondsPerDay);
        QTest::mouseClick(timeline->findChild<QToolButton*>(QStringLiteral("timelineForward")),
                          Qt::LeftButton);
        QCOMPARE(timeline->day(), last);

        // Play from the start: the days advance by themselves.
        timeline->setDay(f.scheduleStart());
        const TimePoint start = timeline->day();
        QTest::mouseClick(timeline->findChild<QToolButton*>(QStringLiteral("timelinePlay")), Qt::LeftButton);
        QVERIFY(timeline->playing());
        QTRY_VERIFY_WITH_TIMEOUT(timeline->day() >= start + 2 * kSecondsPerDay, 5000);
        timeline->setPlaying(false);

        // The day's report in the panel, and exported: CSV lines equal to the report, a PDF, and an
        // unwritable path named without leaving anything behind.
        timeline->setDay(*parseTime("2024-07-10"));
        // The date stamp in the view's upper-right corner: the day, and the GPUs in by then, as SQL-free
        // counts from the schedule (the report's, which the SQL tests check).
        timeline->setMode(TimelinePanel::Mode::ActualVsPlanned);
        const twin::scene::DateStamp& stamp = window.facilityScene()->dateStamp();
        const ProgressReport stamped = progressAt(f, Schedule(f), timeline->day());
        QCOMPARE(stamp.headline(), QStringLiteral("2024-07-10"));
        QCOMPARE(stamp.detail(), QStringLiteral("Day %1: %2 of 512 GPUs installed (%3 planned)")
                                     .arg(timeline->dayNumber())
                                     .arg(stamped.installedActual)
                                     .arg(stamped.installedPlanned));
        QTest::qWait(100);
        const QImage shot = window.screenshot();
        if (qEnvironmentVariableIsSet("TWIN_TIMELINE_PNG")) { // a look at it by eye
            shot.save(qEnvironmentVariable("TWIN_TIMELINE_PNG"));
            timeline->resize(1400, 330);
            timeline->grab().save(qEnvironmentVariable("TWIN_TIMELINE_PNG") + QStringLiteral(".panel.png"));
        }
        QVERIFY(stamp.drawn());
        const QRect stampArea = stamp.area(window.view()->size() * window.view()->devicePixelRatio())
                                    .translated(window.view()->mapTo(&window, QPoint(0, 0)));
        int bright = 0;
        for (int y = stampArea.top(); y <= stampArea.bottom(); ++y)
            for (int x = stampArea.left(); x <= stampArea.right(); ++x)
                bright += qGray(shot.pixel(x, y)) > 200 ? 1 : 0;
        QVERIFY2(bright > 200, qPrintable(QString::number(bright))); // white digits on the dark panel
        QCOMPARE(qGray(shot.pixel(stampArea.topLeft() + QPoint(2, 2))), qGray(qRgb(20, 22, 28)));
        const ProgressReport report = progressAt(f, Schedule(f), timeline->day());
        QVERIFY2(
            timeline->summary().startsWith(QStringLiteral("2024-07-10: %1 of 512 GPUs installed")
                                               .arg(QLocale().toString(qulonglong(report.installedActual)))),
            qPrintable(timeline->summary()));
        auto* reportTree = timeline->findChild<QTreeWidget*>(QStringLiteral("timelineReport"));
        // The halls, then the late tasks' group when there are any (tst_workbench checks its rows).
        QCOMPARE(reportTree->topLevelItemCount(),
                 int(report.halls.size()) + (report.lateTasks.empty() ? 0 : 1));
        int rowItems = 0;
        for (int i = 0; i < int(report.halls.size()); ++i)
            rowItems += reportTree->topLevelItem(i)->childCount();
        QCOMPARE(rowItems, int(report.rows.size()));
        const QString csvPath = dataDir_.filePath(QStringLiteral("progress.csv"));
        QCOMPARE(window.exportProgressReport(csvPath), QString());
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList csvLines =
            QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(csvLines.size(),
                 1 + 1 + int(report.halls.size() + report.rows.size() + report.lateTasks.size()));
        QCOMPARE(csvLines[1], QStringLiteral("2024-07-10,total,all,512,%1,%2,%3,")
                                  .arg(report.installedPlanned)
                                  .arg(report.installedActual)
                                  .arg(100.0 * double(report.installedActual) / 512.0, 0, 'f', 2));
        const QString pdfPath = dataDir_.filePath(QStringLiteral("progress.pdf"));
        QCOMPARE(window.exportProgressReport(pdfPath), QString());
        QFile pdf(pdfPath);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        QVERIFY(pdf.size() > 1000);
        const QString nowhere = dataDir_.filePath(QStringLiteral("no/such/dir/progress.csv"));
        QVERIFY(window.exportProgressReport(nowhere).startsWith(nowhere + QStringLiteral(": cannot write")));
        QVERIFY(!QFile::exists(nowhere));

        // Planned mode uses the planned dates' states; Colour By > Kind leaves the timeline.
        timeline->setMode(TimelinePanel::Mode::Planned);
        QVERIFY(legend.title().startsWith(QStringLiteral("Planned, ")));
        window.findChild<QAction*>(QStringLiteral("colour:kind"))->trigger();
        QCOMPARE(timeline->mode(), TimelinePanel::Mode::Off);
        QCOMPARE(legend.title(), QStringLiteral("Kind"));
        QVERIFY(stamp.headline().isEmpty()); // the date goes with the timeline
        QVERIFY(!stamp.drawn());
    }

    // Zoomed in, the slider steps hours: a rack whose last task ends mid-day is drawn not installed in
    // the hour before and installed in the hour after; playing steps an hour; back at the schedule's
    // zoom the slider steps days again. Today is marked on the S-curve and the Today button goes there.
    void theTimelineZoomsToHoursAndKnowsToday() {
        using twin::app::TimelinePanel;
        using namespace twin::datamodel;
        MainWindow window;
        window.show();
        const QString model = dataDir_.filePath(QStringLiteral("hours.db"));
        QVERIFY(openGeneratedModel(window, model));
        const Facility& f = *window.facility();
        TimelinePanel* timeline = window.timelinePanel();
        auto* slider = timeline->findChild<QSlider*>(QStringLiteral("timelineSlider"));
        QCOMPARE(slider->maximum(), int((timeline->lastDay() - timeline->firstDay()) / kSecondsPerDay));

        // The first rack's installation ends when its last task actually ends.
        const EntityIndex rack = f.ofKind(EntityKind::Rack).front();
        TimePoint finished = kNoTime;
        for (const std::uint32_t t : f.tasksOf(rack))
            finished = std::max(finished, f.tasks().actualEnd[t]);
        QVERIFY(finished != kNoTime);
        const TimePoint hour = finished - finished % 3600;
        // The S-curve shows the roll-out: from three days before the first GPU is planned or in.
        const auto curve =
            installedCurve(f, Schedule(f), EntityKind::Gpu, timeline->firstDay(), timeline->lastDay());
        const auto firstIn = std::find_if(curve.begin(), curve.end(),
                                          [](const CurvePoint& p) { return p.planned > 0 || p.actual > 0; });
        QVERIFY(firstIn != curve.end());
        timeline->setDay(firstIn->day + 2 * kSecondsPerDay);
        QCOMPARE(timeline->chartSpan().first, firstIn->day - 3 * kSecondsPerDay);
        // ... to three days after the day either count last rises (to the end of that day).
        TimePoint lastRise = curve.front().day;
        for (std::size_t i = 1; i < curve.size(); ++i)
            if (curve[i].planned != curve[i - 1].planned || curve[i].actual != curve[i - 1].actual)
                lastRise = curve[i].day;
        QCOMPARE(timeline->chartSpan().second,
                 std::min(lastRise + 4 * kSecondsPerDay, timeline->lastDay() + kSecondsPerDay));
        timeline->setDay(f.scheduleEnd()); // a few days after it: the chart reaches on to the slider's day
        QCOMPARE(timeline->chartSpan().second, startOfDay(f.scheduleEnd()) + kSecondsPerDay);
        // The schedule's first day, months before any GPU: the chart keeps the roll-out and names the day.
        timeline->setDay(timeline->firstDay());
        QCOMPARE(timeline->chartSpan().first, firstIn->day - 3 * kSecondsPerDay);
        QVERIFY2(timeline->chartNote().contains(
                     QStringLiteral("%1 is before the roll-out")
                         .arg(QString::fromStdString(formatDate(timeline->firstDay())))),
                 qPrintable(timeline->chartNote()));
        timeline->setMode(TimelinePanel::Mode::Actual);
        timeline->setZoom(TimelinePanel::Zoom::Day);
        QCOMPARE(slider->maximum(), 23);
        QSignalSpy changed(timeline, &TimelinePanel::changed);
        timeline->setMoment(hour - 3600 + 1800); // half past, the hour before
        QCOMPARE(timeline->moment(), hour - 3600);
        QCOMPARE(changed.last().at(0).value<TimePoint>(), hour - 3600);
        QCOMPARE(timeline->chartSpan(),
                 std::make_pair(startOfDay(hour - 3600), startOfDay(hour - 3600) + kSecondsPerDay));
        QCOMPARE(timeline->shownUntil(), hour - 1);
        QVERIFY2(timeline->findChild<QLabel*>(QStringLiteral("timelineDate"))
                     ->text()
                     .startsWith(QString::fromStdString(formatTime(hour - 3600)).left(16)),
                 qPrintable(timeline->findChild<QLabel*>(QStringLiteral("timelineDate"))->text()));
        const auto before = *window.facilityScene()->drawnColour(rack);
        QVERIFY(window.facilityScene()->legend().title().endsWith(
            QString::fromStdString(formatTime(hour - 3600)).left(16)));
        QTest::keyClick(slider, Qt::Key_Right); // an hour on
        QCOMPARE(timeline->moment(), hour);
        const auto after = *window.facilityScene()->drawnColour(rack);
        QVERIFY(before != after);
        timeline->setDay(f.scheduleEnd() + kSecondsPerDay);
        QCOMPARE(*window.facilityScene()->drawnColour(rack), after); // installed, as at the end

        timeline->setMoment(hour);
        timeline->setPlaying(true);
        QTRY_VERIFY_WITH_TIMEOUT(timeline->moment() >= hour + 3600, 3000);
        timeline->setPlaying(false);
        QCOMPARE(timeline->moment() % 3600, TimePoint(0));

        timeline->setZoom(TimelinePanel::Zoom::Schedule);
        QCOMPARE(timeline->moment(), startOfDay(timeline->moment()));
        QCOMPARE(slider->maximum(), int((timeline->lastDay() - timeline->firstDay()) / kSecondsPerDay));

        timeline->show();
        QTest::qWait(50);
        const TimePoint today = timeline->firstDay() + 5 * kSecondsPerDay + 9 * 3600;
        timeline->setNow(today);
        QCOMPARE(timeline->todayMarker(), today);
        QTest::mouseClick(timeline->findChild<QToolButton*>(QStringLiteral("timelineToday")), Qt::LeftButton);
        QCOMPARE(timeline->day(), startOfDay(today));
        QVERIFY(timeline->findChild<QLabel*>(QStringLiteral("timelineDate"))
                    ->text()
                    .endsWith(QStringLiteral(", today")));
        timeline->setNow(timeline->lastDay() + 400 * kSecondsPerDay); // long after the roll-out
        QCOMPARE(timeline->todayMarker(), kNoTime);
        timeline->goToToday();
        QCOMPARE(timeline->day(), timeline->lastDay());
    }

    void theGanttShowsTheSelectionsTasksAndTheCriticalPath() {
        using twin::app::GanttChart;
        using twin::app::GanttPanel;
        using namespace twin::datamodel;
        const QString model = dataDir_.filePath(QStringLiteral("gantt.db"));
        generateSmallModel(model);
        // Training waits for every burn-in: the last rack's work decides when it can begin.
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(openModelAndWait(window, model));
        const Facility& f = *window.facility();
        const TaskColumns& tasks = f.tasks();
        GanttPanel* gantt = window.ganttPanel();
        QVERIFY(!gantt->isVisible());
        QVERIFY(window.findChild<QAction*>(QStringLiteral("actionGanttPanel")));
        const CriticalPath cpm = computeCriticalPath(tasks);
        QVERIFY(cpm.ok() && cpm.path.size() >= 3);

        // The rack whose work ends the roll-out: exactly its tasks, in planned order, as SQL lists them.
        QCOMPARE(tasks.kind[cpm.path.back()], std::string_view("milestone")); // training, linked to nothing
        const EntityIndex rack = tasks.entities.row(cpm.path[cpm.path.size() - 2]).front();
        QCOMPARE(f.kind(rack), EntityKind::Rack);
        // With the Timeline closed a selection leaves the Gantt closed: opening it would shrink the view.
        window.selectAndFrame(f.ofKind(EntityKind::Rack).front());
        QVERIFY(!gantt->isVisible());
        // With it open, the Gantt opens as its front tab: the view loses the tab bar's height only (a
        // dock of its own would take a few hundred pixels).
        window.timelinePanel()->show();
        QTest::qWait(50);
        const QSize viewSize = window.view()->size();
        window.selectAndFrame(rack);
        QVERIFY(gantt->isVisible());
        QVERIFY(window.tabifiedDockWidgets(window.timelinePanel()).contains(gantt));
        QTest::qWait(50);
        QCOMPARE(window.view()->width(), viewSize.width());
        QVERIFY2(viewSize.height() - window.view()->height() <= 40,
                 qPrintable(QStringLiteral("%1 -> %2").arg(viewSize.height()).arg(window.view()->height())));
        QCOMPARE(gantt->shownEntity(), rack);
        const QStringList names =
            sqlColumn(model,
                      "SELECT t.name FROM task t JOIN task_entity te ON te.task_id = t.id "
                      "WHERE te.entity_id = ?1 ORDER BY t.planned_start, t.id",
                      f.entities().id[std::size_t(rack)]);
        QCOMPARE(gantt->taskCount(), int(names.size()));
        QVERIFY(names.size() >= 6);
        int critical = 0;
        for (int row = 0; row < gantt->taskCount(); ++row) {
            QCOMPARE(gantt->taskName(row), names[row]);
            QCOMPARE(gantt->rowIsCritical(row), bool(cpm.critical[gantt->taskAt(row)]));
            critical += gantt->rowIsCritical(row) ? 1 : 0;
        }
        QVERIFY(critical >= 3); // place, cable, power-on, burn-in
        QCOMPARE(gantt->criticalCount(), critical);
        const QString name = QString::fromUtf8(f.name(rack).data(), qsizetype(f.name(rack).size()));
        QVERIFY2(gantt->header().contains(QStringLiteral("%1</b>: %2 tasks, %3 on the critical path")
                                              .arg(name)
                                              .arg(names.size())
                                              .arg(critical)),
                 qPrintable(gantt->header()));

        // After the roll-out every bar is drawn in its progress colour (a day early or late, or on time).
        window.timelinePanel()->setDay(f.scheduleEnd() + kSecondsPerDay);
        QCOMPARE(gantt->chart()->day(), window.timelinePanel()->day());
        const QImage done = gantt->chart()->grab().toImage();
        for (int row = 0; row < gantt->taskCount(); ++row) {
            const std::uint32_t t = gantt->taskAt(row);
            const TimePoint slip = tasks.actualEnd[t] - tasks.plannedEnd[t];
            const int expected = slip <= -kSecondsPerDay ? 0 : slip >= kSecondsPerDay ? 2 : 1;
            const QRect bar = gantt->actualBarRect(row);
            QVERIFY2(!bar.isEmpty(), qPrintable(QString::number(row)));
            const auto rgb = twin::scene::FacilityScene::progressPalette()[std::size_t(expected)].colour;
            QCOMPARE(done.pixelColor(bar.center()), QColor(rgb[0], rgb[1], rgb[2]));
            QCOMPARE(done.pixelColor(gantt->plannedBarRect(row).center()), QColor(150, 152, 160));
        }
        // Mid-way through the burn-in: it shows in progress (yellow) up to the day; what starts later has
        // no actual bar yet.
        const int burnIn = gantt->taskCount() - 1;
        QVERIFY(gantt->taskName(burnIn).endsWith(QStringLiteral("burn-in")));
        const std::uint32_t burnInTask = gantt->taskAt(burnIn);
        window.timelinePanel()->setDay(startOfDay(tasks.actualStart[burnInTask]));
        QVERIFY(tasks.actualEnd[burnInTask] >= gantt->chart()->day() + kSecondsPerDay); // burn-in takes days
        const QImage during = gantt->chart()->grab().toImage();
        for (int row = 0; row < gantt->taskCount(); ++row) {
            const TimePoint start = tasks.actualStart[gantt->taskAt(row)];
            const bool started = start < gantt->chart()->day() + kSecondsPerDay;
            QCOMPARE(!gantt->actualBarRect(row).isEmpty(), started);
        }
        QCOMPARE(during.pixelColor(gantt->actualBarRect(burnIn).center()), QColor(235, 200, 40));
        QVERIFY(std::abs(gantt->actualBarRect(burnIn).right() - gantt->chart()->dayLineX()) <= 2);
        QVERIFY(gantt->header().contains(QStringLiteral("planned to finish")));
        if (qEnvironmentVariableIsSet("TWIN_GANTT_PNG")) { // a look at it by eye
            QTest::qWait(50);                              // the scroll bar's visibility settles after layout
            gantt->grab().save(qEnvironmentVariable("TWIN_GANTT_PNG"));
            window.timelinePanel()->setMode(twin::app::TimelinePanel::Mode::ActualVsPlanned);
            QTest::qWait(100);
            window.screenshot().save(qEnvironmentVariable("TWIN_GANTT_PNG") + QStringLiteral(".window.png"));
        }

        // A GPU shows its rack's tasks; a hall every task linked to anything in it, as a recursive query
        // over entity.parent_id counts them.
        const EntityIndex server = f.children(rack).front();
        window.selectAndFrame(f.children(server).front());
        QCOMPARE(gantt->shownEntity(), rack);
        QCOMPARE(gantt->taskCount(), int(names.size()));
        const EntityIndex hall = f.ancestorOfKind(rack, EntityKind::Hall);
        window.selectAndFrame(hall);
        const QStringList inHall = sqlColumn(
            model,
            "WITH RECURSIVE below(id) AS (SELECT ?1 UNION ALL SELECT e.id FROM entity e "
            "JOIN below ON e.parent_id = below.id) "
            "SELECT count(DISTINCT te.task_id) FROM task_entity te JOIN below ON te.entity_id = below.id",
            f.entities().id[std::size_t(hall)]);
        QCOMPARE(gantt->taskCount(), inHall.front().toInt());
        // A double-click on a rack's row selects that rack and keeps the hall's list.
        GanttChart* chart = gantt->chart();
        int rackRow = 0;
        while (f.kind(tasks.entities.row(chart->rows()[std::size_t(rackRow)].task).front()) !=
               EntityKind::Rack)
            ++rackRow;
        chart->scrollToRow(rackRow);
        const QRect rackBar = chart->plannedBarRect(rackRow);
        QVERIFY(!rackBar.isEmpty());
        const EntityIndex rackOfRow = tasks.entities.row(chart->rows()[std::size_t(rackRow)].task).front();
        QTest::mouseDClick(chart->viewport(), Qt::LeftButton, Qt::NoModifier,
                           chart->viewport()->mapFrom(chart, rackBar.center()));
        QCOMPARE(window.facilityScene()->selected(), std::int32_t(rackOfRow));
        QCOMPARE(gantt->shownEntity(), hall);
        if (qEnvironmentVariableIsSet("TWIN_GANTT_PNG")) {
            QTest::qWait(50);
            gantt->grab().save(qEnvironmentVariable("TWIN_GANTT_PNG")
                                   .replace(QStringLiteral(".png"), QStringLiteral("-hall.png")));
        }
        QVERIFY(gantt->taskCount() > int(names.size()));
        for (int row = 1; row < gantt->taskCount(); ++row)
            QVERIFY(tasks.plannedStart[gantt->taskAt(row - 1)] <= tasks.plannedStart[gantt->taskAt(row)]);
    }

    // File > Export Schedule, then Import Schedule of an edited copy: the first rack's tasks made not
    // started; the new schedule is read in and the end-of-schedule report counts that rack's GPUs as not
    // installed. An import naming an unknown rack is refused with its line, the model and window as they
    // were.
    void aScheduleGoesOutAndComesBackIn() {
        using namespace twin::datamodel;
        MainWindow window;
        window.show();
        const QString model = dataDir_.filePath(QStringLiteral("exchange.db"));
        generateSmallModel(model);
        QVERIFY(openModelAndWait(window, model));
        QSignalSpy loaded(&window, &MainWindow::modelLoaded); // an import is no reload: never emitted
        QVERIFY(window.findChild<QAction*>(QStringLiteral("actionImportSchedule")));
        QVERIFY(window.findChild<QAction*>(QStringLiteral("actionExportSchedule")));
        const std::size_t tasks = window.facility()->tasks().size();
        const TimePoint afterAll = window.facility()->scheduleEnd() + kSecondsPerDay;
        const std::size_t installedBefore =
            progressAt(*window.facility(), Schedule(*window.facility()), afterAll).installedActual;

        const QString csv = dataDir_.filePath(QStringLiteral("exchange.csv"));
        QSignalSpy exported(&window, &MainWindow::scheduleExported);
        window.exportSchedule(csv);
        QVERIFY(exported.wait(20000));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<QByteArray> rows = file.readAll().split('\n');
        file.close();
        QCOMPARE(std::size_t(rows.size() - 2), tasks); // a header, a row per task, a last line end

        // Columns: id,name,kind,planned_start,planned_end,actual_start,actual_end,status,...
        int edited = 0;
        for (QByteArray& row : rows) {
            if (!row.contains(",\"H1-R01-K01\","))
                continue;
            QList<QByteArray> fields = row.split(',');
            fields[5] = fields[6] = "";
            fields[7] = "not_started";
            row = fields.join(',');
            ++edited;
        }
        QCOMPARE(edited, 6); // deliver, place, cable, coolant, power-on, burn-in
        const QString notStarted = dataDir_.filePath(QStringLiteral("not-started.csv"));
        QFile out(notStarted);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(rows.join('\n'));
        out.close();
        QSignalSpy imported(&window, &MainWindow::scheduleImported);
        window.importSchedule(notStarted);
        QVERIFY(imported.wait(20000)); // the new schedule is shown by then
        QCOMPARE(loaded.count(), 0);
        QCOMPARE(window.facility()->tasks().size(), tasks);
        const std::size_t installedAfter =
            progressAt(*window.facility(), Schedule(*window.facility()), afterAll).installedActual;
        QCOMPARE(installedAfter, installedBefore - 64); // a rack of 8 servers of 8 GPUs
        QCOMPARE(sqlColumn(model, "SELECT count(*) FROM task WHERE actual_start IS NULL AND name LIKE "
                                  "'H1-R01-K01 %'"),
                 QStringList{QStringLiteral("6")});

        for (QByteArray& row : rows)
            row.replace(",\"H1-R01-K02\",", ",\"H1-R01-K02-nowhere\",");
        const QString unknown = dataDir_.filePath(QStringLiteral("unknown.csv"));
        QFile bad(unknown);
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(rows.join('\n'));
        bad.close();
        const QStringList before =
            sqlColumn(model, "SELECT group_concat(id || name || coalesce(actual_start, '')) "
                             "FROM task");
        QSignalSpy failed(&window, &MainWindow::scheduleFileFailed);
        const int loads = int(loaded.count());
        window.importSchedule(unknown);
        QVERIFY(failed.wait(20000));
        const QString problems = failed.takeFirst().at(0).toString();
        QVERIFY2(problems.startsWith(unknown + QLatin1Char(':')), qPrintable(problems));
        QVERIFY2(problems.contains(QStringLiteral("names 'H1-R01-K02-nowhere', which is not an entity")),
                 qPrintable(problems));
        QCOMPARE(problems.split(QLatin1Char('\n')).size(), 6); // each of that rack's six tasks
        QVERIFY(window.findChild<QMessageBox*>(QStringLiteral("scheduleErrorBox")));
        QCOMPARE(sqlColumn(model, "SELECT group_concat(id || name || coalesce(actual_start, '')) FROM task"),
                 before);
        QTest::qWait(200);
        QCOMPARE(int(loaded.count()), loads); // no reload
    }

    // File > Record Roll-out runs `record` in a child process: the window keeps working, the progress
    // follows its frames, the frames land; a second one cancelled stops with what it wrote; a bad camera
    // preset comes back as the child's own error line.
    void theRollOutIsRecordedInTheBackground() {
        MainWindow window;
        window.show();
        const QString model = dataDir_.filePath(QStringLiteral("recorded.db"));
        QVERIFY(openGeneratedModel(window, model));
        QVERIFY(window.findChild<QAction*>(QStringLiteral("actionRecordRollOut")));
        window.recordingRunner()->setProgram(QStringLiteral(TWIN_BINARY));
        QSignalSpy recorded(&window, &MainWindow::rollOutRecorded);
        QSignalSpy failed(&window, &MainWindow::recordingFailed);
        QSignalSpy progressed(window.recordingRunner(), &twin::app::RecordingRunner::progressed);
        const QString frames = dataDir_.filePath(QStringLiteral("recorded-frames"));
        QVERIFY(window.recordRollOut(
            {QStringLiteral("-o"), frames, QStringLiteral("--from"), QStringLiteral("2024-07-15"),
             QStringLiteral("--to"), QStringLiteral("2024-07-18"), QStringLiteral("--size"),
             QStringLiteral("160x100"), QStringLiteral("--frames-per-day"), QStringLiteral("2")}));
        QVERIFY(!window.recordRollOut({})); // one at a time
        QVERIFY(recorded.wait(60000));
        QCOMPARE(recorded.takeFirst().at(0).toString(), frames);
        QCOMPARE(QDir(frames).entryList({QStringLiteral("day-*.png")}, QDir::Files).size(), 8);
        QVERIFY(QFile::exists(QDir(frames).filePath(QStringLiteral("rollout.ogv"))));
        QCOMPARE(progressed.size(), 8);
        QCOMPARE(progressed.last().at(0).toInt(), 8);
        QCOMPARE(progressed.last().at(1).toInt(), 8);

        QVERIFY(window.recordRollOut({QStringLiteral("-o"), dataDir_.filePath(QStringLiteral("bad-camera")),
                                      QStringLiteral("--camera"), QStringLiteral("hall:99")}));
        QVERIFY(failed.wait(60000));
        QVERIFY2(failed.last().at(0).toString().contains(QStringLiteral("no camera 'hall:99'")),
                 qPrintable(failed.last().at(0).toString()));

        const QString cut = dataDir_.filePath(QStringLiteral("cut-short"));
        QVERIFY(window.recordRollOut({QStringLiteral("-o"), cut, QStringLiteral("--size"),
                                      QStringLiteral("160x100"), QStringLiteral("--frames-per-day"),
                                      QStringLiteral("24")}));
        QVERIFY(progressed.wait(30000)); // it has begun
        window.recordingRunner()->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(failed.size() == 2, 10000);
        QVERIFY2(failed.last().at(0).toString().startsWith(QStringLiteral("Recording cancelled")),
                 qPrintable(failed.last().at(0).toString()));
        QVERIFY(!window.recordingRunner()->running());
        QVERIFY(QDir(cut).entryList({QStringLiteral("day-*.png")}, QDir::Files).size() < 20 * 24);
    }

    void aSqliteFileOfAnotherProgramFailsLaterAndChangesNothing() {
        MainWindow window;
        const QString title = window.windowTitle();
        const QString foreign = dataDir_.filePath(QStringLiteral("foreign.db"));
        makeDatabase(foreign);
        QSignalSpy failed(&window, &MainWindow::modelOpenFailed);
        QCOMPARE(window.openModel(foreign), QString()); // the header looks fine: it is refused while loading
        QVERIFY(failed.wait(20000));
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("another application")),
                 qPrintable(failed.first().first().toString()));
        QCOMPARE(window.windowTitle(), title);
        QVERIFY(!window.facility());
        QVERIFY(RecentModels().paths().isEmpty());
    }

    void theDefaultModelIsGeneratedOnceThenOpened() {
        QStandardPaths::setTestModeEnabled(true);
        const QString path = twin::app::defaultModelPath();
        QVERIFY(path.contains(QStringLiteral(".qttest"))); // never the user's real data directory
        QFile::remove(path);
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::modelLoaded);
        window.openDefaultModel();
        QVERIFY(loaded.wait(120000));
        QCOMPARE(window.currentModelPath(), path);
        QCOMPARE(window.facility()->count(twin::datamodel::EntityKind::Gpu), std::size_t(100000));
        // The second time it is opened at once, without generating again.
        const QDateTime written = QFileInfo(path).lastModified();
        MainWindow again;
        QSignalSpy loadedAgain(&again, &MainWindow::modelLoaded);
        again.openDefaultModel();
        QVERIFY(loadedAgain.wait(20000));
        QCOMPARE(QFileInfo(path).lastModified(), written);
        QFile::remove(path);
        QStandardPaths::setTestModeEnabled(false);
    }

    void recentListIsBoundedAndWithoutDuplicates() {
        RecentModels recent;
        for (int i = 0; i < RecentModels::kMaxEntries + 3; ++i)
            recent.add(dataDir_.filePath(QStringLiteral("m%1.db").arg(i)));
        recent.add(dataDir_.filePath(QStringLiteral("m5.db")));
        const QStringList paths = recent.paths();
        QCOMPARE(paths.size(), RecentModels::kMaxEntries);
        QCOMPARE(paths.first(), dataDir_.filePath(QStringLiteral("m5.db")));
        QCOMPARE(paths.count(dataDir_.filePath(QStringLiteral("m5.db"))), 1);
        QVERIFY(!paths.contains(dataDir_.filePath(QStringLiteral("m0.db"))));
    }

    void recentEntryThatNoLongerOpensIsDropped() {
        MainWindow window;
        const QString gone = dataDir_.filePath(QStringLiteral("gone.db"));
        RecentModels().add(gone);
        auto* recent = window.findChild<QMenu*>(QStringLiteral("menuRecent"));
        emit recent->aboutToShow();
        for (QAction* action : recent->actions())
            if (action->text() == QStringLiteral("gone.db"))
                action->trigger();
        QVERIFY(!RecentModels().paths().contains(gone));
    }

    void geometrySurvivesARestart() {
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(900, 620);
            QTRY_COMPARE(window.size(), QSize(900, 620));
            window.close();
        }
        QVERIFY(QSettings().contains(QStringLiteral("window/geometry")));
        MainWindow again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QTRY_COMPARE(again.size(), QSize(900, 620));
    }

    void resetCameraActionBringsTheViewHome() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        twin::scene::ViewWidget* view = window.view();
        const twin::scene::CameraPose home = view->cameraPose();
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Left);
        QTest::keyClick(view, Qt::Key_Up);
        QVERIFY(view->cameraPose() != home);
        window.findChild<QAction*>(QStringLiteral("actionResetCamera"))->trigger();
        const twin::scene::CameraPose back = view->cameraPose();
        for (int i = 0; i < 3; ++i)
            QVERIFY(std::abs(back.position[size_t(i)] - home.position[size_t(i)]) < 1e-6);
    }

    void theViewShowsTheDemoHall() {
        MainWindow window;
        window.resize(800, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QImage image = window.view()->grabFramebuffer();
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                colours.insert(image.pixel(x, y) & 0xffffff);
        QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
    }
};

QTEST_MAIN(MainWindowTest)
#include "tst_main_window.moc"
