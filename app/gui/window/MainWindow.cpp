#include "gui/window/MainWindow.h"

#include "cli/Subcommands.h"
#include "datamodel/Facility.h"
#include "datamodel/ModelFile.h"
#include "datamodel/Schedule.h"
#include "datamodel/Store.h"
#include "datamodel/Time.h"
#include "gui/document/DefaultModel.h"
#include "gui/document/Document.h"
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
#include "gui/tour/TourPlayer.h"
#include "gui/window/DialogPlaces.h"
#include "gui/window/MainWindowShared.h"
#include "gui/window/ViewState.h"
#include "gui/workbench/InspectorPanel.h"
#include "gui/workbench/ModelTreePanel.h"
#include "scene/DemoScene.h"
#include "scene/FacilityScene.h"
#include "scene/ViewWidget.h"
#include "telemetry/LiveMetrics.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QDebug>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTime>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>
#include <optional>

// Q_INIT_RESOURCE declares a function, so it must stand outside any namespace.
static void initTwinResources() {
    Q_INIT_RESOURCE(resources);
}

namespace twin::app {

using window::kStatusMessageMs;
using window::liveActionName;

namespace {
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
constexpr int kDetailDelayMs = 120;
constexpr int kHoverDelayMs = 350;
constexpr int kAlertsPanelWidth = 380;
constexpr double kHistoryMinutes = 30.0;
constexpr qint64 kHistoryRefreshMs = 15000;
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    initTwinResources();
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(QStringLiteral("Colossus Twin"));
    setWindowIcon(QIcon(QStringLiteral(":/colossus-twin/icon.png")));
    view_ = new scene::ViewWidget(this);
    view_->setObjectName(QStringLiteral("view3d"));
    setCentralWidget(view_);
    viewState_ = new ViewState(this);

    const scene::DemoSceneCounts counts = scene::populateDemoScene(*view_);
    view_->resetCamera();

    sceneSummary_ = new QLabel(this);
    sceneSummary_->setObjectName(QStringLiteral("sceneSummary"));
    sceneSummary_->setText(tr("Demo hall: %1 racks, %2 CDUs").arg(counts.racks).arg(counts.cdus));
    statusBar()->addPermanentWidget(sceneSummary_);
    alertsStatus_ = new QToolButton(this);
    alertsStatus_->setObjectName(QStringLiteral("alertsStatus"));
    alertsStatus_->setAutoRaise(true);
    alertsStatus_->setToolTip(tr("Show the Alerts panel"));
    alertsStatus_->hide(); // until live telemetry gives alerts to count
    statusBar()->addPermanentWidget(alertsStatus_);
    telemetryStatus_ = new QLabel(this);
    telemetryStatus_->setObjectName(QStringLiteral("telemetryStatus"));
    statusBar()->addPermanentWidget(telemetryStatus_);
    statusBar()->showMessage(tr("Drag to orbit, Shift+drag to pan, wheel to zoom, R to reset the view"));

    detailTimer_ = new QTimer(this);
    detailTimer_->setSingleShot(true);
    detailTimer_->setInterval(kDetailDelayMs);
    connect(detailTimer_, &QTimer::timeout, this, &MainWindow::updateDetail);
    connect(view_, &scene::ViewWidget::cameraChanged, detailTimer_, qOverload<>(&QTimer::start));
    // Where the user (or a flight's end) put the camera is the state's: Followed, so nothing moves it again.
    connect(view_, &scene::ViewWidget::cameraChanged, viewState_,
            [this] { viewState_->setCamera(view_->cameraPose(), CameraMove::Followed); });
    connect(view_, &scene::ViewWidget::clicked, this, &MainWindow::describePicked);
    connect(view_, &scene::ViewWidget::boxSelected, this, &MainWindow::selectInBox);
    // A double click flies to what is under the pointer and frames it.
    connect(view_, &scene::ViewWidget::doubleClicked, this, [this](int x, int y) {
        if (!facilityScene_)
            return;
        const datamodel::EntityIndex entity = facilityScene_->pick(x, y);
        if (const auto pose = scene::cameraToFrame(*facility(), entity))
            viewState_->setCamera(*pose, CameraMove::Fly);
    });
    hoverTimer_ = new QTimer(this);
    hoverTimer_->setSingleShot(true);
    hoverTimer_->setInterval(kHoverDelayMs);
    connect(hoverTimer_, &QTimer::timeout, this, &MainWindow::showHoverTip);
    connect(view_, &scene::ViewWidget::hovered, this, [this](int x, int y) {
        // Kept on the screen, not in the view: a dock that opens before the tooltip shows moves the view
        // under a pointer that has not moved, and the tooltip must name what is under it now.
        const qreal ratio = view_->devicePixelRatioF();
        hoverAt_ =
            view_->mapToGlobal(QPoint(qRound(x / ratio), qRound((view_->height() * ratio - 1 - y) / ratio)));
        hoverTimer_->start();
    });

