#include "gui/document/Document.h"

#include "datamodel/ModelFile.h"
#include "datamodel/Store.h"
#include "gui/document/ScheduleFiles.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

namespace twin::app {

namespace {

struct LoadResult {
    std::shared_ptr<datamodel::Store> store;
    std::shared_ptr<const datamodel::Facility> facility;
    QString error;
    double seconds = 0;
};

LoadResult loadFacility(const QString& path) {
    LoadResult result;
    QElapsedTimer clock;
    clock.start();
    try {
        result.store = datamodel::Store::open(path.toStdString(), datamodel::Access::ReadOnly);
        result.facility = std::make_shared<const datamodel::Facility>(result.store->load());
    } catch (const std::exception& error) {
        result.store.reset();
        result.error = QString::fromStdString(error.what());
    }
    result.seconds = double(clock.nsecsElapsed()) / 1e9;
    return result;
}

} // namespace

Document::Document(QObject* parent)
    : QObject(parent), undoStack_(new QUndoStack(this)), scheduleFiles_(new ScheduleFiles(this)) {
    // An import lands in the file; the model is read again and the views follow the new schedule
    // without losing their camera, selection, colouring or live telemetry.
    connect(scheduleFiles_, &ScheduleFiles::imported, this,
            [this](const QString& summary, const QString& notes) {
                if (!model_)
                    return;
                load(model_->path, ChangeEvent::What::Schedule,
                     [this, summary, notes] { emit scheduleImported(summary, notes); });
            });
    connect(scheduleFiles_, &ScheduleFiles::exported, this, &Document::scheduleExported);
    connect(scheduleFiles_, &ScheduleFiles::failed, this, &Document::scheduleFileFailed);
    connect(scheduleFiles_, &ScheduleFiles::needsConfirmation, this, &Document::scheduleImportQuestion);
    connect(scheduleFiles_, &ScheduleFiles::importCancelled, this, &Document::scheduleImportCancelled);
}

Document::~Document() = default;

QString Document::open(const QString& path) {
    const datamodel::ModelFileProbe probe = datamodel::probeModelFile(path);
    if (!probe.ok) {
        emit openFailed(probe.error);
        return probe.error;
    }
    load(QFileInfo(path).absoluteFilePath(), ChangeEvent::What::Model, {});
    return {};
}

void Document::load(const QString& absolutePath, ChangeEvent::What what, std::function<void()> adopted) {
    const quint64 generation = ++loadGeneration_;
    auto* watcher = new QFutureWatcher<LoadResult>(this);
    connect(watcher, &QFutureWatcher<LoadResult>::finished, this,
            [this, watcher, absolutePath, generation, what, adopted] {
                watcher->deleteLater();
                if (generation != loadGeneration_)
                    return; // another model was opened meanwhile
                const LoadResult result = watcher->result();
                if (!result.error.isEmpty()) {
                    emit openFailed(result.error);
                    return;
                }
                store_ = result.store;
                model_ = std::make_shared<const LoadedModel>(absolutePath, result.facility, result.seconds);
                if (what == ChangeEvent::What::Model)
                    undoStack_->clear(); // edits belong to the model they were made on
                emit changed(ChangeEvent{what, {}});
                if (adopted)
                    adopted();
            });
    watcher->setFuture(QtConcurrent::run(loadFacility, absolutePath));
}

bool Document::importSchedule(const QString& schedulePath) {
    return model_ && scheduleFiles_->importInto(model_->path, schedulePath);
}

void Document::answerScheduleImport(bool import) {
    if (import)
        scheduleFiles_->confirmImport();
    else
        scheduleFiles_->cancelImport();
}

bool Document::exportSchedule(const QString& schedulePath) {
    return model_ && scheduleFiles_->exportFrom(model_->facility, model_->path, schedulePath);
}

} // namespace twin::app
