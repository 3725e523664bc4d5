// A model file on disk: create, open (read-only or read-write), migrate, load into a Facility, and
// write in transactions. While open for writing the file is in WAL mode; closed, it is one file. SQLite
// today; the interface is narrow so that a PostgreSQL back end for teams can stand beside it
// (FacilityStorage).
#pragma once

#include "datamodel/Facility.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace twin::datamodel {

class ModelWriter;

enum class Access { ReadOnly, ReadWrite };

// Full: a file is probed (its header read before SQLite sees it), what a killed writer left recovered,
// and its pages checked once per version. AlreadyChecked: only its identity, for reading again a file
// this process checked and writes itself (the window after its own edit). The probe opens and closes a
// descriptor of its own, and on POSIX closing any descriptor of a file drops every lock the process
// holds on it: never while a connection of this process has the file open.
enum class OpenChecks { Full, AlreadyChecked };

// A file being built (a generator's output) is marked unfinished from its first commit until
// markComplete(): one that a kill, a crash or a full disk stopped half way is never opened as a model.
enum class Completion { Complete, Pending };

// What any storage back end offers the rest of the program.
class FacilityStorage {
public:
    virtual ~FacilityStorage() = default;
    virtual int schemaVersion() const = 0;
    // Reads and checks the whole model. Throws ModelError naming the file and the bad row.
    virtual Facility load() = 0;
    // Runs `edit` inside one transaction: all of it lands, or (on an exception) none of it.
    virtual void write(const std::function<void(ModelWriter&)>& edit) = 0;
};

class Store final : public FacilityStorage {
public:
    // A new, empty model at `path`, which must not exist yet.
    static std::unique_ptr<Store> create(const std::string& path,
                                         Completion completion = Completion::Complete);
    // An existing model. Refuses (ModelError, file untouched) anything that is not a Colossus Twin
    // model this build can read. ReadWrite migrates an older schema forward; ReadOnly never writes.
    static std::unique_ptr<Store> open(const std::string& path, Access access,
                                       OpenChecks checks = OpenChecks::Full);

    ~Store() override;
    int schemaVersion() const override;
    Facility load() override;
    void write(const std::function<void(ModelWriter&)>& edit) override;
    const std::string& path() const;
    // Every line of the audit log written at or after `since` (kNoTime: all), oldest first. A file of
    // schema version 2 read as it is has no before and after values.
    std::vector<struct AuditRecord> auditLog(TimePoint since = kNoTime) const;
    // The latest `limit` lines that name entity `entity` (its id), newest first: its history.
    std::vector<struct AuditRecord> auditLogOf(std::int64_t entity, std::size_t limit) const;
    // Every tour with its stops in order (the bookmarks they stop at), tours by id.
    std::vector<struct Tour> tours() const;
    // The photos of punch item `note`, in the order they were added.
    std::vector<struct NotePhoto> notePhotos(std::int64_t note) const;
    // SQLite's PRAGMA data_version: it moves when another connection (another process, another
    // window) commits, and not for this connection's own commits.
    std::int64_t dataVersion() const;

    // Bulk writing for generators and importers: no journal, no fsync; the caller builds a new file
    // it deletes on failure. Ends with a rollback journal (a single self-contained file) and ANALYZE.
    void beginBulkLoad();
    void endBulkLoad();
    // Clears the unfinished mark of a file created with Completion::Pending.
    void markComplete();

private:
    struct Private;
    explicit Store(std::unique_ptr<Private> d);
    static std::unique_ptr<Store> openOnce(const std::string& path, Access access, OpenChecks checks);
    std::unique_ptr<Private> d;
};

} // namespace twin::datamodel
