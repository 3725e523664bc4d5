// MainWindow and the schedule: the timeline recolouring the scene and stamping the date, the Gantt
// following the selection, schedules in and out, the progress report and recordings.
#include "datamodel/Facility.h"
#include "datamodel/Schedule.h"
#include "datamodel/Time.h"
#include "gui/document/Document.h"
#include "gui/document/ModelKey.h"
#include "gui/timeline/GanttPanel.h"
#include "gui/timeline/ProgressExport.h"
#include "gui/timeline/RecordingRunner.h"
#include "gui/timeline/TimelinePanel.h"
#include "gui/window/MainWindow.h"
#include "gui/window/MainWindowShared.h"
#include "gui/window/ViewState.h"
#include "scene/FacilityScene.h"
#include "scene/ViewWidget.h"
#include "view/TimelineStamp.h"

#include <QAction>
#include <QActionGroup>
#include <QDateTime>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>

namespace twin::app {

using window::kStatusMessageMs;

void MainWindow::importSchedule(const QString& path) {
    if (!model_)
        showScheduleProblems(tr("The schedule was not imported."), tr("No model is open"));
    else if (!document_->importSchedule(path))
        showScheduleProblems(tr("The schedule was not imported."), tr("Another schedule file is in work"));
    else
        statusBar()->showMessage(tr("Importing %1...").arg(QFileInfo(path).fileName()));
}

void MainWindow::exportSchedule(const QString& path) {
    if (!document_->exportSchedule(path))
        showScheduleProblems(tr("The schedule was not exported."),
                             facility() ? tr("Another schedule file is in work") : tr("No model is open"));
}

bool MainWindow::recordRollOut(const QStringList& arguments) {
    if (!model_ || !recorder_->start(QStringList{model_->path} + arguments))
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

namespace {
// The first few lines of `lines`, and how many more there are: a message box's text stays short, its
// details hold them all.
QString firstLines(const QString& lines, int count) {
    const QStringList all = lines.split(QLatin1Char('\n'));
    QString shown = all.mid(0, count).join(QLatin1Char('\n'));
    if (all.size() > count)
        shown += MainWindow::tr("\n... and %1 more (Show Details)").arg(all.size() - count);
    return shown;
}
} // namespace

void MainWindow::showScheduleNotes(const QString& summary, const QString& notes) {
    auto* box = new QMessageBox(QMessageBox::Information, tr("Schedule"), summary, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("scheduleNotesBox"));
    box->setInformativeText(firstLines(notes, 5));
    box->setDetailedText(notes);
    box->open();
}

void MainWindow::askBeforeScheduleImport(const QString& question, const QString& losses) {
    // Non-blocking: the window keeps drawing; the import waits for the answer.
    auto* box =
        new QMessageBox(QMessageBox::Question, tr("Import Schedule"), question, QMessageBox::NoButton, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("scheduleConfirmBox"));
    QStringList bullets = losses.split(QLatin1Char('\n'));
    for (QString& line : bullets)
        line.prepend(QStringLiteral("• "));
    box->setInformativeText(bullets.join(QLatin1Char('\n')) + tr("\n\nImport it anyway?"));
    QPushButton* import = box->addButton(tr("Import Anyway"), QMessageBox::DestructiveRole);
    import->setObjectName(QStringLiteral("scheduleImportAnyway"));
    QPushButton* cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    connect(box, &QMessageBox::finished, this,
            [this, box, import] { document_->answerScheduleImport(box->clickedButton() == import); });
    box->open();
    emit scheduleImportQuestionAsked(losses);
}

QString MainWindow::exportProgressReport(const QString& path) {
    if (!facility() || !schedule())
        return tr("No model is open");
    return writeProgressReport(path, datamodel::progressAt(*facility(), *schedule(), timeline_->day()),
                               *facility(),
                               datamodel::installedCurve(*facility(), *schedule(), datamodel::EntityKind::Gpu,
                                                         timeline_->firstDay(), timeline_->lastDay()),
                               QFileInfo(model_->path).fileName());
}

void MainWindow::followTimeline(datamodel::TimePoint moment, TimelinePanel::Mode mode) {
    refreshKpiBand(); // the headline figures follow the timeline as it plays
    showTimelineReport(moment);
    if (mode != TimelinePanel::Mode::Off)
        viewState_->setColouring(Colouring{Colouring::By::Timeline, nullptr, mode, moment,
                                           timeline_->shownUntil(), timeline_->hidesNotInstalled()});
    else if (viewState_->colouring().by == Colouring::By::Timeline)
        viewState_->setColouring(Colouring{}); // back to kinds only when the timeline was what coloured
}

void MainWindow::saveTimelinePlace() {
    if (!model_)
        return;
    QSettings settings;
    settings.beginGroup(QStringLiteral("timeline/") + modelFileKey(model_->path));
    settings.setValue(QStringLiteral("moment"), qint64(timeline_->moment()));
    settings.setValue(QStringLiteral("mode"), int(timeline_->mode()));
}

void MainWindow::restoreTimelinePlace() {
    // Where it was for this model; else today, when the schedule spans it; else the schedule's end.
    QSettings settings;
    settings.beginGroup(QStringLiteral("timeline/") + modelFileKey(model_->path));
    const datamodel::TimePoint today = datamodel::startOfDay(QDateTime::currentSecsSinceEpoch());
    const datamodel::TimePoint fallback =
        today >= timeline_->firstDay() && today <= timeline_->lastDay() ? today : timeline_->lastDay();
    const datamodel::TimePoint moment =
        settings.value(QStringLiteral("moment"), qint64(fallback)).toLongLong();
    const int mode = settings.value(QStringLiteral("mode"), int(TimelinePanel::Mode::Off)).toInt();
    timeline_->setMoment(moment);
    if (mode > int(TimelinePanel::Mode::Off) && mode <= int(TimelinePanel::Mode::ActualVsPlanned))
        timeline_->setMode(TimelinePanel::Mode(mode)); // colours the scene through followTimeline
}

void MainWindow::showTimelineReport(datamodel::TimePoint moment) {
    if (!schedule())
        return;
    // The day's report, whatever the scene shows: once a day, not at every hour or change of mode.
    if (const datamodel::TimePoint day = datamodel::startOfDay(moment); day != timelineReportDay_) {
        timelineReportDay_ = day;
        timelineReport_ = datamodel::progressAt(*facility(), *schedule(), day);
        timeline_->showReport(timelineReport_, &facility()->tasks());
    }
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

} // namespace twin::app
