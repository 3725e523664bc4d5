// `colossus-twin report MODEL --date YYYY-MM-DD [--json]`: progress at the end of a day, planned
// against actual: GPUs installed, per hall, and the tasks that are late.
#include "cli/Console.h"
#include "cli/SizeOption.h"
#include "cli/Subcommands.h"
#include "datamodel/ModelError.h"
#include "datamodel/ProgressReport.h"
#include "datamodel/Store.h"
#include "gui/window/Utf8.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace twin::app {

namespace {

constexpr std::size_t kLateListed = 20; // the oldest; late_tasks counts them all

QJsonObject asJson(const datamodel::Facility& facility, const datamodel::ProgressReport& report) {
    QJsonArray halls;
    for (const datamodel::HallProgress& hall : report.halls)
        halls.append(
            QJsonObject{{QStringLiteral("name"), QString::fromStdString(hall.name)},
                        {QStringLiteral("gpus_total"), qint64(hall.gpus)},
                        {QStringLiteral("installed_planned"), qint64(hall.installedPlanned)},
                        {QStringLiteral("installed_actual"), qint64(hall.installedActual)},
                        {QStringLiteral("percent_complete"), hall.percentComplete},
                        {QStringLiteral("open_blocking_punch_items"), qint64(hall.openBlockingPunchItems)}});
    QJsonArray late;
    for (std::size_t i = 0; i < report.lateTasks.size() && i < kLateListed; ++i) {
        const datamodel::LateTask& task = report.lateTasks[i];
        late.append(QJsonObject{
            {QStringLiteral("task"), utf8(facility.tasks().name[task.task])},
            {QStringLiteral("planned_end"), QString::fromStdString(datamodel::formatDate(task.plannedEnd))}});
    }
    return QJsonObject{
        {QStringLiteral("date"), QString::fromStdString(datamodel::formatDate(report.at))},
        {QStringLiteral("gpus"),
         QJsonObject{{QStringLiteral("total"), qint64(report.gpus)},
                     {QStringLiteral("installed_planned"), qint64(report.installedPlanned)},
                     {QStringLiteral("installed_actual"), qint64(report.installedActual)}}},
        {QStringLiteral("halls"), halls},
        {QStringLiteral("late_tasks"), qint64(report.lateTasks.size())},
        {QStringLiteral("late"), late},
        {QStringLiteral("open_blocking_punch_items"), qint64(report.openBlockingNotes.size())},
    };
}

QString asText(const datamodel::Facility& facility, const datamodel::ProgressReport& report) {
    const auto percent = [](std::size_t part, std::size_t whole) {
        return whole == 0 ? 100.0 : 100.0 * double(part) / double(whole);
    };
    QString out = QStringLiteral("Progress at the end of %1 (UTC)\n\n")
                      .arg(QString::fromStdString(datamodel::formatDate(report.at)));
    out += QStringLiteral("%1 %2 %3 %4 %5\n")
               .arg(QStringLiteral("GPUs installed"), -22)
               .arg(QStringLiteral("planned"), 10)
               .arg(QStringLiteral("actual"), 10)
               .arg(QStringLiteral("complete"), 9)
               .arg(QStringLiteral("blocking"), 9);
    for (const datamodel::HallProgress& hall : report.halls)
        out += QStringLiteral("%1 %2 %3 %4 % %5\n")
                   .arg(QString::fromStdString(hall.name), -22)
                   .arg(hall.installedPlanned, 10)
                   .arg(hall.installedActual, 10)
                   .arg(hall.percentComplete, 7, 'f', 1)
                   .arg(hall.openBlockingPunchItems, 9);
    out += QStringLiteral("%1 %2 %3 %4 %\n")
               .arg(QStringLiteral("all (%1 GPUs)").arg(report.gpus), -22)
               .arg(report.installedPlanned, 10)
               .arg(report.installedActual, 10)
               .arg(percent(report.installedActual, report.gpus), 7, 'f', 1);
    out += QStringLiteral("\nLate tasks (planned done by then, not done): %1\n").arg(report.lateTasks.size());
    for (std::size_t i = 0; i < report.lateTasks.size() && i < kLateListed; ++i)
        out += QStringLiteral("  %1  planned end %2\n")
                   .arg(utf8(facility.tasks().name[report.lateTasks[i].task]))
                   .arg(QString::fromStdString(datamodel::formatDate(report.lateTasks[i].plannedEnd)));
    out += QStringLiteral("\nOpen blocking punch items: %1\n").arg(report.openBlockingNotes.size());
    for (const std::uint32_t note : report.openBlockingNotes)
        out +=
            QStringLiteral("  %1  %2\n")
                .arg(utf8(facility.name(facility.notes().entity[note])), utf8(facility.notes().text[note]));
    return out.trimmed();
}

} // namespace

ExitCode runReport(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Progress at the end of a day (UTC): GPUs installed by planned and by actual dates, "
                       "per hall, and the late tasks."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("report"), QStringLiteral("the subcommand"));
    parser.addPositionalArgument(QStringLiteral("MODEL"), QStringLiteral("the model file"));
    const QCommandLineOption dateOption(QStringLiteral("date"), QStringLiteral("The day, YYYY-MM-DD."),
                                        QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOptions({dateOption, jsonOption});
    if (!parser.parse(arguments))
        return fail(ExitCode::Usage, QStringLiteral("report: ") + parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitCode::Ok;
    }
    const QStringList positional = parser.positionalArguments().mid(1);
    if (positional.size() != 1)
        return fail(ExitCode::Usage, QStringLiteral("report: name one MODEL file"));
    if (!parser.isSet(dateOption))
        return fail(ExitCode::Usage, QStringLiteral("report: --date YYYY-MM-DD is required"));
    const QString dateText = parser.value(dateOption);
    const auto day = parseCalendarDay(dateText);
    if (!day)
        return fail(ExitCode::BadInput,
                    QStringLiteral("report: --date '%1' is not a calendar date YYYY-MM-DD").arg(dateText));
    try {
        const auto store =
            datamodel::Store::open(positional.first().toStdString(), datamodel::Access::ReadOnly);
        const datamodel::Facility facility = store->load();
        const datamodel::Schedule schedule(facility);
        const datamodel::ProgressReport report = datamodel::progressAt(facility, schedule, *day);
        printOut(
            parser.isSet(jsonOption)
                ? QString::fromUtf8(QJsonDocument(asJson(facility, report)).toJson(QJsonDocument::Compact))
                : asText(facility, report));
    } catch (const datamodel::ModelError& error) {
        return fail(ExitCode::BadInput, QString::fromStdString(error.what()));
    }
    return ExitCode::Ok;
}

} // namespace twin::app
