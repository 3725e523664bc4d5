#include "gui/timeline/ProgressPdf.h"

#include "gui/window/Utf8.h"

#include <QBuffer>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <algorithm>
#include <cmath>

namespace twin::app {

namespace {

using datamodel::kNoTime;
using datamodel::kSecondsPerDay;
using datamodel::TimePoint;

const QColor kText(30, 30, 35);
const QColor kMuted(105, 105, 115);
const QColor kRule(205, 205, 212);
const QColor kPlanned(120, 120, 130);
const QColor kActual(40, 150, 80);
const QColor kDay(220, 60, 50);
const QColor kBarBack(232, 233, 238);
const QColor kAlarm(190, 30, 30);
constexpr int kLeadInDays = 3; // as the Timeline's chart

// Separators whatever the process's locale: the C locale would print 100000.
QLocale readableLocale() {
    const QLocale system;
    return system.language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates) : system;
}

QString number(std::size_t value) {
    return readableLocale().toString(qulonglong(value));
}

QString percent(double value) {
    return readableLocale().toString(value, 'f', 1) + QStringLiteral(" %");
}

QString date(TimePoint time) {
    return QString::fromStdString(datamodel::formatDate(time));
}

// Lengths in pixels of a 96-dpi page, scaled to the device.
struct Scale {
    double unit;
    int operator()(double pixels) const { return int(std::lround(pixels * unit)); }
};

QFont fontOf(double points, bool bold = false) {
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(points);
    font.setBold(bold);
    return font;
}

void text(QPainter& painter, const QRect& box, const QString& line,
          int flags = Qt::AlignLeft | Qt::AlignVCenter) {
    const Qt::TextElideMode elide = (flags & Qt::AlignRight) ? Qt::ElideLeft : Qt::ElideRight;
    painter.drawText(box, flags, painter.fontMetrics().elidedText(line, elide, box.width()));
}

void paintFigures(QPainter& painter, const QRect& band, const Scale& s,
                  const datamodel::ProgressReport& report) {
    const double share =
        report.gpus == 0 ? 0.0 : 100.0 * double(report.installedActual) / double(report.gpus);
    const long long behind = (long long)(report.installedPlanned) - (long long)(report.installedActual);
    struct Figure {
        QString label, value, note;
        bool alarm;
    };
    const Figure figures[] = {
        {QStringLiteral("GPUs installed"), number(report.installedActual),
         QStringLiteral("of %1 (%2)").arg(number(report.gpus), percent(share)), false},
        {QStringLiteral("Planned by then"), number(report.installedPlanned),
         behind > 0   ? QStringLiteral("%1 behind plan").arg(number(std::size_t(behind)))
         : behind < 0 ? QStringLiteral("%1 ahead of plan").arg(number(std::size_t(-behind)))
                      : QStringLiteral("on plan"),
         behind > 0},
        {QStringLiteral("Installed that day"), number(report.installedThatDay), QStringLiteral("GPUs"),
         false},
        {QStringLiteral("Tasks late"), number(report.lateTasks.size()),
         QStringLiteral("planned done, not done"), !report.lateTasks.empty()},
        {QStringLiteral("Blocking punch items"), number(report.openBlockingNotes.size()),
         QStringLiteral("open"), !report.openBlockingNotes.empty()},
    };
    const int count = int(std::size(figures)), gap = s(10);
    const int width = (band.width() - gap * (count - 1)) / count;
    for (int i = 0; i < count; ++i) {
        const QRect box(band.left() + i * (width + gap), band.top(), width, band.height());
        painter.setPen(QPen(kRule, s(1)));
        painter.setBrush(QColor(248, 248, 250));
        painter.drawRoundedRect(box, s(4), s(4));
        const QRect inner = box.adjusted(s(10), s(6), -s(10), -s(6));
        const int third = inner.height() / 4;
        painter.setPen(kMuted);
        painter.setFont(fontOf(9));
        text(painter, QRect(inner.left(), inner.top(), inner.width(), third), figures[i].label);
        painter.setPen(figures[i].alarm ? kAlarm : kText);
        painter.setFont(fontOf(20, true));
        text(painter, QRect(inner.left(), inner.top() + third, inner.width(), 2 * third), figures[i].value);
        painter.setPen(figures[i].alarm ? kAlarm : kMuted);
        painter.setFont(fontOf(9));
        text(painter, QRect(inner.left(), inner.top() + 3 * third, inner.width(), third), figures[i].note);
    }
}

void paintCurve(QPainter& painter, const QRect& area, const Scale& s, const ProgressPdfContent& content) {
    const datamodel::ProgressReport& report = *content.report;
    painter.setPen(kText);
    painter.setFont(fontOf(11, true));
    text(painter, QRect(area.left(), area.top(), area.width(), s(20)),
         QStringLiteral("GPUs installed, planned against actual"));
    if (content.curve.empty())
        return;
    // The roll-out's span, as the Timeline shows it, widened to the report's day when that is near.
    datamodel::CurveSpan span = datamodel::rollOutSpan(content.curve, kLeadInDays);
    TimePoint from = span.from, to = span.to + kSecondsPerDay;
    const TimePoint day = datamodel::startOfDay(report.at);
    const TimePoint reach = std::max<TimePoint>(to - from, kSecondsPerDay);
    if (day < from && from - day <= reach)
        from = day;
    if (day >= to && day + kSecondsPerDay - to <= reach)
        to = day + kSecondsPerDay;
    const double top = double(std::max<std::size_t>(report.gpus, 1));

    painter.setFont(fontOf(8));
    const QFontMetrics metrics = painter.fontMetrics();
    const int labelWidth = metrics.horizontalAdvance(number(report.gpus)) + s(8);
    const QRect plot(area.left() + labelWidth, area.top() + s(28), area.width() - labelWidth - s(10),
                     area.height() - s(28) - s(40));
    auto xOf = [&](TimePoint t) {
        return plot.left() + double(t - from) / double(std::max<TimePoint>(to - from, 1)) * plot.width();
    };
    auto yOf = [&](double count) {
        return plot.bottom() - count / top * plot.height();
    };

    // Counts at 0, a quarter... the total; five dates.
    for (int q = 0; q <= 4; ++q) {
        const double count = top * q / 4.0;
        const int y = int(std::lround(yOf(count)));
        painter.setPen(QPen(kRule, s(1)));
        painter.drawLine(plot.left(), y, plot.right(), y);
        painter.setPen(kMuted);
        text(painter, QRect(area.left(), y - s(8), labelWidth - s(6), s(16)),
             number(std::size_t(std::llround(count))), Qt::AlignRight | Qt::AlignVCenter);
    }
    for (int d = 0; d <= 4; ++d) {
        const TimePoint tick = datamodel::startOfDay(from + (to - from) * d / 4);
        const int x = int(std::lround(xOf(tick)));
        painter.setPen(QPen(kRule, s(1)));
        painter.drawLine(x, plot.top(), x, plot.bottom() + s(4));
        painter.setPen(kMuted);
        const int half = metrics.horizontalAdvance(QStringLiteral("2024-07-22")) / 2 + s(2);
        text(painter,
             QRect(std::clamp(x - half, area.left(), area.right() - 2 * half), plot.bottom() + s(6), 2 * half,
                   s(16)),
             date(tick), Qt::AlignCenter);
    }
    painter.save();
    painter.setClipRect(plot.adjusted(-s(2), -s(2), s(2), s(2)));
    painter.setRenderHint(QPainter::Antialiasing);
    // The points are where the curve bends: a line through them is the daily curve. Counts are at a
    // day's end.
    for (const bool planned : {true, false}) {
        QPainterPath path;
        bool started = false;
        for (const datamodel::CurvePoint& point : content.curve) {
            const QPointF at(xOf(point.day + kSecondsPerDay),
                             yOf(double(planned ? point.planned : point.actual)));
            if (started)
                path.lineTo(at);
            else
                path.moveTo(at);
            started = true;
        }
        QPen pen(planned ? kPlanned : kActual, s(planned ? 2 : 3));
        if (planned)
            pen.setStyle(Qt::DashLine);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
    }
    painter.restore();
    const int dayX = int(std::lround(xOf(day + kSecondsPerDay)));
    if (dayX >= plot.left() && dayX <= plot.right()) {
        painter.setPen(QPen(kDay, s(2)));
        painter.drawLine(dayX, plot.top(), dayX, plot.bottom());
    }
    painter.setPen(QPen(kMuted, s(1)));
    painter.setBrush(Qt::NoBrush); // a frame: filled, it would hide the curves
    painter.drawRect(plot);
    // The key, and what lies off the chart.
    painter.setFont(fontOf(8));
    int x = plot.left();
    const int y = plot.bottom() + s(26);
    for (const auto& [colour, label, dashed] :
         {std::tuple{kPlanned, QStringLiteral("Planned"), true},
          std::tuple{kActual, QStringLiteral("Actual"), false},
          std::tuple{kDay, QStringLiteral("The report's day"), false}}) {
        QPen pen(colour, s(dashed ? 2 : 3));
        if (dashed)
            pen.setStyle(Qt::DashLine);
        painter.setPen(pen);
        painter.drawLine(x, y, x + s(22), y);
        painter.setPen(kText);
        const int width = painter.fontMetrics().horizontalAdvance(label);
        painter.drawText(QRect(x + s(26), y - s(8), width + s(4), s(16)), Qt::AlignVCenter, label);
        x += s(26) + width + s(18);
    }
    if (span.laterActual > 0 && to <= span.lastLater) {
        painter.setPen(kMuted);
        text(painter, QRect(x, y - s(8), plot.right() - x, s(16)),
             QStringLiteral("%1 GPUs installed later, the last on %2")
                 .arg(number(span.laterActual), date(span.lastLater)));
    }
}

void paintHallBars(QPainter& painter, const QRect& area, const Scale& s,
                   const datamodel::ProgressReport& report) {
    painter.setPen(kText);
    painter.setFont(fontOf(11, true));
    text(painter, QRect(area.left(), area.top(), area.width(), s(20)), QStringLiteral("By hall"));
    if (report.halls.empty())
        return;
    const int rowHeight = std::min(s(52), (area.height() - s(28)) / int(report.halls.size()));
    int y = area.top() + s(28);
    for (const datamodel::HallProgress& hall : report.halls) {
        painter.setFont(fontOf(9, true));
        painter.setPen(kText);
        text(painter, QRect(area.left(), y, area.width() / 2, s(16)), QString::fromStdString(hall.name));
        painter.setFont(fontOf(9));
        text(painter, QRect(area.left() + area.width() / 3, y, area.width() * 2 / 3, s(16)),
             QStringLiteral("%1 of %2 (%3)")
                 .arg(number(hall.installedActual), number(hall.gpus), percent(hall.percentComplete)),
             Qt::AlignRight | Qt::AlignVCenter);
        const QRect bar(area.left(), y + s(18), area.width(), std::max(s(10), rowHeight - s(34)));
        painter.fillRect(bar, kBarBack);
        const double gpus = double(std::max<std::size_t>(hall.gpus, 1));
        painter.fillRect(QRect(bar.left(), bar.top(),
                               int(std::lround(bar.width() * double(hall.installedActual) / gpus)),
                               bar.height()),
                         kActual);
        // The plan as a mark across the bar: behind it, the gap shows.
        const int planned = bar.left() + int(std::lround(bar.width() * double(hall.installedPlanned) / gpus));
        painter.setPen(QPen(kPlanned, s(3)));
        painter.drawLine(planned, bar.top() - s(3), planned, bar.bottom() + s(3));
        y += rowHeight;
    }
}

// A table: a bold header, then rows, each cell elided to its column; numbers right-aligned.
struct Column {
    QString title;
    double share; // of the table's width
    bool number;
};

int paintTable(QPainter& painter, const QRect& area, const Scale& s, const std::vector<Column>& columns,
               const std::vector<QStringList>& rows) {
    const int rowHeight = s(18);
    int y = area.top();
    auto paintRow = [&](const QStringList& cells, bool header) {
        painter.setFont(fontOf(9, header));
        painter.setPen(header ? kText : kText);
        int x = area.left();
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const int width = int(area.width() * columns[c].share);
            const int flags = (columns[c].number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter;
            text(painter, QRect(x + s(4), y, width - s(8), rowHeight),
                 c < std::size_t(cells.size()) ? cells[int(c)] : QString(), flags);
            x += width;
        }
        y += rowHeight;
        painter.setPen(QPen(header ? kMuted : kRule, s(1)));
        painter.drawLine(area.left(), y, area.right(), y);
    };
    QStringList header;
    for (const Column& column : columns)
        header.append(column.title);
    paintRow(header, true);
    for (const QStringList& row : rows) {
        if (y + rowHeight > area.bottom())
            break;
        paintRow(row, false);
    }
    return y;
}

void paintTitle(QPainter& painter, const QRect& page, const Scale& s, const ProgressPdfContent& content,
                const QString& title) {
    painter.setPen(kText);
    painter.setFont(fontOf(16, true));
    text(painter, QRect(page.left(), page.top(), page.width() * 3 / 4, s(28)), title);
    painter.setPen(kMuted);
    painter.setFont(fontOf(9));
    text(painter, QRect(page.left() + page.width() * 3 / 4, page.top(), page.width() / 4, s(28)),
         content.modelName, Qt::AlignRight | Qt::AlignVCenter);
    painter.setPen(QPen(kRule, s(1)));
    painter.drawLine(page.left(), page.top() + s(32), page.right(), page.top() + s(32));
}

void paintFirstPage(QPainter& painter, const QRect& page, const Scale& s, const ProgressPdfContent& content) {
    const datamodel::ProgressReport& report = *content.report;
    paintTitle(painter, page, s, content,
               QStringLiteral("Colossus Twin: progress at the end of %1 (UTC)").arg(date(report.at)));
    paintFigures(painter, QRect(page.left(), page.top() + s(44), page.width(), s(78)), s, report);
    const int chartTop = page.top() + s(136);
    const int tableHeight = s(18) * (int(report.halls.size()) + 1) + s(30);
    const int chartHeight = std::max(s(200), page.bottom() - chartTop - tableHeight);
    paintCurve(painter, QRect(page.left(), chartTop, page.width() * 62 / 100, chartHeight), s, content);
    paintHallBars(
        painter, QRect(page.left() + page.width() * 66 / 100, chartTop, page.width() * 34 / 100, chartHeight),
        s, report);
    std::vector<QStringList> rows;
    for (const datamodel::HallProgress& hall : report.halls)
        rows.push_back({QString::fromStdString(hall.name), number(hall.gpus), number(hall.installedPlanned),
                        number(hall.installedActual), percent(hall.percentComplete)});
    rows.push_back(
        {QStringLiteral("All halls"), number(report.gpus), number(report.installedPlanned),
         number(report.installedActual),
         percent(report.gpus == 0 ? 0.0 : 100.0 * double(report.installedActual) / double(report.gpus))});
    paintTable(painter, QRect(page.left(), chartTop + chartHeight + s(12), page.width(), tableHeight), s,
               {{QStringLiteral("Hall"), 0.36, false},
                {QStringLiteral("GPUs"), 0.16, true},
                {QStringLiteral("Planned by then"), 0.16, true},
                {QStringLiteral("Installed"), 0.16, true},
                {QStringLiteral("Complete"), 0.16, true}},
               rows);
}

void paintSecondPage(QPainter& painter, const QRect& page, const Scale& s,
                     const ProgressPdfContent& content) {
    const datamodel::ProgressReport& report = *content.report;
    const datamodel::Facility& facility = *content.facility;
    paintTitle(painter, page, s, content,
               QStringLiteral("Punch items and late tasks at the end of %1 (UTC)").arg(date(report.at)));
    int y = page.top() + s(44);
    auto heading = [&](const QString& line) {
        painter.setPen(kText);
        painter.setFont(fontOf(11, true));
        text(painter, QRect(page.left(), y, page.width(), s(20)), line);
        y += s(24);
    };
    auto more = [&](std::size_t shown, std::size_t all) {
        if (all <= shown)
            return;
        painter.setPen(kMuted);
        painter.setFont(fontOf(9));
        text(painter, QRect(page.left(), y + s(2), page.width(), s(16)),
             QStringLiteral("... and %1 more (the CSV lists them all)").arg(number(all - shown)));
        y += s(18);
    };
    const datamodel::NoteColumns& notes = facility.notes();
    heading(QStringLiteral("Open blocking punch items (%1), oldest first")
                .arg(number(report.openBlockingNotes.size())));
    std::vector<QStringList> punch;
    for (std::size_t i = 0; i < report.openBlockingNotes.size() && i < kPunchItemsOnPdf; ++i) {
        const std::uint32_t n = report.openBlockingNotes[i];
        punch.push_back(
            {utf8(facility.name(notes.entity[n])), utf8(notes.text[n]), date(notes.createdAt[n]),
             utf8(notes.author[n]),
             number(std::size_t(std::max<TimePoint>(0, (report.at - notes.createdAt[n]) / kSecondsPerDay)))});
    }
    if (punch.empty())
        punch.push_back({QStringLiteral("None open")});
    y = paintTable(painter, QRect(page.left(), y, page.width(), s(18) * (int(punch.size()) + 1) + s(2)), s,
                   {{QStringLiteral("Where"), 0.2, false},
                    {QStringLiteral("Item"), 0.5, false},
                    {QStringLiteral("Opened"), 0.11, false},
                    {QStringLiteral("By"), 0.11, false},
                    {QStringLiteral("Days open"), 0.08, true}},
                   punch);
    more(kPunchItemsOnPdf, report.openBlockingNotes.size());
    y += s(18);
    heading(QStringLiteral("Late tasks (%1): planned done by then, not done; oldest first")
                .arg(number(report.lateTasks.size())));
    const datamodel::TaskColumns& tasks = facility.tasks();
    std::vector<QStringList> late;
    for (std::size_t i = 0; i < report.lateTasks.size() && i < kLateTasksOnPdf; ++i) {
        const std::uint32_t t = report.lateTasks[i].task;
        const TimePoint end = report.lateTasks[i].plannedEnd;
        late.push_back(
            {utf8(tasks.name[t]), utf8(tasks.crew[t]), date(end),
             tasks.actualStart[t] == kNoTime ? QStringLiteral("not started") : QStringLiteral("in progress"),
             number(std::size_t(std::max<TimePoint>(0, (report.at - end) / kSecondsPerDay)))});
    }
    if (late.empty())
        late.push_back({QStringLiteral("None late")});
    y = paintTable(painter, QRect(page.left(), y, page.width(), s(18) * (int(late.size()) + 1) + s(2)), s,
                   {{QStringLiteral("Task"), 0.42, false},
                    {QStringLiteral("Crew"), 0.18, false},
                    {QStringLiteral("Planned end"), 0.14, false},
                    {QStringLiteral("State"), 0.14, false},
                    {QStringLiteral("Days late"), 0.12, true}},
                   late);
    more(kLateTasksOnPdf, report.lateTasks.size());
}

} // namespace

void paintProgressPage(QPainter& painter, const QRect& page, int pageNumber, int dpi,
                       const ProgressPdfContent& content) {
    const Scale scale{double(dpi) / 96.0};
    if (pageNumber == 0)
        paintFirstPage(painter, page, scale, content);
    else
        paintSecondPage(painter, page, scale, content);
}

QByteArray progressPdf(const ProgressPdfContent& content, QString& error) {
    constexpr int kDpi = 144;
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&buffer);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageOrientation(QPageLayout::Landscape);
    pdf.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
    pdf.setResolution(kDpi);
    pdf.setCreator(QStringLiteral("Colossus Twin"));
    pdf.setTitle(QStringLiteral("Colossus Twin progress, %1").arg(date(content.report->at)));
    QPainter painter(&pdf);
    if (!painter.isActive()) {
        error = QStringLiteral("cannot start the PDF");
        return {};
    }
    const QRect page(0, 0, pdf.width(), pdf.height());
    paintProgressPage(painter, page, 0, kDpi, content);
    pdf.newPage();
    paintProgressPage(painter, page, 1, kDpi, content);
    if (!painter.end()) {
        error = QStringLiteral("cannot finish the PDF");
        return {};
    }
    return bytes;
}

} // namespace twin::app
