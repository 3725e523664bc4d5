#include "telemetry/Simulator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

namespace twin::telemetry {

namespace {

using datamodel::EntityIndex;
using datamodel::EntityKind;

constexpr double kTwoPi = 6.283185307179586;
constexpr double kLoadWavePeriodS = 300.0;      // a training job's rhythm, sweeping across the halls
constexpr float kIdleW = 90.0f, kMaxW = 700.0f; // H100 SXM
constexpr double kThermalLagS = 20.0;           // GPU temperature behind its power
constexpr float kSupplyC = 25.0f;               // CDU supply water, healthy
constexpr float kFailedSupplyC = 45.0f;         // where a failed CDU's loop drifts to
constexpr double kCoolantLagS = 60.0;
constexpr float kFlowLpm = 100.0f;            // per rack CDU
constexpr float kKelvinPerWatt = 0.06f;       // die above coolant, per watt
constexpr float kWaterJoulesPerKgK = 4186.0f; // heat capacity of water, 1 kg per litre
constexpr double kNoFlowRiseK = 35.0;         // die above the loop when no water moves
constexpr double kThrottleC = 95.0;           // where the GPU would slow itself down

// A deterministic number in [0, 1) from a few integers (splitmix64).
double noise(std::uint64_t a, std::uint64_t b, std::uint64_t c) {
    std::uint64_t x = a * 0x9E3779B97F4A7C15ull ^ (b + 0x632BE59BD9B4E019ull) * 0xBF58476D1CE4E5B9ull ^ c;
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBull;
    x ^= x >> 31;
    return double(x >> 11) / double(1ull << 53);
}

double approach(double current, double target, double dt, double lag) {
    return target + (current - target) * std::exp(-dt / lag);
}

void appendNumber(std::string& text, double value) {
    char buffer[32];
    const int length = std::snprintf(buffer, sizeof buffer, "%.2f", value);
    text.append(buffer, std::size_t(length));
}

struct GaugeSpec {
    const char* name;
    const char* help;
};
constexpr GaugeSpec kGpuGauges[] = {
    {"DCGM_FI_DEV_GPU_TEMP", "GPU temperature (in C)."},
    {"DCGM_FI_DEV_POWER_USAGE", "Power draw (in W)."},
    {"DCGM_FI_DEV_GPU_UTIL", "GPU utilization (in %)."},
    {"DCGM_FI_DEV_MEMORY_TEMP", "Memory temperature (in C)."},
    {"DCGM_FI_DEV_SM_CLOCK", "SM clock frequency (in MHz)."},
};

} // namespace

Simulator::Simulator(const datamodel::Facility& facility, std::uint64_t seed)
    : facility_(facility), seed_(seed) {
    std::unordered_map<EntityIndex, std::size_t> rackIndex;
    for (const EntityIndex rack : facility.ofKind(EntityKind::Rack)) {
        Rack state;
        state.entity = rack;
        state.name = std::string(facility.name(rack));
        // The wave travels along the halls (x), with a little scatter per rack.
        state.phase = float(double(facility.pose(rack).x) * 0.05 + noise(seed, std::uint64_t(rack), 1) * 0.6);
        state.supplyC = kSupplyC;
        state.flowLpm = kFlowLpm;
        rackIndex.emplace(rack, racks_.size());
        racks_.push_back(std::move(state));
    }
    for (const EntityIndex server : facility.ofKind(EntityKind::Server)) {
        const auto rack = rackIndex.find(facility.parent(server));
        if (rack == rackIndex.end())
            continue;
        Server state;
        state.entity = server;
        state.hostname = std::string(facility.entities().hostname[std::size_t(server)]);
        state.rack = rack->second;
        for (const EntityIndex child : facility.children(server)) {
            if (facility.kind(child) != EntityKind::Gpu)
                continue;
            Gpu gpu;
            gpu.entity = child;
            gpu.index = facility.entities().slot[std::size_t(child)];
            gpu.uuid = std::string(facility.entities().uuid[std::size_t(child)]);
            state.gpus.push_back(gpus_.size());
            gpus_.push_back(std::move(gpu));
        }
        servers_.push_back(std::move(state));
    }
}

void Simulator::advanceTo(double time) {
    const double dt = started_ ? std::max(0.0, time - time_) : 0.0;
    time_ = time;
    ++step_;
    for (Rack& rack : racks_) {
        const double supplyTarget = rack.cduFailed ? kFailedSupplyC : kSupplyC;
        const double flowTarget = rack.cduFailed ? 0.0 : kFlowLpm;
        rack.supplyC =
            float(started_ ? approach(rack.supplyC, supplyTarget, dt, kCoolantLagS) : supplyTarget);
        rack.flowLpm =
            float(started_ ? approach(rack.flowLpm, flowTarget, dt, kCoolantLagS / 6) : flowTarget);
    }
    std::vector<double> rackHeatW(racks_.size(), 0.0);
    for (const Server& server : servers_) {
        const Rack& rack = racks_[server.rack];
        for (const std::size_t g : server.gpus) {
            Gpu& gpu = gpus_[g];
            const double wave = 0.55 + 0.35 * std::sin(kTwoPi * time / kLoadWavePeriodS + rack.phase);
            const double jitter = (noise(seed_, std::uint64_t(gpu.entity), step_) - 0.5) * 0.1;
            gpu.utilisation = float(std::clamp(server.down ? 0.0 : wave + jitter, 0.0, 1.0));
            gpu.powerW = kIdleW + (kMaxW - kIdleW) * gpu.utilisation;
            // Less flow, less heat carried away: the die climbs above the (also warming) loop, up to
            // where it would throttle.
            const double flowShortfall = 1.0 - std::clamp(double(rack.flowLpm) / double(kFlowLpm), 0.0, 1.0);
            const double target =
                std::min(kThrottleC, double(rack.supplyC) + double(kKelvinPerWatt) * gpu.powerW +
                                         kNoFlowRiseK * flowShortfall);
            gpu.temperatureC =
                gpu.hot ? float(kThrottleC)
                        : float(started_ ? approach(gpu.temperatureC, target, dt, kThermalLagS) : target);
            gpu.memoryC = gpu.temperatureC + 6.0f;
            rackHeatW[server.rack] += gpu.powerW;
        }
    }
    for (std::size_t r = 0; r < racks_.size(); ++r) {
        Rack& rack = racks_[r];
        const double kgPerSecond = std::max(0.05, double(rack.flowLpm) / 60.0);
        rack.returnC =
            rack.supplyC + float(std::min(40.0, rackHeatW[r] / (kgPerSecond * kWaterJoulesPerKgK)));
    }
    started_ = true;
}

bool Simulator::hostVisible(const Server& server) const {
    return !server.down && !(server.flapping && step_ % 2 == 1);
}

std::string Simulator::dcgmShard(std::size_t shard, std::size_t shards) const {
    std::string text;
    text.reserve(servers_.size() * 8 * 5 * 230 / std::max<std::size_t>(1, shards) + 1024);
    for (std::size_t metric = 0; metric < std::size(kGpuGauges); ++metric) {
        text += "# HELP ";
        text += kGpuGauges[metric].name;
        text += ' ';
        text += kGpuGauges[metric].help;
        text += "\n# TYPE ";
        text += kGpuGauges[metric].name;
        text += " gauge\n";
        for (std::size_t s = shard; s < servers_.size(); s += std::max<std::size_t>(1, shards)) {
            const Server& server = servers_[s];
            if (!hostVisible(server))
                continue;
            for (const std::size_t g : server.gpus) {
                const Gpu& gpu = gpus_[g];
                text += kGpuGauges[metric].name;
                text += "{gpu=\"";
                text += std::to_string(gpu.index);
                text += "\",UUID=\"";
                text += gpu.uuid;
                text += "\",device=\"nvidia";
                text += std::to_string(gpu.index);
                text += "\",modelName=\"";
                text += facility_.entities().model[std::size_t(gpu.entity)];
                text += "\",Hostname=\"";
                text += server.hostname;
                text += "\"} ";
                switch (metric) {
                case 0:
                    appendNumber(text, gpu.temperatureC);
                    break;
                case 1:
                    appendNumber(text, gpu.powerW);
                    break;
                case 2:
                    appendNumber(text, std::round(gpu.utilisation * 100.0f));
                    break;
                case 3:
                    appendNumber(text, gpu.memoryC);
                    break;
                default:
                    appendNumber(text, std::round(990.0f + 990.0f * gpu.utilisation));
                }
                text += '\n';
            }
        }
    }
    return text;
}

std::string Simulator::dcgmHost(std::string_view hostname) const {
    for (std::size_t s = 0; s < servers_.size(); ++s)
        if (servers_[s].hostname == hostname)
            return hostVisible(servers_[s]) ? dcgmShard(s, servers_.size()) : std::string();
    return {};
}

bool Simulator::hasHost(std::string_view hostname) const {
    for (const Server& server : servers_)
        if (server.hostname == hostname)
            return true;
    return false;
}

std::string Simulator::cduMetrics() const {
    std::string text;
    const std::pair<const char*, const char*> gauges[] = {
        {"cdu_supply_temperature_celsius", "Coolant supply temperature at the rack's CDU."},
        {"cdu_return_temperature_celsius", "Coolant return temperature at the rack's CDU."},
        {"cdu_flow_lpm", "Coolant flow through the rack's CDU, litres per minute."}};
    for (std::size_t metric = 0; metric < std::size(gauges); ++metric) {
        text += std::string("# HELP ") + gauges[metric].first + ' ' + gauges[metric].second + "\n# TYPE " +
                gauges[metric].first + " gauge\n";
        for (const Rack& rack : racks_) {
            text += gauges[metric].first;
            text += "{rack=\"" + rack.name + "\"} ";
            appendNumber(text, metric == 0 ? rack.supplyC : metric == 1 ? rack.returnC : rack.flowLpm);
            text += '\n';
        }
    }
    return text;
}

bool Simulator::failCdu(std::string_view rackName) {
    for (Rack& rack : racks_)
        if (rack.name == rackName) {
            rack.cduFailed = true;
            return true;
        }
    return false;
}

Simulator::Server* Simulator::findServer(std::string_view hostname) {
    for (Server& server : servers_)
        if (server.hostname == hostname)
            return &server;
    return nullptr;
}

bool Simulator::setNodeDown(std::string_view hostname, bool down) {
    Server* server = findServer(hostname);
    if (server)
        server->down = down;
    return server != nullptr;
}

bool Simulator::setLinkFlapping(std::string_view hostname, bool flapping) {
    Server* server = findServer(hostname);
    if (server)
        server->flapping = flapping;
    return server != nullptr;
}

bool Simulator::setGpuHot(std::string_view hostname, int gpuIndex) {
    if (const Server* server = findServer(hostname))
        for (const std::size_t g : server->gpus)
            if (gpus_[g].index == gpuIndex) {
                gpus_[g].hot = true;
                gpus_[g].temperatureC = float(kThrottleC);
                gpus_[g].memoryC = gpus_[g].temperatureC + 6.0f;
                return true;
            }
    return false;
}

void Simulator::clearFaults() {
    for (Gpu& gpu : gpus_)
        gpu.hot = false;
    for (Rack& rack : racks_)
        rack.cduFailed = false;
    for (Server& server : servers_)
        server.down = server.flapping = false;
}

Simulator::GpuState Simulator::gpu(EntityIndex entity) const {
    for (const Gpu& gpu : gpus_)
        if (gpu.entity == entity)
            return {gpu.utilisation, gpu.powerW, gpu.temperatureC};
    return {};
}

float Simulator::coolantSupplyC(EntityIndex rack) const {
    for (const Rack& state : racks_)
        if (state.entity == rack)
            return state.supplyC;
    return NAN;
}

} // namespace twin::telemetry
