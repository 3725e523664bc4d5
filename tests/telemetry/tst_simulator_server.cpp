// The simulator over HTTP on 127.0.0.1: shards and hosts served as dcgm-exporter text that parses and
// maps, faults injected by POST, unknown paths and names refused, several requests on one kept-alive
// connection, and a clean stop.
#include "GeneratedModel.h"
#include "datamodel/Facility.h"
#include "datamodel/Store.h"
#include "importers/ColossusGenerator.h"
#include "telemetry/Ingest.h"
#include "telemetry/SimulatorServer.h"

#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cerrno>
#include <fcntl.h>
#include <filesystem>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>

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

// A connection driven by hand, each wait bounded: one that sends a request and never reads the answer
// (its receive buffer kept small, so that a page of megabytes stays stuck in the server), or stays
// idle, or reads one answer within a deadline.
class RawConnection {
public:
    explicit RawConnection(std::uint16_t port) : socket_(io_) {
        socket_.open(asio::ip::tcp::v4());
        socket_.set_option(asio::socket_base::receive_buffer_size(4096)); // before connecting: the window
        socket_.connect({asio::ip::make_address("127.0.0.1"), port});
    }
    // A socket opened now (while descriptors last) and connected later.
    struct Unconnected {};
    explicit RawConnection(Unconnected) : socket_(io_) { socket_.open(asio::ip::tcp::v4()); }
    void connect(std::uint16_t port) { socket_.connect({asio::ip::make_address("127.0.0.1"), port}); }

    void sendGet(const std::string& target) {
        const std::string request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        asio::write(socket_, asio::buffer(request));
    }
    // The status of the next answer; 0 when none came within `deadline` (or the server closed).
    int readStatus(std::chrono::milliseconds deadline) {
        http::response_parser<http::string_body> parser;
        parser.body_limit(std::uint64_t(1) << 30);
        int status = 0;
        http::async_read(socket_, buffer_, parser, [&](beast::error_code error, std::size_t) {
            if (!error)
                status = int(parser.get().result_int());
        });
        runFor(deadline);
        return status;
    }
    // Whether the server closed this connection within `deadline` (what it sent before is read and dropped).
    bool closedByServer(std::chrono::milliseconds deadline) {
        bool closed = false;
        std::function<void()> drain = [&] {
            socket_.async_read_some(asio::buffer(scratch_), [&](beast::error_code error, std::size_t) {
                if (error)
                    closed = true;
                else
                    drain();
            });
        };
        drain();
        runFor(deadline);
        return closed;
    }

private:
    void runFor(std::chrono::milliseconds deadline) {
        io_.restart();
        io_.run_for(deadline);
        if (!io_.stopped()) { // the deadline passed: cancel what is pending and let it finish
            socket_.cancel();
            io_.restart();
            io_.run();
        }
    }
    asio::io_context io_;
    asio::ip::tcp::socket socket_;
    beast::flat_buffer buffer_;
    char scratch_[65536];
};

// One request on a fresh connection, within a deadline: the status, or 0.
int fetch(std::uint16_t port, const std::string& target,
          std::chrono::milliseconds deadline = std::chrono::milliseconds(10000)) {
    RawConnection connection(port);
    connection.sendGet(target);
    return connection.readStatus(deadline);
}

