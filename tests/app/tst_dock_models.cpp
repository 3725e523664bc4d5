// The docks' item models, without their widgets: the Alerts dock's (a row per alert in the order given,
// capped, each naming its rule and severity and knowing its entity) and the Gantt's (a rack's tasks by
// planned start, their progress following the day, the old model's rows gone with it). Both consistent
// by QAbstractItemModelTester's rules.
#include "datamodel/Facility.h"
#include "datamodel/Store.h"
#include "gui/live/AlertListModel.h"
#include "gui/timeline/GanttTaskModel.h"
#include "importers/ColossusGenerator.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using twin::app::AlertListModel;
using namespace twin::datamodel;

class DockModelsTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    std::shared_ptr<const Facility> facility_;

    std::size_t ruleOf(AlertSeverity severity) const {
        const auto& rules = facility_->alertRules();
        for (std::size_t i = 0; i < rules.size(); ++i)
            if (rules[i].severity == severity)
                return i;
        return rules.size();
    }

private slots:
    void initTestCase() {
        qputenv("TWIN_CHECKED_MODELS", QFile::encodeName(dir_.filePath(QStringLiteral("checked-models"))));
        const std::string path = dir_.filePath(QStringLiteral("alerts.db")).toStdString();
        twin::importers::GeneratorOptions options;
        options.gpus = 512;
        twin::importers::generateColossus(path, options);
        facility_ = std::make_shared<const Facility>(Store::open(path, Access::ReadOnly)->load());
        QVERIFY(ruleOf(AlertSeverity::Critical) < facility_->alertRules().size());
        QVERIFY(ruleOf(AlertSeverity::Warning) < facility_->alertRules().size());
    }

    void rowsFollowTheAlertsInOrder() {
        AlertListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto cdus = facility_->ofKind(EntityKind::Cdu);
        const auto gpus = facility_->ofKind(EntityKind::Gpu);
        twin::telemetry::AlertList alerts;
        alerts.alerts = {{cdus[1], ruleOf(AlertSeverity::Critical), 3.25f},
                         {gpus[7], ruleOf(AlertSeverity::Warning), 88.04f}};
        alerts.total = 2;
        model.setAlerts(alerts, *facility_, [this](int entity) {
            const std::string_view name = facility_->name(EntityIndex(entity));
            return QString::fromUtf8(name.data(), qsizetype(name.size()));
        });
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), 4);
        QCOMPARE(model.total(), std::size_t(2));
        QCOMPARE(model.rulesChecked(), facility_->alertRules().size());
        QCOMPARE(model.index(0, AlertListModel::Severity).data().toString(), QStringLiteral("Critical"));
        QCOMPARE(model.index(1, AlertListModel::Severity).data().toString(), QStringLiteral("Warning"));
        QCOMPARE(model.index(0, AlertListModel::Severity).data(Qt::ForegroundRole).value<QColor>(),
                 QColor(220, 50, 40));
        const AlertRule& critical = facility_->alertRules()[ruleOf(AlertSeverity::Critical)];
        QVERIFY(model.index(0, AlertListModel::Rule)
                    .data()
                    .toString()
                    .startsWith(QString::fromUtf8(critical.name.data(), qsizetype(critical.name.size()))));
        QCOMPARE(
            model.index(0, AlertListModel::Where).data().toString(),
            QString::fromUtf8(facility_->name(cdus[1]).data(), qsizetype(facility_->name(cdus[1]).size())));
        QCOMPARE(model.index(1, AlertListModel::Value).data().toString(), QStringLiteral("88.0"));
        QCOMPARE(model.entityAt(0), cdus[1]);
        QCOMPARE(model.index(1, 0).data(AlertListModel::kEntityRole).toInt(), int(gpus[7]));
        QCOMPARE(model.entityAt(2), kNoEntity);
        QCOMPARE(model.headerData(AlertListModel::Where, Qt::Horizontal).toString(), QStringLiteral("Where"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.total(), std::size_t(0));
    }

    // Thousands of alerts (a hall's cooling down): the list holds the worst kMaxRows, the total all.
    void aFloodIsCappedButCounted() {
        AlertListModel model;
        const auto gpus = facility_->ofKind(EntityKind::Gpu);
        twin::telemetry::AlertList alerts;
        for (const EntityIndex gpu : gpus)
            alerts.alerts.push_back({gpu, ruleOf(AlertSeverity::Warning), 90.0f});
        alerts.total = 5000;
        model.setAlerts(alerts, *facility_, [](int) { return QString(); });
        QVERIFY(gpus.size() > AlertListModel::kMaxRows);
        QCOMPARE(std::size_t(model.rowCount()), AlertListModel::kMaxRows);
        QCOMPARE(model.total(), std::size_t(5000));
        QCOMPARE(model.entityAt(0), gpus[0]);
    }

    void theGanttListsARacksTasksAndFollowsTheDay() {
        using twin::app::GanttTaskModel;
        GanttTaskModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto loaded =
            std::make_shared<const twin::app::LoadedModel>(QStringLiteral("alerts.db"), facility_, 0.0);
        model.setModel(loaded);
        QCOMPARE(model.rowCount(), 0); // nothing until an entity is shown
        QVERIFY(model.criticalPath().ok());
        const EntityIndex rack = facility_->ofKind(EntityKind::Rack)[2];
        model.showEntity(rack);
        QCOMPARE(model.shownEntity(), rack);
        const TaskColumns& tasks = facility_->tasks();
        std::vector<std::uint32_t> own(facility_->tasksOf(rack).begin(), facility_->tasksOf(rack).end());
        QVERIFY(!own.empty());
        QCOMPARE(std::size_t(model.rowCount()), own.size());
        for (int row = 0; row < model.rowCount(); ++row) {
            const auto task = model.index(row, GanttTaskModel::Task).data(GanttTaskModel::kTaskRole).toUInt();
            QVERIFY(std::find(own.begin(), own.end(), task) != own.end());
            QCOMPARE(model.index(row, GanttTaskModel::Task).data().toString(),
                     QString::fromUtf8(tasks.name[task].data(), qsizetype(tasks.name[task].size())));
            QCOMPARE(model.index(row, GanttTaskModel::Critical).data().toBool(),
                     bool(model.criticalPath().critical[task]));
            if (row > 0)
                QVERIFY(tasks.plannedStart[model.rows()[std::size_t(row - 1)].task] <=
                        tasks.plannedStart[task]);
        }
        // A GPU has no tasks: its rack's are shown.
        EntityIndex gpu = kNoEntity;
        for (const EntityIndex e : facility_->subtree(rack))
            if (facility_->kind(e) == EntityKind::Gpu)
                gpu = e;
        QVERIFY(gpu != kNoEntity);
        model.showEntity(gpu);
        QCOMPARE(model.shownEntity(), rack);
        QCOMPARE(std::size_t(model.rowCount()), own.size());

        // The day before anything started: not due; the day after the last task ended: finished, and the
        // change said for the status column.
        const std::uint32_t first = model.rows().front().task;
        model.setDay(startOfDay(tasks.plannedStart[first]) - 2 * kSecondsPerDay);
        QCOMPARE(model.progressAt(0), Progress::NotDue);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        TimePoint lastEnd = 0;
        for (const auto& row : model.rows())
            lastEnd = std::max(lastEnd, tasks.actualEnd[row.task]);
        model.setDay(startOfDay(lastEnd) + kSecondsPerDay);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.front().at(0).toModelIndex().column(), int(GanttTaskModel::Status));
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(model.progressAt(row) == Progress::Early || model.progressAt(row) == Progress::OnTime ||
                    model.progressAt(row) == Progress::Late);

        // Another model: the old rows go, and the model no longer holds the old facility.
        std::weak_ptr<const twin::app::LoadedModel> old = loaded;
        loaded.reset();
        model.setModel(nullptr);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(old.expired());
    }
};

QTEST_GUILESS_MAIN(DockModelsTest)
#include "tst_dock_models.moc"