    alerts_ = new AlertsPanel(this);
    connect(alertsStatus_, &QToolButton::clicked, alerts_, [this] {
        alerts_->show();
        alerts_->raise();
    });
    addDockWidget(Qt::RightDockWidgetArea, alerts_);
    alerts_->hide(); // until the first alert
    connect(alerts_, &AlertsPanel::entityChosen, this, [this](int entity) { flyToAndSelect(entity); });
    connect(alerts_, &AlertsPanel::impactRequested, this, [this](int entity) {
        flyToAndSelect(entity);
        showImpactOf(entity);
    });
    history_ = new HistoryPanel(this);
    addDockWidget(Qt::BottomDockWidgetArea, history_);
    history_->hide(); // until live telemetry arrives
    connect(viewState_, &ViewState::changed, this, &MainWindow::applyViewState);
    document_ = new Document(this);
    connect(document_, &Document::changed, this, [this](const ChangeEvent& event) {
        if (event.what == ChangeEvent::What::Model)
            adoptModel(document_->model());
        else
            adoptSchedule(document_->model(), event.what);
    });
    connect(document_, &Document::openFailed, this, &MainWindow::showError);
    connect(document_, &Document::scheduleImported, this,
            [this](const QString& summary, const QString& notes) {
                statusBar()->showMessage(summary, kStatusMessageMs);
                if (!notes.isEmpty())
                    showScheduleNotes(summary, notes); // tasks linked to nothing: worth a look, not an error
                emit scheduleImported(summary);
            });
    connect(document_, &Document::scheduleImportQuestion, this, &MainWindow::askBeforeScheduleImport);
    connect(document_, &Document::scheduleImportCancelled, this,
            [this](const QString& summary) { statusBar()->showMessage(summary, kStatusMessageMs); });
    connect(document_, &Document::scheduleExported, this, [this](const QString& summary) {
        statusBar()->showMessage(summary, kStatusMessageMs);
        emit scheduleExported(summary);
    });
    connect(document_, &Document::scheduleFileFailed, this, &MainWindow::showScheduleProblems);
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
    connect(timeline_, &TimelinePanel::changed, this, &MainWindow::followTimeline);
    connect(timeline_, &TimelinePanel::taskChosen, this, [this](std::uint32_t task) {
        if (facility() && task < facility()->tasks().size() &&
            !facility()->tasks().entities.row(task).empty())
            flyToAndSelect(int(facility()->tasks().entities.row(task).front()));
    });
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
        if (!facility() || task >= facility()->tasks().size() ||
            facility()->tasks().entities.row(task).empty())
            return;
        flyToAndSelect(int(facility()->tasks().entities.row(task).front()), GanttFollows::No);
    });
    connect(timeline_, &TimelinePanel::exportRequested, this, [this] {
        if (!facility())
            return;
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Progress Report"),
            dialogSuggestion(DialogPurpose::Report, currentModelPath(),
                             QStringLiteral("progress-%1.csv")
                                 .arg(QString::fromStdString(datamodel::formatDate(timeline_->day())))),
            tr("CSV (*.csv);;PDF (*.pdf)"));
        rememberDialogChoice(DialogPurpose::Report, path);
        if (path.isEmpty())
            return;
        const QString error = exportProgressReport(path);
        statusBar()->showMessage(error.isEmpty() ? tr("Wrote %1").arg(path) : error, kStatusMessageMs);
    });

    buildWorkbench();
    buildMenus();
    restoreGeometryFromSettings();
}

