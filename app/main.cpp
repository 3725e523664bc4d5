// colossus-twin: dispatches to a subcommand. The application object is chosen before it is built,
// because a QApplication needs a display and most subcommands must run on a headless server.
#include "cli/Console.h"
#include "cli/Subcommands.h"
#include "gui/window/DisplayCheck.h"
#include "scene/ViewWidget.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <memory>

using namespace twin::app;

namespace {

// A first argument that is no subcommand but names a model file opens it in the GUI
// (file managers and "colossus-twin model.db" both do this).
bool looksLikeModelPath(const QString& argument) {
    return argument.contains(QLatin1Char('/')) || argument.endsWith(QLatin1String(".db")) ||
           QFileInfo(argument).isFile();
}

std::unique_ptr<QCoreApplication> makeApplication(ApplicationKind kind, int& argc, char** argv) {
    std::unique_ptr<QCoreApplication> application;
    if (kind == ApplicationKind::Gui) {
        ensureRuntimeDirectory();
        twin::scene::ViewWidget::installDefaultSurfaceFormat();
        application = std::make_unique<QApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setOrganizationName(QStringLiteral("ColossusTwin"));
    QCoreApplication::setApplicationName(QStringLiteral("colossus-twin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TWIN_VERSION));
    return application;
}

} // namespace

int main(int argc, char** argv) {
    // Only the options before the subcommand are ours; everything after it belongs to the subcommand.
    QStringList rawArguments;
    for (int i = 0; i < argc; ++i)
        rawArguments << QString::fromLocal8Bit(argv[i]);
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        QStringLiteral("Usage."));
    const QCommandLineOption versionOption({QStringLiteral("v"), QStringLiteral("version")},
                                           QStringLiteral("Version."));
    parser.addOptions({helpOption, versionOption});
    if (!parser.parse(rawArguments)) {
        printErr(QStringLiteral("%1: %2\n").arg(QLatin1String(kProgramName), parser.errorText()) +
                 usageText());
        return toInt(ExitCode::Usage);
    }
    if (parser.isSet(helpOption)) {
        printOut(usageText());
        return toInt(finishStandardOutput(ExitCode::Ok));
    }
    if (parser.isSet(versionOption)) {
        printOut(versionText());
        return toInt(finishStandardOutput(ExitCode::Ok));
    }
    const QString first = parser.positionalArguments().value(0);

    const Subcommand* subcommand = findSubcommand(first.isEmpty() ? QStringLiteral("gui") : first);
    bool insertGui = false;
    if (!subcommand) {
        if (first.startsWith(QLatin1Char('-')) || !looksLikeModelPath(first)) {
            printErr(QStringLiteral("%1: unknown subcommand '%2'\n").arg(QLatin1String(kProgramName), first) +
                     usageText());
            return toInt(ExitCode::Usage);
        }
        subcommand = findSubcommand(QStringLiteral("gui"));
        insertGui = true;
    }

    const ApplicationKind kind =
        insertGui ? ApplicationKind::Gui : applicationFor(*subcommand, parser.positionalArguments().mid(1));
    if (kind == ApplicationKind::Gui && !displayAvailable())
        return toInt(
            fail(ExitCode::Environment, QStringLiteral("%1: no display (DISPLAY is not set); run it under "
                                                       "xvfb-run, or through ./twin which does")
                                            .arg(QLatin1String(subcommand->name))));

    std::unique_ptr<QCoreApplication> application = makeApplication(kind, argc, argv);
    QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() == 1 || insertGui)
        arguments.insert(1, QStringLiteral("gui"));
    return toInt(finishStandardOutput(subcommand->run(arguments)));
}