std::size_t openDescriptors() {
    std::size_t count = 0;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
        (void)entry;
        ++count;
    }
    return count;
}

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

    // Slow readers: many connections ask for a page of megabytes and never read it. Within a step they
    // share one copy of the page; copies of later pages (after faults) stop at the budget, answered 503
    // beyond it; a fresh client is still answered; and once the readers go, the pages go with them.
    // Connections over the cap are answered 503 and closed at once.
    void slowReadersShareOnePageWithinTheBudget() {
        // 8,192 GPUs: one shard is ~6 MB, more than the kernel buffers between the two ends.
        const auto big =
            twin::testing::generateAndLoad(dir_.filePath(QStringLiteral("big.db")).toStdString(), 8192);
        Simulator simulator(*big);
        simulator.advanceTo(0.0);
        const std::size_t page = simulator.dcgmShard(0, 1).size();
        QVERIFY2(page > (std::size_t(5) << 20), std::to_string(page).c_str());
        SimulatorServerOptions options;
        options.shards = 1;
        options.stepSeconds = 3600; // one step in the whole test: one page per fault, not per second
        options.maxConnections = 56; // the 50 slow readers below and a client at a time
        options.maxHeldBytes = page * 7 / 2; // three and a half pages
        SimulatorServer server(simulator, options);
        std::thread serving([&] { server.run(); });
        auto stopServing = qScopeGuard([&] {
            server.stop();
            serving.join();
        });

        std::vector<std::unique_ptr<RawConnection>> readers;
        for (int i = 0; i < 40; ++i) {
            readers.push_back(std::make_unique<RawConnection>(server.port()));
            readers.back()->sendGet("/metrics/shard/0");
        }
        QTRY_COMPARE(server.stats().requests, std::size_t(40));
        SimulatorServerStats stats = server.stats();
        QCOMPARE(stats.connections, std::size_t(40));
        QCOMPARE(stats.heldPages, std::size_t(1)); // forty connections writing one copy
        QVERIFY2(stats.heldBytes < page * 11 / 10, std::to_string(stats.heldBytes).c_str());

        // Each fault makes a new page; each new page is held by its one stuck reader.
        for (int i = 0; i < 10; ++i) {
            Client(server.port()).request(http::verb::post, "/faults/clear");
            readers.push_back(std::make_unique<RawConnection>(server.port()));
            readers.back()->sendGet("/metrics/shard/0");
        }
        QTRY_COMPARE(server.stats().requests, std::size_t(60));
        stats = server.stats();
        QVERIFY2(stats.peakHeldBytes <= options.maxHeldBytes, std::to_string(stats.peakHeldBytes).c_str());
        QVERIFY2(stats.heldPages <= 3, std::to_string(stats.heldPages).c_str());
        QVERIFY2(stats.busyAnswers >= 7, std::to_string(stats.busyAnswers).c_str());
        // A fresh client is answered: a small page fits, another shard copy does not (503, retry later).
        QCOMPARE(fetch(server.port(), "/metrics/cdu"), 200);
        QCOMPARE(fetch(server.port(), "/metrics/shard/0"), 503);

        // The slow readers give up: their pages are freed, and a shard is served again.
        readers.clear();
        QTRY_COMPARE(server.stats().connections, std::size_t(0));
        QTRY_VERIFY(server.stats().heldBytes < page);
        QCOMPARE(fetch(server.port(), "/metrics/shard/0"), 200);

        // Over the cap: the 56 first are kept, the rest answered 503 and closed at once.
        std::vector<std::unique_ptr<RawConnection>> idle;
        for (int i = 0; i < 60; ++i)
            idle.push_back(std::make_unique<RawConnection>(server.port()));
        QTRY_COMPARE(server.stats().refusedConnections, std::size_t(4));
        QCOMPARE(server.stats().connections, std::size_t(56));
        QCOMPARE(idle.back()->readStatus(std::chrono::milliseconds(10000)), 503);
        QVERIFY(idle.back()->closedByServer(std::chrono::milliseconds(10000)));
        QCOMPARE(server.stats().peakHeldBytes <= options.maxHeldBytes, true);
    }

    // A client that connects and says nothing, or asks and never reads, is let go after a timeout, so
    // that idle connections cannot hold every slot for good.
    void idleAndSlowClientsAreLetGo() {
        const auto big =
            twin::testing::generateAndLoad(dir_.filePath(QStringLiteral("big2.db")).toStdString(), 8192);
        Simulator simulator(*big);
        SimulatorServerOptions options;
        options.shards = 1;
        options.maxConnections = 8;
        options.requestTimeout = std::chrono::milliseconds(300);
        options.writeTimeout = std::chrono::milliseconds(300);
        SimulatorServer server(simulator, options);
        std::thread serving([&] { server.run(); });
        auto stopServing = qScopeGuard([&] {
            server.stop();
            serving.join();
        });
        std::vector<std::unique_ptr<RawConnection>> idle;
        for (int i = 0; i < 7; ++i)
            idle.push_back(std::make_unique<RawConnection>(server.port()));
        RawConnection slowReader(server.port());
        slowReader.sendGet("/metrics/shard/0");
        QTRY_COMPARE(server.stats().connections, std::size_t(8));
        QCOMPARE(fetch(server.port(), "/metrics/cdu"), 503); // every slot taken
        for (auto& connection : idle)
            QVERIFY(connection->closedByServer(std::chrono::milliseconds(20000)));
        QVERIFY(slowReader.closedByServer(std::chrono::milliseconds(20000)));
        QTRY_COMPARE(server.stats().connections, std::size_t(0));
        QCOMPARE(fetch(server.port(), "/metrics/cdu"), 200);
    }

    // Out of file descriptors (EMFILE): accepting fails for a while; the server keeps trying, and
    // answers again once descriptors are free (it used to stop accepting for good, alive and deaf).
    void keepsAcceptingAfterRunningOutOfDescriptors() {
        Simulator simulator(*facility_);
        SimulatorServer server(simulator, {});
        std::thread serving([&] { server.run(); });
        auto stopServing = qScopeGuard([&] {
            server.stop();
            serving.join();
        });
        QCOMPARE(fetch(server.port(), "/metrics/cdu"), 200);

        rlimit original{};
        QCOMPARE(::getrlimit(RLIMIT_NOFILE, &original), 0);
        rlimit lowered = original;
        lowered.rlim_cur = openDescriptors() + 64;
        QCOMPARE(::setrlimit(RLIMIT_NOFILE, &lowered), 0);
        auto restore = qScopeGuard([&] { ::setrlimit(RLIMIT_NOFILE, &original); });
        RawConnection early(RawConnection::Unconnected{}); // its descriptor taken while there are some
        std::vector<int> hoard;
        for (int fd; (fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC)) >= 0;)
            hoard.push_back(fd);
        QCOMPARE(errno, EMFILE);
        early.connect(server.port()); // the kernel completes it; the server cannot accept it
        QTRY_VERIFY(server.stats().acceptErrors > 0);
        for (const int fd : hoard)
            ::close(fd);
        restore.dismiss();
        ::setrlimit(RLIMIT_NOFILE, &original);

        early.sendGet("/metrics/cdu");
        QCOMPARE(early.readStatus(std::chrono::milliseconds(10000)), 200);
        QCOMPARE(fetch(server.port(), "/metrics/cdu"), 200);
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
