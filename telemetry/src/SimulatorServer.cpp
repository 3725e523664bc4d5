#include "telemetry/SimulatorServer.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <charconv>
#include <chrono>
#include <fcntl.h>
#include <stdexcept>
#include <string_view>

namespace twin::telemetry {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr std::string_view kExpositionType = "text/plain; version=0.0.4; charset=utf-8";
constexpr std::chrono::seconds kIdleTimeout{60};

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

} // namespace

struct SimulatorServer::Private {
    Simulator& simulator;
    SimulatorServerOptions options;
    asio::io_context io;
    tcp::acceptor acceptor{io};
    asio::steady_timer stepTimer{io};
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();

    Private(Simulator& simulator, const SimulatorServerOptions& options)
        : simulator(simulator), options(options) {}

    http::response<http::string_body> respond(const http::request<http::string_body>& request) {
        const std::string_view target(request.target().data(), request.target().size());
        auto reply = [&](http::status status, std::string body, std::string_view type = "text/plain") {
            http::response<http::string_body> response{status, request.version()};
            response.set(http::field::server, "colossus-twin telemetry-sim");
            response.set(http::field::content_type, beast::string_view(type.data(), type.size()));
            response.keep_alive(request.keep_alive());
            response.body() = std::move(body);
            response.prepare_payload();
            return response;
        };
        if (request.method() == http::verb::get) {
            if (target == "/metrics") {
                std::string all = simulator.dcgmShard(0, 1);
                all += simulator.cduMetrics();
                return reply(http::status::ok, std::move(all), kExpositionType);
            }
            if (target == "/metrics/cdu")
                return reply(http::status::ok, simulator.cduMetrics(), kExpositionType);
            if (startsWith(target, "/metrics/shard/")) {
                const std::string number(target.substr(15));
                char* end = nullptr;
                const unsigned long shard = std::strtoul(number.c_str(), &end, 10);
                if (number.empty() || *end != '\0' || shard >= options.shards)
                    return reply(http::status::not_found,
                                 "no such shard; there are " + std::to_string(options.shards) + "\n");
                return reply(http::status::ok, simulator.dcgmShard(shard, options.shards), kExpositionType);
            }
            if (startsWith(target, "/metrics/host/")) {
                const std::string_view host = target.substr(14);
                if (!simulator.hasHost(host))
                    return reply(http::status::not_found, "no such host\n");
                return reply(http::status::ok, simulator.dcgmHost(host), kExpositionType);
            }
            return reply(http::status::not_found, "not found\n");
        }
        if (request.method() == http::verb::post) {
            bool known = false;
            if (target == "/faults/clear") {
                simulator.clearFaults();
                known = true;
            } else if (startsWith(target, "/faults/cdu/")) {
                known = simulator.failCdu(target.substr(12));
            } else if (startsWith(target, "/faults/node/")) {
                const std::string_view rest = target.substr(13);
                const auto slash = rest.rfind('/');
                if (slash != std::string_view::npos &&
                    (rest.substr(slash + 1) == "down" || rest.substr(slash + 1) == "up"))
                    known = simulator.setNodeDown(rest.substr(0, slash), rest.substr(slash + 1) == "down");
            } else if (startsWith(target, "/faults/hot/")) {
                // /faults/hot/HOST/GPU
                const std::string_view rest = target.substr(12);
                const auto slash = rest.rfind('/');
                int index = -1;
                if (slash != std::string_view::npos) {
                    const std::string_view digits = rest.substr(slash + 1);
                    const auto [end, error] =
                        std::from_chars(digits.data(), digits.data() + digits.size(), index);
                    if (error != std::errc() || end != digits.data() + digits.size())
                        index = -1;
                }
                known = index >= 0 && simulator.setGpuHot(rest.substr(0, slash), index);
            } else if (startsWith(target, "/faults/flap/")) {
                const std::string_view rest = target.substr(13);
                const auto slash = rest.rfind('/');
                if (slash != std::string_view::npos &&
                    (rest.substr(slash + 1) == "on" || rest.substr(slash + 1) == "off"))
                    known = simulator.setLinkFlapping(rest.substr(0, slash), rest.substr(slash + 1) == "on");
            }
            return known ? reply(http::status::ok, "ok\n")
                         : reply(http::status::not_found, "unknown fault or name\n");
        }
        return reply(http::status::method_not_allowed, "GET or POST\n");
    }

