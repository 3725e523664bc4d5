// `colossus-twin gui [MODEL]`: the interactive window.
#include "cli/Console.h"
#include "cli/Subcommands.h"
#include "datamodel/ModelFile.h"
#include "gui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>

namespace twin::app {

ExitCode runGui(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Open the twin in a window."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("gui"), QStringLiteral("the subcommand"));
    parser.addPositionalArgument(QStringLiteral("MODEL"), QStringLiteral("facility model file (optional)"),
                                 QStringLiteral("[MODEL]"));
    if (!parser.parse(arguments))
        return fail(ExitCode::Usage, QStringLiteral("gui: ") + parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitCode::Ok;
    }
    const QStringList positional = parser.positionalArguments().mid(1);
    if (positional.size() > 1)
        return fail(ExitCode::Usage, QStringLiteral("gui: expected at most one MODEL"));
    // A bad model named on the command line is refused before a window appears.
    if (!positional.isEmpty()) {
        const datamodel::ModelFileProbe probe = datamodel::probeModelFile(positional.first());
        if (!probe.ok)
            return fail(ExitCode::BadInput, probe.error);
    }

    MainWindow window;
    if (!positional.isEmpty())
        window.openModel(positional.first());
    window.show();
    return QApplication::exec() == 0 ? ExitCode::Ok : ExitCode::Environment;
}

} // namespace twin::app
