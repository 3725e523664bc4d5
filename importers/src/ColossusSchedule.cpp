// The installation schedule: 122 days from empty building to training, with the racks rolling in over
// the last 19 days hall by hall, each through deliver, place, cable, coolant fill and leak test,
// power-on and burn-in. Actual dates deviate from the plan (some early, most on time, some late),
// punch items record what went wrong, and the expansion phase follows months later.
#include "ColossusFacts.h"
#include "ColossusPlan.h"

#include <algorithm>
#include <cstdio>

namespace twin::importers {

using datamodel::TaskStatus;
using datamodel::TimePoint;
using namespace facts;

namespace {

constexpr TimePoint kHour = 3600;
constexpr TimePoint kDay = 24 * kHour;
// The rack roll-out of the first phase starts 19 days before training (reported) and each hall
// takes four days; halls start two and a half days apart.
constexpr double kRolloutStartDay = kProjectDays - kRolloutDays;
constexpr double kHallStaggerDays = 2.5;
constexpr double kHallPlacementDays = 4.0;
constexpr double kLeakRetestChance = 0.03;
constexpr double kOpenPunchChance = 0.004;

struct RackStep {
    const char* kind;
    const char* label;
    double startHours, durationHours; // relative to the rack's planned placement
    const char* crew;
};
constexpr RackStep kRackSteps[] = {
    {"deliver", "deliver", -12, 4, "logistics"},
    {"place", "place", 0, 2, "rack"},
    {"cable", "cable", 2, 8, "cable"},
    {"coolant_fill_leak_test", "coolant fill and leak test", 2, 6, "cooling"},
    {"power_on", "power-on", 10, 2, "power"},
    {"burn_in", "burn-in", 12, 48, "burn-in"},
};
// Predecessors of each step (indexes into kRackSteps), for the critical path.
constexpr int kStepDependsOn[][2] = {{-1, -1}, {0, -1}, {1, -1}, {1, -1}, {2, 3}, {4, -1}};

std::string crewName(const char* crew, int number) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "crew-%s-%d", crew, number);
    return buffer;
}

} // namespace

