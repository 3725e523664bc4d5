// Telemetry sources as the user configures them: every bad field named, credentials never taken from
// a URL (nor echoed back), secrets read only from files that only their owner can read.
#include "telemetry/TelemetrySource.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace twin::telemetry;

namespace {
TelemetrySource prometheus(const std::string& url) {
    TelemetrySource source;
    source.name = "site";
    source.urls = {url};
    return source;
}
} // namespace

class TelemetrySourceTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    QString secretFile(const char* name, const QByteArray& content, QFile::Permissions permissions) {
        const QString path = dir_.filePath(QString::fromLatin1(name));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        file.close();
        file.setPermissions(permissions);
        return path;
    }

private slots:
    void goodSourcesPass() {
        QVERIFY(!validateSource(prometheus("http://prometheus.site:9090")));
        TelemetrySource exporters = prometheus("https://node1:9400/metrics");
        exporters.kind = SourceKind::Exporters;
        exporters.urls.push_back("https://node2:9400/metrics");
        QVERIFY(!validateSource(exporters));
        QCOMPARE(testUrl(prometheus("http://p:9090/")), std::string("http://p:9090/api/v1/status/buildinfo"));
        QCOMPARE(testUrl(exporters), std::string("https://node1:9400/metrics"));
    }

    void badFieldsAreNamed_data() {
        QTest::addColumn<QString>("problem");
        QTest::newRow("name") << "name: empty";
        QTest::newRow("no url") << "URL: none given";
        QTest::newRow("scheme") << "URL 'ftp://p': must start with http:// or https://";
        QTest::newRow("no host") << "URL 'http:///x': has no host";
        QTest::newRow("two prometheus") << "URL: a Prometheus source has one base URL";
        QTest::newRow("second exporter") << "URL 2 'node2:9400': must start with http:// or https://";
        QTest::newRow("bearer without file") << "secret file: needed for this authentication";
        QTest::newRow("basic without user") << "user: needed for basic authentication";
    }
    void badFieldsAreNamed() {
        QFETCH(QString, problem);
        const QString row = QString::fromLatin1(QTest::currentDataTag());
        TelemetrySource source = prometheus("http://p:9090");
        if (row == "name")
            source.name.clear();
        else if (row == "no url")
            source.urls.clear();
        else if (row == "scheme")
            source.urls = {"ftp://p"};
        else if (row == "no host")
            source.urls = {"http:///x"};
        else if (row == "two prometheus")
            source.urls.push_back("http://q:9090");
        else if (row == "second exporter") {
            source.kind = SourceKind::Exporters;
            source.urls.push_back("node2:9400");
        } else if (row == "bearer without file")
            source.auth = SourceAuth::BearerTokenFile;
        else if (row == "basic without user") {
            source.auth = SourceAuth::BasicPasswordFile;
            source.secretFile = "/some/file";
        }
        const auto error = validateSource(source);
        QVERIFY(error);
        QCOMPARE(QString::fromStdString(*error), problem);
    }

    void credentialsInAUrlAreRefusedAndNotRepeated() {
        const auto error = validateSource(prometheus("https://admin:hunter2@p:9090"));
        QVERIFY(error);
        QVERIFY2(error->find("credentials") != std::string::npos, error->c_str());
        QVERIFY2(error->find("hunter2") == std::string::npos, error->c_str());
    }

    void secretsComeFromPrivateFilesOnly() {
        TelemetrySource source = prometheus("https://p:9090");
        source.auth = SourceAuth::BearerTokenFile;
        source.secretFile =
            secretFile("token", "s3cret-token\n", QFile::ReadOwner | QFile::WriteOwner).toStdString();
        SourceClient client = clientOptionsFor(source);
        QVERIFY(!client.error);
        QCOMPARE(client.options.bearerToken, std::string("s3cret-token")); // the editor's newline dropped

        source.auth = SourceAuth::BasicPasswordFile;
        source.user = "twin";
        client = clientOptionsFor(source);
        QCOMPARE(client.options.basicUser, std::string("twin"));
        QCOMPARE(client.options.basicPassword, std::string("s3cret-token"));
        QVERIFY(client.options.bearerToken.empty());

        source.secretFile =
            secretFile("shared", "token", QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup)
                .toStdString();
        client = clientOptionsFor(source);
        QVERIFY(client.error);
        QVERIFY2(client.error->find("chmod 600") != std::string::npos, client.error->c_str());
        QVERIFY(client.error->find("token") == std::string::npos); // the secret itself never in a message

        source.secretFile = dir_.filePath(QStringLiteral("missing")).toStdString();
        QVERIFY(clientOptionsFor(source).error);
        source.secretFile = secretFile("empty", "\n", QFile::ReadOwner | QFile::WriteOwner).toStdString();
        QVERIFY(clientOptionsFor(source).error);
    }

    void labelNamesAreTheSourcesOwn() {
        TelemetrySource source = prometheus("http://p:9090");
        QCOMPARE(mappingRulesFor(source).hostnameLabels, (std::vector<std::string>{"Hostname", "hostname"}));
        QCOMPARE(queryTargetFor(source).hostnameLabel, std::string("Hostname"));
        QVERIFY(!queryTargetFor(source).rackLabel);
        source.hostLabel = "node";
        source.gpuLabel = "gpu_index";
        source.rackLabelName = "cabinet";
        source.rackLabel = true;
        const MappingRules rules = mappingRulesFor(source);
        QCOMPARE(rules.hostnameLabels, std::vector<std::string>{"node"});
        QCOMPARE(rules.gpuIndexLabels, std::vector<std::string>{"gpu_index"});
        QCOMPARE(rules.uuidLabels, (std::vector<std::string>{"UUID", "uuid"})); // left to its default
        QCOMPARE(rules.rackLabels, std::vector<std::string>{"cabinet"});
        QCOMPARE(queryTargetFor(source).hostnameLabel, std::string("node"));
        QCOMPARE(queryTargetFor(source).gpuLabel, std::string("gpu_index"));
        QVERIFY(queryTargetFor(source).rackLabel);
        source.uuidLabel = "1uuid";
        QCOMPARE(QString::fromStdString(validateSource(source).value_or("")),
                 QStringLiteral("label names: '1uuid' is not a Prometheus label name"));
    }

    void tlsSettingsPassThrough() {
        TelemetrySource source = prometheus("https://p:9090");
        source.verifyTls = false;
        source.caFile = "/etc/site-ca.pem";
        const SourceClient client = clientOptionsFor(source);
        QVERIFY(!client.error);
        QVERIFY(!client.options.verifyPeer);
        QCOMPARE(client.options.caFile, std::string("/etc/site-ca.pem"));
    }
};

QTEST_GUILESS_MAIN(TelemetrySourceTest)
#include "tst_telemetry_source.moc"
