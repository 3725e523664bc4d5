#include "gui/timeline/TimelinePanel.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QResizeEvent>
#include <QSet>
#include <QSlider>
#include <QStyle>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>

namespace twin::app {

namespace {
constexpr int kTaskRole = Qt::UserRole;          // a late task's row: its task
constexpr int kLateGroupRole = Qt::UserRole + 1; // the "Late tasks" group
} // namespace

namespace {
constexpr int kPlayDaysPerSecond[] = {1, 2, 4, 8};
constexpr int kCurveHeight = 160;
constexpr datamodel::TimePoint kSecondsPerHour = 3600;
constexpr int kHoursPerDay = 24;
constexpr int kLeadInDays = 3; // days of flat curve shown before the roll-out
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
    speed_->setSizeAdjustPolicy(QComboBox::AdjustToContents); // labelled later, days or hours
    for (std::size_t i = 0; i < std::size(kPlayDaysPerSecond); ++i)
        speed_->addItem(QString()); // labelled by labelSpeeds(): days or hours a second
    zoom_ = new QComboBox(body);
    zoom_->setObjectName(QStringLiteral("timelineZoom"));
    zoom_->addItems({tr("Whole schedule, days"), tr("A week, hours"), tr("A day, hours")});
    zoom_->setToolTip(tr("Zoom in to step through a week or a day hour by hour"));
    today_ = new QToolButton(body);
    today_->setObjectName(QStringLiteral("timelineToday"));
    today_->setText(tr("Today"));
    slider_ = new QSlider(Qt::Horizontal, body);
    slider_->setObjectName(QStringLiteral("timelineSlider"));
    slider_->setPageStep(7);
    date_ = new QLabel(body);
    date_->setObjectName(QStringLiteral("timelineDate"));
    date_->setMinimumWidth(
        date_->fontMetrics().horizontalAdvance(QStringLiteral("2024-07-22 14:00 (day 119), today")));
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
    todayLine_ = new QLineSeries(chart_);
    todayLine_->setName(tr("Today"));
    QPen dotted(QColor(40, 90, 200), 1);
    dotted.setStyle(Qt::DotLine);
    todayLine_->setPen(dotted);
    for (QLineSeries* series : {planned_, actual_, cursor_, todayLine_})
        chart_->addSeries(series);
    auto* curveView = new QChartView(chart_, body);
    curveView->setObjectName(QStringLiteral("timelineCurve"));
    curveView->setRenderHint(QPainter::Antialiasing);
    curveView->setMinimumHeight(kCurveHeight);
    // Narrower than this, Qt Charts cuts the axis labels to "0..." instead of thinning them: room for
    // two dates, the count axis and the legend to its right. Wider, resizeEvent adds dates.
    curveView->setMinimumWidth(curveView->fontMetrics().horizontalAdvance(QStringLiteral("2024-07-22")) * 3 +
                               curveView->fontMetrics().horizontalAdvance(QStringLiteral("200,000 Planned")) *
                                   2);
    curveView_ = curveView;
    summary_ = new QLabel(body);
    summary_->setObjectName(QStringLiteral("timelineSummary"));
    summary_->setWordWrap(true); // a long line; it must not set the dock's least width
    report_ = new QTreeWidget(body);
    report_->setObjectName(QStringLiteral("timelineReport"));
    report_->setHeaderLabels({tr("Hall / row"), tr("Planned"), tr("Actual"), tr("Complete"), tr("Blocking")});
    report_->headerItem()->setToolTip(4, tr("Open blocking punch items in the hall or row"));
    report_->setUniformRowHeights(true);
    // Wide enough for a row's name and its three numbers without a horizontal scroll bar.
    {
        const QFontMetrics metrics = report_->fontMetrics();
        const int number = metrics.horizontalAdvance(QStringLiteral("200,000__"));
        report_->setColumnWidth(0, metrics.horizontalAdvance(QStringLiteral("Hall 4 / R12____")));
        for (int c = 1; c < 4; ++c)
            report_->setColumnWidth(c, number);
        const int blocking = metrics.horizontalAdvance(QStringLiteral("Blocking__"));
        report_->setColumnWidth(4, blocking);
        report_->setMinimumWidth(report_->columnWidth(0) + 3 * number + blocking + 2 * report_->frameWidth() +
                                 report_->style()->pixelMetric(QStyle::PM_ScrollBarExtent));
    }
    connect(report_, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item) {
        if (const QVariant task = item->data(0, kTaskRole); task.isValid())
            emit taskChosen(task.toUInt());
    });
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
    // Two rows: the day's controls, then the mode and the slider with its date. One row of everything
    // made the dock so wide that beside History its boxes were squeezed to ":".
    auto* column = new QVBoxLayout(body);
    auto* controls = new QHBoxLayout;
    auto* sliderRow = new QHBoxLayout;
    column->addLayout(controls);
    column->addLayout(sliderRow);
    column->addLayout(lower, 1);
    for (QWidget* control :
         std::initializer_list<QWidget*>{mode_, hide_, back, forward, play_, speed_, zoom_, today_})
        // Never narrower than their text: a squeezed box shows ":" for "1 day/s".
        control->setSizePolicy(QSizePolicy::Minimum, control->sizePolicy().verticalPolicy());
    for (QWidget* control : std::initializer_list<QWidget*>{back, forward, play_, speed_, zoom_, today_})
        controls->addWidget(control);
    controls->addStretch(1);
    controls->addWidget(hide_);
    sliderRow->addWidget(mode_);
    sliderRow->addWidget(slider_, 1);
    sliderRow->addWidget(date_);
    setWidget(body);

