#include "gui/document/Document.h"

#include "datamodel/ModelFile.h"
#include "datamodel/Store.h"
#include "datamodel/edits/EditedFacility.h"
#include "datamodel/edits/Revert.h"
#include "gui/document/EditCommand.h"
#include "gui/document/ScheduleFiles.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QSettings>
#include <QTimer>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <sys/stat.h>

namespace twin::app {

namespace {

struct LoadResult {
    std::shared_ptr<const datamodel::Facility> facility;
    QString error;
    double seconds = 0;
};

LoadResult loadFacility(const QString& path, datamodel::OpenChecks checks) {
    LoadResult result;
    QElapsedTimer clock;
    clock.start();
    try {
        // Not kept open: the window's only lasting connection is its writer (see OpenChecks).
        const auto store = datamodel::Store::open(path.toStdString(), datamodel::Access::ReadOnly, checks);
        result.facility = std::make_shared<const datamodel::Facility>(store->load());
    } catch (const std::exception& error) {
        result.error = QString::fromStdString(error.what());
    }
    result.seconds = double(clock.nsecsElapsed()) / 1e9;
    return result;
}

// What tells one version of the file from another without opening it: size and modification time of
// the file and of its write-ahead log.
std::string fileKeyOf(const QString& path) {
    std::string key;
    for (const QString& file : {path, path + QStringLiteral("-wal")}) {
        struct stat status {};
        if (::stat(QFile::encodeName(file).constData(), &status) != 0) {
            key += "-;";
            continue;
        }
        key += std::to_string(status.st_size) + ":" + std::to_string(status.st_mtim.tv_sec) + "." +
               std::to_string(status.st_mtim.tv_nsec) + ";";
    }
    return key;
}

constexpr int kWatchIntervalMs = 1000; // another writer's change shows within 2 s

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
    watch_ = new QTimer(this);
    watch_->setInterval(kWatchIntervalMs);
    connect(watch_, &QTimer::timeout, this, [this] {
        if (!model_ || loading_ || !changedByAnother())
            return;
        load(model_->path, ChangeEvent::What::Schedule, [this] { emit changedOnDisk(); });
    });
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
    resetWriter(); // another model, or this one read again from scratch: probed, checked
    load(QFileInfo(path).absoluteFilePath(), ChangeEvent::What::Model, {});
    return {};
}

void Document::load(const QString& absolutePath, ChangeEvent::What what, std::function<void()> adopted) {
    const quint64 generation = ++loadGeneration_;
    loading_ = true;
    // Taken before reading: a change made while it reads shows at the next look.
    const std::string key = fileKeyOf(absolutePath);
    auto* watcher = new QFutureWatcher<LoadResult>(this);
    connect(watcher, &QFutureWatcher<LoadResult>::finished, this,
            [this, watcher, absolutePath, generation, what, adopted, key] {
                watcher->deleteLater();
                if (generation != loadGeneration_)
                    return; // another model was opened meanwhile
                loading_ = false;
                fileKey_ = key; // not read again at every look: the next change reads it
                const LoadResult result = watcher->result();
                if (!result.error.isEmpty()) {
                    // Until a read succeeds, no edit is applied to the model in memory (it lacks what
                    // this read would have brought): each edit reads the file.
                    stale_ = true;
                    emit openFailed(result.error);
                    return;
                }
                stale_ = false;
                model_ = std::make_shared<const LoadedModel>(absolutePath, result.facility, result.seconds);
                if (what == ChangeEvent::What::Model) {
                    undoStack_->clear(); // edits belong to the model they were made on
                    resetWriter();
                    const QFileInfo file(absolutePath);
                    readOnlyReason_ =
                        forcedReadOnly_ ? tr("opened with --read-only")
                        : !(file.permissions() &
                            (QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther)) ||
                                !file.isWritable()
                            ? tr("the file's permissions do not allow writing")
                        : !QFileInfo(file.absolutePath()).isWritable()
                            ? tr("its folder cannot be written (SQLite needs it for the journal)")
                            : QString();
                    emit readOnlyChanged(readOnlyReason_);
                    watch_->start();
                }
                emit changed(ChangeEvent{what, {}});
                if (adopted)
                    adopted();
            });
    // Probed and checked once, when the model is opened (no connection of ours has it open then);
    // read again after an edit, an import or another writer's change without a probe (see OpenChecks).
    const datamodel::OpenChecks checks = what == ChangeEvent::What::Model
                                             ? datamodel::OpenChecks::Full
                                             : datamodel::OpenChecks::AlreadyChecked;
    watcher->setFuture(QtConcurrent::run(loadFacility, absolutePath, checks));
}

bool Document::apply(datamodel::Edit edit, const QString& text) {
    if (!model_ || edit.empty())
        return false;
    lastWriteApplied_ = false;
    // redo() runs now: the edit is in the file, or the command made itself obsolete, and then the stack
    // has deleted it already: its result is read from the Document, not from the command.
    undoStack_->push(new EditCommand(this, std::move(edit), text));
    return lastWriteApplied_;
}

std::optional<datamodel::EditOutcome> Document::write(const datamodel::Edit& edit) {
    if (!model_)
        return std::nullopt;
    if (!readOnlyReason_.isEmpty()) {
        emit editFailed(tr("%1 is read-only: %2").arg(QFileInfo(model_->path).fileName(), readOnlyReason_));
        return std::nullopt;
    }
    std::optional<datamodel::EditOutcome> outcome;
    bool readAgain = false;
    try {
        // Checked when it was opened; probing again would open and close a descriptor of our own on
        // the file while a background read may hold it (see OpenChecks).
        // The first edit of a session reads the model again: the writer's data_version (which tells
        // another's commits from its own) only counts from its switch into WAL mode at that edit, and
        // a commit by another since the model was read could slip in before then.
        if (!writer_) {
            writer_ = datamodel::Store::open(model_->path.toStdString(), datamodel::Access::ReadWrite,
                                             datamodel::OpenChecks::AlreadyChecked);
            readAgain = true;
        }
        outcome = datamodel::applyEdit(*writer_, edit,
                                       {QDateTime::currentSecsSinceEpoch(), author().toStdString()});
    } catch (const datamodel::EditConflict& conflict) {
        // Refused, nothing written: the connection is sound and stays (with its data_version). A
        // refusal means another writer came first: its change is read.
        emit editFailed(QString::fromStdString(conflict.what()));
        if (readAgain || writerDataVersion_ < 0) {
            try {
                writerDataVersion_ = writer_->dataVersion();
            } catch (const std::exception&) {
                resetWriter();
            }
            if (!loading_)
                load(model_->path, ChangeEvent::What::Schedule, [this] { emit changedOnDisk(); });
        }
        return std::nullopt;
    } catch (const std::exception& error) { // nothing may pass through QUndoCommand::redo and the slot
        resetWriter();
        emit editFailed(QString::fromStdString(error.what()));
        return std::nullopt;
    }
    lastWriteApplied_ = true;
    if (readAgain) {
        try {
            writerDataVersion_ = writer_->dataVersion(); // any commit by another from here on moves it
        } catch (const std::exception&) {
            resetWriter();
        }
    }
    if (readAgain || !adoptEdit(edit, *outcome)) {
        // Read again off the GUI thread instead (camera and selection kept).
        const QString action = QString::fromStdString(edit.action);
        load(model_->path, ChangeEvent::What::Schedule, [this, action] { emit edited(action); });
    }
    return outcome;
}

bool Document::adoptEdit(const datamodel::Edit& edit, const datamodel::EditOutcome& outcome) {
    // A read under way started before this edit and would put the model back without it; another
    // writer's change since the last look would be missing from ours. Either way: read the file.
    if (loading_ || stale_ || changedByAnother())
        return false;
    std::shared_ptr<const datamodel::Facility> facility;
    try {
        facility = std::make_shared<const datamodel::Facility>(
            datamodel::editedFacility(*model_->facility, edit, outcome));
    } catch (const std::exception&) {
        return false; // the loaded model is not the one the edit was made on
    }
    ChangeEvent event{ChangeEvent::What::Edit, {}};
    const datamodel::TaskColumns& tasks = facility->tasks();
    for (const datamodel::TaskChange& change : edit.tasks) {
        const auto at = std::lower_bound(tasks.id.begin(), tasks.id.end(), change.task);
        if (at != tasks.id.end() && *at == change.task)
            for (const datamodel::EntityIndex entity : tasks.entities.row(std::size_t(at - tasks.id.begin())))
                event.entities.push_back(entity);
    }
    for (const datamodel::NoteChange& change : edit.notes) {
        const datamodel::NoteFields& fields = change.after ? *change.after : *change.before;
        if (const datamodel::EntityIndex entity = facility->findById(fields.entity);
            entity != datamodel::kNoEntity)
            event.entities.push_back(entity);
    }
    for (const datamodel::EntityChange& change : edit.entities)
        if (const datamodel::EntityIndex entity = facility->findById(change.entity);
            entity != datamodel::kNoEntity)
            event.entities.push_back(entity);
    std::sort(event.entities.begin(), event.entities.end());
    event.entities.erase(std::unique(event.entities.begin(), event.entities.end()), event.entities.end());
    model_ = std::make_shared<const LoadedModel>(model_->path, std::move(facility), model_->loadSeconds);
    emit changed(event);
    emit edited(QString::fromStdString(edit.action));
    return true;
}

void Document::resetWriter() {
    writer_.reset();
    writerDataVersion_ = -1; // another connection's data_version cannot be compared with the last one's
}

bool Document::changedByAnother() {
    const std::string key = fileKeyOf(model_->path);
    if (key == fileKey_)
        return false;
    if (writer_) {
        // The file moved: by our own writer's commits alone when its data_version stands still.
        try {
            const std::int64_t version = writer_->dataVersion();
            const bool another = version != writerDataVersion_;
            writerDataVersion_ = version;
            if (!another)
                fileKey_ = key;
            stale_ = another;
            return another;
        } catch (const std::exception&) {
            stale_ = true;
            return true;
        }
    }
    stale_ = true;
    return true;
}

std::vector<datamodel::AuditRecord> Document::history(datamodel::EntityIndex entity, std::size_t limit) {
    if (!model_ || entity == datamodel::kNoEntity || std::size_t(entity) >= model_->facility->entityCount())
        return {};
    const std::int64_t id = model_->facility->entities().id[std::size_t(entity)];
    try {
        // Through the writer when there is one; else a connection of its own (SQLite's, so it holds no
        // descriptor SQLite does not manage: see OpenChecks).
        if (writer_)
            return writer_->auditLogOf(id, limit);
        return datamodel::Store::open(model_->path.toStdString(), datamodel::Access::ReadOnly,
                                      datamodel::OpenChecks::AlreadyChecked)
            ->auditLogOf(id, limit);
    } catch (const std::exception& error) {
        emit editFailed(QString::fromStdString(error.what()));
        return {};
    }
}

std::vector<datamodel::NotePhoto> Document::photosOf(std::int64_t noteId) {
    if (!model_)
        return {};
    try {
        if (writer_)
            return writer_->notePhotos(noteId);
        return datamodel::Store::open(model_->path.toStdString(), datamodel::Access::ReadOnly,
                                      datamodel::OpenChecks::AlreadyChecked)
            ->notePhotos(noteId);
    } catch (const std::exception& error) {
        emit editFailed(QString::fromStdString(error.what()));
        return {};
    }
}

bool Document::revert(const datamodel::AuditRecord& line) {
    datamodel::Edit edit;
    try {
        edit = datamodel::revertEditOf(line);
    } catch (const std::exception& error) {
        emit editFailed(QString::fromStdString(error.what()));
        return false;
    }
    // A punch item's add taken back would delete its photos for good (the log does not hold them).
    for (const datamodel::NoteChange& change : edit.notes)
        if (!change.after) {
            emit editFailed(
                tr("Audit %1 added punch item %2; reverting it would delete the item and its photos. "
                   "Close the item instead.")
                    .arg(line.id)
                    .arg(line.note));
            return false;
        }
    return apply(std::move(edit),
                 tr("Revert audit %1 (%2 by %3)")
                     .arg(line.id)
                     .arg(QString::fromStdString(line.action), QString::fromStdString(line.author)));
}

QString Document::author() const {
    const QString name = QSettings().value(QStringLiteral("author")).toString();
    return name.isEmpty() ? QString::fromStdString(datamodel::loginName()) : name;
}

void Document::setAuthor(const QString& author) {
    QSettings().setValue(QStringLiteral("author"), author);
}

bool Document::importSchedule(const QString& schedulePath) {
    resetWriter(); // the import opens the file itself, checks and all (see OpenChecks)
    // An import replaces every task and reuses the file's task ids: an undo made against the old ones
    // could land on another task of the same id.
    undoStack_->clear();
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