void MainWindow::selectAndFrame(int entity) {
    flyToAndSelect(entity);
}

void MainWindow::flyToAndSelect(int entity, GanttFollows gantt) {
    if (!facilityScene_ || entity < 0 || std::size_t(entity) >= facility()->entityCount())
        return;
    viewState_->setSelection(entity);
    requestHistory();
    if (gantt == GanttFollows::Yes)
        showInGantt(entity);
    if (const auto pose = scene::cameraToFrame(*facility(), entity))
        viewState_->setCamera(*pose, CameraMove::Fly);
    statusBar()->showMessage(describe(entity), kStatusMessageMs);
    view_->requestRender();
}

void MainWindow::updateDetail() {
    if (!facilityScene_)
        return;
    facilityScene_->updateDetail(view_->cameraPose());
    tellLiveWhatIsVisible();
    view_->requestRender();
}

void MainWindow::applyViewState(ViewState::Aspect aspect) {
    // The menus show the state; the painter draws it onto the scene. Neither is asked what the state is.
    const ViewSettings& settings = viewState_->settings();
    switch (aspect) {
    case ViewState::Aspect::Colouring:
        applyColouring();
        return;
    case ViewState::Aspect::Layers:
        if (facilityScene_)
            painter_.paintLayers(settings, *facilityScene_);
        for (scene::Layer layer : scene::kAllLayers)
            if (auto* shown = findChild<QAction*>(QStringLiteral("layer:") + scene::layerName(layer))) {
                const QSignalBlocker quiet(shown);
                shown->setChecked(settings.layerShown(layer));
            }
        break;
    case ViewState::Aspect::XRay:
        if (facilityScene_)
            painter_.paintXRay(settings, *facilityScene_);
        if (auto* through =
                findChild<QAction*>(settings.xRay ? QStringLiteral("xray:") + scene::layerName(*settings.xRay)
                                                  : QStringLiteral("xray:off"))) {
            const QSignalBlocker quiet(through);
            through->setChecked(true);
        }
        break;
    case ViewState::Aspect::Selection:
        if (facilityScene_)
            painter_.paintSelection(settings, *facilityScene_);
        rememberSelection(shownSelection_);
        shownSelection_ = settings.selection;
        showSelectionInDocks();
        break;
    case ViewState::Aspect::Impact:
        applyImpact();
        return;
    case ViewState::Aspect::Camera:
        // The view's own moves arrive here as Followed: it is there already.
        if (viewState_->cameraMove() == CameraMove::Fly)
            view_->flyTo(*settings.camera);
        else if (viewState_->cameraMove() == CameraMove::Jump)
            view_->setCameraPose(*settings.camera);
        return;
    }
    view_->requestRender();
}

QString MainWindow::describe(int entity) const {
    // "GPU colossus-h1-r03-k07-s2/gpu5, H1-R03-K07, Hall 1"
    const datamodel::Facility& f = *facility();
    QString message =
        utf8(datamodel::entityKindName(f.kind(entity))).toUpper() + QLatin1Char(' ') + utf8(f.name(entity));
    for (datamodel::EntityKind kind : {datamodel::EntityKind::Rack, datamodel::EntityKind::Hall}) {
        const datamodel::EntityIndex above = f.ancestorOfKind(f.parent(entity), kind);
        if (above != datamodel::kNoEntity)
            message += QStringLiteral(", ") + utf8(f.name(above));
    }
    return message;
}

