// `colossus-twin gui [MODEL]`: the interactive window.
#include "cli/Console.h"
#include "cli/ImageFile.h"
#include "cli/Subcommands.h"
#include "datamodel/FileOutput.h"
#include "datamodel/ModelFile.h"
#include "gui/document/Document.h"
#include "gui/window/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

namespace twin::app {

namespace {
constexpr int kScreenshotSettleMs = 500;
}

ExitCode runGui(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Open the twin in a window."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("gui"), QStringLiteral("the subcommand"));
    parser.addPositionalArgument(QStringLiteral("MODEL"), QStringLiteral("facility model file (optional)"),
                                 QStringLiteral("[MODEL]"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QStringLiteral("Open the window, save a PNG of all of it (menus, view, status bar) and quit."),
        QStringLiteral("FILE"));
    parser.addOption(screenshotOption);
    const QCommandLineOption simulateOption(
        QStringLiteral("simulate"),
        QStringLiteral("Serve simulated exporters of the model on 127.0.0.1 and colour by their live GPU "
                       "temperatures (what ./twin run does)."));
    parser.addOption(simulateOption);
    const QCommandLineOption readOnlyOption(
        QStringLiteral("read-only"),
        QStringLiteral(
            "Open the model read-only: nothing can be recorded in it, and the file is never written."));
    parser.addOption(readOnlyOption);
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
        if (parser.isSet(screenshotOption))
            if (const std::string refusal = datamodel::refuseOverwritingModel(
                    parser.value(screenshotOption).toStdString(), positional.first().toStdString());
                !refusal.empty())
                return fail(ExitCode::BadInput, QString::fromStdString(refusal));
    }

    // Declared before the window, whose connections refer to it, so that it outlives them.
    QString failure;

    MainWindow window;
    window.setLiveTelemetry(parser.isSet(simulateOption));
    window.document()->forceReadOnly(parser.isSet(readOnlyOption));
    window.show();
    // With --screenshot a script waits for the picture of *this* model: a model that cannot be opened
    // ends it with the message (exit 1), not with a picture of the demo hall and the error in the
    // status bar.
    if (parser.isSet(screenshotOption)) {
        // Grab once the model has loaded, after one more paint.
        const QString path = parser.value(screenshotOption);
        auto grabAndQuit = [&window, &failure, path] {
            QTimer::singleShot(kScreenshotSettleMs, &window, [&window, &failure, path] {
                failure = writePng(window.screenshot(), path);
                if (failure.isEmpty())
                    printOut(path);
                QCoreApplication::exit(failure.isEmpty() ? 0 : 1);
            });
        };
        // With live telemetry, once its first colours are on screen; otherwise once the model is.
        if (parser.isSet(simulateOption))
            QObject::connect(&window, &MainWindow::liveTelemetryShown, &window, grabAndQuit,
                             Qt::SingleShotConnection);
        else
            QObject::connect(&window, &MainWindow::modelLoaded, &window, grabAndQuit);
        QObject::connect(&window, &MainWindow::modelOpenFailed, &window, [&failure](const QString& error) {
            failure = error;
            QCoreApplication::exit(1);
        });
    }
    if (!positional.isEmpty()) {
        if (const QString refused = window.openModel(positional.first());
            !refused.isEmpty() && parser.isSet(screenshotOption))
            return fail(ExitCode::BadInput, refused);
    } else {
        window.openDefaultModel();
    }
    if (parser.isSet(screenshotOption)) {
        if (QApplication::exec() != 0)
            return fail(
                ExitCode::BadInput,
                failure.isEmpty()
                    ? QStringLiteral("%1: no screenshot was taken").arg(parser.value(screenshotOption))
                    : failure);
        return ExitCode::Ok;
    }
    return QApplication::exec() == 0 ? ExitCode::Ok : ExitCode::Environment;
}

} // namespace twin::app
