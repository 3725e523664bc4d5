#include "gui/MainWindow.h"

#include "cli/Subcommands.h"
#include "datamodel/Facility.h"
#include "datamodel/ModelFile.h"
#include "datamodel/Schedule.h"
#include "datamodel/Store.h"
#include "datamodel/Time.h"
#include "gui/AlertsPanel.h"
#include "gui/DefaultModel.h"
#include "gui/GanttChart.h"
#include "gui/GanttPanel.h"
#include "gui/HistoryPanel.h"
#include "gui/LiveTelemetry.h"
#include "gui/ProgressExport.h"
#include "gui/RecordDialog.h"
#include "gui/RecordingRunner.h"
#include "gui/ScheduleFiles.h"
#include "gui/SourceSettings.h"
#include "gui/SourcesDialog.h"
#include "gui/TimelinePanel.h"
#include "scene/DemoScene.h"
#include "scene/FacilityScene.h"
#include "scene/ViewWidget.h"
#include "telemetry/LiveMetrics.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QDateTime>
#include <QDebug>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QProgressDialog>
#include <QScopeGuard>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTime>
#include <QTimer>
#include <QToolTip>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>
#include <optional>

// Q_INIT_RESOURCE declares a function, so it must stand outside any namespace.
static void initTwinResources() {
    Q_INIT_RESOURCE(resources);
}

namespace twin::app {

namespace {
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
constexpr int kStatusMessageMs = 8000;
constexpr int kDetailDelayMs = 120;
constexpr int kHoverDelayMs = 350;
constexpr int kAlertsPanelWidth = 380;
constexpr double kHistoryMinutes = 30.0;
constexpr qint64 kHistoryRefreshMs = 15000;
QString liveActionName(const telemetry::LiveMetric& metric) {
    return QStringLiteral("colour:") + QString::fromLatin1(metric.key.data(), qsizetype(metric.key.size()));
}
QString utf8(std::string_view text) {
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    initTwinResources();
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(QStringLiteral("Colossus Twin"));
    setWindowIcon(QIcon(QStringLiteral(":/colossus-twin/icon.png")));
    view_ = new scene::ViewWidget(this);
    view_->setObjectName(QStringLiteral("view3d"));
    setCentralWidget(view_);

    const scene::DemoSceneCounts counts = scene::populateDemoScene(view_->renderer());
    view_->resetCamera();

    sceneSummary_ = new QLabel(this);
    sceneSummary_->setObjectName(QStringLiteral("sceneSummary"));
    sceneSummary_->setText(tr("Demo hall: %1 racks, %2 CDUs").arg(counts.racks).arg(counts.cdus));
    statusBar()->addPermanentWidget(sceneSummary_);
    telemetryStatus_ = new QLabel(this);
    telemetryStatus_->setObjectName(QStringLiteral("telemetryStatus"));
    statusBar()->addPermanentWidget(telemetryStatus_);
    statusBar()->showMessage(tr("Drag to orbit, Shift+drag to pan, wheel to zoom, R to reset the view"));

    detailTimer_ = new QTimer(this);
    detailTimer_->setSingleShot(true);
    detailTimer_->setInterval(kDetailDelayMs);
    connect(detailTimer_, &QTimer::timeout, this, &MainWindow::updateDetail);
    connect(view_, &scene::ViewWidget::cameraChanged, detailTimer_, qOverload<>(&QTimer::start));
    connect(view_, &scene::ViewWidget::clicked, this, &MainWindow::describePicked);
    // A double click flies to what is under the pointer and frames it.
    connect(view_, &scene::ViewWidget::doubleClicked, this, [this](int x, int y) {
        if (!facilityScene_)
            return;
        const datamodel::EntityIndex entity = facilityScene_->pick(x, y);
        if (const auto pose = scene::cameraToFrame(*facility_, entity))
            view_->flyTo(*pose);
    });
    hoverTimer_ = new QTimer(this);
    hoverTimer_->setSingleShot(true);
    hoverTimer_->setInterval(kHoverDelayMs);
    connect(hoverTimer_, &QTimer::timeout, this, &MainWindow::showHoverTip);
    connect(view_, &scene::ViewWidget::hovered, this, [this](int x, int y) {
        hoverAt_ = QPoint(x, y);
        hoverTimer_->start();
    });

    alerts_ = new AlertsPanel(this);
    addDockWidget(Qt::RightDockWidgetArea, alerts_);
    alerts_->hide(); // until live telemetry arrives
    connect(alerts_, &AlertsPanel::entityChosen, this, &MainWindow::flyToAndSelect);
    history_ = new HistoryPanel(this);
    addDockWidget(Qt::BottomDockWidgetArea, history_);
    history_->hide(); // until live telemetry arrives
    scheduleFiles_ = new ScheduleFiles(this);
    connect(scheduleFiles_, &ScheduleFiles::imported, this,
            [this](const QString& summary, const QString& notes) {
                statusBar()->showMessage(summary, kStatusMessageMs);
                if (!notes.isEmpty())
                    qInfo().noquote() << notes; // tasks linked to nothing: worth a look, not an error
                openModel(modelPath_);          // the timeline, Gantt and colours follow the new schedule
                emit scheduleImported(summary);
            });
    connect(scheduleFiles_, &ScheduleFiles::exported, this, [this](const QString& summary) {
        statusBar()->showMessage(summary, kStatusMessageMs);
        emit scheduleExported(summary);
    });
    connect(scheduleFiles_, &ScheduleFiles::failed, this, &MainWindow::showScheduleProblems);
    recorder_ = new RecordingRunner(this);
    connect(recorder_, &RecordingRunner::finished, this, [this](const QString& directory) {
        statusBar()->showMessage(tr("Recorded the roll-out into %1").arg(directory), kStatusMessageMs);
        emit rollOutRecorded(directory);
    });
    connect(recorder_, &RecordingRunner::failed, this, [this](const QString& error) {
        statusBar()->showMessage(error, kStatusMessageMs);
        emit recordingFailed(error);
    });
    timeline_ = new TimelinePanel(this);
    addDockWidget(Qt::BottomDockWidgetArea, timeline_);
    timeline_->hide(); // View > Timeline Panel
    connect(timeline_, &TimelinePanel::changed, this, &MainWindow::applyTimeline);
    // The Gantt shares the Timeline's place (a tab) rather than taking more height from the view.
    gantt_ = new GanttPanel(this);
    addDockWidget(Qt::BottomDockWidgetArea, gantt_);
    tabifyDockWidget(timeline_, gantt_);
    gantt_->hide(); // until the first selection, or View > Gantt Panel
    connect(gantt_, &QDockWidget::visibilityChanged, this, [this](bool visible) { ganttOpened_ |= visible; });
    connect(timeline_, &TimelinePanel::changed, gantt_,
            [this](datamodel::TimePoint day) { gantt_->setDay(day); });
    // A double-clicked task: its entity selected and framed; the Gantt keeps its list.
    connect(gantt_->chart(), &GanttChart::taskActivated, this, [this](std::uint32_t task) {
        if (!facility_ || task >= facility_->tasks().size() || facility_->tasks().entities.row(task).empty())
            return;
        const int entity = int(facility_->tasks().entities.row(task).front());
        facilityScene_->select(entity);
        requestHistory();
        if (const auto pose = scene::cameraToFrame(*facility_, entity))
            view_->flyTo(*pose);
        statusBar()->showMessage(describe(entity), kStatusMessageMs);
        view_->requestRender();
    });
    connect(timeline_, &TimelinePanel::exportRequested, this, [this] {
        if (!facility_)
            return;
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Progress Report"),
            QStringLiteral("progress-%1.csv")
                .arg(QString::fromStdString(datamodel::formatDate(timeline_->day()))),
            tr("CSV (*.csv);;PDF (*.pdf)"));
        if (path.isEmpty())
            return;
        const QString error = exportProgressReport(path);
        statusBar()->showMessage(error.isEmpty() ? tr("Wrote %1").arg(path) : error, kStatusMessageMs);
    });

