// MainWindow's menus: File, View (docks, layers, x-ray, Colour By, Go To), Telemetry and Help.
#include "datamodel/Facility.h"
#include "datamodel/Schedule.h"
#include "datamodel/Store.h"
#include "datamodel/Time.h"
#include "gui/live/AlertsPanel.h"
#include "gui/live/HistoryPanel.h"
#include "gui/live/LiveTelemetry.h"
#include "gui/timeline/GanttPanel.h"
#include "gui/timeline/RecordDialog.h"
#include "gui/timeline/TimelinePanel.h"
#include "gui/window/DialogPlaces.h"
#include "gui/window/MainWindow.h"
#include "gui/window/MainWindowShared.h"
#include "gui/window/ShortcutsDialog.h"
#include "gui/window/ViewState.h"
#include "scene/FacilityScene.h"
#include "scene/ViewWidget.h"
#include "telemetry/LiveMetrics.h"

#include <QAction>
#include <QActionGroup>
#include <QDateTime>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>

namespace twin::app {

using window::kStatusMessageMs;
using window::liveActionName;

void MainWindow::rebuildGoToMenu() {
    goToMenu_->clear();
    const std::size_t halls = facility()->count(datamodel::EntityKind::Hall);
    QStringList presets{QStringLiteral("overview")};
    for (std::size_t hall = 1; hall <= halls; ++hall)
        presets << QStringLiteral("hall:%1").arg(hall);
    for (const QString& preset : presets) {
        const QString label =
            preset == QLatin1String("overview") ? tr("Overview") : tr("Hall %1").arg(preset.mid(5));
        QAction* action = goToMenu_->addAction(label, this, [this, preset] {
            if (const auto pose = scene::cameraPreset(*facility(), preset))
                viewState_->setCamera(*pose, CameraMove::Fly);
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
            this, tr("Import Schedule"), dialogDirectory(DialogPurpose::Schedule, currentModelPath()),
            tr("Schedules (*.csv *.xml);;CSV (*.csv);;Microsoft Project XML (*.xml)"));
        rememberDialogChoice(DialogPurpose::Schedule, path);
        if (!path.isEmpty())
            importSchedule(path);
    });
    importAction->setObjectName(QStringLiteral("actionImportSchedule"));
    QAction* exportAction = file->addAction(tr("&Export Schedule..."), this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export Schedule"),
                                         dialogSuggestion(DialogPurpose::Schedule, currentModelPath(),
                                                          QFileInfo(currentModelPath()).completeBaseName() +
                                                              QStringLiteral("-schedule.csv")),
                                         tr("CSV (*.csv);;Microsoft Project XML (*.xml)"));
        rememberDialogChoice(DialogPurpose::Schedule, path);
        if (!path.isEmpty())
            exportSchedule(path);
    });
    exportAction->setObjectName(QStringLiteral("actionExportSchedule"));
    QAction* recordAction = file->addAction(tr("&Record Roll-out..."), this, [this] {
        if (!facility())
            return;
        QStringList presets{QStringLiteral("overview")};
        for (std::size_t hall = 1; hall <= facility()->count(datamodel::EntityKind::Hall); ++hall)
            presets << QStringLiteral("hall:%1").arg(hall);
        for (const datamodel::EntityIndex row : facility()->ofKind(datamodel::EntityKind::Row))
            presets << QStringLiteral("aisle:") + utf8(facility()->name(row));
        auto* dialog = new RecordDialog(timeline_->firstDay(), timeline_->lastDay(), presets, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog] { recordRollOut(dialog->arguments()); });
        dialog->open();
    });
    recordAction->setObjectName(QStringLiteral("actionRecordRollOut"));
    QAction* still = file->addAction(tr("Save &Image..."), this, &MainWindow::askForStill);
    still->setObjectName(QStringLiteral("actionSaveImage"));
    still->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    still->setToolTip(tr("A still of the view for slides, up to 3840x2160"));
    file->addSeparator();
    QAction* preferences = file->addAction(tr("&Preferences..."), this, &MainWindow::askForPreferences);
    preferences->setObjectName(QStringLiteral("actionPreferences"));
    preferences->setShortcut(QKeySequence::Preferences);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);

    QMenu* editMenu = menuBar()->addMenu(tr("&Edit"));
    editMenu->setObjectName(QStringLiteral("menuEdit"));
    buildUndoActions(editMenu);
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
    connect(xrayOff, &QAction::triggered, this, [this] { viewState_->setXRay(std::nullopt); });
    for (scene::Layer layer : scene::kAllLayers) {
        const QString name = scene::layerName(layer);
        const QString label = name.left(1).toUpper() + name.mid(1);
        QAction* shown = layers->addAction(label);
        shown->setObjectName(QStringLiteral("layer:") + name);
        shown->setCheckable(true);
        shown->setChecked(true);
        connect(shown, &QAction::toggled, this,
                [this, layer](bool on) { viewState_->setLayerShown(layer, on); });
        QAction* through = xray->addAction(label);
        through->setObjectName(QStringLiteral("xray:") + name);
        through->setCheckable(true);
        xrayGroup->addAction(through);
        connect(through, &QAction::triggered, this, [this, layer] { viewState_->setXRay(layer); });
    }
    // Colours: by kind, or by installation status now (actual dates); the legend in the view says which.
    QMenu* colourBy = viewMenu->addMenu(tr("&Colour By"));
    colourBy->setObjectName(QStringLiteral("menuColourBy"));
    colourGroup_ = new QActionGroup(this);
    QActionGroup* colourGroup = colourGroup_;
    // None is checked while the Timeline colours the scene.
    colourGroup->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
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
            viewState_->setColouring(Colouring{Colouring::By::Live, &metric});
        });
        colourActions.push_back(action);
    }
    for (QAction* action : colourActions) {
        action->setCheckable(true);
        colourGroup->addAction(action);
    }
    byKind->setChecked(true);
    connect(byKind, &QAction::triggered, this, [this] { viewState_->setColouring(Colouring{}); });
    connect(byStatus, &QAction::triggered, this,
            [this] { viewState_->setColouring(Colouring{Colouring::By::Status}); });
    buildWorkbenchMenus(viewMenu, editMenu);
    buildProgressMenu(editMenu);
    buildPunchList(editMenu, viewMenu);
    buildUndoHistory(viewMenu);
    buildPresentation(viewMenu);
    buildBookmarks(viewMenu);
    // Filled for each model: the overview and one entry per hall (executives' walkthrough stops).
    goToMenu_ = viewMenu->addMenu(tr("&Go To"));
    goToMenu_->setObjectName(QStringLiteral("menuGoTo"));
    goToMenu_->setEnabled(false);

    QMenu* telemetryMenu = menuBar()->addMenu(tr("&Telemetry"));
    QAction* sources = telemetryMenu->addAction(tr("&Sources..."), this, &MainWindow::editSources);
    sources->setObjectName(QStringLiteral("actionSources"));
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("menuHelp"));
    QAction* keys = help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        auto* dialog = new ShortcutsDialog(*menuBar(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    keys->setObjectName(QStringLiteral("actionKeyboardShortcuts"));
    keys->setShortcut(QKeySequence::HelpContents);
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

} // namespace twin::app
