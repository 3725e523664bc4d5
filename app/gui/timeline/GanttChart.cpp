#include "gui/timeline/GanttChart.h"

#include "gui/window/Utf8.h"
#include "scene/FacilityScene.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTimeZone>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace twin::app {

using datamodel::kNoTime;
using datamodel::kSecondsPerDay;
using datamodel::Progress;
using datamodel::TimePoint;

namespace {
constexpr int kAxisHeight = 24;
constexpr int kRowHeight = 22;
constexpr int kMarkWidth = 22; // the critical column
constexpr int kMaxNameWidth = 300;
constexpr int kMinBarWidth = 3; // a two-hour task on a month's axis still shows
const QColor kPlanned(150, 152, 160);
const QColor kCritical(150, 0, 0);
const QColor kDayLine(120, 40, 200); // not a progress colour: red and yellow mean late and in progress

QString dateText(TimePoint time, const char* format) {
    return QDateTime::fromSecsSinceEpoch(time, QTimeZone::utc()).toString(QLatin1String(format));
}
} // namespace

GanttChart::GanttChart(QWidget* parent) : QAbstractScrollArea(parent) {
    setObjectName(QStringLiteral("ganttChart"));
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the axis always fits the width
    verticalScrollBar()->setSingleStep(kRowHeight);
    viewport()->setAutoFillBackground(false);
}

void GanttChart::setTaskModel(const GanttTaskModel* model) {
    model_ = model;
    connect(model, &QAbstractItemModel::modelReset, this, &GanttChart::layOutRows);
    connect(model, &QAbstractItemModel::dataChanged, viewport(), qOverload<>(&QWidget::update));
    connect(model, &GanttTaskModel::dayChanged, viewport(), qOverload<>(&QWidget::update));
    layOutRows();
}

void GanttChart::layOutRows() {
    tasks_ = model_->rows().empty() ? nullptr : model_->tasks();
    from_ = kNoTime;
    to_ = kNoTime;
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    int widest = 0;
    for (const GanttRow& row : rows()) {
        for (TimePoint start : {tasks_->plannedStart[row.task], tasks_->actualStart[row.task]})
            if (start != kNoTime && (from_ == kNoTime || start < from_))
                from_ = start;
        for (TimePoint end : {tasks_->plannedEnd[row.task], tasks_->actualEnd[row.task]})
            if (end != kNoTime && (to_ == kNoTime || end > to_))
                to_ = end;
        widest = std::max(widest, metrics.horizontalAdvance(utf8(tasks_->name[row.task])));
    }
    if (from_ == kNoTime) // nothing to show: any span will do
        from_ = to_ = day();
    // A margin either side so that the first and last bars do not touch the edges.
    const TimePoint margin = std::max<TimePoint>((to_ - from_) / 40, 3600);
    fitFrom_ = from_ - margin;
    fitTo_ = to_ + margin;
    from_ = fitFrom_;
    to_ = fitTo_;
    nameWidth_ = std::min(widest + 12, kMaxNameWidth);
    verticalScrollBar()->setValue(0);
    updateScrollRange();
    viewport()->update();
}

QColor GanttChart::progressColour(Progress progress) {
    const auto& rgb = scene::FacilityScene::progressPalette()[std::size_t(progress)].colour;
    return QColor(rgb[0], rgb[1], rgb[2]);
}

void GanttChart::updateScrollRange() {
    const int rowsHeight = int(rows().size()) * kRowHeight;
    verticalScrollBar()->setPageStep(std::max(kRowHeight, viewport()->height() - kAxisHeight));
    verticalScrollBar()->setRange(0, std::max(0, rowsHeight - (viewport()->height() - kAxisHeight)));
}

void GanttChart::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    updateScrollRange();
}

int GanttChart::rowTop(int row) const {
    return kAxisHeight + row * kRowHeight - verticalScrollBar()->value();
}

int GanttChart::chartLeft() const {
    // Names get at most two fifths of a narrow dock.
    return std::min(nameWidth_, viewport()->width() * 2 / 5) + kMarkWidth + 4;
}

int GanttChart::xOf(TimePoint time) const {
    const int left = chartLeft(), width = std::max(1, viewport()->width() - left - 10);
    return left + int(std::lround(double(time - from_) / double(to_ - from_) * width));
}

QRect GanttChart::viewportPlannedBar(int row) const {
    const std::uint32_t t = rows()[std::size_t(row)].task;
    const int x0 = xOf(tasks_->plannedStart[t]), x1 = std::max(xOf(tasks_->plannedEnd[t]), x0 + kMinBarWidth);
    return QRect(QPoint(x0, rowTop(row) + 3), QPoint(x1, rowTop(row) + 7));
}