    player_ = new QTimer(this);
    connect(player_, &QTimer::timeout, this, [this] {
        if (moment_ >= lastMoment())
            setPlaying(false); // the end of the roll-out
        else if (zoom() == Zoom::Schedule)
            stepDays(1);
        else
            setMoment(moment_ + kSecondsPerHour);
    });
    connect(today_, &QToolButton::clicked, this, &TimelinePanel::goToToday);
    connect(zoom_, &QComboBox::currentIndexChanged, this, [this] {
        if (zoom() == Zoom::Schedule)
            moment_ = datamodel::startOfDay(moment_);
        labelSpeeds();
        layOutSlider();
        showDay();
        emit changed(moment(), mode());
    });
    connect(back, &QToolButton::clicked, this, [this] { stepDays(-1); });
    connect(forward, &QToolButton::clicked, this, [this] { stepDays(1); });
    connect(play_, &QToolButton::toggled, this, &TimelinePanel::setPlaying);
    connect(speed_, &QComboBox::currentIndexChanged, this,
            [this](int index) { player_->setInterval(1000 / kPlayDaysPerSecond[std::max(0, index)]); });
    connect(slider_, &QSlider::valueChanged, this, [this](int position) {
        moment_ = timeAt(position);
        showDay();
        emit changed(moment(), mode());
    });
    connect(mode_, &QComboBox::currentIndexChanged, this, [this] { emit changed(moment(), mode()); });
    connect(hide_, &QCheckBox::toggled, this, [this] { emit changed(moment(), mode()); });
    player_->setInterval(1000 / kPlayDaysPerSecond[0]);
    now_ = QDateTime::currentSecsSinceEpoch();
    labelSpeeds();
    setSchedule(0, 0);
}

void TimelinePanel::setSchedule(datamodel::TimePoint start, datamodel::TimePoint end) {
    // A day before the first task to a day after the last, so that both ends show their contrast.
    firstDay_ = datamodel::startOfDay(start) - datamodel::kSecondsPerDay;
    lastDay_ = std::max(firstDay_, datamodel::startOfDay(end) + datamodel::kSecondsPerDay);
    moment_ = firstDay_;
    layOutSlider();
    showDay();
    showToday();
}

datamodel::TimePoint TimelinePanel::day() const {
    return datamodel::startOfDay(moment_);
}

datamodel::TimePoint TimelinePanel::moment() const {
    return moment_;
}

datamodel::TimePoint TimelinePanel::shownUntil() const {
    return moment_ + (zoom() == Zoom::Schedule ? datamodel::kSecondsPerDay : kSecondsPerHour) - 1;
}

int TimelinePanel::dayNumber() const {
    return int((day() - firstDay_) / datamodel::kSecondsPerDay);
}

datamodel::TimePoint TimelinePanel::firstDay() const {
    return firstDay_;
}

datamodel::TimePoint TimelinePanel::lastDay() const {
    return lastDay_;
}

datamodel::TimePoint TimelinePanel::lastMoment() const {
    return zoom() == Zoom::Schedule ? lastDay_ : lastDay_ + datamodel::kSecondsPerDay - kSecondsPerHour;
}

