// `colossus-twin snapshot [MODEL] -o out.png [--size WxH]`: renders offscreen and writes a PNG.
#include "cli/Console.h"
#include "cli/ImageFile.h"
#include "cli/SizeOption.h"
#include "cli/Subcommands.h"
#include "datamodel/Facility.h"
#include "datamodel/FileOutput.h"
#include "datamodel/ModelError.h"
#include "datamodel/Schedule.h"
#include "datamodel/Store.h"
#include "datamodel/Time.h"
#include "scene/DemoScene.h"
#include "scene/FacilityScene.h"
#include "scene/OffscreenView.h"
#include "view/ViewPainter.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFileInfo>
#include <QImage>
#include <algorithm>
#include <vector>

namespace twin::app {

ExitCode runSnapshot(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Render the twin without a window and write a PNG."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("snapshot"), QStringLiteral("the subcommand"));
    parser.addPositionalArgument(QStringLiteral("MODEL"), QStringLiteral("facility model file (optional)"),
                                 QStringLiteral("[MODEL]"));
    const QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")},
                                          QStringLiteral("PNG file to write (required)."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        QStringLiteral("Image size, default 1280x800."),
                                        QStringLiteral("WxH"), QStringLiteral("1280x800"));
    const QCommandLineOption cameraOption(
        QStringLiteral("camera"),
        QStringLiteral("With a MODEL: overview (default), hall:N, aisle:ROW or rack:NAME."),
        QStringLiteral("PRESET"), QStringLiteral("overview"));
    parser.addOption(outputOption);
    parser.addOption(sizeOption);
    parser.addOption(cameraOption);
    const QCommandLineOption layersOption(
        QStringLiteral("layers"),
        QStringLiteral("With a MODEL: layers to draw, e.g. structure,cooling (default: all)."),
        QStringLiteral("LIST"));
    const QCommandLineOption xrayOption(
        QStringLiteral("xray"), QStringLiteral("With a MODEL: one layer seen through all the others."),
        QStringLiteral("LAYER"));
    parser.addOption(layersOption);
    parser.addOption(xrayOption);
    const QCommandLineOption colorByOption(
        QStringLiteral("color-by"),
        QStringLiteral("With a MODEL: kind (default) or status (installation "
                       "status by actual dates, at --date)."),
        QStringLiteral("kind|status"), QStringLiteral("kind"));
    const QCommandLineOption dateOption(
        QStringLiteral("date"),
        QStringLiteral("With --color-by status: the moment, YYYY-MM-DD[ HH:MM] "
                       "(default: now)."),
        QStringLiteral("DATE"));
    parser.addOption(colorByOption);
    parser.addOption(dateOption);
    if (!parser.parse(arguments))
        return fail(ExitCode::Usage, QStringLiteral("snapshot: ") + parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitCode::Ok;
    }
    const QStringList positional = parser.positionalArguments().mid(1);
    if (positional.size() > 1)
        return fail(ExitCode::Usage, QStringLiteral("snapshot: expected at most one MODEL, got %1: %2")
                                         .arg(positional.size())
                                         .arg(positional.join(QLatin1Char(' '))));
    if (!parser.isSet(outputOption))
        return fail(ExitCode::Usage, QStringLiteral("snapshot: missing -o FILE (the PNG to write)"));
    const std::optional<QSize> size = parseImageSize(parser.value(sizeOption));
    if (!size)
        return fail(ExitCode::Usage,
                    QStringLiteral("snapshot: invalid --size '%1': expected WIDTHxHEIGHT, each %2 to %3")
                        .arg(parser.value(sizeOption))
                        .arg(kMinImageSide)
                        .arg(kMaxImageSide));
    const QString outputPath = parser.value(outputOption);
    if (!outputPath.endsWith(QLatin1String(".png"), Qt::CaseInsensitive))
        return fail(ExitCode::Usage,
                    QStringLiteral("snapshot: %1: the output must be a .png file").arg(outputPath));
    if (!positional.isEmpty())
        if (const std::string refusal =
                datamodel::refuseOverwritingModel(outputPath.toStdString(), positional.first().toStdString());
            !refusal.empty())
            return fail(ExitCode::BadInput, QString::fromStdString(refusal));

    const QString camera = parser.value(cameraOption);
    if (!scene::isCameraPresetName(camera))
        return fail(ExitCode::Usage, QStringLiteral("snapshot: unknown --camera '%1' (known: %2)")
                                         .arg(camera, scene::cameraPresetGrammar()));

    std::optional<std::vector<scene::Layer>> layers;
    if (parser.isSet(layersOption)) {
        QString unknown;
        layers = scene::parseLayerList(parser.value(layersOption), &unknown);
        if (!layers)
            return fail(ExitCode::Usage,
                        QStringLiteral("snapshot: unknown layer '%1' in --layers (known: %2)")
                            .arg(unknown, scene::knownLayerNames()));
    }
    std::optional<scene::Layer> xray;
    if (parser.isSet(xrayOption)) {
        xray = scene::layerFromName(parser.value(xrayOption));
        if (!xray)
            return fail(
                ExitCode::Usage,
                QStringLiteral("snapshot: unknown layer '%1' in --xray").arg(parser.value(xrayOption)));
    }

    const QString colorBy = parser.value(colorByOption);
    if (colorBy != QLatin1String("kind") && colorBy != QLatin1String("status"))
        return fail(ExitCode::Usage,
                    QStringLiteral("snapshot: unknown --color-by '%1' (known: kind, status)").arg(colorBy));
    datamodel::TimePoint statusTime = QDateTime::currentSecsSinceEpoch();
    if (parser.isSet(dateOption)) {
        const auto parsed = datamodel::parseTime(parser.value(dateOption).toStdString());
        if (!parsed)
            return fail(ExitCode::BadInput,
                        QStringLiteral("snapshot: --date '%1' is not a date (YYYY-MM-DD[ HH:MM])")
                            .arg(parser.value(dateOption)));
        statusTime = *parsed;
    }

    // Without a model: the demo hall. With one: the facility, loaded and checked first.
    std::shared_ptr<const datamodel::Facility> facility;
    if (!positional.isEmpty()) {
        try {
            facility = std::make_shared<const datamodel::Facility>(
                datamodel::Store::open(positional.first().toStdString(), datamodel::Access::ReadOnly)
                    ->load());
        } catch (const datamodel::ModelError& error) {
            return fail(ExitCode::BadInput, QString::fromStdString(error.what()));
        }
    }
    std::optional<scene::CameraPose> pose;
    if (facility) {
        pose = scene::cameraPreset(*facility, camera);
        if (!pose)
            return fail(ExitCode::BadInput,
                        QStringLiteral("%1: no camera '%2' in this model (it has %3 halls)")
                            .arg(positional.first(), camera)
                            .arg(facility->count(datamodel::EntityKind::Hall)));
    }

    if (!scene::OffscreenView::displayAvailable())
        return fail(ExitCode::Environment,
                    QStringLiteral("snapshot: no X display (DISPLAY is not set); run it "
                                   "under xvfb-run, or as ./twin snapshot which does"));

    scene::OffscreenView view(*size);
    std::unique_ptr<scene::FacilityScene> facilityScene;
    if (facility) {
        // The options as a view's settings, drawn by the painter the window uses.
        ViewSettings settings;
        if (layers)
            for (scene::Layer layer : scene::kAllLayers)
                settings.layersShown[std::size_t(layer)] =
                    std::find(layers->begin(), layers->end(), layer) != layers->end();
        settings.xRay = xray;
        if (colorBy == QLatin1String("status"))
            settings.colouring = Colouring{Colouring::By::Status, nullptr, TimelineMode::Off, statusTime};
        settings.camera = *pose;
        const datamodel::Schedule schedule(*facility);
        facilityScene = std::make_unique<scene::FacilityScene>(facility, view.renderer());
        ViewPainter().paintAll(settings, ColouringSources{*facility, schedule}, *facilityScene);
        view.setCameraPose(*settings.camera);
    } else {
        scene::populateDemoScene(view.renderer());
        view.resetCamera();
    }
    const QImage image = view.capture();
    if (image.isNull() || image.size() != *size)
        return fail(ExitCode::Environment, QStringLiteral("snapshot: OpenGL rendering produced no image"));

    // Written beside the target and renamed at the end: never a half-written PNG.
    if (const QString error = writePng(image, outputPath); !error.isEmpty())
        return fail(ExitCode::BadInput, error);
    printOut(QFileInfo(outputPath).absoluteFilePath());
    return ExitCode::Ok;
}

} // namespace twin::app
