// The search index: the ranking rules on the hand-built model, where every answer is known, and on a
// generated model against SQL written here (SQLite's LIKE is case-insensitive for ASCII, as the index is).
#include "SmallModel.h"
#include "datamodel/SearchIndex.h"
#include "datamodel/Store.h"
#include "importers/ColossusGenerator.h"

#include <QTemporaryDir>
#include <QTest>
#include <set>
#include <sqlite3.h>

using namespace twin::datamodel;
using twin::testing::SmallModelIds;

namespace {

std::int64_t sqlCount(const std::string& path, const char* sql, const std::string& parameter) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* statement = nullptr;
    std::int64_t count = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK) {
        sqlite3_bind_text(statement, 1, parameter.c_str(), -1, SQLITE_TRANSIENT);
        if (sqlite3_step(statement) == SQLITE_ROW)
            count = sqlite3_column_int64(statement, 0);
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return count;
}

} // namespace

class SearchIndexTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    SmallModelIds m_{};
    Facility small_;
    std::unique_ptr<SearchIndex> index_;

    EntityIndex at(std::int64_t id) const { return small_.findById(id); }
    SearchTarget entity(std::int64_t id) const { return {SearchTarget::Kind::Entity, std::uint32_t(at(id))}; }

private slots:
    void initTestCase() {
        const std::string path = dir_.filePath(QStringLiteral("small.db")).toStdString();
        small_ = twin::testing::createSmallModel(path, m_);
        index_ = std::make_unique<SearchIndex>(small_);
    }

    void exactBeforePrefixBeforeSubstring() {
        // "K01" is a prefix of "K01-CDU" etc. and inside "H1-R01-K01".
        const SearchResult found = index_->search("k01", 100);
        QVERIFY(found.count >= 5);
        MatchQuality previous = MatchQuality::Exact;
        for (const SearchMatch& match : found.matches) {
            QVERIFY(match.quality >= previous); // never a worse match before a better one
            previous = match.quality;
        }
        QCOMPARE(found.matches.front().quality, MatchQuality::Prefix);
        bool rackIsSubstring = false;
        for (const SearchMatch& match : found.matches)
            if (match.target == entity(m_.rack1))
                rackIsSubstring = match.quality == MatchQuality::Substring;
        QVERIFY(rackIsSubstring);
        // The exact name comes first, whatever its case.
        const SearchResult rack = index_->search("  h1-R01-k02 ", 10);
        QCOMPARE(rack.matches.front().target, entity(m_.rack2));
        QCOMPARE(rack.matches.front().quality, MatchQuality::Exact);
        QCOMPARE(rack.matches.front().field, SearchField::Name);
        QCOMPARE(rack.count, std::size_t(1));
    }

    void everyFieldIsSearched() {
        const SearchResult uuid = index_->search("gpu-2B", 10);
        QCOMPARE(uuid.count, std::size_t(1));
        QCOMPARE(uuid.matches.front().target, entity(m_.gpu2b));
        QCOMPARE(uuid.matches.front().field, SearchField::Uuid);
        QCOMPARE(searchValue(small_, uuid.matches.front()), std::string("GPU-2b"));
        // A server whose hostname is its name: found once, by its name.
        const SearchResult host = index_->search("V2", 10);
        QCOMPARE(host.matches.front().target, entity(m_.server2));
        QCOMPARE(host.matches.front().quality, MatchQuality::Exact);
        // Tasks by name, cables by id.
        const SearchResult task = index_->search("place", 10);
        QVERIFY(task.count >= 2);
        for (const SearchMatch& match : task.matches)
            QCOMPARE(match.target.kind, SearchTarget::Kind::Task);
        const std::string cableId = std::to_string(small_.cables().id[2]);
        const SearchResult cable = index_->search(cableId, 10);
        QVERIFY(cable.count >= 1);
        bool cableFound = false;
        for (const SearchMatch& match : cable.matches)
            cableFound |= match.target == SearchTarget{SearchTarget::Kind::Cable, 2} &&
                          match.quality == MatchQuality::Exact && match.field == SearchField::Cable;
        QVERIFY(cableFound);
    }

    void eachTargetOnceAndCountsHonest() {
        // "v1" is the server's name (exact) and inside "v1/gpu0" ... (prefix): six entities, each once.
        const SearchResult found = index_->search("v1", 100);
        std::set<std::uint32_t> seen;
        for (const SearchMatch& match : found.matches)
            QVERIFY(seen.insert(match.target.index).second);
        QCOMPARE(found.count, found.matches.size());
        QCOMPARE(found.count, std::size_t(1 + 2 + 1 + 2)); // the server, 2 GPUs, a NIC, 2 PSUs
        QVERIFY(!found.countIsAtLeast);
        // The limit cuts the list, not the count; a count limit stops the counting and says so.
        const SearchResult two = index_->search("v1", 2);
        QCOMPARE(two.matches.size(), std::size_t(2));
        QCOMPARE(two.count, std::size_t(6));
        const SearchResult capped = index_->search("v1", 2, std::nullopt, 3);
        QCOMPARE(capped.matches.size(), std::size_t(2));
        QVERIFY(capped.countIsAtLeast);
        QVERIFY(capped.count >= 3 && capped.count < 6);
    }

    void kindFilterAndBadQueries() {
        const SearchResult gpus = index_->search("v1", 100, EntityKind::Gpu);
        QCOMPARE(gpus.count, std::size_t(2));
        for (const SearchMatch& match : gpus.matches)
            QCOMPARE(small_.kind(EntityIndex(match.target.index)), EntityKind::Gpu);
        QCOMPARE(index_->search("", 10).count, std::size_t(0));
        QCOMPARE(index_->search("   \t", 10).count, std::size_t(0));
        QCOMPARE(index_->search("no such thing at all", 10).count, std::size_t(0));
        QCOMPARE(index_->search("GPU-ffffffff-0000-0000-0000-000000000000", 10).count, std::size_t(0));
        QCOMPARE(SearchIndex().search("v1", 10).count, std::size_t(0)); // an empty index
        // A line break inside a query never joins the end of one key to the start of the next.
        QCOMPARE(index_->search("gpu0\nv1", 10).count, std::size_t(0));
    }

    // Against SQL on a generated model: every entity whose name, hostname, serial or UUID contains the
    // query, every task whose name does, every cable whose id starts with it.
    void countsAgreeWithSql() {
        const std::string path = dir_.filePath(QStringLiteral("gen.db")).toStdString();
        twin::importers::GeneratorOptions options;
        options.gpus = 2048;
        twin::importers::generateColossus(path, options);
        const Facility facility = Store::open(path, Access::ReadOnly)->load();
        const SearchIndex index(facility);
        const char* entitySql = "select count(*) from entity where name like '%'||?1||'%' or hostname like "
                                "'%'||?1||'%' or serial like '%'||?1||'%' or uuid like '%'||?1||'%'";
        const char* taskSql = "select count(*) from task where name like '%'||?1||'%'";
        const char* cableSql = "select count(*) from cable where cast(id as text) like ?1||'%'";
        for (const std::string query :
             {"h1-r02-k0", "R03", "gpu3", "burn", "GPU-a", "12", "colossus-h1-r01-k02-s3"}) {
            const std::int64_t want = sqlCount(path, entitySql, query) + sqlCount(path, taskSql, query) +
                                      sqlCount(path, cableSql, query);
            QCOMPARE(std::int64_t(index.search(query, 5).count), want);
        }
        // A prefix typed lists the shortest names first: "h1-r01-k0" gives the racks K01 to K09 before
        // K01's CDU, manifolds and tasks.
        std::size_t racksOfRow = 0;
        for (const EntityIndex rack : facility.ofKind(EntityKind::Rack))
            racksOfRow += facility.name(rack).starts_with("H1-R01-K0");
        QVERIFY(racksOfRow >= 2);
        const SearchResult racks = index.search("h1-r01-k0", racksOfRow + 1);
        for (std::size_t i = 0; i < racksOfRow; ++i)
            QCOMPARE(facility.kind(EntityIndex(racks.matches[i].target.index)), EntityKind::Rack);
        QVERIFY(facility.kind(EntityIndex(racks.matches[racksOfRow].target.index)) != EntityKind::Rack);
        // One GPU by its serial and by its UUID: exactly that GPU, first.
        const EntityIndex gpu = facility.ofKind(EntityKind::Gpu)[777];
        for (const std::string_view value :
             {facility.entities().serial[std::size_t(gpu)], facility.entities().uuid[std::size_t(gpu)]}) {
            const SearchResult found = index.search(value, 5);
            QCOMPARE(found.matches.front().target,
                     (SearchTarget{SearchTarget::Kind::Entity, std::uint32_t(gpu)}));
            QCOMPARE(found.matches.front().quality, MatchQuality::Exact);
            QCOMPARE(std::count_if(found.matches.begin(), found.matches.end(),
                                   [](const SearchMatch& m) { return m.quality == MatchQuality::Exact; }),
                     1);
        }
    }
};

QTEST_GUILESS_MAIN(SearchIndexTest)
#include "tst_search_index.moc"