void TimelinePanel::setDay(datamodel::TimePoint day) {
    setMoment(datamodel::startOfDay(day));
}

void TimelinePanel::setMoment(datamodel::TimePoint moment) {
    moment = std::clamp(moment, firstDay_, lastMoment());
    moment = zoom() == Zoom::Schedule ? datamodel::startOfDay(moment) : moment - moment % kSecondsPerHour;
    if (moment == moment_)
        return;
    moment_ = moment;
    layOutSlider();
    showDay();
    emit changed(moment_, mode());
}

TimelinePanel::Zoom TimelinePanel::zoom() const {
    return Zoom(std::max(0, zoom_->currentIndex()));
}

void TimelinePanel::setZoom(Zoom zoom) {
    zoom_->setCurrentIndex(int(zoom));
}

void TimelinePanel::layOutSlider() {
    const QSignalBlocker quiet(slider_);
    if (zoom() == Zoom::Schedule) {
        slider_->setRange(0, int((lastDay_ - firstDay_) / datamodel::kSecondsPerDay));
        slider_->setPageStep(7);
        slider_->setValue(int((day() - firstDay_) / datamodel::kSecondsPerDay));
        return;
    }
    // Zoomed in, the slider spans a week (from three days before the moment's day) or the moment's
    // day, an hour a step, kept within the schedule; it moves on when the moment leaves it.
    const int hours = zoom() == Zoom::Week ? 7 * kHoursPerDay : kHoursPerDay;
    const datamodel::TimePoint span = hours * kSecondsPerHour;
    const bool inside =
        moment_ >= windowStart_ && moment_ < windowStart_ + span && slider_->maximum() == hours - 1;
    if (!inside) {
        windowStart_ = day() - (zoom() == Zoom::Week ? 3 * datamodel::kSecondsPerDay : 0);
        windowStart_ = std::clamp(windowStart_, firstDay_,
                                  std::max(firstDay_, lastDay_ + datamodel::kSecondsPerDay - span));
    }
    slider_->setRange(0, hours - 1);
    slider_->setPageStep(zoom() == Zoom::Week ? kHoursPerDay : 6);
    slider_->setValue(int((moment_ - windowStart_) / kSecondsPerHour));
}

datamodel::TimePoint TimelinePanel::timeAt(int position) const {
    return zoom() == Zoom::Schedule ? firstDay_ + datamodel::TimePoint(position) * datamodel::kSecondsPerDay
                                    : windowStart_ + datamodel::TimePoint(position) * kSecondsPerHour;
}

void TimelinePanel::labelSpeeds() {
    // Spelled out: without a translation loaded, Qt's plural forms read "1 day(s)/s".
    const bool days = zoom() == Zoom::Schedule;
    for (int i = 0; i < speed_->count(); ++i) {
        const int n = kPlayDaysPerSecond[i];
        speed_->setItemText(i, days ? (n == 1 ? tr("1 day/s") : tr("%1 days/s").arg(n))
                                    : (n == 1 ? tr("1 hour/s") : tr("%1 hours/s").arg(n)));
    }
}

void TimelinePanel::setNow(datamodel::TimePoint now) {
    now_ = now;
    showToday();
    showDay();
}

void TimelinePanel::goToToday() {
    setMoment(now_);
}

datamodel::TimePoint TimelinePanel::todayMarker() const {
    return todayLine_->count() == 0 ? datamodel::kNoTime
                                    : datamodel::TimePoint(todayLine_->at(0).x() / 1000.0);
}

void TimelinePanel::showToday() {
    const bool within = now_ >= firstDay_ && now_ < lastDay_ + datamodel::kSecondsPerDay;
    today_->setToolTip(within ? tr("Go to today, %1").arg(QString::fromStdString(datamodel::formatDate(now_)))
                              : tr("Today (%1) is outside the schedule: go to its nearer end")
                                    .arg(QString::fromStdString(datamodel::formatDate(now_))));
    for (QLegendMarker* marker : chart_->legend()->markers(todayLine_))
        marker->setVisible(within); // no "Today" in the key when it is not on the chart
    if (!within) {
        todayLine_->clear();
        return;
    }
    const double x = double(now_) * 1000.0;
    todayLine_->replace(QList<QPointF>{{x, 0.0}, {x, double(std::max<std::size_t>(total_, 1))}});
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
    setMoment(moment_ + datamodel::TimePoint(days) * datamodel::kSecondsPerDay);
}