void ColossusGenerator::planSchedule() {
    const TimePoint start = datamodel::timeFromCivil(kStartYear, kStartMonth, kStartDay);
    const TimePoint expansion = datamodel::timeFromCivil(kExpansionYear, kExpansionMonth, kExpansionDay);
    auto day = [](TimePoint base, double days) {
        return base + TimePoint(days * double(kDay));
    };

    // A task done on time, give or take an hour or so; most site work ends close to plan.
    auto addTask = [&](const std::string& name, std::string_view kind, TimePoint plannedStart,
                       TimePoint plannedEnd, TimePoint actualStart, TimePoint actualEnd,
                       std::string_view crew) {
        datamodel::TaskRecord task;
        task.name = name;
        task.kind = kind;
        task.crew = crew;
        task.plannedStart = plannedStart;
        task.plannedEnd = plannedEnd;
        task.actualStart = actualStart;
        task.actualEnd = actualEnd;
        task.status = datamodel::taskStatusFromActualDates(actualStart, actualEnd);
        return w_.addTask(task);
    };
    auto onPlan = [&](const std::string& name, std::string_view kind, TimePoint plannedStart,
                      TimePoint plannedEnd, const std::vector<Id>& entities, std::string_view crew) {
        // Nothing starts before the project itself did (the building was handed over on day 0).
        const TimePoint shift =
            std::max(TimePoint(random_.uniform(-8.0, 16.0) * double(kHour)), start - plannedStart);
        const Id task =
            addTask(name, kind, plannedStart, plannedEnd, plannedStart + shift, plannedEnd + shift, crew);
        for (Id entity : entities)
            w_.linkTask(task, entity);
        return task;
    };

    // Shell, utilities and plant across the 122 days.
    onPlan("Building refit: shell, floors and utilities", "shell", start, day(start, 60), {plant_.building},
           "crew-general-1");
    onPlan("Substation 1: install and energise", "power_plant", day(start, 10), day(start, 95),
           {plant_.substations.front()}, "crew-power-1");
    onPlan("Temporary gas turbines: install and commission", "power_plant", day(start, 70), day(start, 98),
           plant_.turbines, "crew-power-2");
    onPlan("Megapacks: install and commission", "power_plant", day(start, 80), day(start, 110),
           plant_.batteries, "crew-power-3");
    std::vector<Id> coolingPlant = plant_.chillers;
    coolingPlant.insert(coolingPlant.end(), plant_.towers.begin(), plant_.towers.end());
    onPlan("Chiller plant and cooling towers", "cooling_plant", day(start, 30), day(start, 90), coolingPlant,
           "crew-cooling-1");
    if (plant_.substations.size() > 1)
        onPlan("Substation 2: install and energise", "power_plant", day(expansion, 0), day(expansion, 70),
               {plant_.substations[1]}, "crew-power-1");

    std::vector<Id> firstPhaseBurnIns; // training waits for every one of them
    // Hall hall-level hour offsets: some crews ran ahead, some behind.
    constexpr double kHallOffsetHours[] = {-6, 0, 18, 6, -4, 10, 24, 2};
    for (std::size_t h = 0; h < halls_.size(); ++h) {
        const HallPlan& hall = halls_[h];
        const int inPhase = int(h) - (hall.phase == 0 ? 0 : kHallsPerPhase);
        // The H200 halls of the expansion (the third and fourth) wait for later deliveries.
        const TimePoint base = hall.phase == 0 ? start : day(expansion, inPhase >= 2 ? 20.0 : 0.0);
        const double rolloutDay = hall.phase == 0 ? kRolloutStartDay : 55.0;
        // (snprintf rather than operator+: GCC 12 warns falsely about string concatenation, bug 105329)
        char prefix[16];
        std::snprintf(prefix, sizeof prefix, "H%d: ", hall.number);
        const Id fitOut =
            onPlan(std::string(prefix) + "raised floor, trays, headers, busways and switchgear",
                   "hall_fit_out", day(base, 40 + inPhase * 3.0), day(base, rolloutDay - 4 + inPhase * 2.0),
                   {hall.id}, crewName("fit-out", inPhase + 1));
        const Id network = onPlan(std::string(prefix) + "network racks, spines and cores", "network",
                                  day(base, rolloutDay - 15), day(base, rolloutDay - 1), hall.networkRacks,
                                  crewName("network", inPhase + 1));

        int racksInHall = 0;
        for (const RowPlan& row : hall.rows)
            racksInHall += int(row.racks.size());
        const double hallStartDay = rolloutDay + inPhase * kHallStaggerDays;
        int rackNumber = 0;
        for (const RowPlan& row : hall.rows)
            for (const RackPlan& rack : row.racks) {
                const TimePoint placed = day(base, hallStartDay + kHallPlacementDays * double(rackNumber++) /
                                                                      double(std::max(1, racksInHall)));
                // Most racks on time; some early, some late; the hall's own pace on top.
                const double roll = random_.uniform();
                double shiftHours = roll < 0.12   ? -random_.uniform(4, 20)
                                    : roll < 0.72 ? random_.uniform(-1, 1)
                                                  : random_.uniform(6, 72);
                shiftHours += kHallOffsetHours[h % 8];
                const bool leakRetest = random_.chance(kLeakRetestChance);

                Id stepTask[std::size(kRackSteps)] = {};
                TimePoint actualEnd[std::size(kRackSteps)] = {};
                for (std::size_t s = 0; s < std::size(kRackSteps); ++s) {
                    const RackStep& step = kRackSteps[s];
                    const TimePoint plannedStart = placed + TimePoint(step.startHours * double(kHour));
                    const TimePoint plannedEnd = plannedStart + TimePoint(step.durationHours * double(kHour));
                    TimePoint actualStart =
                        plannedStart + TimePoint((shiftHours + random_.uniform(-0.5, 0.5)) * double(kHour));
                    for (int predecessor : kStepDependsOn[s])
                        if (predecessor >= 0)
                            actualStart = std::max(actualStart, actualEnd[predecessor]);
                    double duration = step.durationHours * random_.uniform(0.8, 1.3);
                    if (leakRetest && std::string_view(step.kind) == "coolant_fill_leak_test")
                        duration *= 3.0;
                    actualEnd[s] = actualStart + TimePoint(duration * double(kHour));
                    stepTask[s] =
                        addTask(rack.name + " " + step.label, step.kind, plannedStart, plannedEnd,
                                actualStart, actualEnd[s], crewName(step.crew, 1 + rackNumber % 12));
                    w_.linkTask(stepTask[s], rack.id);
                    for (int predecessor : kStepDependsOn[s])
                        if (predecessor >= 0)
                            w_.addTaskDependency(stepTask[s], stepTask[predecessor]);
                }
                if (hall.phase == 0)
                    firstPhaseBurnIns.push_back(stepTask[std::size(kRackSteps) - 1]);
                w_.addTaskDependency(stepTask[1], fitOut);
                w_.addTaskDependency(stepTask[2], network);

                if (leakRetest) {
                    datamodel::NoteRecord note;
                    note.entityId = rack.manifoldSupply;
                    const std::string text = "Leak at a supply quick-disconnect of " + rack.name +
                                             " during fill: reseated, pressure-tested again, dry.";
                    note.text = text;
                    note.author = "crew-cooling-2";
                    note.createdAt = actualEnd[3] - 2 * kHour;
                    note.closedAt = actualEnd[3];
                    note.status = datamodel::NoteStatus::Closed;
                    note.title = "Leak at a supply quick-disconnect";
                    note.priority = datamodel::NotePriority::Major;
                    w_.addNote(note);
                }
                if (random_.chance(kOpenPunchChance) && !rack.servers.empty()) {
                    datamodel::NoteRecord note;
                    note.entityId = rack.servers.front().id;
                    const std::string text = "SuperNIC link on rail 3 of " + rack.servers.front().hostname +
                                             " flapping: replace the AOC.";
                    note.text = text;
                    note.author = "crew-cable-4";
                    note.createdAt = actualEnd[5];
                    note.status = datamodel::NoteStatus::Open;
                    note.blocking = random_.chance(0.5);
                    note.title = "SuperNIC link flapping";
                    note.priority = note.blocking ? datamodel::NotePriority::Critical : datamodel::NotePriority::Minor;
                    w_.addNote(note);
                }
            }
        progress(0.88 + 0.07 * double(h + 1) / double(halls_.size()), "schedule");
    }
    // The day the whole first phase trained (reported: 122 days after the start).
    const TimePoint training = day(start, kProjectDays);
    const Id trainingBegins = addTask("Training begins on the first phase", "milestone", training, training,
                                      training, training, "xai-training");
    // The critical path runs through the rack whose burn-in ends last into training.
    for (const Id burnIn : firstPhaseBurnIns)
        w_.addTaskDependency(trainingBegins, burnIn);
}

void ColossusGenerator::addNotesBindingsAndBookmarks() {
    // CDU metrics carry the rack's name as a label; bind them explicitly (GPUs bind by the default
    // rules: hostname and index, or UUID).
    for (const HallPlan& hall : halls_)
        for (const RowPlan& row : hall.rows)
            for (const RackPlan& rack : row.racks)
                w_.addTelemetryBinding(rack.cdu, "rack", rack.name);
}

} // namespace twin::importers