    buildMenus();
    restoreGeometryFromSettings();
}

void MainWindow::selectAndFrame(int entity) {
    flyToAndSelect(entity);
}

void MainWindow::flyToAndSelect(int entity) {
    if (!facilityScene_ || entity < 0 || std::size_t(entity) >= facility_->entityCount())
        return;
    facilityScene_->select(entity);
    requestHistory();
    showInGantt(entity);
    if (const auto pose = scene::cameraToFrame(*facility_, entity))
        view_->flyTo(*pose);
    statusBar()->showMessage(describe(entity), kStatusMessageMs);
    view_->requestRender();
}

void MainWindow::updateDetail() {
    if (!facilityScene_)
        return;
    facilityScene_->updateDetail(view_->cameraPose());
    tellLiveWhatIsVisible();
    for (scene::Layer layer : scene::kAllLayers)
        if (auto* shown = findChild<QAction*>(QStringLiteral("layer:") + scene::layerName(layer)))
            facilityScene_->setLayerVisible(layer, shown->isChecked());
    for (scene::Layer layer : scene::kAllLayers)
        if (auto* through = findChild<QAction*>(QStringLiteral("xray:") + scene::layerName(layer));
            through && through->isChecked())
            facilityScene_->setXRay(layer);
    view_->requestRender();
}

QString MainWindow::describe(int entity) const {
    // "GPU colossus-h1-r03-k07-s2/gpu5, H1-R03-K07, Hall 1"
    const datamodel::Facility& f = *facility_;
    auto text = [](std::string_view view) {
        return QString::fromUtf8(view.data(), qsizetype(view.size()));
    };
    QString message =
        text(datamodel::entityKindName(f.kind(entity))).toUpper() + QLatin1Char(' ') + text(f.name(entity));
    for (datamodel::EntityKind kind : {datamodel::EntityKind::Rack, datamodel::EntityKind::Hall}) {
        const datamodel::EntityIndex above = f.ancestorOfKind(f.parent(entity), kind);
        if (above != datamodel::kNoEntity)
            message += QStringLiteral(", ") + text(f.name(above));
    }
    return message;
}

void MainWindow::describePicked(int x, int y) {
    if (!facilityScene_)
        return;
    const datamodel::EntityIndex entity = facilityScene_->pick(x, y);
    // Selecting a rack, row or hall highlights everything in it; clicking empty space clears it.
    facilityScene_->select(entity);
    requestHistory();
    showInGantt(entity);
    view_->requestRender();
    if (entity == datamodel::kNoEntity)
        statusBar()->clearMessage();
    else
        statusBar()->showMessage(describe(entity));
    emit entityPicked(entity);
}

void MainWindow::showHoverTip() {
    if (!facilityScene_ || !view_->underMouse())
        return;
    const datamodel::EntityIndex entity = facilityScene_->pick(hoverAt_.x(), hoverAt_.y());
    const qreal ratio = view_->devicePixelRatioF();
    const QPoint local(qRound(hoverAt_.x() / ratio),
                       qRound((view_->height() * ratio - 1 - hoverAt_.y()) / ratio));
    if (entity == datamodel::kNoEntity)
        QToolTip::hideText();
    else
        QToolTip::showText(view_->mapToGlobal(local), describe(entity), view_);
}

void MainWindow::rebuildGoToMenu() {
    goToMenu_->clear();
    const std::size_t halls = facility_->count(datamodel::EntityKind::Hall);
    QStringList presets{QStringLiteral("overview")};
    for (std::size_t hall = 1; hall <= halls; ++hall)
        presets << QStringLiteral("hall:%1").arg(hall);
    for (const QString& preset : presets) {
        const QString label =
            preset == QLatin1String("overview") ? tr("Overview") : tr("Hall %1").arg(preset.mid(5));
        QAction* action = goToMenu_->addAction(label, this, [this, preset] {
            if (const auto pose = scene::cameraPreset(*facility_, preset))
                view_->flyTo(*pose);
        });
        action->setObjectName(QStringLiteral("goTo:") + preset);
    }
    goToMenu_->setEnabled(true);
}

MainWindow::~MainWindow() {
    // Closing hides the docks after this object's own part is gone; nothing of it may hear of that.
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        disconnect(dock, nullptr, this, nullptr);
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("menuFile"));
    QAction* open = file->addAction(tr("&Open..."), this, &MainWindow::chooseAndOpenModel);
    open->setObjectName(QStringLiteral("actionOpen"));
    open->setShortcut(QKeySequence::Open);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    recentMenu_->setObjectName(QStringLiteral("menuRecent"));
    connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    rebuildRecentMenu();
    file->addSeparator();
    QAction* importAction = file->addAction(tr("&Import Schedule..."), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Import Schedule"), QString(),
            tr("Schedules (*.csv *.xml);;CSV (*.csv);;Microsoft Project XML (*.xml)"));
        if (!path.isEmpty())
            importSchedule(path);
    });
    importAction->setObjectName(QStringLiteral("actionImportSchedule"));
    QAction* exportAction = file->addAction(tr("&Export Schedule..."), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export Schedule"), QString(),
                                                          tr("CSV (*.csv);;Microsoft Project XML (*.xml)"));
        if (!path.isEmpty())
            exportSchedule(path);
    });
    exportAction->setObjectName(QStringLiteral("actionExportSchedule"));
    QAction* recordAction = file->addAction(tr("&Record Roll-out..."), this, [this] {
        if (!facility_)
            return;
        auto* dialog = new RecordDialog(timeline_->firstDay(), timeline_->lastDay(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog] { recordRollOut(dialog->arguments()); });
        dialog->open();
    });
    recordAction->setObjectName(QStringLiteral("actionRecordRollOut"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->setObjectName(QStringLiteral("menuView"));
    QAction* reset = viewMenu->addAction(tr("&Reset Camera"), view_, &scene::ViewWidget::resetCamera);
    reset->setObjectName(QStringLiteral("actionResetCamera"));
    reset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    QAction* walk = viewMenu->addAction(tr("&Walk Mode (W/A/S/D, drag to look, Esc to leave)"));
    walk->setObjectName(QStringLiteral("actionWalkMode"));
    walk->setCheckable(true);
    connect(walk, &QAction::toggled, view_, &scene::ViewWidget::setWalkMode);
    connect(view_, &scene::ViewWidget::walkModeChanged, walk, &QAction::setChecked);
    // Layers to show, and one to see through everything else (x-ray): they act on the loaded facility.
    QAction* showAlerts = alerts_->toggleViewAction();
    showAlerts->setText(tr("&Alerts Panel"));
    showAlerts->setObjectName(QStringLiteral("actionAlertsPanel"));
    viewMenu->addAction(showAlerts);
    QAction* showTimeline = timeline_->toggleViewAction();
    showTimeline->setText(tr("&Timeline Panel"));
    showTimeline->setObjectName(QStringLiteral("actionTimelinePanel"));
    viewMenu->addAction(showTimeline);
    QAction* showGantt = gantt_->toggleViewAction();
    showGantt->setText(tr("&Gantt Panel"));
    showGantt->setObjectName(QStringLiteral("actionGanttPanel"));
    viewMenu->addAction(showGantt);
    QAction* showHistoryPanel = history_->toggleViewAction();
    showHistoryPanel->setText(tr("&History Panel"));
    showHistoryPanel->setObjectName(QStringLiteral("actionHistoryPanel"));
    viewMenu->addAction(showHistoryPanel);
    QMenu* layers = viewMenu->addMenu(tr("&Layers"));
    QMenu* xray = viewMenu->addMenu(tr("&X-Ray"));
    auto* xrayGroup = new QActionGroup(this);
    QAction* xrayOff = xray->addAction(tr("Off"));
    xrayOff->setCheckable(true);
    xrayOff->setChecked(true);
    xrayOff->setObjectName(QStringLiteral("xray:off"));
    xrayGroup->addAction(xrayOff);
    connect(xrayOff, &QAction::triggered, this, [this] {
        if (facilityScene_) {
            facilityScene_->setXRay(std::nullopt);
            view_->requestRender();
        }
    });
    for (scene::Layer layer : scene::kAllLayers) {
        const QString name = scene::layerName(layer);
        const QString label = name.left(1).toUpper() + name.mid(1);
        QAction* shown = layers->addAction(label);
        shown->setObjectName(QStringLiteral("layer:") + name);
        shown->setCheckable(true);
        shown->setChecked(true);
        connect(shown, &QAction::toggled, this, [this, layer](bool on) {
            if (facilityScene_) {
                facilityScene_->setLayerVisible(layer, on);
                view_->requestRender();
            }
        });
        QAction* through = xray->addAction(label);
        through->setObjectName(QStringLiteral("xray:") + name);
        through->setCheckable(true);
        xrayGroup->addAction(through);
        connect(through, &QAction::triggered, this, [this, layer] {
            if (facilityScene_) {
                facilityScene_->setXRay(layer);
                view_->requestRender();
            }
        });
    }
    // Colours: by kind, or by installation status now (actual dates); the legend in the view says which.
    QMenu* colourBy = viewMenu->addMenu(tr("&Colour By"));
    colourBy->setObjectName(QStringLiteral("menuColourBy"));
    auto* colourGroup = new QActionGroup(this);
    // None is checked while the Timeline colours the scene.
    colourGroup->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    connect(colourGroup, &QActionGroup::triggered, this, [this] {
        timelineColouring_ = false;
        if (timeline_->mode() != TimelinePanel::Mode::Off) {
            const QSignalBlocker quiet(timeline_);
            timeline_->setMode(TimelinePanel::Mode::Off); // a colouring chosen here ends the timeline's
        }
        if (facilityScene_)
            facilityScene_->dateStamp().hide(); // and its date
    });
    QAction* byKind = colourBy->addAction(tr("&Kind"));
    byKind->setObjectName(QStringLiteral("colour:kind"));
    QAction* byStatus = colourBy->addAction(tr("Installation &Status (today, actual dates)"));
    byStatus->setObjectName(QStringLiteral("colour:status"));
    std::vector<QAction*> colourActions{byKind, byStatus};
    // Live metrics: enabled once telemetry arrives; choosing one asks the source for that metric.
    colourBy->addSection(tr("Live"));
    for (const telemetry::LiveMetric& metric : telemetry::liveMetrics()) {
        QAction* action = colourBy->addAction(utf8(metric.title).section(QLatin1Char(','), 0, 0));
        action->setObjectName(liveActionName(metric));
        action->setEnabled(false);
        connect(action, &QAction::triggered, this, [this, &metric] {
            if (!live_)
                return;
            live_->setMetric(metric);
            colourByLive();
        });
        colourActions.push_back(action);
    }
    for (QAction* action : colourActions) {
        action->setCheckable(true);
        colourGroup->addAction(action);
    }
    byKind->setChecked(true);
    connect(byKind, &QAction::triggered, this, [this] {
        if (facilityScene_) {
            facilityScene_->colourByKind();
            view_->requestRender();
        }
    });
    connect(byStatus, &QAction::triggered, this, [this] {
        if (!facilityScene_)
            return;
        const datamodel::TimePoint now = QDateTime::currentSecsSinceEpoch();
        facilityScene_->colourByStatus(
            schedule_->stateAt(now,
                               datamodel::ScheduleBasis::Actual), // the model's, built once when it loaded
            tr("Status on %1").arg(QString::fromStdString(datamodel::formatDate(now))));
        view_->requestRender();
    });
    // Filled for each model: the overview and one entry per hall (executives' walkthrough stops).
    goToMenu_ = viewMenu->addMenu(tr("&Go To"));
    goToMenu_->setObjectName(QStringLiteral("menuGoTo"));
    goToMenu_->setEnabled(false);

    QMenu* telemetryMenu = menuBar()->addMenu(tr("&Telemetry"));
    QAction* sources = telemetryMenu->addAction(tr("&Sources..."), this, &MainWindow::editSources);
    sources->setObjectName(QStringLiteral("actionSources"));
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("menuHelp"));
    QAction* about = help->addAction(tr("&About Colossus Twin"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
}

void MainWindow::rebuildRecentMenu() {
    recentMenu_->clear();
    const QStringList paths = recent_.paths();
    for (const QString& path : paths) {
        QAction* action = recentMenu_->addAction(QFileInfo(path).fileName(), this, [this, path] {
            if (!openModel(path).isEmpty())
                recent_.remove(path); // a file that no longer opens should not stay on the list
        });
        action->setToolTip(path);
        action->setStatusTip(path);
    }
    if (paths.isEmpty())
        recentMenu_->addAction(tr("(none)"))->setEnabled(false);
    recentMenu_->addSeparator();
    QAction* clear = recentMenu_->addAction(tr("Clear List"), this, [this] { recent_.clear(); });
    clear->setEnabled(!paths.isEmpty());
}

namespace {

struct LoadResult {
    std::shared_ptr<const datamodel::Facility> facility;
    QString error;
    double seconds = 0;
};

LoadResult loadFacility(const QString& path) {
    LoadResult result;
    QElapsedTimer clock;
    clock.start();
    try {
        auto store = datamodel::Store::open(path.toStdString(), datamodel::Access::ReadOnly);
        result.facility = std::make_shared<const datamodel::Facility>(store->load());
    } catch (const std::exception& error) {
        result.error = QString::fromStdString(error.what());
    }
    result.seconds = double(clock.nsecsElapsed()) / 1e9;
    return result;
}

} // namespace

QString MainWindow::openModel(const QString& path) {
    const datamodel::ModelFileProbe probe = datamodel::probeModelFile(path);
    if (!probe.ok) {
        showError(probe.error);
        return probe.error;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    statusBar()->showMessage(tr("Loading %1...").arg(QFileInfo(path).fileName()));
    const quint64 generation = ++loadGeneration_;
    auto* watcher = new QFutureWatcher<LoadResult>(this);
    connect(watcher, &QFutureWatcher<LoadResult>::finished, this, [this, watcher, absolute, generation] {
        watcher->deleteLater();
        if (generation != loadGeneration_)
            return; // the user opened something else meanwhile
        const LoadResult result = watcher->result();
        if (!result.error.isEmpty())
            showError(result.error);
        else
            adoptModel(absolute, result.facility, result.seconds);
    });
    watcher->setFuture(QtConcurrent::run(loadFacility, absolute));
    return {};
}

void MainWindow::adoptModel(const QString& path, std::shared_ptr<const datamodel::Facility> facility,
                            double seconds) {
    schedule_.reset(); // it refers to the old facility
    facility_ = std::move(facility);
    schedule_ = std::make_unique<datamodel::Schedule>(*facility_);
    modelPath_ = path;
    recent_.add(path);
    setWindowTitle(QStringLiteral("%1 - Colossus Twin").arg(QFileInfo(path).fileName()));
    const QLocale locale;
    sceneSummary_->setText(
        tr("%1 GPUs, %2 racks, %3 halls")
            .arg(locale.toString(qulonglong(facility_->count(datamodel::EntityKind::Gpu))),
                 locale.toString(qulonglong(facility_->count(datamodel::EntityKind::Rack))),
                 locale.toString(qulonglong(facility_->count(datamodel::EntityKind::Hall)))));
    live_.reset(); // before the scene goes; startLive() below starts it again for the new model
    for (const telemetry::LiveMetric& metric : telemetry::liveMetrics())
        if (auto* action = findChild<QAction*>(liveActionName(metric)))
            action->setEnabled(false);
    facilityScene_.reset();
    view_->clearScene();
    facilityScene_ = std::make_unique<scene::FacilityScene>(facility_, view_->renderer());
    if (auto* byKind = findChild<QAction*>(QStringLiteral("colour:kind")))
        byKind->setChecked(true); // a new scene starts coloured by kind
    // The facility's overview is home: where the view starts and where Reset Camera and R return.
    view_->setHomePose(scene::cameraPreset(*facility_, QStringLiteral("overview")));
    view_->resetCamera();
    facilityScene_->updateDetail(view_->cameraPose());
    statusBar()->showMessage(tr("Loaded %1 in %2 s").arg(QFileInfo(path).fileName()).arg(seconds, 0, 'f', 2),
                             kStatusMessageMs);
    rebuildGoToMenu();
    {
        const QSignalBlocker quiet(timeline_);
        timeline_->setMode(TimelinePanel::Mode::Off);
        timeline_->setSchedule(facility_->scheduleStart() == datamodel::kNoTime ? 0
                                                                                : facility_->scheduleStart(),
                               facility_->scheduleEnd() == datamodel::kNoTime ? 0 : facility_->scheduleEnd());
        timeline_->setCurve(datamodel::installedCurve(*facility_, *schedule_, datamodel::EntityKind::Gpu,
                                                      timeline_->firstDay(), timeline_->lastDay()),
                            facility_->count(datamodel::EntityKind::Gpu));
    }
    timelineColouring_ = false;
    applyTimeline(timeline_->day(), TimelinePanel::Mode::Off); // the report of the first day
    gantt_->setModel(facility_, schedule_.get());
    gantt_->setDay(timeline_->day());
    startLive();
    emit modelLoaded(path);
}

void MainWindow::openDefaultModel() {
    auto* preparer = new DefaultModelPreparer(this);
    connect(preparer, &DefaultModelPreparer::ready, this, [this](const QString& path) { openModel(path); });
    connect(preparer, &DefaultModelPreparer::failed, this, &MainWindow::showError);
    statusBar()->showMessage(tr("Preparing the default Colossus model..."));
    preparer->start();
}

void MainWindow::chooseAndOpenModel() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Facility Model"), QString(),
                                                      tr("Facility models (*.db *.sqlite);;All files (*)"));
    if (!path.isEmpty())
        openModel(path);
}

void MainWindow::showError(const QString& error) {
    statusBar()->showMessage(error, kStatusMessageMs);
    // Non-blocking: a modal exec() here would freeze automation and tests behind a dialog.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot open model"), error, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("openErrorBox"));
    box->open();
    emit modelOpenFailed(error);
}

QString MainWindow::aboutText() {
    return versionText();
}

void MainWindow::setLiveTelemetry(bool on) {
    setLiveTelemetry(on, LiveTelemetryOptions{});
}

void MainWindow::setLiveTelemetry(bool on, const LiveTelemetryOptions& options) {
    liveWanted_ = on;
    liveOptions_ = std::make_unique<LiveTelemetryOptions>(options);
}

void MainWindow::importSchedule(const QString& path) {
    if (modelPath_.isEmpty())
        showScheduleProblems(tr("The schedule was not imported."), tr("No model is open"));
    else if (!scheduleFiles_->importInto(modelPath_, path))
        showScheduleProblems(tr("The schedule was not imported."), tr("Another schedule file is in work"));
    else
        statusBar()->showMessage(tr("Importing %1...").arg(QFileInfo(path).fileName()));
}

void MainWindow::exportSchedule(const QString& path) {
    if (!scheduleFiles_->exportFrom(facility_, modelPath_, path))
        showScheduleProblems(tr("The schedule was not exported."),
                             facility_ ? tr("Another schedule file is in work") : tr("No model is open"));
}

bool MainWindow::recordRollOut(const QStringList& arguments) {
    if (modelPath_.isEmpty() || !recorder_->start(QStringList{modelPath_} + arguments))
        return false;
    auto* progress = new QProgressDialog(tr("Recording the roll-out..."), tr("Cancel"), 0, 0, this);
    progress->setObjectName(QStringLiteral("recordProgress"));
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setMinimumDuration(500);
    connect(recorder_, &RecordingRunner::progressed, progress, [progress](int done, int total) {
        progress->setMaximum(total);
        progress->setValue(done);
        progress->setLabelText(tr("Recording the roll-out: frame %1 of %2").arg(done).arg(total));
    });
    connect(progress, &QProgressDialog::canceled, recorder_, &RecordingRunner::cancel);
    connect(recorder_, &RecordingRunner::finished, progress, &QWidget::close);
    connect(recorder_, &RecordingRunner::failed, progress, &QWidget::close);
    return true;
}

void MainWindow::showScheduleProblems(const QString& what, const QString& problems) {
    statusBar()->showMessage(what, kStatusMessageMs);
    // Non-blocking, like the open error; the problems (a line each) in the details.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Schedule"), what, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("scheduleErrorBox"));
    box->setInformativeText(problems.section(QLatin1Char('\n'), 0, 4));
    box->setDetailedText(problems);
    box->open();
    emit scheduleFileFailed(problems);
}

QString MainWindow::exportProgressReport(const QString& path) {
    if (!facility_ || !schedule_)
        return tr("No model is open");
    return writeProgressReport(path, datamodel::progressAt(*facility_, *schedule_, timeline_->day()),
                               *facility_);
}

void MainWindow::applyTimeline(datamodel::TimePoint moment, TimelinePanel::Mode mode) {
    if (!facilityScene_ || !schedule_)
        return;
    // The day's report, whatever the scene shows.
    timelineReport_ = datamodel::progressAt(*facility_, *schedule_, moment);
    timeline_->showReport(timelineReport_);
    if (mode == TimelinePanel::Mode::Off) {
        // Back to kinds only when the timeline was what coloured the scene (not live values).
        if (timelineColouring_)
            if (auto* byKind = findChild<QAction*>(QStringLiteral("colour:kind")))
                byKind->trigger();
        timelineColouring_ = false;
        facilityScene_->dateStamp().hide();
        view_->requestRender();
        return;
    }
    timelineColouring_ = true;
    for (QAction* action : findChildren<QAction*>())
        if (action->objectName().startsWith(QStringLiteral("colour:")) && action->isChecked())
            action->setChecked(false); // the timeline colours the scene now
    // The state at the last second of the day, or of the hour when the timeline is zoomed in.
    const datamodel::TimePoint endOfDay = timeline_->shownUntil();
    const QString date = timeline_->zoom() == TimelinePanel::Zoom::Schedule
                             ? QString::fromStdString(datamodel::formatDate(moment))
                             : QString::fromStdString(datamodel::formatTime(moment)).left(16);
    if (mode == TimelinePanel::Mode::ActualVsPlanned) {
        schedule_->progressAt(endOfDay, timelineProgress_);
        facilityScene_->colourByProgress(timelineProgress_, *schedule_, tr("Actual vs plan, %1").arg(date),
                                         timeline_->hidesNotInstalled());
    } else {
        const bool planned = mode == TimelinePanel::Mode::Planned;
        schedule_->stateAt(endOfDay,
                           planned ? datamodel::ScheduleBasis::Planned : datamodel::ScheduleBasis::Actual,
                           timelineStates_);
        facilityScene_->colourByStatus(timelineStates_,
                                       (planned ? tr("Planned, %1") : tr("Actual, %1")).arg(date),
                                       timeline_->hidesNotInstalled());
    }
    // The date, large, in the view's corner, with the GPUs in by then (at the hour's end when zoomed in).
    const QLocale locale;
    const std::size_t actual =
        schedule_->installedCount(datamodel::EntityKind::Gpu, endOfDay, datamodel::ScheduleBasis::Actual);
    const std::size_t planned =
        schedule_->installedCount(datamodel::EntityKind::Gpu, endOfDay, datamodel::ScheduleBasis::Planned);
    const QString total = locale.toString(qulonglong(facility_->count(datamodel::EntityKind::Gpu)));
    QString detail = mode == TimelinePanel::Mode::Planned
                         ? tr("Day %1: %2 of %3 GPUs planned in")
                               .arg(timeline_->dayNumber())
                               .arg(locale.toString(qulonglong(planned)), total)
                         : tr("Day %1: %2 of %3 GPUs installed")
                               .arg(timeline_->dayNumber())
                               .arg(locale.toString(qulonglong(actual)), total);
    if (mode == TimelinePanel::Mode::ActualVsPlanned)
        detail += tr(" (%1 planned)").arg(locale.toString(qulonglong(planned)));
    facilityScene_->dateStamp().show(date, detail);
    view_->requestRender();
    emit timelineShown();
}

void MainWindow::startLive() {
    live_.reset();
    lastLive_.reset();
    alerts_->clear();
    history_->showMessage(tr("Select a GPU, server, rack or CDU to see its history."));
    telemetryStatus_->clear();
    if (!facility_)
        return;
    // Simulated (./twin run), or else the source chosen in Telemetry > Sources, if any.
    LiveTelemetryOptions options = liveOptions_ ? *liveOptions_ : LiveTelemetryOptions{};
    if (!liveWanted_) {
        options.source = SourceSettings::load().activeSource();
        if (!options.source)
            return;
    }
    live_ = std::make_unique<LiveTelemetry>(facility_, options);
    connect(live_.get(), &LiveTelemetry::updated, this, &MainWindow::showLiveUpdate);
    connect(live_.get(), &LiveTelemetry::historyReady, this, &MainWindow::showHistory);
    connect(live_.get(), &LiveTelemetry::alertsReady, this,
            [this](const std::shared_ptr<const telemetry::AlertList>& alerts) {
                if (alerts && facility_)
                    alerts_->showAlerts(*alerts, *facility_, [this](int entity) { return describe(entity); });
            });
    connect(live_.get(), &LiveTelemetry::failed, this, [this](const QString& error) {
        telemetryStatus_->setText(tr("Telemetry: %1 (shown values age and turn grey)").arg(error));
        telemetryStatus_->setToolTip(error);
        emit liveTelemetryFailed(error);
    });
    const QString where =
        live_->prometheusEndpoint().isEmpty() ? live_->endpoint() : live_->prometheusEndpoint();
    telemetryStatus_->setText(tr("Telemetry: connecting to %1").arg(where));
    tellLiveWhatIsVisible();
}

void MainWindow::editSources() {
    auto* dialog = new SourcesDialog(SourceSettings::load(), facility_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        dialog->settings().save();
        if (!liveWanted_)
            startLive(); // the chosen source from now on
    });
    dialog->open(); // not exec(): the window keeps drawing and tests keep driving it
}

