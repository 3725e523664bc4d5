// Presentation mode (View > Presentation, F5): for a big screen in front of executives: full screen,
// the menus, toolbars, status bar and docks hidden, and a band of headline figures across the top in
// type readable from three metres (28 pt bold, about 37 px on a 1920x1080 screen): GPUs installed by
// the timeline's day of the total, GPUs reporting live, the GPUs' power drawn (Prometheus's sum) against
// their rated power, days since the first rack, open blocking punch items and alerts. It follows the timeline
// and live telemetry; F5 or Esc leaves it and every dock, toolbar and bar shown before comes back.
#include "datamodel/ProgressReport.h"
#include "gui/live/AlertsPanel.h"
#include "gui/live/LiveTelemetry.h"
#include "gui/tour/TourPlayer.h"
#include "gui/window/MainWindow.h"

#include <QApplication>
#include <QDockWidget>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>
#include <cmath>

namespace twin::app {

namespace {
constexpr double kGpuRatedWatts = 700.0; // an H100 SXM5's TDP: what the band's capacity counts
constexpr qint64 kPowerStaleMs = 60000;  // a sum older than this is said to be stale
} // namespace

void MainWindow::buildPresentation(QMenu* viewMenu) {
    kpiBand_ = new QToolBar(tr("Headline Figures"), this);
    kpiBand_->setObjectName(QStringLiteral("kpiBand"));
    kpiBand_->setMovable(false);
    kpiBand_->setFloatable(false);
    kpiBand_->setStyleSheet(QStringLiteral("QToolBar { background: #111418; border: none; }"));
    kpiText_ = new QLabel(kpiBand_);
    kpiText_->setObjectName(QStringLiteral("kpiText"));
    QFont big = kpiText_->font();
    big.setPointSize(kKpiPointSize);
    big.setBold(true);
    kpiText_->setFont(big);
    kpiText_->setStyleSheet(QStringLiteral("color: #f2f2f2; padding: 10px 24px;"));
    kpiBand_->addWidget(kpiText_);
    addToolBar(Qt::TopToolBarArea, kpiBand_);
    kpiBand_->hide();
    QAction* present = viewMenu->addAction(tr("&Presentation Mode"));
    present->setObjectName(QStringLiteral("actionPresentation"));
    present->setShortcut(QKeySequence(Qt::Key_F5));
    present->setCheckable(true);
    present->setToolTip(tr("Full screen with the headline figures, for a big screen (F5 or Esc leaves)"));
    connect(present, &QAction::toggled, this, &MainWindow::setPresentationMode);
    presentAction_ = present;
}

void MainWindow::setPresentationMode(bool on) {
    if (on == presenting_)
        return;
    presenting_ = on;
    if (presentAction_->isChecked() != on) {
        const QSignalBlocker quiet(presentAction_);
        presentAction_->setChecked(on);
    }
    if (on) {
        shownBeforePresenting_.clear();
        for (QDockWidget* dock : findChildren<QDockWidget*>())
            if (dock->isVisible()) {
                shownBeforePresenting_.push_back(dock);
                dock->hide();
            }
        for (QToolBar* bar : findChildren<QToolBar*>())
            if (bar != kpiBand_ && bar->isVisible()) {
                shownBeforePresenting_.push_back(bar);
                bar->hide();
            }
        menuBar()->hide();
        statusBar()->hide();
        wasFullScreen_ = isFullScreen();
        wasMaximized_ = isMaximized();
        refreshKpiBand();
        kpiBand_->show();
        showFullScreen();
        qApp->installEventFilter(this); // Esc leaves, wherever the focus is
        return;
    }
    if (!player_ || !player_->playing())
        qApp->removeEventFilter(this); // a tour playing keeps its keys
    kpiBand_->hide();
    menuBar()->show();
    statusBar()->show();
    for (QWidget* widget : shownBeforePresenting_)
        if (widget)
            widget->show();
    shownBeforePresenting_.clear();
    if (!wasFullScreen_)
        wasMaximized_ ? showMaximized() : showNormal();
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    // A tour's keys first: Esc stops the tour before it leaves presentation mode.
    if ((event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride) &&
        handleTourKey(watched, static_cast<QKeyEvent*>(event)))
        return true;
    if (presenting_ && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
        setPresentationMode(false);
        return true;
    }
    return QMainWindow::eventFilter(watched, event);
}

QString MainWindow::kpiText() const {
    return kpiText_ ? kpiText_->text() : QString();
}

void MainWindow::refreshKpiBand() {
    if (!presenting_ || !kpiText_)
        return;
    if (!model_) {
        kpiText_->setText(tr("Colossus Twin"));
        return;
    }
    const QLocale locale;
    const datamodel::TimePoint day = timeline_->day();
    const datamodel::ProgressReport report = datamodel::progressAt(*facility(), *schedule(), day);
    const auto days =
        facility()->scheduleStart() == datamodel::kNoTime
            ? 0
            : std::max<datamodel::TimePoint>(
                  0,
                  (day - datamodel::startOfDay(facility()->scheduleStart())) / datamodel::kSecondsPerDay + 1);
    QStringList figures;
    figures << tr("%1 of %2 GPUs installed")
                   .arg(locale.toString(qulonglong(report.installedActual)),
                        locale.toString(qulonglong(report.gpus)));
    if (lastLive_)
        figures << tr("%1 live").arg(locale.toString(lastLive_->fresh));
    // Power drawn by the GPUs against what they are rated for (every GPU of the model at its TDP).
    const double capacityMw = double(report.gpus) * kGpuRatedWatts / 1e6;
    if (std::isfinite(livePowerWatts_))
        figures << tr("%1 of %2 MW GPU power%3")
                       .arg(locale.toString(livePowerWatts_ / 1e6, 'f', 1),
                            locale.toString(capacityMw, 'f', 1),
                            sinceLivePower_.elapsed() > kPowerStaleMs ? tr(" (stale)") : QString());
    figures << tr("day %1").arg(days);
    figures
        << tr("%1 blocking punch items").arg(locale.toString(qulonglong(report.openBlockingNotes.size())));
    figures << tr("%1 alerts").arg(alerts_->shownAlerts());
    kpiText_->setText(figures.join(QStringLiteral("   \u00b7   ")));
}

} // namespace twin::app
