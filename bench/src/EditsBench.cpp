#include "bench/EditsBench.h"

#include "bench/MachineDescription.h"
#include "bench/Measure.h"
#include "datamodel/ModelError.h"
#include "datamodel/ModelWriter.h"
#include "datamodel/ProgressReport.h"
#include "datamodel/Schedule.h"
#include "datamodel/Store.h"
#include "datamodel/edits/ProgressEdit.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

namespace twin::bench {

namespace {

using datamodel::EntityIndex;
using datamodel::EntityKind;
using datamodel::ProgressAction;

datamodel::ProgressRequest requestFor(std::vector<EntityIndex> entities, ProgressAction action,
                                      datamodel::TimePoint at, datamodel::TimePoint now) {
    datamodel::ProgressRequest request;
    request.action = action;
    request.entities = std::move(entities);
    request.at = at;
    request.now = now;
    request.allowOutOfOrder = true; // a hall done in one edit: its racks' own order is not the point
    return request;
}

} // namespace

BenchReport runEditsBench(const EditsBenchOptions& options) {
    QTemporaryDir directory;
    const QString copy = directory.filePath(QStringLiteral("edits.db"));
    if (!directory.isValid() || !QFile::copy(options.modelPath, copy))
        throw datamodel::ModelError(options.modelPath.toStdString() + ": cannot be copied for the benchmark");
    QFile(copy).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    BenchReport report;
    report.bench = QStringLiteral("edits");
    report.machine = describeMachine();
    const auto store = datamodel::Store::open(copy.toStdString(), datamodel::Access::ReadWrite);
    datamodel::Facility facility = store->load();
    const datamodel::TimePoint now = QDateTime::currentSecsSinceEpoch();
    const datamodel::TimePoint at = facility.scheduleEnd();
    // Copied: `facility` is read again after each edit, and a span into the old one would dangle.
    const std::vector<EntityIndex> racks(facility.ofKind(EntityKind::Rack).begin(),
                                         facility.ofKind(EntityKind::Rack).end());
    const datamodel::EditStamp stamp{now, "bench"};

    // One rack: reopened (not timed), then done and committed; then its undo. Rows are few; the time is
    // building the edit, the transaction and its fsync.
    std::vector<double> done, undo;
    for (int r = 0; r < options.repeats; ++r) {
        const EntityIndex rack = racks[std::size_t(r) * racks.size() / std::size_t(options.repeats)];
        datamodel::applyEdit(
            *store, datamodel::progressEdit(facility, requestFor({rack}, ProgressAction::Reopen, at, now)),
            stamp);
        facility = store->load();
        QElapsedTimer clock;
        clock.start();
        const datamodel::Edit edit =
            datamodel::progressEdit(facility, requestFor({rack}, ProgressAction::Done, at, now));
        datamodel::applyEdit(*store, edit, stamp);
        done.push_back(millisecondsSince(clock));
        clock.start();
        datamodel::applyEdit(*store, edit.inverse(), stamp);
        undo.push_back(millisecondsSince(clock));
        datamodel::applyEdit(*store, edit, stamp);
        facility = store->load();
    }
    report.rows.push_back({QStringLiteral("rack-done"), QStringLiteral("median"), median(done),
                           QStringLiteral("ms, %1 tasks, committed (median of %2)")
                               .arg(facility.tasksOf(racks.front()).size())
                               .arg(options.repeats)});
    report.rows.push_back({QStringLiteral("rack-undo"), QStringLiteral("median"), median(undo),
                           QStringLiteral("ms, committed")});

    // A hall: every rack of the first hall reopened, then done in one edit.
    const EntityIndex hall = facility.ofKind(EntityKind::Hall).front();
    datamodel::applyEdit(
        *store, datamodel::progressEdit(facility, requestFor({hall}, ProgressAction::Reopen, at, now)),
        stamp);
    facility = store->load();
    QElapsedTimer clock;
    clock.start();
    const datamodel::Edit hallDone =
        datamodel::progressEdit(facility, requestFor({hall}, ProgressAction::Done, at, now));
    const double buildMs = millisecondsSince(clock);
    datamodel::applyEdit(*store, hallDone, stamp);
    const double hallMs = millisecondsSince(clock);
    std::size_t hallRacks = 0;
    for (const EntityIndex e : facility.subtree(hall))
        hallRacks += facility.kind(e) == EntityKind::Rack ? 1 : 0;
    report.rows.push_back({QStringLiteral("hall-done"), QStringLiteral("time"), hallMs,
                           QStringLiteral("ms, %1 racks, %2 tasks in one edit (building it: %3 ms)")
                               .arg(hallRacks)
                               .arg(hallDone.tasks.size())
                               .arg(buildMs, 0, 'f', 1)});
    facility = store->load();

    // The report and the S-curve after an edit: the schedule's states, the day's report, the curve.
    const double reportMs = slowestOf(options.repeats, [&] {
        const datamodel::Schedule schedule(facility);
        const datamodel::ProgressReport day = datamodel::progressAt(facility, schedule, at);
        const auto curve = datamodel::installedCurve(facility, schedule, EntityKind::Gpu,
                                                     facility.scheduleStart(), facility.scheduleEnd());
        if (day.gpus == 0 || curve.empty())
            throw datamodel::ModelError("the model has no GPUs to report on");
    });
    report.rows.push_back({QStringLiteral("report-after-edit"), QStringLiteral("slowest"), reportMs,
                           QStringLiteral("ms, schedule + report + S-curve of %1 GPUs (of %2 runs)")
                               .arg(facility.count(EntityKind::Gpu))
                               .arg(options.repeats)});

    // `log --json` of at least 100,000 lines: the hall reopened and done until the log holds them.
    std::size_t lines = store->auditLog().size();
    for (bool reopen = true; lines < 100000; reopen = !reopen) {
        const datamodel::Edit edit = reopen ? hallDone.inverse() : hallDone;
        lines += datamodel::applyEdit(*store, edit, stamp).auditIds.size();
    }
    if (!options.twinBinary.isEmpty()) {
        QProcess log;
        clock.start();
        log.start(options.twinBinary, {QStringLiteral("log"), copy, QStringLiteral("--json")});
        log.waitForFinished(120000);
        const double logMs = millisecondsSince(clock);
        const qint64 bytes = log.readAllStandardOutput().size();
        if (log.exitCode() != 0)
            throw datamodel::ModelError("log --json failed: " + log.readAllStandardError().toStdString());
        report.rows.push_back({QStringLiteral("log-json"), QStringLiteral("time"), logMs,
                               QStringLiteral("ms, %1 lines, %2 MB, the process end to end")
                                   .arg(lines)
                                   .arg(double(bytes) / 1e6, 0, 'f', 1)});
    }
    return report;
}

} // namespace twin::bench