    // One connection: read a request, answer, and again while the client keeps it alive. Handlers
    // hold the session; the server outlives them all (its io_context destroys what is pending).
    struct Session : std::enable_shared_from_this<Session> {
        Private* server;
        beast::tcp_stream stream;
        beast::flat_buffer buffer;
        http::request<http::string_body> request;
        http::response<http::string_body> response;

        Session(Private* server, tcp::socket socket) : server(server), stream(std::move(socket)) {}

        void read() {
            request = {};
            stream.expires_after(kIdleTimeout);
            http::async_read(stream, buffer, request,
                             [self = shared_from_this()](beast::error_code error, std::size_t) {
                                 if (error)
                                     return self->close();
                                 self->response = self->server->respond(self->request);
                                 self->write();
                             });
        }
        void write() {
            http::async_write(stream, response,
                              [self = shared_from_this()](beast::error_code error, std::size_t) {
                                  if (error || !self->response.keep_alive())
                                      return self->close();
                                  self->read();
                              });
        }
        void close() {
            beast::error_code ignored;
            stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
        }
    };

    void accept() {
        acceptor.async_accept(io, [this](beast::error_code error, tcp::socket socket) {
            if (error)
                return; // closed: stopping
            ::fcntl(socket.native_handle(), F_SETFD, FD_CLOEXEC);
            std::make_shared<Session>(this, std::move(socket))->read();
            accept();
        });
    }

    void step() {
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        simulator.advanceTo(seconds);
        stepTimer.expires_after(std::chrono::duration_cast<std::chrono::steady_clock::duration>(
            std::chrono::duration<double>(options.stepSeconds)));
        stepTimer.async_wait([this](beast::error_code error) {
            if (!error)
                step();
        });
    }
};

SimulatorServer::SimulatorServer(Simulator& simulator, const SimulatorServerOptions& options)
    : d(std::make_unique<Private>(simulator, options)) {
    beast::error_code error;
    asio::ip::address address = asio::ip::make_address(options.address, error);
    if (error) {
        // A host name (`localhost`, the machine's own name): its first address.
        tcp::resolver resolver(d->io);
        const auto found =
            resolver.resolve(options.address, std::to_string(options.port), tcp::resolver::passive, error);
        if (error || found.empty())
            throw std::runtime_error("cannot resolve '" + options.address +
                                     "': " + (error ? error.message() : "no address"));
        address = found.begin()->endpoint().address();
    }
    const tcp::endpoint endpoint(address, options.port);
    d->acceptor.open(endpoint.protocol(), error);
    // Not inherited by processes started later (a Prometheus the app starts would otherwise hold
    // the port open after this server has gone).
    if (!error)
        ::fcntl(d->acceptor.native_handle(), F_SETFD, FD_CLOEXEC);
    if (!error)
        d->acceptor.set_option(asio::socket_base::reuse_address(true), error);
    if (!error)
        d->acceptor.bind(endpoint, error);
    if (!error)
        d->acceptor.listen(asio::socket_base::max_listen_connections, error);
    if (error)
        throw std::runtime_error("cannot listen on " + options.address + ":" + std::to_string(options.port) +
                                 ": " + error.message());
}

SimulatorServer::~SimulatorServer() {
    stop();
}

std::uint16_t SimulatorServer::port() const {
    return d->acceptor.local_endpoint().port();
}

void SimulatorServer::run(bool handleSignals) {
    std::unique_ptr<asio::signal_set> signals;
    if (handleSignals) {
        signals = std::make_unique<asio::signal_set>(d->io, SIGINT, SIGTERM);
        signals->async_wait([this](beast::error_code, int) { stop(); });
    }
    d->step();
    d->accept();
    d->io.run();
}

void SimulatorServer::stop() {
    asio::post(d->io, [server = d.get()] {
        beast::error_code ignored;
        server->acceptor.close(ignored);
        server->stepTimer.cancel();
        server->io.stop();
    });
}

} // namespace twin::telemetry