QRect GanttChart::viewportActualBar(int row) const {
    const std::uint32_t t = rows()[std::size_t(row)].task;
    const Progress progress = taskProgressAt(*tasks_, t, endOfDay());
    if (progress == Progress::Behind || progress == Progress::NotDue)
        return {};
    // In progress: up to the day only; what came after is not known yet on that day.
    const TimePoint end = progress == Progress::InProgress ? endOfDay() : tasks_->actualEnd[t];
    const int x0 = xOf(tasks_->actualStart[t]), x1 = std::max(xOf(end), x0 + kMinBarWidth);
    return QRect(QPoint(x0, rowTop(row) + 10), QPoint(x1, rowTop(row) + 18));
}

QRect GanttChart::plannedBarRect(int row) const {
    if (row < 0 || row >= int(rows().size()) || rowTop(row) < kAxisHeight ||
        rowTop(row) + kRowHeight > viewport()->height())
        return {};
    return viewportPlannedBar(row).translated(viewport()->pos());
}

QRect GanttChart::actualBarRect(int row) const {
    if (plannedBarRect(row).isEmpty())
        return {};
    const QRect bar = viewportActualBar(row);
    return bar.isEmpty() ? bar : bar.translated(viewport()->pos());
}

int GanttChart::dayLineX() const {
    if (endOfDay() < from_ || endOfDay() > to_)
        return -1;
    return xOf(endOfDay() + 1) + viewport()->x();
}

void GanttChart::scrollToRow(int row) {
    const int top = row * kRowHeight, visible = viewport()->height() - kAxisHeight;
    if (top < verticalScrollBar()->value())
        verticalScrollBar()->setValue(top);
    else if (top + kRowHeight > verticalScrollBar()->value() + visible)
        verticalScrollBar()->setValue(top + kRowHeight - visible);
}

void GanttChart::paintEvent(QPaintEvent*) {
    QPainter painter(viewport());
    painter.fillRect(viewport()->rect(), palette().base());
    const int width = viewport()->width(), left = chartLeft();
    const int nameWidth = left - kMarkWidth - 4;
    QFont bold = font();
    bold.setBold(true);
    // Only the rows in view: a hall has thousands.
    const int first = std::max(0, verticalScrollBar()->value() / kRowHeight);
    const int last =
        std::min(int(rows().size()) - 1,
                 (verticalScrollBar()->value() + viewport()->height() - kAxisHeight) / kRowHeight);
    for (int row = first; row <= last && tasks_; ++row)
        if (row % 2)
            painter.fillRect(0, rowTop(row), width, kRowHeight, palette().alternateBase());
    // Midnights, and the timeline's day as a band under the bars.
    painter.setPen(QPen(palette().color(QPalette::Midlight), 1));
    for (const TimePoint tick : ticks())
        if (xOf(tick) >= left)
            painter.drawLine(xOf(tick), kAxisHeight, xOf(tick), viewport()->height());
    if (const int x = dayLineX(); x >= 0) {
        const int from = std::max(left, xOf(day()));
        painter.fillRect(QRect(QPoint(from, kAxisHeight), QPoint(x - viewport()->x(), viewport()->height())),
                         QColor(kDayLine.red(), kDayLine.green(), kDayLine.blue(), 28));
    }
    for (int row = first; row <= last && tasks_; ++row) {
        const GanttRow& r = rows()[std::size_t(row)];
        const int top = rowTop(row);
        painter.setFont(r.critical ? bold : font());
        painter.setPen(r.critical ? kCritical : palette().color(QPalette::Text));
        const QString name = utf8(tasks_->name[r.task]);
        painter.drawText(QRect(6, top, nameWidth - 6, kRowHeight), Qt::AlignVCenter | Qt::AlignLeft,
                         painter.fontMetrics().elidedText(name, Qt::ElideMiddle, nameWidth - 6));
        if (r.critical)
            painter.drawText(QRect(nameWidth, top, kMarkWidth, kRowHeight), Qt::AlignCenter,
                             QStringLiteral("◆"));

        const QRect planned = viewportPlannedBar(row);
        painter.fillRect(planned, kPlanned);
        if (r.critical) { // on the planned bar: the critical path is worked out from the plan
            painter.setPen(QPen(kCritical, 2));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(planned.adjusted(-1, -1, 1, 1));
        }
        if (const QRect actual = viewportActualBar(row); !actual.isEmpty())
            painter.fillRect(actual, progressColour(taskProgressAt(*tasks_, r.task, endOfDay())));
    }
    painter.setFont(font());
    // The day: where the bars stop being known.
    if (const int x = dayLineX(); x >= 0) {
        painter.setPen(QPen(kDayLine, 2));
        painter.drawLine(x - viewport()->x(), kAxisHeight, x - viewport()->x(), viewport()->height());
    }
    paintAxis(painter);
}