void TimelinePanel::setPlaying(bool playing) {
    if (playing && mode() == Mode::Off)
        setMode(Mode::ActualVsPlanned); // playing with nothing shown would show nothing
    if (playing && moment_ >= lastMoment())
        setMoment(firstDay_); // play again from the start
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
    time->setFormat(QStringLiteral("yyyy-MM-dd")); // the year too: a schedule spans New Year
    auto* count = new QValueAxis();
    count->setLabelFormat(QStringLiteral("%.0f"));
    count->setTitleText(tr("GPUs installed"));
    count->setRange(0.0, double(std::max<std::size_t>(total, 1)));
    // The curve rises only in the roll-out (19 of Colossus's 122 days): the chart spans that rise, a
    // few days either side, and counts what went in long after it beside the chart.
    curveStart_ = curve.empty() ? 0 : curve.front().day;
    curveEnd_ = curve.empty() ? 0 : curve.back().day + datamodel::kSecondsPerDay;
    rollOut_ = datamodel::rollOutSpan(curve, kLeadInDays);
    if (!curve.empty())
        rollOut_.to += datamodel::kSecondsPerDay; // to the end of the span's last day
    timeAxis_ = time;
    chart_->addAxis(time, Qt::AlignBottom);
    fitDateTicks();
    chart_->addAxis(count, Qt::AlignLeft);
    for (QAbstractSeries* series : chart_->series()) {
        series->attachAxis(time);
        series->attachAxis(count);
    }
    showToday();
    showDay();
}

void TimelinePanel::showReport(const datamodel::ProgressReport& report, const datamodel::TaskColumns* tasks) {
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
        return QStringList{
            QString::fromStdString(area.name), locale.toString(qulonglong(area.installedPlanned)),
            locale.toString(qulonglong(area.installedActual)),
            QStringLiteral("%1 %").arg(area.percentComplete, 0, 'f', 1),
            area.openBlockingPunchItems == 0 ? QString()
                                             : locale.toString(qulonglong(area.openBlockingPunchItems))};
    };
    report_->setUpdatesEnabled(false);
    // Keep which halls are open across days.
    QSet<QString> open;
    for (int i = 0; i < report_->topLevelItemCount(); ++i)
        if (const QTreeWidgetItem* item = report_->topLevelItem(i); item->isExpanded())
            open.insert(item->data(0, kLateGroupRole).toBool() ? QStringLiteral("late") : item->text(0));
    report_->clear();
    for (const datamodel::HallProgress& hall : report.halls) {
        auto* hallItem = new QTreeWidgetItem(report_, line(hall));
        for (const datamodel::HallProgress& row : report.rows)
            if (row.within == hall.hall)
                new QTreeWidgetItem(hallItem, line(row));
        hallItem->setExpanded(open.contains(hallItem->text(0)));
    }
    // The late tasks themselves, oldest planned end first, not only their count: a click flies there.
    if (tasks && !report.lateTasks.empty()) {
        auto* late = new QTreeWidgetItem(
            report_, {tr("Late tasks (%1)").arg(locale.toString(qulonglong(report.lateTasks.size())))});
        late->setData(0, kLateGroupRole, true);
        late->setForeground(0, QColor(200, 40, 40));
        const std::size_t listed = std::min<std::size_t>(report.lateTasks.size(), kLateTasksListed);
        for (std::size_t i = 0; i < listed; ++i) {
            const std::uint32_t t = report.lateTasks[i].task;
            const std::string_view name = tasks->name[t];
            const datamodel::TimePoint end = report.lateTasks[i].plannedEnd;
            auto* item = new QTreeWidgetItem(
                late, {QString::fromUtf8(name.data(), qsizetype(name.size())),
                       tr("due %1").arg(QString::fromStdString(datamodel::formatDate(end))),
                       tasks->actualStart[t] == datamodel::kNoTime ? tr("not started") : tr("in progress"),
                       tr("%1 d late").arg((report.at - end) / datamodel::kSecondsPerDay)});
            item->setData(0, kTaskRole, t);
        }
        if (listed < report.lateTasks.size())
            new QTreeWidgetItem(late,
                                {tr("... and %1 more (Export lists them all)")
                                     .arg(locale.toString(qulonglong(report.lateTasks.size() - listed)))});
        late->setExpanded(open.contains(QStringLiteral("late")));
    }
    report_->setUpdatesEnabled(true);
}