void MainWindow::tellLiveWhatIsVisible() {
    if (!live_ || !facilityScene_)
        return;
    // The hosts of the racks drawn in detail: up close their GPUs' own series are asked for.
    std::vector<std::string> hosts;
    for (const std::int32_t rack : facilityScene_->racksInDetail())
        for (const datamodel::EntityIndex child : facility_->children(rack))
            if (facility_->kind(child) == datamodel::EntityKind::Server)
                hosts.emplace_back(facility_->entities().hostname[std::size_t(child)]);
    live_->setVisibleHosts(std::move(hosts));
}

void MainWindow::showLiveUpdate(const LiveUpdate& update) {
    if (!facilityScene_ || !update.values || !update.metric)
        return;
    QElapsedTimer handling;
    handling.start();
    auto measure = qScopeGuard([&] { lastLiveHandlingMs_ = double(handling.nsecsElapsed()) / 1e6; });
    const bool first = !lastLive_;
    lastLive_ = std::make_unique<LiveUpdate>(update);
    const bool cdus = update.metric->level == telemetry::MetricLevel::Cdu;
    QString status = tr("Telemetry: %1 %2 live, %3 stale, updated %4")
                         .arg(QLocale().toString(update.fresh), cdus ? tr("CDUs") : tr("GPUs"))
                         .arg(QLocale().toString(update.stale))
                         .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")));
    // A failing source stays in view: the values it left age and turn grey while the error says why.
    if (!update.error.isEmpty())
        status += tr("; error: %1").arg(update.error);
    telemetryStatus_->setText(status);
    telemetryStatus_->setStyleSheet(update.error.isEmpty() ? QString() : QStringLiteral("color: #c0392b"));
    telemetryStatus_->setToolTip(tr("%1 via %2").arg(utf8(update.metric->title), update.via));
    if (update.alerts)
        alerts_->showAlerts(*update.alerts, *facility_, [this](int entity) { return describe(entity); });
    if (first) {
        alerts_->show();
        resizeDocks({alerts_}, {kAlertsPanelWidth}, Qt::Horizontal); // room for rule, place, value
    }
    if (!sinceHistory_.isValid() || sinceHistory_.elapsed() > kHistoryRefreshMs ||
        update.metric != historyMetric_) {
        historyMetric_ = update.metric;
        requestHistory();
    }
    emit liveTelemetryUpdated();
    for (const telemetry::LiveMetric& metric : telemetry::liveMetrics())
        if (auto* action = findChild<QAction*>(liveActionName(metric)))
            action->setEnabled(true);
    if (first)
        if (auto* action = findChild<QAction*>(liveActionName(*update.metric)))
            action->setChecked(true); // a newcomer sees live colours at once
    colourByLive();
}

