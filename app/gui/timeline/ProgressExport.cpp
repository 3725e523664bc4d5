#include "gui/timeline/ProgressExport.h"

#include "datamodel/FileOutput.h"
#include "gui/window/Utf8.h"

#include <QBuffer>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>

namespace twin::app {

namespace {

constexpr std::size_t kLateOnPdf = 25; // the oldest; the count gives them all

QString field(const QString& text) {
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString date(datamodel::TimePoint time) {
    return QString::fromStdString(datamodel::formatDate(time));
}

QString taskName(const datamodel::Facility& facility, std::uint32_t task) {
    return utf8(facility.tasks().name[task]);
}

} // namespace

QString progressCsv(const datamodel::ProgressReport& report, const datamodel::Facility& facility) {
    QString csv = QStringLiteral("date,kind,name,gpus,installed_planned,installed_actual,percent_complete,"
                                 "planned_end\n");
    const QString day = date(report.at);
    const double total =
        report.gpus == 0 ? 100.0 : 100.0 * double(report.installedActual) / double(report.gpus);
    csv += QStringLiteral("%1,total,all,%2,%3,%4,%5,\n")
               .arg(day)
               .arg(report.gpus)
               .arg(report.installedPlanned)
               .arg(report.installedActual)
               .arg(total, 0, 'f', 2);
    for (const auto& [kind, areas] :
         {std::pair{QStringLiteral("hall"), &report.halls}, std::pair{QStringLiteral("row"), &report.rows}})
        for (const datamodel::HallProgress& area : *areas)
            csv += QStringLiteral("%1,%2,%3,%4,%5,%6,%7,\n")
                       .arg(day, kind, field(QString::fromStdString(area.name)))
                       .arg(area.gpus)
                       .arg(area.installedPlanned)
                       .arg(area.installedActual)
                       .arg(area.percentComplete, 0, 'f', 2);
    for (const std::uint32_t note : report.openBlockingNotes) {
        const std::string_view where = facility.name(facility.notes().entity[note]);
        const std::string_view what = facility.notes().text[note];
        csv += QStringLiteral("%1,blocking_punch_item,%2,,,,,\n")
                   .arg(day, field(utf8(where) + QStringLiteral(": ") + utf8(what)));
    }
    for (const datamodel::LateTask& late : report.lateTasks)
        csv += QStringLiteral("%1,late_task,%2,,,,,%3\n")
                   .arg(day, field(taskName(facility, late.task)), date(late.plannedEnd));
    return csv;
}

QString writeProgressReport(const QString& path, const datamodel::ProgressReport& report,
                            const datamodel::Facility& facility) {
    // All or nothing, with the system's reason on failure: the commands' writeFileAtomically.
    auto writeWhole = [&path](const QByteArray& bytes) {
        const QString error = QString::fromLocal8Bit(
            datamodel::writeFileAtomically(QFile::encodeName(path).toStdString(),
                                           {bytes.constData(), std::size_t(bytes.size())})
                .c_str());
        return error.isEmpty() ? QString()
                               : QStringLiteral("%1: cannot write the report: %2")
                                     .arg(path, error.section(QStringLiteral("cannot be written: "), 1));
    };
    if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        return writeWhole(progressCsv(report, facility).toUtf8());
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&buffer);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageOrientation(QPageLayout::Landscape);
    pdf.setResolution(96);
    pdf.setTitle(QStringLiteral("Colossus Twin progress, %1").arg(date(report.at)));
    QPainter painter(&pdf);
    if (!painter.isActive())
        return QStringLiteral("%1: cannot write the report").arg(path);
    QFont font(QStringLiteral("DejaVu Sans"), 10);
    painter.setFont(font);
    const int line = painter.fontMetrics().height() + 2;
    int y = line;
    QFont bold = font;
    bold.setBold(true);
    painter.setFont(bold);
    painter.drawText(0, y, QStringLiteral("Progress at the end of %1 (UTC)").arg(date(report.at)));
    painter.setFont(font);
    y += 2 * line;
    painter.drawText(0, y,
                     QStringLiteral("GPUs: %1 installed of %2 (planned by now: %3); installed that day: %4; "
                                    "late tasks: %5")
                         .arg(report.installedActual)
                         .arg(report.gpus)
                         .arg(report.installedPlanned)
                         .arg(report.installedThatDay)
                         .arg(report.lateTasks.size()));
    y += 2 * line;
    const int columns[] = {0, 220, 340, 460, 580};
    const QStringList header{QStringLiteral("Hall"), QStringLiteral("GPUs"), QStringLiteral("Planned"),
                             QStringLiteral("Actual"), QStringLiteral("Complete")};
    painter.setFont(bold);
    for (int c = 0; c < header.size(); ++c)
        painter.drawText(columns[c], y, header[c]);
    painter.setFont(font);
    for (const datamodel::HallProgress& hall : report.halls) {
        y += line;
        const QStringList cells{QString::fromStdString(hall.name), QString::number(hall.gpus),
                                QString::number(hall.installedPlanned), QString::number(hall.installedActual),
                                QStringLiteral("%1 %").arg(hall.percentComplete, 0, 'f', 1)};
        for (int c = 0; c < cells.size(); ++c)
            painter.drawText(columns[c], y, cells[c]);
    }
    y += 2 * line;
    painter.setFont(bold);
    painter.drawText(0, y, QStringLiteral("Late tasks (planned done by then, not done), oldest first"));
    painter.setFont(font);
    for (std::size_t i = 0; i < report.lateTasks.size() && i < kLateOnPdf; ++i) {
        y += line;
        painter.drawText(
            0, y,
            QStringLiteral("%1   planned end %2")
                .arg(taskName(facility, report.lateTasks[i].task), date(report.lateTasks[i].plannedEnd)));
    }
    if (report.lateTasks.size() > kLateOnPdf) {
        y += line;
        painter.drawText(0, y,
                         QStringLiteral("... and %1 more (all of them in the CSV)")
                             .arg(report.lateTasks.size() - kLateOnPdf));
    }
    if (!painter.end())
        return QStringLiteral("%1: cannot write the report").arg(path);
    return writeWhole(bytes);
}

} // namespace twin::app
