// The main window: the 3D view in the centre, menus, status bar, geometry remembered between runs.
// Defined in three files: MainWindow.cpp (the window, models, live telemetry, selection),
// MainWindowMenus.cpp (the menus) and MainWindowTimeline.cpp (timeline, Gantt, schedules, recording).
#pragma once

#include "datamodel/EntityInspector.h"
#include "datamodel/ProgressReport.h"
#include "datamodel/Schedule.h"
#include "datamodel/edits/ProgressEdit.h"
#include "datamodel/edits/PunchEdit.h"
#include "gui/document/LoadedModel.h"
#include "gui/timeline/TimelinePanel.h"
#include "gui/tour/FlightScale.h"
#include "gui/window/RecentModels.h"
#include "gui/window/ViewState.h"
#include "scene/Legend.h"
#include "telemetry/Alerts.h"
#include "telemetry/LiveMetrics.h"
#include "view/ViewPainter.h"

#include <QElapsedTimer>
#include <QImage>
#include <QMainWindow>
#include <QPointer>
#include <QTime>
#include <cmath>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QActionGroup;
template <typename T> class QFutureWatcher;
class QLabel;
class QToolButton;
class QToolBar;
class QMenu;
class QTimer;

namespace twin::scene {
class FacilityScene;
class ViewWidget;
} // namespace twin::scene
namespace twin::datamodel {
class Facility;
}

namespace twin::app {

class AlertsPanel;
class Document;
class ImpactPanel;
class PunchListPanel;
class BookmarksPanel;
class TourPlayer;
class InspectorPanel;
class ModelTreePanel;
class SearchField;
struct WorkbenchIndexes;
class GanttPanel;
class HistoryPanel;
class RecordingRunner;
struct History;
class LiveTelemetry;
struct LiveTelemetryOptions;
struct LiveUpdate;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    scene::ViewWidget* view() const { return view_; }
    QString currentModelPath() const { return model_ ? model_->path : QString(); }
    // The open model: the document's, with its undo stack and change signal.
    Document* document() const { return document_; }
    // What the window shows apart from the model (layers, x-ray, selection): set it, the scene follows.
    ViewState* viewState() const { return viewState_; }
    // The loaded facility, or null before the first model has loaded.
    std::shared_ptr<const datamodel::Facility> facility() const {
        return model_ ? model_->facility : nullptr;
    }
    const scene::FacilityScene* facilityScene() const { return facilityScene_.get(); }
    // The whole window as it looks, the 3D view included (QWidget::grab() leaves the view's OpenGL
    // window out).
    QImage screenshot();

    // Checks a model file and loads it on a worker thread; the window stays responsive and keeps
    // the previous model until the new one has loaded. A file that is plainly not a model is refused
    // at once (the error is returned); a failure while loading arrives later through modelOpenFailed.
    // Either way the window is unchanged and the error is shown (status bar, non-blocking message box).
    QString openModel(const QString& path);
    // Generates the default Colossus model on first use (with a progress dialog), then opens it.
    void openDefaultModel();
    // From the next model on: simulated exporters of the model, read live (through a Prometheus of
    // our own when one is installed), and the view coloured by GPU temperature as it arrives (View >
    // Colour By lists every live metric).
    void setLiveTelemetry(bool on);
    void setLiveTelemetry(bool on, const LiveTelemetryOptions& options);
    const LiveTelemetry* liveTelemetry() const { return live_.get(); }
    // How long the GUI thread spent on the last live update (recolouring every entity): bench live.
    double lastLiveHandlingMs() const { return lastLiveHandlingMs_; }
    AlertsPanel* alertsPanel() const { return alerts_; }
    HistoryPanel* historyPanel() const { return history_; }
    TimelinePanel* timelinePanel() const { return timeline_; }
    GanttPanel* ganttPanel() const { return gantt_; }
    // The timeline day's progress report, as CSV or (a path ending .pdf) PDF; an error, or empty.
    QString exportProgressReport(const QString& path);
    // Selects an entity (and everything below it) and flies the camera to frame it.
    void selectAndFrame(int entity);
    // Replaces the open model's schedule with a CSV or MS Project XML file on a worker thread, then
    // shows the new schedule keeping the view (camera, selection, colouring, live telemetry); the
    // outcome arrives as scheduleReplaced and scheduleImported, or scheduleFileFailed.
    void importSchedule(const QString& path);
    // Writes the open model's schedule as CSV or MS Project XML (by the extension), on a worker thread.
    void exportSchedule(const QString& path);
    // Records the open model's roll-out (`record MODEL` + `arguments`) in a child process, with a
    // progress dialog that can cancel it; the outcome arrives as rollOutRecorded or recordingFailed.
    bool recordRollOut(const QStringList& arguments);
    RecordingRunner* recordingRunner() const { return recorder_; }
    // The workbench: the search field, the model tree, the inspector and impact docks, and the
    // indexes they read (null until built for the open model: workbenchReady).
    SearchField* searchField() const { return search_; }
    ModelTreePanel* modelTreePanel() const { return tree_; }
    InspectorPanel* inspectorPanel() const { return inspector_; }
    ImpactPanel* impactPanel() const { return impactPanel_; }
    std::shared_ptr<const WorkbenchIndexes> workbenchIndexes() const { return indexes_; }
    // "What fails with this?" for `entity`, in the domain it supplies: highlighted in the view, listed
    // in the Impact dock (the ViewState's impact; Esc clears it).
    void showImpactOf(datamodel::EntityIndex entity);

