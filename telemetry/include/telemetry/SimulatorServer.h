// The simulator over HTTP (Boost.Beast on one io_context thread), for Prometheus to scrape and for
// tests to inject faults:
//   GET  /metrics/shard/K         dcgm-exporter text of shard K (servers dealt round-robin)
//   GET  /metrics/host/HOSTNAME   one host (404 when unknown, empty body while the node is down)
//   GET  /metrics/cdu             every rack's CDU
//   GET  /metrics                 all of it (fine for small models; shards for 100,000 GPUs)
//   POST /faults/cdu/RACK   /faults/node/HOST/down|up   /faults/flap/HOST/on|off   /faults/clear
// The simulation steps on a timer in the same thread as the requests: nothing is shared.
#pragma once

#include "telemetry/Simulator.h"

#include <cstdint>
#include <memory>
#include <string>

namespace twin::telemetry {

struct SimulatorServerOptions {
    std::string address = "127.0.0.1";
    std::uint16_t port = 0; // 0: any free port (see port())
    std::size_t shards = 16;
    double stepSeconds = 1.0;
};

class SimulatorServer {
public:
    // Binds at once (throws std::runtime_error naming the address when it cannot).
    SimulatorServer(Simulator& simulator, const SimulatorServerOptions& options);
    ~SimulatorServer();
    SimulatorServer(const SimulatorServer&) = delete;
    SimulatorServer& operator=(const SimulatorServer&) = delete;

    std::uint16_t port() const;
    // Serves until stop() (from any thread) or SIGINT/SIGTERM when `handleSignals`.
    void run(bool handleSignals = false);
    void stop();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace twin::telemetry
