// `colossus-twin record MODEL -o DIR [--from D] [--to D] [--camera PRESET] [--size WxH] [--orbit DEG]
// [--fps N] [--no-video]`: the roll-out as a PNG sequence and an Ogg Theora video (DIR/rollout.ogv) for
// executive updates: one frame per day, coloured Actual vs plan (the legend names the day), the camera
// turning slowly about the preset's focal point.
#include "cli/Console.h"
#include "cli/SizeOption.h"
#include "cli/Subcommands.h"
#include "datamodel/Facility.h"
#include "datamodel/ModelError.h"
#include "datamodel/Schedule.h"
#include "datamodel/Store.h"
#include "scene/FacilityScene.h"
#include "scene/OffscreenView.h"
#include "scene/VideoWriter.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLocale>
#include <cmath>

namespace twin::app {

namespace {

constexpr double kDegrees = 3.14159265358979 / 180.0;

// The camera turned by `degrees` about the vertical through its focal point.
scene::CameraPose turned(const scene::CameraPose& pose, double degrees) {
    scene::CameraPose result = pose;
    const double dx = pose.position[0] - pose.focalPoint[0], dy = pose.position[1] - pose.focalPoint[1];
    const double c = std::cos(degrees * kDegrees), s = std::sin(degrees * kDegrees);
    result.position[0] = pose.focalPoint[0] + dx * c - dy * s;
    result.position[1] = pose.focalPoint[1] + dx * s + dy * c;
    return result;
}

} // namespace

ExitCode runRecord(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Record the roll-out as a PNG sequence and a video (DIR/rollout.ogv, Ogg Theora): a frame "
        "per day, Actual vs plan."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("record"), QStringLiteral("the subcommand"));
    parser.addPositionalArgument(QStringLiteral("MODEL"), QStringLiteral("the model file"));
    const QCommandLineOption outputOption(
        {QStringLiteral("o"), QStringLiteral("output")},
        QStringLiteral("Directory for day-NNN.png (created; must hold no frames)."), QStringLiteral("DIR"));
    const QCommandLineOption fromOption(
        QStringLiteral("from"), QStringLiteral("First day, YYYY-MM-DD (default: 19 days before the end)."),
        QStringLiteral("DATE"));
    const QCommandLineOption toOption(QStringLiteral("to"),
                                      QStringLiteral("Last day, YYYY-MM-DD (default: the schedule's end)."),
                                      QStringLiteral("DATE"));
    const QCommandLineOption cameraOption(
        QStringLiteral("camera"), QStringLiteral("overview (default), hall:N, aisle:ROW or rack:NAME."),
        QStringLiteral("PRESET"), QStringLiteral("overview"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        QStringLiteral("Frame size, default 1280x720."),
                                        QStringLiteral("WxH"), QStringLiteral("1280x720"));
    const QCommandLineOption orbitOption(
        QStringLiteral("orbit"), QStringLiteral("Degrees the camera turns over the recording, default 30."),
        QStringLiteral("DEG"), QStringLiteral("30"));
    const QCommandLineOption fpsOption(QStringLiteral("fps"),
                                       QStringLiteral("Video frames (days) per second, default 4."),
                                       QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption noVideoOption(QStringLiteral("no-video"), QStringLiteral("PNG frames only."));
    parser.addOptions({outputOption, fromOption, toOption, cameraOption, sizeOption, orbitOption, fpsOption,
                       noVideoOption});
    if (!parser.parse(arguments))
        return fail(ExitCode::Usage, QStringLiteral("record: ") + parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitCode::Ok;
    }
    const QStringList positional = parser.positionalArguments().mid(1);
    if (positional.size() != 1)
        return fail(ExitCode::Usage, QStringLiteral("record: name one MODEL file"));
    if (!parser.isSet(outputOption))
        return fail(ExitCode::Usage, QStringLiteral("record: missing -o DIR (where the frames go)"));
    const std::optional<QSize> size = parseImageSize(parser.value(sizeOption));
    bool orbitOk = false;
    const double orbit = parser.value(orbitOption).toDouble(&orbitOk);
    bool fpsOk = false;
    const int fps = parser.value(fpsOption).toInt(&fpsOk);
    if (!size || !orbitOk || !fpsOk || fps < 1 || fps > 60)
        return fail(ExitCode::Usage, QStringLiteral("record: invalid --size, --orbit or --fps (1 to 60)"));
    std::optional<datamodel::TimePoint> from, to;
    for (const auto& [option, target] : {std::pair{&fromOption, &from}, std::pair{&toOption, &to}})
        if (parser.isSet(*option)) {
            const QString text = parser.value(*option);
            *target = datamodel::parseTime(text.toStdString());
            if (!*target || text.size() != 10)
                return fail(ExitCode::BadInput,
                            QStringLiteral("record: --%1 '%2' is not a calendar date YYYY-MM-DD")
                                .arg(option->names().front(), text));
        }

    std::shared_ptr<const datamodel::Facility> facility;
    try {
        facility = std::make_shared<const datamodel::Facility>(
            datamodel::Store::open(positional.first().toStdString(), datamodel::Access::ReadOnly)->load());
    } catch (const datamodel::ModelError& error) {
        return fail(ExitCode::BadInput, QString::fromStdString(error.what()));
    }
    if (facility->scheduleEnd() == datamodel::kNoTime)
        return fail(ExitCode::BadInput,
                    QStringLiteral("%1: the model has no schedule to record").arg(positional.first()));
    const datamodel::TimePoint last = datamodel::startOfDay(to.value_or(facility->scheduleEnd()));
    const datamodel::TimePoint first =
        datamodel::startOfDay(from.value_or(last - 19 * datamodel::kSecondsPerDay));
    if (first > last)
        return fail(ExitCode::BadInput, QStringLiteral("record: --from is after --to"));
    const auto pose = scene::cameraPreset(*facility, parser.value(cameraOption));
    if (!pose)
        return fail(ExitCode::BadInput, QStringLiteral("%1: no camera '%2' in this model")
                                            .arg(positional.first(), parser.value(cameraOption)));
    const QDir directory(parser.value(outputOption));
    if (!QDir().mkpath(directory.path()))
        return fail(ExitCode::BadInput,
                    QStringLiteral("%1: cannot create the directory").arg(directory.path()));
    const QString videoPath = directory.filePath(QStringLiteral("rollout.ogv"));
    if (!directory.entryList({QStringLiteral("day-*.png")}, QDir::Files).isEmpty() ||
        QFile::exists(videoPath))
        return fail(
            ExitCode::BadInput,
            QStringLiteral("%1: already holds frames (day-*.png, rollout.ogv); choose an empty directory")
                .arg(directory.path()));
    if (!scene::OffscreenView::displayAvailable())
        return fail(ExitCode::Environment, QStringLiteral("record: no X display (DISPLAY is not set); run it "
                                                          "under xvfb-run, or as ./twin record which does"));

    scene::OffscreenView view(*size);
    scene::FacilityScene facilityScene(facility, view.renderer());
    facilityScene.updateDetail(*pose);
    const datamodel::Schedule schedule(*facility);
    std::vector<datamodel::Progress> progress;
    std::unique_ptr<scene::VideoWriter> video;
    if (!parser.isSet(noVideoOption))
        video = std::make_unique<scene::VideoWriter>(videoPath, *size, fps);
    const int days = int((last - first) / datamodel::kSecondsPerDay) + 1;
    const datamodel::TimePoint scheduleDayZero =
        datamodel::startOfDay(facility->scheduleStart()) - datamodel::kSecondsPerDay;
    for (int day = 0; day < days; ++day) {
        const datamodel::TimePoint midnightOfDay =
            first + datamodel::TimePoint(day) * datamodel::kSecondsPerDay;
        schedule.progressAt(midnightOfDay + datamodel::kSecondsPerDay - 1, progress);
        facilityScene.colourByProgress(
            progress, schedule,
            QStringLiteral("Actual vs plan, %1")
                .arg(QString::fromStdString(datamodel::formatDate(midnightOfDay))));
        // The date stamp as the timeline shows it: day 0 is the day before the first task.
        const datamodel::TimePoint endOfDay = midnightOfDay + datamodel::kSecondsPerDay - 1;
        const QLocale locale;
        facilityScene.dateStamp().show(
            QString::fromStdString(datamodel::formatDate(midnightOfDay)),
            QStringLiteral("Day %1: %2 of %3 GPUs installed (%4 planned)")
                .arg((midnightOfDay - scheduleDayZero) / datamodel::kSecondsPerDay)
                .arg(locale.toString(qulonglong(schedule.installedCount(datamodel::EntityKind::Gpu, endOfDay,
                                                                        datamodel::ScheduleBasis::Actual))),
                     locale.toString(qulonglong(facility->count(datamodel::EntityKind::Gpu))),
                     locale.toString(qulonglong(schedule.installedCount(
                         datamodel::EntityKind::Gpu, endOfDay, datamodel::ScheduleBasis::Planned)))));
        view.setCameraPose(turned(*pose, days > 1 ? orbit * day / (days - 1) : 0.0));
        const QString path =
            directory.filePath(QStringLiteral("day-%1.png").arg(day + 1, 3, 10, QLatin1Char('0')));
        const QImage frame = view.capture();
        if (!frame.save(path, "PNG"))
            return fail(ExitCode::BadInput, QStringLiteral("%1: cannot write the frame").arg(path));
        if (video && !video->addFrame(frame))
            return fail(ExitCode::BadInput, video->error());
        printErr(QStringLiteral("record: %1 of %2").arg(day + 1).arg(days));
    }
    if (video && !video->finish().isEmpty())
        return fail(ExitCode::BadInput, video->error());
    printOut(directory.path());
    return ExitCode::Ok;
}

} // namespace twin::app