void MainWindow::applyColouring() {
    const Colouring& colouring = viewState_->colouring();
    // The menus and the timeline's mode show it (setChecked triggers nothing).
    QAction* chosen = colouring.by == Colouring::By::Kind ? findChild<QAction*>(QStringLiteral("colour:kind"))
                      : colouring.by == Colouring::By::Status
                          ? findChild<QAction*>(QStringLiteral("colour:status"))
                      : colouring.by == Colouring::By::Live && colouring.metric
                          ? findChild<QAction*>(liveActionName(*colouring.metric))
                          : nullptr;
    if (chosen)
        chosen->setChecked(true);
    else if (QAction* checked = colourGroup_->checkedAction())
        checked->setChecked(false); // the timeline colours the scene
    {
        // A colouring chosen elsewhere ends the timeline's; the timeline's shows in its own dock.
        const QSignalBlocker quiet(timeline_);
        const bool byTimeline = colouring.by == Colouring::By::Timeline;
        if (timeline_->mode() != (byTimeline ? colouring.mode : TimelinePanel::Mode::Off))
            timeline_->setMode(byTimeline ? colouring.mode : TimelinePanel::Mode::Off);
        if (byTimeline && timeline_->moment() != colouring.moment)
            timeline_->setMoment(colouring.moment);
    }
    if (!facilityScene_ || !model_)
        return;
    const bool liveValuesOfIt = lastLive_ && lastLive_->metric == colouring.metric;
    const ColouringSources sources{*model_->facility, model_->schedule,
                                   liveValuesOfIt ? lastLive_->values.get() : nullptr,
                                   impact_ ? &*impact_ : nullptr};
    if (!painter_.paintColours(viewState_->settings(), sources, *facilityScene_))
        return; // the chosen metric's values are still on their way
    view_->requestRender();
    if (impact_)
        return; // the colouring chosen shows again when the impact is cleared
    if (colouring.by == Colouring::By::Live)
        emit liveTelemetryShown();
    else if (colouring.by == Colouring::By::Timeline)
        emit timelineShown();
}

void MainWindow::describePicked(int x, int y, Qt::KeyboardModifiers modifiers) {
    if (!facilityScene_)
        return;
    const datamodel::EntityIndex entity = facilityScene_->pick(x, y);
    // Ctrl+click adds to the selection (or takes out); empty space with Ctrl changes nothing.
    if (modifiers.testFlag(Qt::ControlModifier)) {
        viewState_->toggleInSelection(entity);
        describeSelection();
        view_->requestRender();
        emit entityPicked(viewState_->selection());
        return;
    }
    // Selecting a rack, row or hall highlights everything in it; clicking empty space clears it.
    viewState_->setSelection(entity);
    requestHistory();
    showInGantt(entity);
    view_->requestRender();
    if (entity == datamodel::kNoEntity)
        statusBar()->clearMessage();
    else
        statusBar()->showMessage(describe(entity));
    emit entityPicked(entity);
}

void MainWindow::selectInBox(int x0, int y0, int x1, int y1, Qt::KeyboardModifiers modifiers) {
    if (!facilityScene_)
        return;
    // The racks seen in the box (the unit work is recorded on); network racks too.
    std::vector<datamodel::EntityIndex> racks =
        facilityScene_->entitiesInBox(datamodel::EntityKind::Rack, x0, y0, x1, y1);
    const std::vector<datamodel::EntityIndex> network =
        facilityScene_->entitiesInBox(datamodel::EntityKind::NetworkRack, x0, y0, x1, y1);
    racks.insert(racks.end(), network.begin(), network.end());
    viewState_->selectAll(racks, modifiers.testFlag(Qt::ControlModifier));
    describeSelection();
    view_->requestRender();
    emit entityPicked(viewState_->selection());
}

void MainWindow::describeSelection() {
    const std::vector<datamodel::EntityIndex> all = viewState_->selectedEntities();
    if (all.empty())
        statusBar()->clearMessage();
    else if (all.size() == 1)
        statusBar()->showMessage(describe(all.front()));
    else
        statusBar()->showMessage(tr("%1 selected: %2 and %3 more (Ctrl+click adds or takes out)")
                                     .arg(all.size())
                                     .arg(utf8(facility()->name(all.front())))
                                     .arg(all.size() - 1));
}

