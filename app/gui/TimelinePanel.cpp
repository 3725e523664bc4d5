#include "gui/TimelinePanel.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QSlider>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>

namespace twin::app {

namespace {
constexpr int kPlayDaysPerSecond[] = {1, 2, 4, 8};
constexpr int kCurveHeight = 160;
} // namespace

TimelinePanel::TimelinePanel(QWidget* parent) : QDockWidget(tr("Timeline"), parent) {
    setObjectName(QStringLiteral("timelinePanel"));
    auto* body = new QWidget(this);
    mode_ = new QComboBox(body);
    mode_->setObjectName(QStringLiteral("timelineMode"));
    mode_->addItems({tr("Off"), tr("Planned"), tr("Actual"), tr("Actual vs planned")});
    hide_ = new QCheckBox(tr("Hide what is not installed"), body);
    hide_->setObjectName(QStringLiteral("timelineHide"));
    hide_->setToolTip(tr("Leave out what is not installed yet, rather than ghost it"));
    auto* back = new QToolButton(body);
    back->setObjectName(QStringLiteral("timelineBack"));
    back->setText(QStringLiteral("◀"));
    back->setToolTip(tr("A day back"));
    auto* forward = new QToolButton(body);
    forward->setObjectName(QStringLiteral("timelineForward"));
    forward->setText(QStringLiteral("▶"));
    forward->setToolTip(tr("A day forward"));
    play_ = new QToolButton(body);
    play_->setObjectName(QStringLiteral("timelinePlay"));
    play_->setText(tr("Play"));
    play_->setCheckable(true);
    speed_ = new QComboBox(body);
    speed_->setObjectName(QStringLiteral("timelineSpeed"));
    for (const int days : kPlayDaysPerSecond)
        speed_->addItem(tr("%n day(s)/s", nullptr, days));
    slider_ = new QSlider(Qt::Horizontal, body);
    slider_->setObjectName(QStringLiteral("timelineSlider"));
    slider_->setPageStep(7);
    date_ = new QLabel(body);
    date_->setObjectName(QStringLiteral("timelineDate"));
    date_->setMinimumWidth(date_->fontMetrics().horizontalAdvance(QStringLiteral("2024-07-22 (day 19)")));
    chart_ = new QChart();
    chart_->setMargins(QMargins(2, 2, 2, 2));
    chart_->legend()->setAlignment(Qt::AlignRight);
    planned_ = new QLineSeries(chart_);
    planned_->setName(tr("Planned"));
    QPen dashed(QColor(120, 120, 130), 2);
    dashed.setStyle(Qt::DashLine);
    planned_->setPen(dashed);
    actual_ = new QLineSeries(chart_);
    actual_->setName(tr("Actual"));
    actual_->setPen(QPen(QColor(40, 150, 80), 2));
    cursor_ = new QLineSeries(chart_);
    cursor_->setName(tr("Day"));
    cursor_->setPen(QPen(QColor(220, 60, 50), 1));
    for (QLineSeries* series : {planned_, actual_, cursor_})
        chart_->addSeries(series);
    auto* curveView = new QChartView(chart_, body);
    curveView->setObjectName(QStringLiteral("timelineCurve"));
    curveView->setRenderHint(QPainter::Antialiasing);
    curveView->setMinimumHeight(kCurveHeight);
    summary_ = new QLabel(body);
    summary_->setObjectName(QStringLiteral("timelineSummary"));
    report_ = new QTreeWidget(body);
    report_->setObjectName(QStringLiteral("timelineReport"));
    report_->setHeaderLabels({tr("Hall / row"), tr("Planned"), tr("Actual"), tr("Complete")});
    report_->setUniformRowHeights(true);
    auto* exportButton = new QPushButton(tr("Export Report..."), body);
    exportButton->setObjectName(QStringLiteral("timelineExport"));
    connect(exportButton, &QPushButton::clicked, this, &TimelinePanel::exportRequested);
    auto* reportColumn = new QVBoxLayout;
    reportColumn->addWidget(summary_);
    reportColumn->addWidget(report_, 1);
    reportColumn->addWidget(exportButton);
    auto* lower = new QHBoxLayout;
    lower->addWidget(curveView, 3);
    lower->addLayout(reportColumn, 2);
    auto* column = new QVBoxLayout(body);
    auto* row = new QHBoxLayout;
    column->addLayout(row);
    column->addLayout(lower, 1);
    row->addWidget(mode_);
    row->addWidget(hide_);
    row->addWidget(back);
    row->addWidget(forward);
    row->addWidget(play_);
    row->addWidget(speed_);
    row->addWidget(slider_, 1);
    row->addWidget(date_);
    setWidget(body);

    player_ = new QTimer(this);
    connect(player_, &QTimer::timeout, this, [this] {
        if (slider_->value() >= slider_->maximum())
            setPlaying(false); // the end of the roll-out
        else
            stepDays(1);
    });
    connect(back, &QToolButton::clicked, this, [this] { stepDays(-1); });
    connect(forward, &QToolButton::clicked, this, [this] { stepDays(1); });
    connect(play_, &QToolButton::toggled, this, &TimelinePanel::setPlaying);
    connect(speed_, &QComboBox::currentIndexChanged, this,
            [this](int index) { player_->setInterval(1000 / kPlayDaysPerSecond[std::max(0, index)]); });
    connect(slider_, &QSlider::valueChanged, this, [this] {
        showDay();
        emit changed(day(), mode());
    });
    connect(mode_, &QComboBox::currentIndexChanged, this, [this] { emit changed(day(), mode()); });
    connect(hide_, &QCheckBox::toggled, this, [this] { emit changed(day(), mode()); });
    player_->setInterval(1000 / kPlayDaysPerSecond[0]);
    setSchedule(0, 0);
}

void TimelinePanel::setSchedule(datamodel::TimePoint start, datamodel::TimePoint end) {
    firstDay_ = datamodel::startOfDay(start) - datamodel::kSecondsPerDay;
    const int days = int((datamodel::startOfDay(end) - firstDay_) / datamodel::kSecondsPerDay) + 1;
    const QSignalBlocker quiet(slider_);
    slider_->setRange(0, std::max(0, days));
    slider_->setValue(0);
    showDay();
}

datamodel::TimePoint TimelinePanel::day() const {
    return firstDay_ + datamodel::TimePoint(slider_->value()) * datamodel::kSecondsPerDay;
}

datamodel::TimePoint TimelinePanel::firstDay() const {
    return firstDay_;
}

datamodel::TimePoint TimelinePanel::lastDay() const {
    return firstDay_ + datamodel::TimePoint(slider_->maximum()) * datamodel::kSecondsPerDay;
}

void TimelinePanel::setDay(datamodel::TimePoint day) {
    slider_->setValue(int((day - firstDay_) / datamodel::kSecondsPerDay));
}

TimelinePanel::Mode TimelinePanel::mode() const {
    return Mode(mode_->currentIndex());
}

void TimelinePanel::setMode(Mode mode) {
    mode_->setCurrentIndex(int(mode));
}

bool TimelinePanel::hidesNotInstalled() const {
    return hide_->isChecked();
}

void TimelinePanel::setHidesNotInstalled(bool hide) {
    hide_->setChecked(hide);
}

void TimelinePanel::stepDays(int days) {
    slider_->setValue(slider_->value() + days);
}

void TimelinePanel::setPlaying(bool playing) {
    if (playing && mode() == Mode::Off)
        setMode(Mode::ActualVsPlanned); // playing with nothing shown would show nothing
    if (playing && slider_->value() >= slider_->maximum())
        slider_->setValue(0); // play again from the start
    const QSignalBlocker quiet(play_);
    play_->setChecked(playing);
    play_->setText(playing ? tr("Pause") : tr("Play"));
    if (playing)
        player_->start();
    else
        player_->stop();
}

bool TimelinePanel::playing() const {
    return player_->isActive();
}

void TimelinePanel::setCurve(const std::vector<datamodel::CurvePoint>& curve, std::size_t total) {
    total_ = total;
    QList<QPointF> planned, actual;
    for (const datamodel::CurvePoint& point : curve) {
        const double x =
            double(point.day + datamodel::kSecondsPerDay) * 1000.0; // the counts are at day's end
        planned.append({x, double(point.planned)});
        actual.append({x, double(point.actual)});
    }
    planned_->replace(planned);
    actual_->replace(actual);
    for (QAbstractAxis* axis : chart_->axes())
        chart_->removeAxis(axis);
    auto* time = new QDateTimeAxis();
    time->setFormat(QStringLiteral("MM-dd"));
    auto* count = new QValueAxis();
    count->setLabelFormat(QStringLiteral("%.0f"));
    count->setTitleText(tr("GPUs installed"));
    count->setRange(0.0, double(std::max<std::size_t>(total, 1)));
    if (!curve.empty())
        time->setRange(
            QDateTime::fromSecsSinceEpoch(curve.front().day, QTimeZone::utc()),
            QDateTime::fromSecsSinceEpoch(curve.back().day + datamodel::kSecondsPerDay, QTimeZone::utc()));
    chart_->addAxis(time, Qt::AlignBottom);
    chart_->addAxis(count, Qt::AlignLeft);
    for (QAbstractSeries* series : chart_->series()) {
        series->attachAxis(time);
        series->attachAxis(count);
    }
    showDay();
}

void TimelinePanel::showReport(const datamodel::ProgressReport& report) {
    const QLocale locale;
    summary_->setText(tr("%1: %2 of %3 GPUs installed (%4 planned), %5 that day; %6 tasks late, %7 blocking "
                         "punch items open")
                          .arg(QString::fromStdString(datamodel::formatDate(report.at)),
                               locale.toString(qulonglong(report.installedActual)),
                               locale.toString(qulonglong(report.gpus)),
                               locale.toString(qulonglong(report.installedPlanned)),
                               locale.toString(qulonglong(report.installedThatDay)),
                               locale.toString(qulonglong(report.lateTasks.size())),
                               locale.toString(qulonglong(report.openBlockingNotes.size()))));
    auto line = [&](const datamodel::HallProgress& area) {
        return QStringList{QString::fromStdString(area.name),
                           locale.toString(qulonglong(area.installedPlanned)),
                           locale.toString(qulonglong(area.installedActual)),
                           QStringLiteral("%1 %").arg(area.percentComplete, 0, 'f', 1)};
    };
    report_->setUpdatesEnabled(false);
    // Keep which halls are open across days.
    QSet<QString> open;
    for (int i = 0; i < report_->topLevelItemCount(); ++i)
        if (report_->topLevelItem(i)->isExpanded())
            open.insert(report_->topLevelItem(i)->text(0));
    report_->clear();
    for (const datamodel::HallProgress& hall : report.halls) {
        auto* hallItem = new QTreeWidgetItem(report_, line(hall));
        for (const datamodel::HallProgress& row : report.rows)
            if (row.within == hall.hall)
                new QTreeWidgetItem(hallItem, line(row));
        hallItem->setExpanded(open.contains(hallItem->text(0)));
    }
    report_->setUpdatesEnabled(true);
}

QString TimelinePanel::summary() const {
    return summary_->text();
}

int TimelinePanel::curvePoints() const {
    return int(actual_->count());
}

datamodel::TimePoint TimelinePanel::cursorDay() const {
    return cursor_->count() == 0
               ? datamodel::kNoTime
               : datamodel::TimePoint(cursor_->at(0).x() / 1000.0) - datamodel::kSecondsPerDay;
}

void TimelinePanel::showDay() {
    // The cursor stands at the end of the slider's day, where the curve's counts for it are.
    const double x = double(day() + datamodel::kSecondsPerDay) * 1000.0;
    cursor_->replace(QList<QPointF>{{x, 0.0}, {x, double(std::max<std::size_t>(total_, 1))}});
    date_->setText(
        tr("%1 (day %2)").arg(QString::fromStdString(datamodel::formatDate(day()))).arg(slider_->value()));
}

} // namespace twin::app
