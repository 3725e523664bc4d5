#include "cli/Subcommands.h"

#include "cli/MetricsCheckCommand.h"
#include "datamodel/SqliteInfo.h"
#include "scene/VtkInfo.h"

#include <QCoreApplication>
#include <array>

namespace twin::app {

namespace {

constexpr std::array kSubcommands{
    Subcommand{"gui", "open the twin in a window (the default when no subcommand is given)",
               ApplicationKind::Gui, nullptr, &runGui},
    Subcommand{"generate", "write the Colossus model (100,000 or 200,000 GPUs) into a new file",
               ApplicationKind::Console, nullptr, &runGenerate},
    Subcommand{"find", "find entities by name, hostname, serial or UUID (cables by id, tasks by name)",
               ApplicationKind::Console, nullptr, &runFind},
    Subcommand{"inspect", "what an entity is, holds, is plugged into, and what cools, powers and connects it",
               ApplicationKind::Console, nullptr, &runInspect},
    Subcommand{"impact", "what fails with an entity: lost, or degraded where a redundant supply stands",
               ApplicationKind::Console, nullptr, &runImpact},
    Subcommand{"progress", "record progress on site: tasks started, done, blocked or reopened (audited)",
               ApplicationKind::Console, nullptr, &runProgress},
    Subcommand{"punch", "punch items on entities: add, review, close, reopen, list", ApplicationKind::Console,
               nullptr, &runPunch},
    Subcommand{"log", "the audit log: who changed what, when, with the values before and after",
               ApplicationKind::Console, nullptr, &runLog},
    Subcommand{"revert", "take back one logged change, unless its fields were changed since",
               ApplicationKind::Console, nullptr, &runRevert},
    Subcommand{"info", "describe a model file: schema version, counts, schedule span, bounds",
               ApplicationKind::Console, nullptr, &runInfo},
    Subcommand{"report",
               "progress at the end of a day: GPUs installed planned vs actual, per hall, late tasks",
               ApplicationKind::Console, nullptr, &runReport},
    Subcommand{"tours", "list a model's guided tours: each stop's bookmark, caption and dwell",
               ApplicationKind::Console, nullptr, &runTours},
    Subcommand{"record", "record the roll-out as a PNG sequence, a frame per day, coloured actual vs plan",
               ApplicationKind::Console, nullptr, &runRecord},
    Subcommand{"import",
               "replace a model's schedule with a CSV or MS Project XML file (all or nothing, FILE:LINE "
               "errors)",
               ApplicationKind::Console, nullptr, &runImport},
    Subcommand{"export", "write a model's schedule as CSV or MS Project XML", ApplicationKind::Console,
               nullptr, &runExport},
    Subcommand{"snapshot", "render the scene without a window and write a PNG", ApplicationKind::Console,
               nullptr, &runSnapshot},
    Subcommand{"metrics-check",
               "check a Prometheus text exposition file and count its samples (FILE:LINE: on error)",
               ApplicationKind::Console, nullptr, &runMetricsCheck},
    Subcommand{"telemetry-sim",
               "serve simulated dcgm-exporter and CDU metrics of a model over HTTP (for Prometheus)",
               ApplicationKind::Console, nullptr, &runTelemetrySim},
    Subcommand{"bench",
               "run a benchmark and print one table: view (rendering), model (generate, load, memory), "
               "parser (text exposition vs promtool), render MODEL (camera presets), telemetry MODEL (a live "
               "refresh), workbench MODEL (search), edits MODEL (progress recorded, on a copy)",
               ApplicationKind::Gui, "model parser telemetry workbench edits", &runBench},
};

} // namespace

std::span<const Subcommand> subcommands() {
    return kSubcommands;
}

ApplicationKind applicationFor(const Subcommand& subcommand, const QStringList& argumentsAfterName) {
    if (subcommand.consoleWhenFirstArgumentIs && !argumentsAfterName.isEmpty() &&
        QString::fromLatin1(subcommand.consoleWhenFirstArgumentIs)
            .split(QLatin1Char(' '))
            .contains(argumentsAfterName.first()))
        return ApplicationKind::Console;
    return subcommand.application;
}

const Subcommand* findSubcommand(const QString& name) {
    for (const Subcommand& subcommand : kSubcommands)
        if (name == QLatin1String(subcommand.name))
            return &subcommand;
    return nullptr;
}

QString usageText() {
    QString text = QStringLiteral("Usage: colossus-twin [SUBCOMMAND] [OPTIONS] [MODEL]\n"
                                  "A desktop digital twin of the Colossus AI supercomputer.\n\n"
                                  "Subcommands:\n");
    for (const Subcommand& subcommand : kSubcommands)
        text += QStringLiteral("  %1  %2\n").arg(QLatin1String(subcommand.name), -10).arg(subcommand.summary);
    text += QStringLiteral("\nOptions:\n"
                           "  -h, --help     show this help (SUBCOMMAND --help shows a subcommand's own)\n"
                           "  -v, --version  show the version and the library versions\n\n"
                           "Exit codes: 0 success, 1 bad input, 2 usage error, 3 missing environment.");
    return text;
}

QString versionText() {
    return QStringLiteral("colossus-twin %1 (Qt %2, VTK %3, SQLite %4)")
        .arg(QStringLiteral(TWIN_VERSION), QString::fromLatin1(qVersion()), scene::vtkVersion(),
             datamodel::sqliteVersion());
}

} // namespace twin::app