void MainWindow::showHoverTip() {
    if (!facilityScene_ || !view_->underMouse())
        return;
    const QPoint local = view_->mapFromGlobal(hoverAt_);
    if (!view_->rect().contains(local)) {
        QToolTip::hideText(); // the view moved away from under the pointer
        return;
    }
    const qreal ratio = view_->devicePixelRatioF();
    const datamodel::EntityIndex entity = facilityScene_->pick(
        qRound(local.x() * ratio), qRound(view_->height() * ratio - 1 - local.y() * ratio));
    if (entity == datamodel::kNoEntity)
        QToolTip::hideText();
    else
        QToolTip::showText(view_->mapToGlobal(local), describe(entity), view_);
}

QString MainWindow::openModel(const QString& path) {
    const QString refused = document_->open(path); // a refusal arrives through openFailed too
    if (refused.isEmpty())
        statusBar()->showMessage(tr("Loading %1...").arg(QFileInfo(path).fileName()));
    return refused;
}

void MainWindow::adoptModel(std::shared_ptr<const LoadedModel> model) {
    // A tour of the model before would land its bookmarks (cameras, entity ids) on this one.
    if (player_)
        player_->stop();
    livePowerWatts_ = std::nan("");
    saveTimelinePlace(); // the model before's
    model_ = std::move(model);
    timelineReportDay_ = datamodel::kNoTime; // of the old schedule
    const QString& path = model_->path;
    const double seconds = model_->loadSeconds;
    recent_.add(path);
    setWindowTitle(QStringLiteral("%1 - Colossus Twin").arg(QFileInfo(path).fileName()));
    const QLocale locale;
    sceneSummary_->setText(
        tr("%1 GPUs, %2 racks, %3 halls")
            .arg(locale.toString(qulonglong(facility()->count(datamodel::EntityKind::Gpu))),
                 locale.toString(qulonglong(facility()->count(datamodel::EntityKind::Rack))),
                 locale.toString(qulonglong(facility()->count(datamodel::EntityKind::Hall)))));
    live_.reset(); // before the scene goes; startLive() below starts it again for the new model
    alertsStatus_->hide();
    for (const telemetry::LiveMetric& metric : telemetry::liveMetrics())
        if (auto* action = findChild<QAction*>(liveActionName(metric)))
            action->setEnabled(false);
    facilityScene_.reset();
    view_->clearScene();
    facilityScene_ = std::make_unique<scene::FacilityScene>(facility(), *view_);
    viewState_->setImpact(std::nullopt);
    viewState_->setSelection(datamodel::kNoEntity); // the old model's entities are gone
    selectionBack_.clear();
    selectionForward_.clear();
    shownSelection_ = datamodel::kNoEntity;
    tree_->setModel(model_);
    indexModel();
    for (const ViewState::Aspect aspect : {ViewState::Aspect::Layers, ViewState::Aspect::XRay})
        applyViewState(aspect); // the layers and x-ray chosen stay from model to model
    // The facility's overview is home: where the view starts and where Reset Camera and R return.
    view_->setHomePose(scene::cameraPreset(*facility(), QStringLiteral("overview")));
    view_->resetCamera();
    facilityScene_->updateDetail(view_->cameraPose());
    statusBar()->showMessage(tr("Loaded %1 in %2 s").arg(QFileInfo(path).fileName()).arg(seconds, 0, 'f', 2),
                             kStatusMessageMs);
    rebuildGoToMenu();
    {
        const QSignalBlocker quiet(timeline_);
        timeline_->setMode(TimelinePanel::Mode::Off);
    }
    showSchedule();
    // A new scene starts coloured by kind: drawn through the state's signal, or here when the state
    // already says so (the menus and the dock are set either way).
    if (viewState_->colouring() == Colouring{})
        applyColouring();
    else
        viewState_->setColouring(Colouring{});
    restoreTimelinePlace();
    showTimelineReport(timeline_->day()); // the report of the day shown
    startLive();
    emit modelLoaded(path);
}

