// colossus-twin-metrics: `colossus-twin metrics-check` in a small executable (Qt Core and the parser
// only), for scripts and ./twin, which checks files by the hundred megabytes. Same arguments, output
// and exit codes as `colossus-twin metrics-check`.
#include "cli/Console.h"
#include "cli/MetricsCheckCommand.h"

#include <QCoreApplication>

int main(int argc, char** argv) {
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("colossus-twin"));
    QStringList arguments = QCoreApplication::arguments();
    // The command line of `colossus-twin metrics-check ...`: program name, then the subcommand.
    if (arguments.size() < 2 || arguments.at(1) != QLatin1String("metrics-check"))
        arguments.insert(1, QStringLiteral("metrics-check"));
    return twin::app::toInt(twin::app::finishStandardOutput(twin::app::runMetricsCheck(arguments)));
}