namespace {
constexpr TimePoint kHour = 3600;
// Label formats by step: hours within a day, else dates with their year (a schedule spans New Year).
QString tickFormat(TimePoint step) {
    return step < kSecondsPerDay ? QStringLiteral("HH:mm") : QStringLiteral("yyyy-MM-dd");
}
} // namespace

TimePoint GanttChart::tickStep() const {
    // The smallest step whose labels fit between its ticks with room to spare.
    const double pixelsPerSecond =
        double(std::max(1, viewport()->width() - chartLeft() - 10)) / double(to_ - from_);
    const QFontMetrics metrics = fontMetrics();
    for (TimePoint step : {kHour / 4, kHour / 2, kHour, 2 * kHour, 3 * kHour, 6 * kHour, 12 * kHour, kSecondsPerDay,
                           2 * kSecondsPerDay, 7 * kSecondsPerDay, 14 * kSecondsPerDay, 28 * kSecondsPerDay,
                           56 * kSecondsPerDay, 112 * kSecondsPerDay, 364 * kSecondsPerDay})
        if (double(step) * pixelsPerSecond >=
            metrics.horizontalAdvance(
                QDateTime::fromSecsSinceEpoch(0, QTimeZone::utc()).toString(tickFormat(step))) +
                16)
            return step;
    return 728 * kSecondsPerDay;
}

std::vector<TimePoint> GanttChart::ticks() const {
    // On whole steps since the epoch: midnights for days, Thursdays for weeks (1970-01-01 was one).
    const TimePoint step = tickStep();
    std::vector<TimePoint> at;
    for (TimePoint tick = (from_ / step + 1) * step; tick < to_; tick += step)
        at.push_back(tick);
    return at;
}

void GanttChart::setSpan(TimePoint from, TimePoint to) {
    const TimePoint fit = fitTo_ - fitFrom_;
    TimePoint width = std::clamp<TimePoint>(to - from, std::min(kMinSpan, fit), std::max(kMinSpan, 2 * fit));
    // Panned no further than a span's width beyond the rows.
    from = std::clamp<TimePoint>(from, fitFrom_ - width, fitTo_);
    from_ = from;
    to_ = from + width;
    viewport()->update();
}

TimePoint GanttChart::timeAt(int viewportX) const {
    const int left = chartLeft(), width = std::max(1, viewport()->width() - left - 10);
    return from_ + TimePoint(std::llround(double(viewportX - left) / double(width) * double(to_ - from_)));
}

void GanttChart::zoomAt(int viewportX, double factor) {
    // The time under the pointer stays under it.
    const TimePoint pinned = timeAt(viewportX);
    const double share = double(pinned - from_) / double(to_ - from_);
    const TimePoint width = std::max<TimePoint>(1, TimePoint(std::llround(double(to_ - from_) * factor)));
    const TimePoint clamped = std::clamp<TimePoint>(width, std::min(kMinSpan, fitTo_ - fitFrom_),
                                                    std::max(kMinSpan, 2 * (fitTo_ - fitFrom_)));
    const TimePoint from = pinned - TimePoint(std::llround(share * double(clamped)));
    setSpan(from, from + clamped);
}

void GanttChart::panBy(int pixels) {
    const TimePoint shift = timeAt(chartLeft() + pixels) - from_;
    setSpan(from_ + shift, to_ + shift);
}

void GanttChart::fitToRows() {
    from_ = fitFrom_;
    to_ = fitTo_;
    viewport()->update();
}

std::vector<GanttChart::AxisLabel> GanttChart::axisLabels() const {
    std::vector<AxisLabel> labels;
    const int width = viewport()->width(), left = chartLeft();
    const QFontMetrics metrics = fontMetrics();
    // The timeline's day, labelled over its band; tick labels that it would cover are left out.
    QRect dayBox;
    if (const int x = dayLineX(); x >= 0) {
        const QString dayLabel = dateText(day(), "yyyy-MM-dd");
        const int labelWidth = metrics.horizontalAdvance(dayLabel) + 8;
        const int centre = (std::max(left, xOf(day())) + x - viewport()->x()) / 2;
        dayBox = QRect(std::clamp(centre - labelWidth / 2, left, std::max(left, width - labelWidth)), 2,
                       labelWidth, kAxisHeight - 6);
        labels.push_back({dayBox, dayLabel});
    }
    // A label per tick: a day's centred on that day when the step is a day, else on its tick; hours'
    // midnights carry their date. Whole labels only, none over another.
    const TimePoint step = tickStep();
    QRect previous;
    for (const TimePoint tick : ticks()) {
        const bool midnight = tick % kSecondsPerDay == 0;
        const QString label = QDateTime::fromSecsSinceEpoch(tick, QTimeZone::utc())
                                  .toString(step < kSecondsPerDay && midnight ? QStringLiteral("yyyy-MM-dd")
                                                                              : tickFormat(step));
        const int centre = step == kSecondsPerDay ? xOf(tick + kSecondsPerDay / 2) : xOf(tick);
        const int half = metrics.horizontalAdvance(label) / 2 + 2;
        const QRect box(centre - half, 0, 2 * half, kAxisHeight - 4);
        if (box.left() < left || box.right() > width || box.intersects(dayBox) ||
            (!previous.isNull() && box.left() <= previous.right() + 4))
            continue;
        labels.push_back({box, label});
        previous = box;
    }
    return labels;
}