void MainWindow::adoptSchedule(std::shared_ptr<const LoadedModel> model, ChangeEvent::What what) {
    // The same entities with another schedule: the scene, the camera, the selection and live
    // telemetry stay (the scene and live keep reading the entities of the model they were built on,
    // which they hold); what follows the schedule is redone.
    const std::shared_ptr<const LoadedModel> previous = std::exchange(model_, std::move(model));
    timelineReportDay_ = datamodel::kNoTime;
    const datamodel::EntityIndex ganttEntity = gantt_->shownEntity();
    const datamodel::TimePoint moment = timeline_->moment();
    showSchedule();
    {
        const QSignalBlocker quiet(timeline_);
        timeline_->setMoment(moment); // the day shown stays (within the new schedule's span)
    }
    gantt_->setDay(timeline_->day());
    gantt_->showEntity(ganttEntity);
    // Live telemetry asks by hostname: an attribute edit of one starts it again on the new names.
    if (what == ChangeEvent::What::Edit && live_ && previous &&
        &previous->facility->entities() != &model_->facility->entities() &&
        previous->facility->entities().hostname != model_->facility->entities().hostname)
        startLive();
    if (what == ChangeEvent::What::Edit)
        followEditInWorkbench(); // the same names: the indexes follow without being built again
    else
        indexModel(); // the task names are the new schedule's
    showTimelineReport(timeline_->day());
    applyColouring(); // status and timeline colours by the new schedule
    view_->requestRender();
    emit scheduleReplaced();
}

void MainWindow::showSchedule() {
    {
        const QSignalBlocker quiet(timeline_);
        timeline_->setSchedule(
            facility()->scheduleStart() == datamodel::kNoTime ? 0 : facility()->scheduleStart(),
            facility()->scheduleEnd() == datamodel::kNoTime ? 0 : facility()->scheduleEnd());
        timeline_->setCurve(datamodel::installedCurve(*facility(), *schedule(), datamodel::EntityKind::Gpu,
                                                      timeline_->firstDay(), timeline_->lastDay()),
                            facility()->count(datamodel::EntityKind::Gpu));
    }
    gantt_->setModel(model_);
    gantt_->setDay(timeline_->day());
}

void MainWindow::openDefaultModel() {
    auto* preparer = new DefaultModelPreparer(this);
    connect(preparer, &DefaultModelPreparer::ready, this, [this](const QString& path) { openModel(path); });
    connect(preparer, &DefaultModelPreparer::failed, this, &MainWindow::showError);
    statusBar()->showMessage(tr("Preparing the default Colossus model..."));
    preparer->start();
}

void MainWindow::chooseAndOpenModel() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Facility Model"), dialogDirectory(DialogPurpose::Model, currentModelPath()),
        tr("Facility models (*.db *.sqlite);;All files (*)"));
    rememberDialogChoice(DialogPurpose::Model, path);
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