    static QString aboutText();

    // Progress recorded on the selection now (Edit > Record Progress): written at once, one undo step.
    // False, with the reason shown, when it was refused or nothing was to change.
    bool recordProgress(datamodel::ProgressAction action, const QString& reason = QString(),
                        bool allowOutOfOrder = false);
    // The same at a time (kNoTime: now), on the chosen tasks (empty: all of the selection's).
    bool recordProgressAt(datamodel::ProgressAction action, const QString& reason, datamodel::TimePoint at,
                          const std::vector<std::uint32_t>& tasks, bool allowOutOfOrder = false);
    // A punch item, written at once as one undo step: on `request.entity` (kNoEntity: the selection),
    // pinned to the camera now unless it has a pin, by the window's author, now. False when refused.
    bool addPunchItem(datamodel::PunchRequest request);
    bool setPunchStatus(std::int64_t noteId, datamodel::NoteStatus status);
    // A punch item (a row of Facility::notes()) shown: its entity selected, the camera at its pin.
    void showPunchItem(std::uint32_t note);
    PunchListPanel* punchList() const { return punchList_; }
    // View > Presentation Mode (F5): full screen, menus, bars and docks hidden, the headline figures
    // across the top; off again restores exactly what was shown.
    void setPresentationMode(bool on);
    bool presentationMode() const { return presenting_; }
    QString kpiText() const;
    static constexpr int kKpiPointSize = 28;
    // A still of the view as it is at `size` (File > Save Image): an error, or empty once written.
    static constexpr QSize kMaxStillSize{3840, 2160};
    QString saveImage(const QString& path, QSize size);
    // Bookmarks and tours (issue 17, MainWindowTour.cpp): each change one undo step, written at once;
    // false (the reason shown, editRefused) when refused: a name empty or taken, a dwell of -1 s.
    BookmarksPanel* bookmarksPanel() const { return bookmarks_; }
    TourPlayer* tourPlayer() const { return player_; }
    bool saveBookmark(const QString& name); // the view as it is now
    bool updateBookmark(std::int64_t id);   // to the view as it is now
    bool renameBookmark(std::int64_t id, const QString& name);
    bool moveBookmark(std::int64_t id, int by);
    bool deleteBookmark(std::int64_t id); // with the tours' stops at it
    bool editTour(const datamodel::Tour& tour);
    bool newTour(const QString& name);
    bool deleteTour(std::int64_t id);
    // The bookmark's whole view, flown to; what could not be restored is said in the status bar.
    bool goToBookmark(std::int64_t id, CameraMove move = CameraMove::Fly);
    // Plays tour `id` (0: the one chosen in the dock, else the first) from the view as it is.
    bool playTour(std::int64_t id = 0);
    // An attribute edit of `entity`, written at once as one undo step; false (the reason shown and
    // editRefused) when refused: a serial, UUID or hostname another entity holds, bad attributes.
    bool editAttributes(datamodel::EntityIndex entity, const datamodel::EntityFields& fields);

public slots:
    void showAbout();
    // Telemetry > Sources: the dialog to add, edit and test sources (non-modal).
    void editSources();
    void chooseAndOpenModel();

signals:
    // An edit reached the file and the views show it (the model read again).
    void progressRecorded(const QString& action);
    void editRefused(const QString& why);
    // Another program (a command, another window) changed the open model; the views show it now.
    void modelChangedOnDisk();
    void modelOpenFailed(const QString& error);
    // The entity under a click (-1: nothing there), after it is shown in the status bar.
    void entityPicked(int entity);
    void modelLoaded(const QString& path);
    // Live temperatures arrived (every few seconds), and when they were also drawn.
    void liveTelemetryUpdated();
    void liveTelemetryShown();
    // The history chart was redrawn for the selection.
    void historyShown();
    void liveTelemetryFailed(const QString& error);
    // The timeline recoloured the scene for its day and mode.
    void timelineShown();
    // A schedule import landed: the window shows the new schedule (scheduleReplaced just before).
    void scheduleReplaced();
    void scheduleImported(const QString& summary);
    void scheduleExported(const QString& summary);
    // An import or export was refused; `problems` is a "FILE:LINE: message" line each.
    void scheduleFileFailed(const QString& problems);
    void rollOutRecorded(const QString& directory);
    // An import would drop what the model knows; the question is on screen (`losses`: a line each).
    void scheduleImportQuestionAsked(const QString& losses);
    void recordingFailed(const QString& error);
    // The search index and the inspector's graphs are built for the open model.
    void workbenchReady();
    // An impact was drawn, or cleared.
    void impactShown();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void buildWorkbench();
    void buildWorkbenchMenus(QMenu* viewMenu, QMenu* editMenu);
    // Edit > Undo and Redo (the Document's stack), and Edit > Record Progress (MainWindowProgress.cpp).
    void buildUndoActions(QMenu* editMenu);
    void buildProgressMenu(QMenu* editMenu);
    void buildPunchList(QMenu* editMenu, QMenu* viewMenu);
    void askForPunchItem();
    void askForAttributes(int entity);
    void buildUndoHistory(QMenu* viewMenu); // View > Undo History: a QUndoView of the Document's stack
    void askForBlockReason();
    void askForAuthor(); // Edit > Your Name...
    void confirmOutOfOrder(const QString& why, datamodel::ProgressAction action, const QString& reason,
                           datamodel::TimePoint at, const std::vector<std::uint32_t>& tasks);
    void askForProgress(); // Record Progress...: a task, a time
    void askForPreferences();
    void askForStill();
    void buildPresentation(QMenu* viewMenu);
    void buildBookmarks(QMenu* viewMenu);
    bool applyTourBookEdit(const std::function<datamodel::Edit()>& make, const QString& text);
    datamodel::Bookmark bookmarkOfView(const QString& name) const;
    void showTourDay(qint64 day);
    void chooseWhatWasMade();
    // A tour's flight (reduced render scale, no 2D panels) or a still moment (every pixel).
    void showTourInMotion(bool moving);
    // Space, the arrows, Page Up/Down and Esc while a tour plays: true when it took the key.
    bool handleTourKey(QObject* target, QKeyEvent* key);
    void refreshKpiBand();
    bool eventFilter(QObject* watched, QEvent* event) override;
    // Who the audit log names from now on; false (the reason shown, editRefused) for a bad name.
    bool setAuthor(const QString& name);
    void indexModel();
    void showSelectionInDocks();
    void rememberSelection(datamodel::EntityIndex previous);
    void stepSelectionHistory(bool back);
    void applyImpact();
    void rebuildRecentMenu();
    void rebuildGoToMenu();
    void restoreGeometryFromSettings();
    void saveGeometryToSettings();
    void showError(const QString& error);
    void showScheduleProblems(const QString& what, const QString& problems);
    // A landed import's notes (tasks linked to nothing, what was agreed to drop), every one of them.
    void showScheduleNotes(const QString& summary, const QString& notes);
    void askBeforeScheduleImport(const QString& question, const QString& losses);
    void updateDetail();
    void applyViewState(ViewState::Aspect aspect);
    void describePicked(int x, int y, Qt::KeyboardModifiers modifiers);
    void selectInBox(int x0, int y0, int x1, int y1, Qt::KeyboardModifiers modifiers);
    // The selection in the status bar: what it is, or how many and the first.
    void describeSelection();
    void showHoverTip();
    QString describe(int entity) const;
    void adoptModel(std::shared_ptr<const LoadedModel> model);
    static bool sameIndexedParts(const LoadedModel& a, const LoadedModel& b);
    void followEditInWorkbench();
    void adoptSchedule(std::shared_ptr<const LoadedModel> model, ChangeEvent::What what);
    // The timeline's range and curve and the Gantt, for the model's schedule.
    void showSchedule();
    void showLiveUpdate(const LiveUpdate& update);
    void showAlerts(const telemetry::AlertList& alerts);
    void tellLiveWhatIsVisible();
    void startLive();
    // The timeline moved or changed mode: the ViewState's colouring follows; the day's report too.
    void followTimeline(datamodel::TimePoint moment, TimelinePanel::Mode mode);
    void showTimelineReport(datamodel::TimePoint moment);
    // The timeline's day and mode, per model in the settings: it opens where it was left.
    void saveTimelinePlace();
    void restoreTimelinePlace();
    // The ViewState's colouring, onto the scene, the Colour By menu and the timeline's mode.
    void applyColouring();
    // The Gantt lists the entity's tasks unless the choice came from the Gantt itself (it keeps its list).
    enum class GanttFollows { Yes, No };
    void flyToAndSelect(int entity, GanttFollows gantt = GanttFollows::Yes);
    void requestHistory();
    void showInGantt(int entity);
    void showHistory(const History& history);