void GanttChart::paintAxis(QPainter& painter) const {
    const int width = viewport()->width(), left = chartLeft();
    painter.fillRect(0, 0, width, kAxisHeight, palette().window());
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(0, kAxisHeight - 1, width, kAxisHeight - 1);
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(QRect(6, 0, left, kAxisHeight), Qt::AlignVCenter, tr("Task"));
    for (const TimePoint tick : ticks())
        if (const int x = xOf(tick); x >= left)
            painter.drawLine(x, kAxisHeight - 5, x, kAxisHeight - 1);
    const std::vector<AxisLabel> labels = axisLabels();
    const bool dayShown = dayLineX() >= 0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (i == 0 && dayShown) {
            painter.fillRect(labels[i].box, kDayLine);
            painter.setPen(Qt::white);
        } else {
            painter.setPen(palette().color(QPalette::WindowText));
        }
        painter.drawText(labels[i].box, Qt::AlignCenter, labels[i].text);
    }
}

int GanttChart::rowAt(QPoint viewportPosition) const {
    if (viewportPosition.y() < kAxisHeight)
        return -1;
    const int row = (viewportPosition.y() - kAxisHeight + verticalScrollBar()->value()) / kRowHeight;
    return row >= 0 && row < int(rows().size()) ? row : -1;
}

bool GanttChart::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::Wheel && tasks_) {
        const auto* wheel = static_cast<QWheelEvent*>(event);
        const int steps = wheel->angleDelta().y() != 0 ? wheel->angleDelta().y() : wheel->angleDelta().x();
        if (wheel->modifiers() & Qt::ControlModifier) { // zoom about the pointer, 20 % a notch
            zoomAt(wheel->position().toPoint().x(), std::pow(0.8, double(steps) / 120.0));
            return true;
        }
        if (wheel->modifiers() & Qt::ShiftModifier) { // pan, a tenth of the width a notch
            panBy(-steps * (viewport()->width() - chartLeft()) / 1200);
            return true;
        }
    }
    if (event->type() == QEvent::MouseButtonDblClick && tasks_ &&
        static_cast<QMouseEvent*>(event)->position().y() < kAxisHeight) {
        fitToRows();
        return true;
    }
    if (event->type() == QEvent::MouseButtonDblClick && tasks_) {
        const int row = rowAt(static_cast<QMouseEvent*>(event)->position().toPoint());
        if (row >= 0)
            emit taskActivated(rows()[std::size_t(row)].task);
        return true;
    }
    if (event->type() != QEvent::ToolTip || !tasks_)
        return QAbstractScrollArea::viewportEvent(event);
    const auto* help = static_cast<QHelpEvent*>(event);
    const int row = rowAt(help->pos());
    if (row < 0) {
        QToolTip::hideText();
        return true;
    }
    const GanttRow& r = rows()[std::size_t(row)];
    const std::uint32_t t = r.task;
    auto span = [](TimePoint start, TimePoint end) {
        return start == kNoTime ? tr("not started")
                                : dateText(start, "yyyy-MM-dd HH:mm") + QStringLiteral(" – ") +
                                      (end == kNoTime ? tr("…") : dateText(end, "yyyy-MM-dd HH:mm"));
    };
    QString text =
        QStringLiteral("<b>%1</b><br>").arg(utf8(tasks_->name[t]).toHtmlEscaped()) +
        tr("Planned: %1").arg(span(tasks_->plannedStart[t], tasks_->plannedEnd[t])) + QStringLiteral("<br>") +
        tr("Actual: %1").arg(span(tasks_->actualStart[t], tasks_->actualEnd[t])) + QStringLiteral("<br>") +
        tr("Crew: %1").arg(utf8(tasks_->crew[t]).toHtmlEscaped()) + QStringLiteral("<br>");
    text += r.critical ? tr("<b>On the critical path</b>")
                       : tr("Slack: %1 h").arg(double(r.slack) / 3600.0, 0, 'f', 1);
    QToolTip::showText(help->globalPos(), text, viewport());
    return true;
}

} // namespace twin::app
