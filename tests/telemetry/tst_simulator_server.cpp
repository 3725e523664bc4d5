// The simulator over HTTP on 127.0.0.1: shards and hosts served as dcgm-exporter text that parses and
// maps, faults injected by POST, unknown paths and names refused, several requests on one kept-alive
// connection, and a clean stop.
#include "GeneratedModel.h"
#include "datamodel/Facility.h"
#include "datamodel/Store.h"
#include "importers/ColossusGenerator.h"
#include "telemetry/Ingest.h"
#include "telemetry/SimulatorServer.h"

#include <QTemporaryDir>
#include <QTest>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <thread>

using namespace twin;
using namespace twin::telemetry;
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

namespace {

// A plain blocking client on one connection.
class Client {
public:
    explicit Client(std::uint16_t port, const std::string& host = "127.0.0.1") : socket_(io_) {
        asio::connect(socket_, asio::ip::tcp::resolver(io_).resolve(host, std::to_string(port)));
    }
    std::pair<int, std::string> request(http::verb verb, const std::string& target) {
        http::request<http::empty_body> request{verb, target, 11};
        request.set(http::field::host, "127.0.0.1");
        request.keep_alive(true);
        http::write(socket_, request);
        http::response<http::string_body> response;
        http::read(socket_, buffer_, response);
        return {int(response.result_int()), response.body()};
    }

private:
    asio::io_context io_;
    asio::ip::tcp::socket socket_;
    beast::flat_buffer buffer_;
};

} // namespace

class SimulatorServerTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    std::unique_ptr<datamodel::Facility> facility_;

private slots:
    void initTestCase() {
        facility_ = twin::testing::generateAndLoad(dir_.filePath(QStringLiteral("m.db")).toStdString(), 512);
    }

    void servesScrapesAndTakesFaults() {
        Simulator simulator(*facility_);
        SimulatorServerOptions options;
        options.shards = 4;
        options.stepSeconds = 0.05;
        SimulatorServer server(simulator, options);
        QVERIFY(server.port() != 0);
        std::thread serving([&] { server.run(); });

        Client client(server.port());
        const SeriesMapper mapper(*facility_);
        SampleStore store(facility_->entityCount());
        std::size_t mapped = 0;
        for (int shard = 0; shard < 4; ++shard) { // four requests, one connection
            const auto [status, body] =
                client.request(http::verb::get, "/metrics/shard/" + std::to_string(shard));
            QCOMPARE(status, 200);
            const IngestReport report = ingestExposition(body, mapper, store, 0.0);
            QVERIFY(!report.error);
            QCOMPARE(report.unmapped, std::size_t(0));
            mapped += report.mapped;
        }
        QCOMPARE(mapped, std::size_t(512 * 5));
        QCOMPARE(client.request(http::verb::get, "/metrics/shard/4").first, 404);
        QCOMPARE(client.request(http::verb::get, "/metrics/shard/x").first, 404);
        QCOMPARE(client.request(http::verb::get, "/nowhere").first, 404);
        QCOMPARE(client.request(http::verb::get, "/metrics/host/no-such-host").first, 404);

        // A node down: its host page empties and its series leave the shards.
        const datamodel::EntityIndex gpu = facility_->ofKind(datamodel::EntityKind::Gpu)[42];
        const std::string host(facility_->entities().hostname[std::size_t(facility_->parent(gpu))]);
        QVERIFY(client.request(http::verb::get, "/metrics/host/" + host).second.find(host) !=
                std::string::npos);
        QCOMPARE(client.request(http::verb::post, "/faults/node/" + host + "/down").first, 200);
        QCOMPARE(client.request(http::verb::get, "/metrics/host/" + host),
                 std::make_pair(200, std::string()));
        QCOMPARE(client.request(http::verb::post, "/faults/node/nobody/down").first, 404);
        QCOMPARE(client.request(http::verb::post, "/faults/bogus").first, 404);
        // A failed CDU: its rack's supply water warms as the server steps the simulation on its own.
        const datamodel::EntityIndex rack = facility_->ofKind(datamodel::EntityKind::Rack).front();
        const std::string rackName(facility_->name(rack));
        QCOMPARE(client.request(http::verb::post, "/faults/cdu/" + rackName).first, 200);
        const std::string supplyLine = "cdu_supply_temperature_celsius{rack=\"" + rackName + "\"} ";
        auto supply = [&] {
            const std::string body = client.request(http::verb::get, "/metrics/cdu").second;
            const auto at = body.find(supplyLine);
            return at == std::string::npos ? -1.0 : std::stod(body.substr(at + supplyLine.size()));
        };
        const double before = supply();
        QTRY_VERIFY_WITH_TIMEOUT(supply() > before + 0.5, 10000);
        // A hot GPU reads its throttle temperature at once, in the very next scrape.
        QCOMPARE(client.request(http::verb::post, "/faults/node/" + host + "/up").first, 200);
        const int index = facility_->entities().slot[std::size_t(gpu)];
        QCOMPARE(client.request(http::verb::post, "/faults/hot/" + host + "/" + std::to_string(index)).first,
                 200);
        const std::string hostPage = client.request(http::verb::get, "/metrics/host/" + host).second;
        const std::string hotLine = "DCGM_FI_DEV_GPU_TEMP{gpu=\"" + std::to_string(index) + "\"";
        const auto hotAt = hostPage.find(hotLine);
        QVERIFY(hotAt != std::string::npos);
        const auto valueAt = hostPage.find("} ", hotAt) + 2;
        QCOMPARE(std::stod(hostPage.substr(valueAt)), 95.0);
        QCOMPARE(client.request(http::verb::post, "/faults/hot/" + host + "/x").first, 404);
        QCOMPARE(client.request(http::verb::post, "/faults/hot/" + host + "/9").first, 404);
        QCOMPARE(client.request(http::verb::post, "/faults/clear").first, 200);
        QVERIFY(!client.request(http::verb::get, "/metrics/host/" + host).second.empty());

        server.stop();
        serving.join();
    }

    // `--listen localhost:9400` as well as an address: a host name is resolved; one that is not is named.
    void listensOnAHostName() {
        Simulator simulator(*facility_);
        SimulatorServerOptions options;
        options.address = "localhost";
        SimulatorServer server(simulator, options);
        std::thread serving([&] { server.run(); });
        Client client(server.port(), "localhost"); // whichever address localhost has first
        QCOMPARE(client.request(http::verb::get, "/metrics/cdu").first, 200);
        server.stop();
        serving.join();
        options.address = "no-such-host.invalid";
        try {
            SimulatorServer nowhere(simulator, options);
            QFAIL("a server bound an unresolvable name");
        } catch (const std::runtime_error& error) {
            QVERIFY2(std::string(error.what()).starts_with("cannot resolve 'no-such-host.invalid'"),
                     error.what());
        }
    }

    void aPortInUseIsNamed() {
        Simulator simulator(*facility_);
        SimulatorServer first(simulator, {});
        SimulatorServerOptions same;
        same.port = first.port();
        try {
            SimulatorServer second(simulator, same);
            QFAIL("a second server bound the same port");
        } catch (const std::runtime_error& error) {
            QVERIFY2(std::string(error.what()).find(std::to_string(same.port)) != std::string::npos,
                     error.what());
        }
    }
};

QTEST_GUILESS_MAIN(SimulatorServerTest)
#include "tst_simulator_server.moc"