    scene::ViewWidget* view_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* goToMenu_ = nullptr;
    QLabel* sceneSummary_ = nullptr;
    RecentModels recent_;
    Document* document_ = nullptr;
    ViewState* viewState_ = nullptr;
    // What the window shows: the document's model when it was adopted (and its schedule, below).
    std::shared_ptr<const LoadedModel> model_;
    const datamodel::Schedule* schedule() const { return model_ ? &model_->schedule : nullptr; }
    std::unique_ptr<scene::FacilityScene> facilityScene_;
    QTimer* detailTimer_ = nullptr; // gathers a burst of camera moves into one detail update
    QTimer* hoverTimer_ = nullptr;  // a tooltip once the pointer rests
    QPoint hoverAt_;                // where the pointer rests, in global (screen) coordinates
    // Live telemetry (simulated exporters of the loaded model), after the scene: destroyed first.
    bool liveWanted_ = false;
    std::unique_ptr<LiveTelemetryOptions> liveOptions_;
    std::unique_ptr<LiveTelemetry> live_;
    std::unique_ptr<LiveUpdate> lastLive_; // the latest values, for switching back to them
    double lastLiveHandlingMs_ = 0.0;
    QLabel* telemetryStatus_ = nullptr;
    QToolButton* alertsStatus_ = nullptr; // "Alerts: none", "Alerts (3)": a click shows the dock
    AlertsPanel* alerts_ = nullptr;       // shown at the first alert
    bool alertsOpened_ = false;
    HistoryPanel* history_ = nullptr;
    bool historyOpened_ = false; // shown once, at the first selection; then the user's to close
    TimelinePanel* timeline_ = nullptr;
    GanttPanel* gantt_ = nullptr;
    RecordingRunner* recorder_ = nullptr;
    QActionGroup* colourGroup_ = nullptr; // View > Colour By: shows the ViewState's colouring
    ViewPainter painter_;                 // the ViewState onto the scene
    bool ganttOpened_ = false; // shown once (first selection with the Timeline open, or by the user)
    datamodel::ProgressReport timelineReport_;
    datamodel::TimePoint timelineReportDay_ = datamodel::kNoTime; // the day of timelineReport_
    QElapsedTimer sinceHistory_;
    const telemetry::LiveMetric* historyMetric_ = nullptr;
    QTime lastLiveAt_; // when lastLive_ arrived
    // The workbench (MainWindowWorkbench.cpp).
    SearchField* search_ = nullptr;
    ModelTreePanel* tree_ = nullptr;
    InspectorPanel* inspector_ = nullptr;
    bool inspectorOpened_ = false;
    ImpactPanel* impactPanel_ = nullptr;
    PunchListPanel* punchList_ = nullptr;
    BookmarksPanel* bookmarks_ = nullptr;
    TourPlayer* player_ = nullptr;
    int tourStop_ = -1; // the stop a tour plays, -1: none
    // A bookmark or tour just made, to choose in the dock once the model shows it.
    QString bookmarkToChoose_, tourToChoose_;
    bool bookmarksSized_ = false;    // the dock given its first width
    FlightScale flightScale_;        // the share of pixels a tour's flight renders
    QElapsedTimer sinceFlightFrame_; // the last frame of a tour's flight shown
    // Every GPU's power summed, as Prometheus last answered (NaN: not yet), for the presentation band.
    double livePowerWatts_ = std::nan("");
    int livePowerGpus_ = 0;
    QElapsedTimer sinceLivePower_;
    QToolBar* kpiBand_ = nullptr;
    QLabel* kpiText_ = nullptr;
    QAction* presentAction_ = nullptr;
    bool presenting_ = false, wasFullScreen_ = false, wasMaximized_ = false;
    std::vector<QPointer<QWidget>> shownBeforePresenting_;
    std::shared_ptr<const WorkbenchIndexes> indexes_;
    QFutureWatcher<std::shared_ptr<const WorkbenchIndexes>>* indexing_ = nullptr;
    std::optional<datamodel::Impact> impact_; // of the ViewState's impact highlight
    datamodel::EntityIndex shownSelection_ = datamodel::kNoEntity;
    std::vector<datamodel::EntityIndex> selectionBack_, selectionForward_;
    bool walkingHistory_ = false;
};

} // namespace twin::app
