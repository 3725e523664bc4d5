// The table of subcommands: names, one-line summaries, whether they need a GUI application, and
// the function that runs each. main() dispatches through it; the usage text is printed from it.
#pragma once

#include "cli/ExitCode.h"

#include <QStringList>
#include <span>

namespace twin::app {

enum class ApplicationKind {
    Console, // QCoreApplication: no display needed (snapshot makes its own offscreen GL window)
    Gui,     // QApplication: needs a display
};

struct Subcommand {
    const char* name;
    const char* summary;
    ApplicationKind application;
    // For subcommands with several jobs (bench view / bench model): the first arguments that need
    // only a console application, space separated, or nullptr.
    const char* consoleWhenFirstArgumentIs;
    // `arguments` starts with the program name, then the subcommand name, then its own arguments.
    ExitCode (*run)(const QStringList& arguments);
};

std::span<const Subcommand> subcommands();
// The application a run of `subcommand` with these arguments (after the subcommand's name) needs.
ApplicationKind applicationFor(const Subcommand& subcommand, const QStringList& argumentsAfterName);
const Subcommand* findSubcommand(const QString& name);
QString usageText();
QString versionText();

// The subcommands themselves, each in its own file.
ExitCode runGui(const QStringList& arguments);
ExitCode runSnapshot(const QStringList& arguments);
ExitCode runBench(const QStringList& arguments);
ExitCode runGenerate(const QStringList& arguments);
ExitCode runInfo(const QStringList& arguments);
ExitCode runTours(const QStringList& arguments);
ExitCode runFind(const QStringList& arguments);
ExitCode runInspect(const QStringList& arguments);
ExitCode runImpact(const QStringList& arguments);
ExitCode runProgress(const QStringList& arguments);
ExitCode runPunch(const QStringList& arguments);
ExitCode runLog(const QStringList& arguments);
ExitCode runRevert(const QStringList& arguments);
ExitCode runReport(const QStringList& arguments);
ExitCode runRecord(const QStringList& arguments);
ExitCode runImport(const QStringList& arguments);
ExitCode runExport(const QStringList& arguments);
ExitCode runTelemetrySim(const QStringList& arguments);

} // namespace twin::app
