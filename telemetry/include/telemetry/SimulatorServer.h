// The simulator over HTTP (Boost.Beast on one io_context thread), for Prometheus to scrape and for
// tests to inject faults:
//   GET  /metrics/shard/K         dcgm-exporter text of shard K (servers dealt round-robin)
//   GET  /metrics/host/HOSTNAME   one host (404 when unknown, empty body while the node is down)
//   GET  /metrics/cdu             every rack's CDU
//   GET  /metrics                 all of it (fine for small models; shards for 100,000 GPUs)
//   POST /faults/cdu/RACK   /faults/node/HOST/down|up   /faults/flap/HOST/on|off   /faults/clear
// The simulation steps on a timer in the same thread as the requests: nothing is shared.
//
// Clients that misbehave cannot take it down: connections are capped (one over the cap is answered 503
// and closed at once), a page is generated once per simulation step and its one immutable copy shared by
// every connection writing it, the bytes of pages held are capped in all (a request that would need more
// is answered 503), a request must arrive within a timeout and an answer be taken within another, and
// running out of file descriptors (EMFILE, ENFILE) pauses accepting briefly instead of ending it.
#pragma once

#include "telemetry/Simulator.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace twin::telemetry {

struct SimulatorServerOptions {
    std::string address = "127.0.0.1";
    std::uint16_t port = 0; // 0: any free port (see port())
    std::size_t shards = 16;
    double stepSeconds = 1.0;
    std::size_t maxConnections = 256;
    // Pages held (this step's, and older ones still being written to slow readers), each copy counted
    // once: 16 shards of the 200,000-GPU model are 160 MB.
    std::size_t maxHeldBytes = std::size_t(256) << 20;
    std::chrono::milliseconds requestTimeout{
        30000};                                    // from connecting, or the last answer, to a whole request
    std::chrono::milliseconds writeTimeout{60000}; // to take a whole answer
    std::chrono::milliseconds acceptBackoff{100};  // out of file descriptors: wait, then accept again
};

// What the server holds and has turned away, for tests and for a look at a struggling simulator.
struct SimulatorServerStats {
    std::size_t requests = 0;           // read and answered (or being answered), since the start
    std::size_t connections = 0;        // open now
    std::size_t refusedConnections = 0; // over maxConnections: 503 and closed
    std::size_t busyAnswers = 0;        // 503: the pages held would have passed maxHeldBytes
    std::size_t heldPages = 0;          // distinct page copies alive (cached or being written)
    std::size_t heldBytes = 0;
    std::size_t peakHeldBytes = 0;
    std::size_t acceptErrors = 0; // accepts that failed (EMFILE...), each followed by a pause
};

class SimulatorServer {
public:
    // Binds at once (throws std::runtime_error naming the address when it cannot).
    SimulatorServer(Simulator& simulator, const SimulatorServerOptions& options);
    ~SimulatorServer();
    SimulatorServer(const SimulatorServer&) = delete;
    SimulatorServer& operator=(const SimulatorServer&) = delete;

    std::uint16_t port() const;
    SimulatorServerStats stats() const; // from any thread
    // Serves until stop() (from any thread) or SIGINT/SIGTERM when `handleSignals`.
    void run(bool handleSignals = false);
    void stop();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace twin::telemetry
