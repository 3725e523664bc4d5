// The workbench's command-line queries on a generated model, each answer checked against SQL written
// here: find (a rack first by its name, a GPU by serial and by UUID exactly once), inspect (children by
// kind, the path, the CDU upstream), impact (a CDU's GPUs lost, a busway's servers degraded and none
// lost, a leaf's NICs lost). Bad input: no match, an ambiguous name, an empty query, an unknown domain.
#include "CliRun.h"
#include "importers/ColossusGenerator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

namespace {

// The first column of the first row of `sql`, ?1.. bound to `values` in order.
std::int64_t sqlNumber(const QString& path, const char* sql,
                       std::initializer_list<std::int64_t> values = {}) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* statement = nullptr;
    std::int64_t result = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK) {
        int at = 1;
        for (std::int64_t value : values)
            sqlite3_bind_int64(statement, at++, value);
        if (sqlite3_step(statement) == SQLITE_ROW)
            result = sqlite3_column_int64(statement, 0);
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return result;
}

QString sqlText(const QString& path, const char* sql, std::int64_t value) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* statement = nullptr;
    QString result;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK) {
        sqlite3_bind_int64(statement, 1, value);
        if (sqlite3_step(statement) == SQLITE_ROW)
            result = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return result;
}

QJsonObject json(const Run& run) {
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

} // namespace

class CliQueriesTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString model_;

    std::int64_t idOfKind(const char* kind, int nth) const {
        return sqlNumber(
            model_,
            QStringLiteral("select id from entity where kind=(select code from entity_kind where name='%1') "
                           "order by id limit 1 offset ?1")
                .arg(QLatin1String(kind))
                .toUtf8()
                .constData(),
            {nth});
    }

