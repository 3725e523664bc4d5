// A stand-in for the facility's exporters, driven by the model: dcgm-exporter metrics for every GPU
// (temperature, power, utilisation, memory temperature, SM clock) and CDU metrics per rack (supply and
// return temperature, flow), with plausible dynamics: load waves that sweep across the halls, GPU
// temperature following power with a thermal lag, coolant return temperature following the rack's
// heat. Faults: a CDU that fails (its rack's coolant stops and the rack heats up), a node that goes
// down (its series vanish), a link that flaps (the host's series come and go every other step).
// Deterministic for a seed and a sequence of advanceTo() calls.
#pragma once

#include "datamodel/Facility.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace twin::telemetry {

class Simulator {
public:
    explicit Simulator(const datamodel::Facility& facility, std::uint64_t seed = 1);

    // Steps the dynamics forward to `time` (seconds; the first call sets the clock).
    void advanceTo(double time);
    double time() const { return time_; }

    // The dcgm-exporter text for the servers of one shard (servers are dealt out round-robin over
    // `shards`), as an exporter would serve it; down hosts are missing.
    std::string dcgmShard(std::size_t shard, std::size_t shards) const;
    // The dcgm-exporter text of one host, or empty when it is unknown or down.
    std::string dcgmHost(std::string_view hostname) const;
    bool hasHost(std::string_view hostname) const;
    // Every rack's CDU: cdu_supply_temperature_celsius, cdu_return_temperature_celsius, cdu_flow_lpm.
    std::string cduMetrics() const;

    // Faults; false when the name is unknown.
    bool failCdu(std::string_view rackName);
    bool setNodeDown(std::string_view hostname, bool down);
    bool setLinkFlapping(std::string_view hostname, bool flapping);
    // A GPU whose die reads its throttle temperature at once (a step, no thermal lag): how a change
    // at the source is timed through to the view.
    bool setGpuHot(std::string_view hostname, int gpuIndex);
    void clearFaults();

    // For tests: the current state of one GPU (dense index) or one rack.
    struct GpuState {
        float utilisation = 0, powerW = 0, temperatureC = 0;
    };
    GpuState gpu(datamodel::EntityIndex gpu) const;
    float coolantSupplyC(datamodel::EntityIndex rack) const;

private:
    struct Rack {
        datamodel::EntityIndex entity;
        std::string name;
        float phase = 0; // where the load wave finds this rack
        bool cduFailed = false;
        float supplyC = 0, returnC = 0, flowLpm = 0;
    };
    struct Server {
        datamodel::EntityIndex entity;
        std::string hostname;
        std::size_t rack; // index into racks_
        bool down = false, flapping = false;
        std::vector<std::size_t> gpus; // indexes into gpus_
    };
    struct Gpu {
        datamodel::EntityIndex entity;
        int index = 0;
        std::string uuid;
        float utilisation = 0, powerW = 0, temperatureC = 0, memoryC = 0;
        bool hot = false;
    };
    bool hostVisible(const Server& server) const;
    Server* findServer(std::string_view hostname); // nullptr when the model has no such host

    const datamodel::Facility& facility_;
    std::uint64_t seed_;
    double time_ = 0;
    bool started_ = false;
    std::uint64_t step_ = 0;
    std::vector<Rack> racks_;
    std::vector<Server> servers_;
    std::vector<Gpu> gpus_;
};

} // namespace twin::telemetry