std::optional<scene::Legend::Threshold>
MainWindow::alertThreshold(const telemetry::LiveMetric& metric) const {
    // The loosest of the model's rules on this metric: where alerts begin.
    std::optional<scene::Legend::Threshold> alert;
    for (const datamodel::AlertRule& rule : facility_->alertRules()) {
        if (rule.metric != metric.name)
            continue;
        const bool above = rule.comparison == datamodel::AlertComparison::Above;
        if (!alert || (above ? rule.threshold < alert->value : rule.threshold > alert->value))
            alert = scene::Legend::Threshold{
                float(rule.threshold),
                (above ? tr("Alert above %1") : tr("Alert below %1")).arg(rule.threshold, 0, 'g', 4)};
    }
    return alert;
}

void MainWindow::requestHistory() {
    if (!live_ || !facilityScene_)
        return;
    const int entity = facilityScene_->selected();
    if (entity < 0) {
        history_->showMessage(tr("Select a GPU, server, rack or CDU to see its history."));
        return;
    }
    sinceHistory_.start();
    // The dock opens with the first selection: before that it would only take room from the view.
    if (!historyOpened_) {
        historyOpened_ = true;
        history_->show();
    }
    live_->requestHistory(entity, live_->metric(), kHistoryMinutes);
}

void MainWindow::showInGantt(int entity) {
    gantt_->showEntity(entity);
    // It opens with the first selection where that costs the view nothing: as the front tab over an open
    // Timeline. Beside it, or alone, it would shrink the view under the pointer that just clicked (what
    // was under it would move); View > Gantt Panel opens it anyway. Then it is the user's to close.
    if (entity != datamodel::kNoEntity && !ganttOpened_ && timeline_->isVisible() &&
        !timeline_->isFloating()) {
        gantt_->show();
        gantt_->raise();
    }
}