void MainWindow::startLive() {
    live_.reset();
    lastLive_.reset();
    alerts_->clear();
    history_->showMessage(tr("Select a GPU, server, rack or CDU to see its history."));
    telemetryStatus_->clear();
    if (!facility())
        return;
    // Simulated (./twin run), or else the source chosen in Telemetry > Sources, if any.
    LiveTelemetryOptions options = liveOptions_ ? *liveOptions_ : LiveTelemetryOptions{};
    if (!liveWanted_) {
        options.source = SourceSettings::load().activeSource();
        if (!options.source)
            return;
    }
    if (options.historyDirectory.isEmpty())
        options.historyDirectory = prometheusDataDirectory(model_->path); // the History survives a restart
    live_ = std::make_unique<LiveTelemetry>(facility(), options);
    connect(live_.get(), &LiveTelemetry::updated, this, &MainWindow::showLiveUpdate);
    connect(live_.get(), &LiveTelemetry::historyReady, this, &MainWindow::showHistory);
    connect(live_.get(), &LiveTelemetry::powerDrawn, this, [this](double watts, int gpus) {
        livePowerWatts_ = watts;
        livePowerGpus_ = gpus;
        sinceLivePower_.start();
        refreshKpiBand();
    });
    connect(live_.get(), &LiveTelemetry::alertsReady, this,
            [this](const std::shared_ptr<const telemetry::AlertList>& alerts) {
                if (alerts)
                    showAlerts(*alerts);
            });
    // Said as each retry starts: a source that never answers is not "connecting" for a whole minute.
    connect(live_.get(), &LiveTelemetry::retrying, this, [this](const QString& what) {
        telemetryStatus_->setText(tr("Telemetry: %1").arg(what));
        telemetryStatus_->setToolTip(what);
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
    auto* dialog = new SourcesDialog(SourceSettings::load(), facility(), this);
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
    const datamodel::Facility& f = *model_->facility;
    for (const std::int32_t rack : facilityScene_->racksInDetail())
        for (const datamodel::EntityIndex child : f.children(rack))
            if (f.kind(child) == datamodel::EntityKind::Server)
                hosts.emplace_back(f.entities().hostname[std::size_t(child)]);
    live_->setVisibleHosts(std::move(hosts));
}

void MainWindow::showAlerts(const telemetry::AlertList& alerts) {
    if (!facility())
        return;
    alerts_->showAlerts(alerts, *facility(), [this](int entity) { return describe(entity); });
    // The count in the status bar, always: the dock is for when there is something to read.
    alertsStatus_->setText(alerts_->windowTitle());
    alertsStatus_->show();
    alertsStatus_->setStyleSheet(alerts.total > 0 ? QStringLiteral("color: #c0392b; font-weight: bold")
                                                  : QString());
    // The dock opens with the first alert, not before: "no alerts" is not worth a quarter of the
    // window (View > Alerts Panel shows it any time). Then it is the user's to close.
    if (!alertsOpened_ && alerts_->shownAlerts() > 0) {
        alertsOpened_ = true;
        alerts_->show();
        resizeDocks({alerts_}, {kAlertsPanelWidth}, Qt::Horizontal); // room for rule, place, value
    }
}

void MainWindow::showLiveUpdate(const LiveUpdate& update) {
    if (!facilityScene_ || !update.values || !update.metric)
        return;
    QElapsedTimer handling;
    handling.start();
    auto measure = qScopeGuard([&] { lastLiveHandlingMs_ = double(handling.nsecsElapsed()) / 1e6; });
    const bool first = !lastLive_;
    lastLive_ = std::make_unique<LiveUpdate>(update);
    lastLiveAt_ = QTime::currentTime();
    if (inspector_->isVisible() && viewState_->selection() != datamodel::kNoEntity)
        showSelectionInDocks(); // its live value, fresh
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
        showAlerts(*update.alerts);
    if (!sinceHistory_.isValid() || sinceHistory_.elapsed() > kHistoryRefreshMs ||
        update.metric != historyMetric_) {
        historyMetric_ = update.metric;
        requestHistory();
    }
    emit liveTelemetryUpdated();
    for (const telemetry::LiveMetric& metric : telemetry::liveMetrics())
        if (auto* action = findChild<QAction*>(liveActionName(metric)))
            action->setEnabled(true);
    if (first && viewState_->colouring().by == Colouring::By::Kind) // a newcomer sees live colours at once
        viewState_->setColouring(Colouring{Colouring::By::Live, update.metric});
    else if (viewState_->colouring().by == Colouring::By::Live)
        applyColouring(); // the new values of the metric shown
    refreshKpiBand();
}

void MainWindow::requestHistory() {
    if (!live_ || !facilityScene_)
        return;
    const int entity = viewState_->selection();
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

void MainWindow::showHistory(const History& history) {
    if (!facilityScene_ || history.entity != viewState_->selection() || !history.metric)
        return; // the selection moved on
    std::optional<double> threshold;
    if (const auto alert = ViewPainter::alertThreshold(*facility(), *history.metric))
        threshold = double(alert->value);
    history_->showHistory(history, describe(history.entity), threshold);
    emit historyShown();
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
    saveTimelinePlace();
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
