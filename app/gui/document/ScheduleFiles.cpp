#include "gui/document/ScheduleFiles.h"

#include "datamodel/FileOutput.h"
#include "datamodel/ModelError.h"
#include "datamodel/Store.h"
#include "importers/ScheduleExchange.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace twin::app {

namespace {

QString joined(const std::vector<std::string>& lines) {
    QStringList all;
    for (const std::string& line : lines)
        all.append(QString::fromStdString(line));
    return all.join(QLatin1Char('\n'));
}

QString importedLine(const importers::ImportSummary& summary, const QString& schedulePath) {
    return QObject::tr("Imported %1 tasks from %2: %3 entity links, %4 dependencies; %5 tasks name no entity")
        .arg(summary.tasks)
        .arg(QFileInfo(schedulePath).fileName())
        .arg(summary.entityLinks)
        .arg(summary.dependencies)
        .arg(summary.unlinkedTasks.size());
}

// Checks the file against the model; lands it when it loses nothing, else hands it back to ask.
ScheduleJob checkAndImport(const QString& modelPath, const QString& schedulePath) {
    ScheduleJob outcome;
    try {
        importers::ImportCheck check =
            importers::checkImport(modelPath.toStdString(), schedulePath.toStdString());
        if (check.losses.any()) {
            outcome.ok = true;
            outcome.losses = joined(check.losses.describe());
            outcome.pending = std::make_shared<const importers::ScheduleTable>(std::move(check.table));
            return outcome;
        }
        const importers::ImportSummary summary =
            importers::importSchedule(modelPath.toStdString(), check.table);
        outcome.ok = outcome.imported = true;
        outcome.summary = importedLine(summary, schedulePath);
        outcome.details = joined(summary.unlinkedTasks);
    } catch (const importers::ScheduleError& error) {
        outcome.details = joined(error.problems());
    } catch (const std::exception& error) {
        outcome.details = QString::fromStdString(error.what());
    }
    return outcome;
}

ScheduleJob importChecked(const QString& modelPath, const QString& schedulePath,
                          const std::shared_ptr<const importers::ScheduleTable>& table,
                          const QString& losses) {
    ScheduleJob outcome;
    try {
        const importers::ImportSummary summary = importers::importSchedule(modelPath.toStdString(), *table);
        outcome.ok = outcome.imported = true;
        outcome.summary = importedLine(summary, schedulePath);
        // What was agreed to be dropped stays on record with the notes.
        outcome.details = losses;
        if (!summary.unlinkedTasks.empty())
            outcome.details +=
                (losses.isEmpty() ? QString() : QStringLiteral("\n")) + joined(summary.unlinkedTasks);
    } catch (const importers::ScheduleError& error) {
        outcome.details = joined(error.problems());
    } catch (const std::exception& error) {
        outcome.details = QString::fromStdString(error.what());
    }
    return outcome;
}

ScheduleJob exportSchedule(const std::shared_ptr<const datamodel::Facility>& facility,
                           const QString& modelPath, const QString& schedulePath) {
    ScheduleJob outcome;
    if (const std::string refusal =
            datamodel::refuseOverwritingModel(schedulePath.toStdString(), modelPath.toStdString());
        !refusal.empty()) {
        outcome.details = QString::fromStdString(refusal);
        return outcome;
    }
    try {
        const importers::ScheduleTable table = importers::scheduleOf(*facility);
        importers::writeSchedule(table, schedulePath.toStdString(),
                                 QFileInfo(modelPath).completeBaseName().toStdString());
        outcome.ok = true;
        outcome.summary = QObject::tr("Exported %1 tasks to %2")
                              .arg(table.tasks.size())
                              .arg(QFileInfo(schedulePath).fileName());
    } catch (const std::exception& error) {
        outcome.details = QString::fromStdString(error.what());
    }
    return outcome;
}

} // namespace

void ScheduleFiles::watch(QFuture<ScheduleJob> job, const QString& refusal) {
    busy_ = true;
    auto* watcher = new QFutureWatcher<ScheduleJob>(this);
    connect(watcher, &QFutureWatcher<ScheduleJob>::finished, this, [this, watcher, refusal] {
        watcher->deleteLater();
        busy_ = false;
        const ScheduleJob outcome = watcher->result();
        if (outcome.ok && outcome.pending) {
            busy_ = true; // until the user answers
            pendingTable_ = outcome.pending;
            pendingLosses_ = outcome.losses;
            emit needsConfirmation(tr("Importing %1 would drop what the model knows:")
                                       .arg(QFileInfo(pendingSchedule_).fileName()),
                                   outcome.losses);
        } else if (!outcome.ok)
            emit failed(refusal, outcome.details);
        else if (outcome.imported)
            emit imported(outcome.summary, outcome.details);
        else
            emit exported(outcome.summary);
    });
    watcher->setFuture(job);
}

bool ScheduleFiles::importInto(const QString& modelPath, const QString& schedulePath) {
    if (busy_)
        return false;
    pendingModel_ = modelPath;
    pendingSchedule_ = schedulePath;
    watch(QtConcurrent::run(checkAndImport, modelPath, schedulePath),
          tr("The schedule was not imported; the model is unchanged."));
    return true;
}

void ScheduleFiles::confirmImport() {
    if (!pendingTable_)
        return;
    const std::shared_ptr<const importers::ScheduleTable> table = std::move(pendingTable_);
    pendingTable_.reset();
    watch(QtConcurrent::run(importChecked, pendingModel_, pendingSchedule_, table, pendingLosses_),
          tr("The schedule was not imported; the model is unchanged."));
}

void ScheduleFiles::cancelImport() {
    if (!pendingTable_)
        return;
    pendingTable_.reset();
    busy_ = false;
    emit importCancelled(tr("The schedule was not imported; the model is unchanged."));
}

bool ScheduleFiles::exportFrom(std::shared_ptr<const datamodel::Facility> facility, const QString& modelPath,
                               const QString& schedulePath) {
    if (busy_ || !facility)
        return false;
    watch(QtConcurrent::run(exportSchedule, std::move(facility), modelPath, schedulePath),
          tr("The schedule was not exported."));
    return true;
}

} // namespace twin::app
