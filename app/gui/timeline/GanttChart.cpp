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
    from_ -= margin;
    to_ += margin;
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
    for (TimePoint tick = datamodel::startOfDay(from_) + kSecondsPerDay; tick < to_; tick += tickStep())
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

TimePoint GanttChart::tickStep() const {
    // 1, 2, 7, 14, 28... days: labels at least 56 pixels apart.
    const double pixelsPerDay = double(xOf(from_ + 100 * kSecondsPerDay) - xOf(from_)) / 100.0;
    for (int days : {1, 2, 7, 14, 28, 56})
        if (days * pixelsPerDay >= 56)
            return days * kSecondsPerDay;
    return 112 * kSecondsPerDay;
}

void GanttChart::paintAxis(QPainter& painter) const {
    const int width = viewport()->width(), left = chartLeft();
    painter.fillRect(0, 0, width, kAxisHeight, palette().window());
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(0, kAxisHeight - 1, width, kAxisHeight - 1);
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(QRect(6, 0, left, kAxisHeight), Qt::AlignVCenter, tr("Task"));
    // The timeline's day, labelled over its band; tick labels that it would cover are left out.
    QRect dayBox;
    const QString dayLabel = dateText(day(), "yyyy-MM-dd");
    if (const int x = dayLineX(); x >= 0) {
        const int labelWidth = painter.fontMetrics().horizontalAdvance(dayLabel) + 8;
        const int centre = (xOf(day()) + x - viewport()->x()) / 2;
        dayBox = QRect(std::clamp(centre - labelWidth / 2, left, std::max(left, width - labelWidth)), 2,
                       labelWidth, kAxisHeight - 6);
    }
    // A tick at each midnight of the step; a day's label centred on that day when there is room, else
    // on its tick.
    const TimePoint step = tickStep();
    const QString format = step < 7 * kSecondsPerDay && to_ - from_ < 60 * kSecondsPerDay
                               ? QStringLiteral("MM-dd")
                               : QStringLiteral("yyyy-MM-dd");
    for (TimePoint tick = datamodel::startOfDay(from_); tick < to_; tick += step) {
        const int x = xOf(tick);
        const int centre = step == kSecondsPerDay ? xOf(tick + kSecondsPerDay / 2) : x;
        painter.drawLine(x, kAxisHeight - 5, x, kAxisHeight - 1);
        const QString label = QDateTime::fromSecsSinceEpoch(tick, QTimeZone::utc()).toString(format);
        const int half = painter.fontMetrics().horizontalAdvance(label) / 2 + 2;
        const QRect box(centre - half, 0, 2 * half, kAxisHeight - 4);
        if (box.left() >= left && box.right() <= width && !box.intersects(dayBox)) // whole labels only
            painter.drawText(box, Qt::AlignCenter, label);
    }
    if (!dayBox.isNull()) {
        painter.fillRect(dayBox, kDayLine);
        painter.setPen(Qt::white);
        painter.drawText(dayBox, Qt::AlignCenter, dayLabel);
    }
}

int GanttChart::rowAt(QPoint viewportPosition) const {
    if (viewportPosition.y() < kAxisHeight)
        return -1;
    const int row = (viewportPosition.y() - kAxisHeight + verticalScrollBar()->value()) / kRowHeight;
    return row >= 0 && row < int(rows().size()) ? row : -1;
}

bool GanttChart::viewportEvent(QEvent* event) {
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