private slots:
    void initTestCase() {
        qputenv("TWIN_CHECKED_MODELS", QFile::encodeName(dir_.filePath(QStringLiteral("checked-models"))));
        model_ = dir_.filePath(QStringLiteral("queries.db"));
        twin::importers::GeneratorOptions options;
        options.gpus = 2048;
        twin::importers::generateColossus(model_.toStdString(), options);
    }

    void findPutsTheExactNameFirstAndFindsSerialsAndUuids() {
        const std::int64_t rack = idOfKind("rack", 9);
        const QString rackName = sqlText(model_, "select name from entity where id=?1", rack);
        Run run = runTwin({QStringLiteral("find"), model_, rackName.toLower(), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QJsonObject found = json(run);
        QCOMPARE(found.value(QStringLiteral("query")).toString(), rackName.toLower());
        const QJsonArray matches = found.value(QStringLiteral("matches")).toArray();
        QCOMPARE(matches.first().toObject().value(QStringLiteral("id")).toInteger(), rack);
        QCOMPARE(matches.first().toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("rack"));
        QCOMPARE(matches.first().toObject().value(QStringLiteral("field")).toString(),
                 QStringLiteral("name"));
        QVERIFY(matches.size() <= 20); // the default limit
        QVERIFY(found.value(QStringLiteral("count")).toInteger() >
                matches.size()); // its CDU, servers, tasks...

        const std::int64_t gpu = idOfKind("gpu", 333);
        for (const char* field : {"serial", "uuid"}) {
            const QString value = sqlText(
                model_,
                QStringLiteral("select %1 from entity where id=?1").arg(QLatin1String(field)).toUtf8(), gpu);
            run = runTwin({QStringLiteral("find"), model_, value, QStringLiteral("--json")});
            const QJsonArray hits = json(run).value(QStringLiteral("matches")).toArray();
            int exact = 0;
            for (const auto& hit : hits)
                if (hit.toObject().value(QStringLiteral("value")).toString() == value) {
                    ++exact;
                    QCOMPARE(hit.toObject().value(QStringLiteral("id")).toInteger(), gpu);
                    QCOMPARE(hit.toObject().value(QStringLiteral("field")).toString(), QLatin1String(field));
                }
            QCOMPARE(exact, 1);
        }
        // --kind and --limit; no match is count 0 and exit 0; an empty query is refused.
        run = runTwin({QStringLiteral("find"), model_, QStringLiteral("gpu"), QStringLiteral("--kind"),
                       QStringLiteral("gpu"), QStringLiteral("--limit"), QStringLiteral("3"),
                       QStringLiteral("--json")});
        QCOMPARE(json(run).value(QStringLiteral("count")).toInteger(), std::int64_t(2048));
        QCOMPARE(json(run).value(QStringLiteral("matches")).toArray().size(), 3);
        run = runTwin(
            {QStringLiteral("find"), model_, QStringLiteral("GPU-ffffffff-0000"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(json(run).value(QStringLiteral("count")).toInteger(), std::int64_t(0));
        run = runTwin({QStringLiteral("find"), model_, QStringLiteral("  ")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("query is empty")), qPrintable(run.err));
        QCOMPARE(runTwin({QStringLiteral("find"), model_, QStringLiteral("x"), QStringLiteral("--kind"),
                          QStringLiteral("spaceship")})
                     .exitCode,
                 2);
    }

    void inspectCountsChildrenAndNamesWhatCoolsIt() {
        const std::int64_t rack = idOfKind("rack", 5);
        const Run run =
            runTwin({QStringLiteral("inspect"), model_, QString::number(rack), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject rackInfo = json(run);
        const QJsonObject children = rackInfo.value(QStringLiteral("children")).toObject();
        QCOMPARE(children.value(QStringLiteral("server")).toInteger(),
                 sqlNumber(model_,
                           "select count(*) from entity where parent_id=?1 and kind=(select code from "
                           "entity_kind where name='server')",
                           {rack}));
        QCOMPARE(children.value(QStringLiteral("gpu")).toInteger(),
                 sqlNumber(model_,
                           "select count(*) from entity g join entity s on g.parent_id=s.id where "
                           "s.parent_id=?1 and g.kind=(select code from entity_kind where name='gpu')",
                           {rack}));
        const QJsonArray path = rackInfo.value(QStringLiteral("path")).toArray();
        QCOMPARE(path.first().toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("site"));
        QCOMPARE(path.last().toObject().value(QStringLiteral("id")).toInteger(), rack);
        QCOMPARE(rackInfo.value(QStringLiteral("tasks")).toArray().size(),
                 int(sqlNumber(model_, "select count(*) from task_entity where entity_id=?1", {rack})));

        // A GPU by its UUID: its rack's CDU upstream in cooling, a switch in the network, power upstream.
        const std::int64_t gpu = idOfKind("gpu", 100);
        const QString uuid = sqlText(model_, "select uuid from entity where id=?1", gpu);
        const QJsonObject gpuInfo =
            json(runTwin({QStringLiteral("inspect"), model_, uuid, QStringLiteral("--json")}));
        QCOMPARE(gpuInfo.value(QStringLiteral("id")).toInteger(), gpu);
        QCOMPARE(gpuInfo.value(QStringLiteral("uuid")).toString(), uuid);
        const std::int64_t cdu =
            sqlNumber(model_,
                      "select c.id from entity g join entity s on s.id=g.parent_id join entity c on "
                      "c.parent_id=s.parent_id "
                      "where g.id=?1 and c.kind=(select code from entity_kind where name='cdu')",
                      {gpu});
        QVERIFY(cdu > 0);
        bool cduUpstream = false, switchUpstream = false;
        for (const auto& link : gpuInfo.value(QStringLiteral("cooling_upstream")).toArray())
            cduUpstream |= link.toObject().value(QStringLiteral("id")).toInteger() == cdu;
        for (const auto& link : gpuInfo.value(QStringLiteral("network_upstream")).toArray())
            switchUpstream |=
                link.toObject().value(QStringLiteral("kind")).toString() == QStringLiteral("switch");
        QVERIFY(cduUpstream);
        QVERIFY(switchUpstream);
        QVERIFY(!gpuInfo.value(QStringLiteral("power_upstream")).toArray().isEmpty());
    }

    void inspectRefusesWhatNamesNothingOrSeveral() {
        Run run = runTwin({QStringLiteral("inspect"), model_, QStringLiteral("NO-SUCH-RACK-XYZ")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("'NO-SUCH-RACK-XYZ'")), qPrintable(run.err));
        // A prefix of many names is not a name.
        run = runTwin({QStringLiteral("inspect"), model_, QStringLiteral("H1-R01-K0")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("find")), qPrintable(run.err));
        run = runTwin({QStringLiteral("inspect"), model_, QStringLiteral(" ")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("ENTITY is empty")), qPrintable(run.err));
        // A name with a placeholder in it is quoted as it is, not filled in with the next value.
        run = runTwin({QStringLiteral("inspect"), model_, QStringLiteral("%1%2")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("'%1%2'")), qPrintable(run.err));
    }

    void impactIsWhatLosesItsSupply() {
        // A CDU: exactly the GPUs of the servers its manifolds cool.
        const std::int64_t cdu = idOfKind("cdu", 3);
        QJsonObject impact =
            json(runTwin({QStringLiteral("impact"), model_, QString::number(cdu), QStringLiteral("--json")}));
        QCOMPARE(impact.value(QStringLiteral("domain")).toString(), QStringLiteral("cooling"));
        QCOMPARE(impact.value(QStringLiteral("lost")).toObject().value(QStringLiteral("gpu")).toInteger(),
                 sqlNumber(model_,
                           "select count(*) from entity g where g.kind=(select code from entity_kind where "
                           "name='gpu') and g.parent_id in (select p2.to_entity from pipe_segment p1 join "
                           "pipe_segment p2 on p2.from_entity=p1.to_entity where p1.from_entity=?1)",
                           {cdu}));
        QCOMPARE(
            impact.value(QStringLiteral("lost_ids")).toArray().size(),
            int(impact.value(QStringLiteral("lost")).toObject().value(QStringLiteral("gpu")).toInteger() +
                impact.value(QStringLiteral("lost")).toObject().value(QStringLiteral("server")).toInteger() +
                impact.value(QStringLiteral("lost"))
                    .toObject()
                    .value(QStringLiteral("manifold"))
                    .toInteger()));

        // A busway: its servers keep their other feed: degraded, none lost.
        const std::int64_t busway = idOfKind("busway", 1);
        impact =
            json(runTwin({QStringLiteral("impact"), model_, QString::number(busway),
                          QStringLiteral("--domain"), QStringLiteral("power"), QStringLiteral("--json")}));
        QCOMPARE(impact.value(QStringLiteral("lost")).toObject().value(QStringLiteral("server")).toInteger(),
                 0);
        QCOMPARE(
            impact.value(QStringLiteral("degraded")).toObject().value(QStringLiteral("server")).toInteger(),
            sqlNumber(model_,
                      "select count(distinct psu.parent_id) from power_feed f1 join power_feed f2 on "
                      "f2.from_entity=f1.to_entity join entity psu on psu.id=f2.to_entity where "
                      "f1.from_entity=?1 and psu.kind=(select code from entity_kind where name='psu')",
                      {busway}));

        // A leaf switch: the NICs cabled to it lose their link; their servers keep the other rails.
        const std::int64_t leaf = sqlNumber(
            model_,
            "select a_entity from cable c join entity n on n.id=c.b_entity where n.kind=(select code from "
            "entity_kind where name='nic') group by a_entity order by a_entity limit 1 offset 3");
        impact = json(
            runTwin({QStringLiteral("impact"), model_, QString::number(leaf), QStringLiteral("--json")}));
        QCOMPARE(impact.value(QStringLiteral("domain")).toString(), QStringLiteral("network"));
        QCOMPARE(
            impact.value(QStringLiteral("lost")).toObject().value(QStringLiteral("nic")).toInteger(),
            sqlNumber(model_,
                      "select count(*) from cable c join entity n on n.id=c.b_entity where c.a_entity=?1 "
                      "and n.kind=(select code from entity_kind where name='nic')",
                      {leaf}));
        QCOMPARE(impact.value(QStringLiteral("lost")).toObject().value(QStringLiteral("server")).toInteger(),
                 0);

        // Bad input: an unknown domain; a GPU feeds nothing.
        QCOMPARE(runTwin({QStringLiteral("impact"), model_, QString::number(leaf), QStringLiteral("--domain"),
                          QStringLiteral("plumbing")})
                     .exitCode,
                 2);
        const Run gpu = runTwin({QStringLiteral("impact"), model_, QString::number(idOfKind("gpu", 0))});
        QCOMPARE(gpu.exitCode, 1);
        QVERIFY2(gpu.err.contains(QStringLiteral("supplies nothing")), qPrintable(gpu.err));
    }
};

QTEST_GUILESS_MAIN(CliQueriesTest)
#include "tst_cli_queries.moc"
