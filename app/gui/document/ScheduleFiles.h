// File > Import Schedule and Export Schedule: CSV or MS Project XML, on a worker thread so that the
// window never waits on a large file. An import replaces the model file's whole schedule or changes
// nothing; the Document reads the model again when it lands and the window keeps its view.
#pragma once

#include <QFuture>
#include <QObject>
#include <QString>
#include <memory>

namespace twin::datamodel {
class Facility;
}
namespace twin::importers {
struct ScheduleTable;
}

namespace twin::app {

// What a job on the worker thread found: a line for the status bar, and the details (problems, or
// tasks that name no entity) a line each.
struct ScheduleJob {
    bool ok = false, imported = false;
    QString summary, details;
    // A checked import that would drop what the model knows: the table to write once the user agrees,
    // and the losses, a sentence each.
    std::shared_ptr<const importers::ScheduleTable> pending;
    QString losses;
};

class ScheduleFiles : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // Both return at once; the outcome arrives as a signal. One job at a time: false if one is running.
    // An import is checked whole first (every problem of the file and of its names: failed). When it
    // would drop links, entities' tasks, crews or kinds the model has, it waits for confirmImport() or
    // cancelImport() after asking with needsConfirmation; otherwise it lands at once.
    bool importInto(const QString& modelPath, const QString& schedulePath);
    void confirmImport();
    void cancelImport();
    bool awaitingConfirmation() const { return pendingTable_ != nullptr; }
    bool exportFrom(std::shared_ptr<const datamodel::Facility> facility, const QString& modelPath,
                    const QString& schedulePath);
    bool busy() const { return busy_; }

signals:
    // `summary`: one line for the status bar; `notes`: tasks that name no entity, a line each.
    void imported(const QString& summary, const QString& notes);
    void exported(const QString& summary);
    // `question`: one line; `losses`: what would be dropped, a sentence a line.
    void needsConfirmation(const QString& question, const QString& losses);
    void importCancelled(const QString& summary);
    // Every problem, a "FILE:LINE: message" line each; nothing was changed.
    void failed(const QString& what, const QString& problems);

private:
    // Reports `job` when it ends: its own signal, or failed(refusal, details).
    void watch(QFuture<ScheduleJob> job, const QString& refusal);

    bool busy_ = false;
    // While waiting for the user: what to write, where.
    std::shared_ptr<const importers::ScheduleTable> pendingTable_;
    QString pendingModel_, pendingSchedule_, pendingLosses_;
};

} // namespace twin::app
