// Bodies that are plainly not what a telemetry URL was asked for: an HTML page (a login portal, a proxy's
// error page) told apart by its Content-Type or its first bytes, its title quoted; JSON where an exporter's
// text was expected. Real metrics and API answers pass, whatever their Content-Type says.
#include "telemetry/UnexpectedBody.h"

#include <QTest>

using namespace twin::telemetry;

namespace {
std::string said(std::string_view contentType, std::string_view body, ExpectedBody expected) {
    return unexpectedBody(contentType, body, expected).value_or("(nothing)");
}
} // namespace

class UnexpectedBodyTest : public QObject {
    Q_OBJECT
private slots:
    void htmlIsNamedForBothKindsOfSource() {
        for (const ExpectedBody expected : {ExpectedBody::Exposition, ExpectedBody::PrometheusJson}) {
            QCOMPARE(said("text/html; charset=utf-8", "whatever", expected),
                     std::string("an HTML page, not metrics"));
            QCOMPARE(said("TEXT/HTML", "", expected), std::string("an HTML page, not metrics"));
            // Mislabelled as text/plain (or unlabelled), the first bytes give it away, after white space.
            QCOMPARE(said("text/plain", "\r\n  \t<!DOCTYPE html>\n<html><body>hi</body></html>", expected),
                     std::string("an HTML page, not metrics"));
            QCOMPARE(said("", "\xEF\xBB\xBF<HTML lang=en>", expected),
                     std::string("an HTML page, not metrics"));
            QCOMPARE(said("application/xhtml+xml", "<?xml version=\"1.0\"?>", expected),
                     std::string("an HTML page, not metrics"));
        }
    }

    void theTitleIsQuotedFolded() {
        const std::string page = "<!doctype html><html><head><TITLE lang=\"en\">\n  Sign in  to\n the Portal "
                                 "</title></head><body>...</body></html>";
        QCOMPARE(said("text/html", page, ExpectedBody::PrometheusJson),
                 std::string("an HTML page (\"Sign in to the Portal\"), not metrics"));
        const std::string longTitle = "<html><title>" + std::string(200, 'x') + "</title>";
        QCOMPARE(said("", longTitle, ExpectedBody::Exposition),
                 "an HTML page (\"" + std::string(80, 'x') + "...\"), not metrics");
    }

    void jsonWhereAnExportersTextBelongs() {
        const std::string api = R"({"status":"success","data":{"resultType":"vector","result":[]}})";
        QCOMPARE(said("application/json", api, ExpectedBody::Exposition),
                 std::string("JSON, not exposition text (a Prometheus API URL rather than an exporter's?)"));
        QCOMPARE(said("text/plain", " " + api, ExpectedBody::Exposition),
                 std::string("JSON, not exposition text (a Prometheus API URL rather than an exporter's?)"));
        QVERIFY(!unexpectedBody("application/json", api, ExpectedBody::PrometheusJson));
    }

    void metricsPass() {
        const std::string text = "# HELP DCGM_FI_DEV_GPU_TEMP GPU temperature (in C).\n"
                                 "# TYPE DCGM_FI_DEV_GPU_TEMP gauge\nDCGM_FI_DEV_GPU_TEMP{gpu=\"0\"} 41\n";
        QVERIFY(!unexpectedBody("text/plain; version=0.0.4; charset=utf-8", text, ExpectedBody::Exposition));
        QVERIFY(!unexpectedBody("", text, ExpectedBody::Exposition));
        QVERIFY(!unexpectedBody("text/plain", "", ExpectedBody::Exposition)); // a node that is down
        // A metric whose name starts like a tag is still text, and `<` only counts at the very start.
        QVERIFY(!unexpectedBody("text/plain", "html_requests_total 3\n", ExpectedBody::Exposition));
        QVERIFY(!unexpectedBody("text/plain", "x{a=\"<html>\"} 1\n", ExpectedBody::Exposition));
    }
};

QTEST_GUILESS_MAIN(UnexpectedBodyTest)
#include "tst_unexpected_body.moc"