std::vector<std::uint32_t> TimelinePanel::listedLateTasks() const {
    std::vector<std::uint32_t> listed;
    for (int i = 0; i < report_->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* group = report_->topLevelItem(i);
        if (!group->data(0, kLateGroupRole).toBool())
            continue;
        for (int c = 0; c < group->childCount(); ++c)
            if (const QVariant task = group->child(c)->data(0, kTaskRole); task.isValid())
                listed.push_back(task.toUInt());
    }
    return listed;
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

std::pair<datamodel::TimePoint, datamodel::TimePoint> TimelinePanel::chartSpan() const {
    if (!timeAxis_)
        return {datamodel::kNoTime, datamodel::kNoTime};
    return {timeAxis_->min().toSecsSinceEpoch(), timeAxis_->max().toSecsSinceEpoch()};
}

void TimelinePanel::fitChartToSlider() {
    if (!timeAxis_ || curveEnd_ <= curveStart_)
        return;
    datamodel::TimePoint from = rollOut_.from, to = rollOut_.to;
    QStringList notes;
    if (zoom() == Zoom::Schedule) {
        // The slider's day widens the chart when it is near the roll-out; far from it (today, two years
        // on) it would squeeze the rise into a line, so the chart says where the day is instead.
        const datamodel::TimePoint reach =
            std::max<datamodel::TimePoint>(to - from, datamodel::kSecondsPerDay);
        const datamodel::TimePoint shown = day();
        if (shown < from && from - shown <= reach)
            from = shown;
        else if (shown >= to && shown + datamodel::kSecondsPerDay - to <= reach)
            to = shown + datamodel::kSecondsPerDay;
        else if (shown < from || shown >= to)
            notes << (shown < from ? tr("◀ %1 is before the roll-out") : tr("%1 is after the roll-out ▶"))
                         .arg(QString::fromStdString(datamodel::formatDate(shown)));
        if (rollOut_.laterActual > 0 && to <= rollOut_.lastLater)
            notes << tr("%1 GPUs installed later, the last on %2 ▶")
                         .arg(QLocale().toString(qulonglong(rollOut_.laterActual)),
                              QString::fromStdString(datamodel::formatDate(rollOut_.lastLater)));
    } else { // the slider's week or day
        from = windowStart_;
        to = windowStart_ + (zoom() == Zoom::Week ? 7 : 1) * datamodel::kSecondsPerDay;
    }
    timeAxis_->setTitleText(notes.join(QStringLiteral("; ")));
    timeAxis_->setTitleVisible(!notes.isEmpty());
    timeAxis_->setFormat(zoom() == Zoom::Day ? QStringLiteral("HH:mm") : QStringLiteral("yyyy-MM-dd"));
    timeAxis_->setRange(QDateTime::fromSecsSinceEpoch(from, QTimeZone::utc()),
                        QDateTime::fromSecsSinceEpoch(to, QTimeZone::utc()));
}

void TimelinePanel::resizeEvent(QResizeEvent* event) {
    QDockWidget::resizeEvent(event);
    fitDateTicks();
}

void TimelinePanel::fitDateTicks() {
    if (!timeAxis_)
        return;
    // As many dates as fit with room between them; Qt Charts would cut each to "2024-0..." instead.
    const int dateWidth = curveView_->fontMetrics().horizontalAdvance(QStringLiteral("2024-07-22"));
    const int plotWidth = int(chart_->plotArea().width());
    timeAxis_->setTickCount(std::clamp(plotWidth / (dateWidth * 3 / 2), 2, 8));
}

QString TimelinePanel::chartNote() const {
    return timeAxis_ && timeAxis_->isTitleVisible() ? timeAxis_->titleText() : QString();
}

void TimelinePanel::showDay() {
    // The cursor stands at the end of the day or hour shown, where the curve's counts for it are.
    const double x = double(shownUntil() + 1) * 1000.0;
    cursor_->replace(QList<QPointF>{{x, 0.0}, {x, double(std::max<std::size_t>(total_, 1))}});
    const QString when = zoom() == Zoom::Schedule
                             ? QString::fromStdString(datamodel::formatDate(moment_))
                             : QString::fromStdString(datamodel::formatTime(moment_)).left(16);
    date_->setText(day() == datamodel::startOfDay(now_) ? tr("%1 (day %2), today").arg(when).arg(dayNumber())
                                                        : tr("%1 (day %2)").arg(when).arg(dayNumber()));
    fitChartToSlider();
}

} // namespace twin::app
