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

ScheduleJob importSchedule(const QString& modelPath, const QString& schedulePath) {
    ScheduleJob outcome;
    try {
        const importers::ScheduleTable table = importers::readSchedule(schedulePath.toStdString());
        const importers::ImportSummary summary = importers::importSchedule(modelPath.toStdString(), table);
        outcome.ok = outcome.imported = true;
        outcome.summary = QObject::tr("Imported %1 tasks from %2: %3 entity links, %4 dependencies")
                              .arg(summary.tasks)
                              .arg(QFileInfo(schedulePath).fileName())
                              .arg(summary.entityLinks)
                              .arg(summary.dependencies);
        outcome.details = joined(summary.unlinkedTasks);
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
        if (!outcome.ok)
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
    watch(QtConcurrent::run(importSchedule, modelPath, schedulePath),
          tr("The schedule was not imported; the model is unchanged."));
    return true;
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
