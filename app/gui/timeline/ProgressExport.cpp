#include "gui/timeline/ProgressExport.h"

#include "datamodel/FileOutput.h"
#include "gui/timeline/ProgressPdf.h"
#include "gui/window/Utf8.h"

#include <QFile>

namespace twin::app {

namespace {

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
                            const datamodel::Facility& facility,
                            const std::vector<datamodel::CurvePoint>& curve, const QString& modelName) {
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
    ProgressPdfContent content;
    content.report = &report;
    content.facility = &facility;
    content.curve = curve;
    content.modelName = modelName;
    QString error;
    const QByteArray bytes = progressPdf(content, error);
    if (!error.isEmpty())
        return QStringLiteral("%1: cannot write the report: %2").arg(path, error);
    return writeWhole(bytes);
}

} // namespace twin::app
