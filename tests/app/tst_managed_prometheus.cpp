// The window's own Prometheus keeps a model's samples in the user's cache, one folder per model file,
// so the History chart survives a restart of the window (before: a temporary folder, gone with it).
#include "gui/live/ManagedPrometheus.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using twin::app::ManagedPrometheus;

class ManagedPrometheusTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void oneFolderPerModelUnderTheCache() {
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a.db")), b = dir.filePath(QStringLiteral("b.db"));
        QFile(a).open(QIODevice::WriteOnly);
        const QString folder = twin::app::prometheusDataDirectory(a);
        QVERIFY2(folder.startsWith(QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
                                   QStringLiteral("/colossus-twin/prometheus/")),
                 qPrintable(folder));
        QCOMPARE(twin::app::prometheusDataDirectory(a), folder); // the same file, the same folder
        QCOMPARE(twin::app::prometheusDataDirectory(dir.path() + QStringLiteral("/./a.db")), folder);
        QVERIFY(twin::app::prometheusDataDirectory(b) != folder);
    }

    void itsSamplesOutliveIt() {
        if (ManagedPrometheus::executable().isEmpty())
            QSKIP("prometheus is not installed (./twin test installs it)");
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("history"));
        const std::string config = "global:\n  scrape_interval: 15s\nscrape_configs: []\n";
        {
            ManagedPrometheus prometheus(config, data);
            QVERIFY(prometheus.started());
            QCOMPARE(prometheus.dataDirectory(), data);
            QTRY_VERIFY_WITH_TIMEOUT(QDir(data).exists(QStringLiteral("wal")), 20000); // its write-ahead log
        }
        QVERIFY(QDir(data).exists(QStringLiteral("wal"))); // stopped: the samples stay
        ManagedPrometheus again(config, data);
        QVERIFY(again.started());
        QTest::qWait(1000);
        QVERIFY2(again.started(), qPrintable(again.lastOutput())); // it opened the same store, no error
        // Without a folder: a temporary one, as before.
        ManagedPrometheus temporary(config);
        QVERIFY(temporary.dataDirectory() != data && !temporary.dataDirectory().isEmpty());
    }
};

QTEST_GUILESS_MAIN(ManagedPrometheusTest)
#include "tst_managed_prometheus.moc"