void MainWindow::showHistory(const History& history) {
    if (!facilityScene_ || history.entity != facilityScene_->selected() || !history.metric)
        return; // the selection moved on
    std::optional<double> threshold;
    if (const auto alert = alertThreshold(*history.metric))
        threshold = double(alert->value);
    history_->showHistory(history, describe(history.entity), threshold);
    emit historyShown();
}

void MainWindow::colourByLive() {
    if (!lastLive_ || !facilityScene_)
        return;
    const telemetry::LiveMetric& metric = *lastLive_->metric;
    auto* action = findChild<QAction*>(liveActionName(metric));
    if (!action || !action->isChecked())
        return; // another colouring is chosen, or the chosen metric's values are still on their way
    facilityScene_->colourByValue(*lastLive_->values, metric.low, metric.high,
                                  tr("%1 (live)").arg(utf8(metric.title)), alertThreshold(metric));
    view_->requestRender();
    emit liveTelemetryShown();
}

QImage MainWindow::screenshot() {
    QImage shot = grab().toImage();
    QPainter painter(&shot);
    painter.drawImage(view_->mapTo(this, QPoint(0, 0)), view_->grabFramebuffer());
    return shot;
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About Colossus Twin"),
        tr("<b>Colossus Twin</b><p>A desktop digital twin of the Colossus AI supercomputer.</p><p>%1</p>")
            .arg(aboutText().toHtmlEscaped()));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveGeometryToSettings();
    event->accept();
}

void MainWindow::restoreGeometryFromSettings() {
    QSettings settings;
    const QByteArray geometry = settings.value(kGeometryKey).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        // First run: most of the screen, centred.
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1600, 1000);
        resize(available.size() * 0.8);
        move(available.center() - rect().center());
    }
    restoreState(settings.value(kStateKey).toByteArray());
}

void MainWindow::saveGeometryToSettings() {
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
}

} // namespace twin::app
