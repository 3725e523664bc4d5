// `colossus-twin record MODEL -o DIR [--from D] [--to D] [--camera PRESET[,PRESET...]] [--frames-per-day N]
// [--size WxH] [--orbit DEG] [--fps N] [--no-video]`, or `record MODEL --tour NAME -o DIR [--size WxH]
// [--fps N] [--no-video]`: the roll-out as a PNG sequence and an Ogg Theora
// video (DIR/rollout.ogv) for executive updates, coloured Actual vs plan with the date stamped, the
// camera travelling along the presets given and turning slowly about its focal point.
#include "cli/Console.h"
#include "cli/ImageFile.h"
#include "cli/RollOutRecorder.h"
#include "cli/SizeOption.h"
#include "cli/Subcommands.h"
#include "cli/TourRecorder.h"
#include "datamodel/ModelError.h"
#include "datamodel/Store.h"
#include "datamodel/Tours.h"
#include "scene/FacilityScene.h"
#include "scene/OffscreenView.h"
#include "scene/VideoWriter.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <optional>

namespace twin::app {

namespace {

constexpr int kMostFramesPerDay = 24;

QString frameName(const RecordingPlan& plan, const RecordingFrame& frame) {
    const QString day = QStringLiteral("%1").arg(frame.day + 1, 3, 10, QLatin1Char('0'));
    return plan.framesPerDay == 1
               ? QStringLiteral("day-%1.png").arg(day)
               : QStringLiteral("day-%1-%2.png").arg(day).arg(frame.slice + 1, 2, 10, QLatin1Char('0'));
}

// Where a recording goes: PNG frames matching `pattern` and a video beside them in a directory that
// holds none yet. Each frame is written as it comes; a recording that stops half way is no recording:
// what it wrote goes, so that nothing mistakes it for a whole one. The roll-out and a tour share it.
class RecordingOutput {
public:
    RecordingOutput(QDir directory, QString pattern, QString videoName)
        : directory_(std::move(directory)), pattern_(std::move(pattern)),
          videoPath_(directory_.filePath(videoName)) {}

    // Why it cannot be written to (exit code and message), or nothing.
    std::optional<ExitCode> refusal() const {
        if (!QDir().mkpath(directory_.path()))
            return fail(ExitCode::BadInput,
                        QStringLiteral("%1: cannot create the directory").arg(directory_.path()));
        if (!directory_.entryList({pattern_}, QDir::Files).isEmpty() || QFile::exists(videoPath_))
            return fail(ExitCode::BadInput,
                        QStringLiteral("%1: already holds frames (%2, %3); choose an empty directory")
                            .arg(directory_.path(), pattern_, QFileInfo(videoPath_).fileName()));
        if (!scene::OffscreenView::displayAvailable())
            return fail(ExitCode::Environment,
                        QStringLiteral("record: no X display (DISPLAY is not set); run it under xvfb-run, or "
                                       "as ./twin record which does"));
        return std::nullopt;
    }
    void openVideo(QSize size, int fps) {
        video_ = std::make_unique<scene::VideoWriter>(videoPath_, size, fps);
    }
    // Frame `done` of `total`, written as `name`; false (the reason kept) stops the recording.
    bool take(const QImage& image, const QString& name, std::size_t done, std::size_t total) {
        const QString path = directory_.filePath(name);
        if (const QString error = writePng(image, path); !error.isEmpty()) {
            failure_ = error;
            return false;
        }
        written_.append(path);
        if (video_ && !video_->addFrame(image)) {
            failure_ = video_->error();
            return false;
        }
        printErr(QStringLiteral("record: %1 of %2").arg(done).arg(total));
        return true;
    }
    ExitCode finish() {
        if (video_) {
            const QString videoFailure = video_->finish();
            if (failure_.isEmpty())
                failure_ = videoFailure;
        }
        if (!failure_.isEmpty()) {
            for (const QString& path : written_)
                QFile::remove(path);
            QFile::remove(videoPath_);
            return fail(ExitCode::BadInput, failure_);
        }
        printOut(directory_.path());
        return ExitCode::Ok;
    }

private:
    QDir directory_;
    QString pattern_, videoPath_;
    std::unique_ptr<scene::VideoWriter> video_;
    QString failure_;
    QStringList written_;
};

// `record --tour NAME`: the tour's frames (stop-NN-KKK.png, one per stop step) and tour.ogv, a video
// frame for each PNG.
ExitCode recordTourInto(const QString& modelPath, const std::shared_ptr<const datamodel::Facility>& facility,
                        const QString& name, const QDir& directory, QSize size, int fps, bool withVideo) {
    const datamodel::Tour* tour = facility->tourBook().tourNamed(name.toStdString());
    if (!tour) {
        QStringList names;
        for (const datamodel::Tour& t : facility->tourBook().tours)
            names << QStringLiteral("'%1'").arg(QString::fromStdString(t.name));
        return fail(ExitCode::BadInput,
                    QStringLiteral("%1: no tour '%2' in this model (its tours: %3)")
                        .arg(modelPath, name, names.isEmpty() ? QStringLiteral("none") : names.join(", ")));
    }
    if (const std::string problem = datamodel::tourProblem(*tour); !problem.empty())
        return fail(ExitCode::BadInput,
                    QStringLiteral("%1: %2").arg(modelPath, QString::fromStdString(problem)));
    RecordingOutput output(directory, QStringLiteral("stop-*.png"), QStringLiteral("tour.ogv"));
    if (const auto refused = output.refusal())
        return *refused;
    if (withVideo)
        output.openVideo(size, fps);
    const std::size_t frames = tourFramesOf(*tour).size();
    std::size_t done = 0;
    recordTour(facility, *tour, size, [&](const TourFrame& frame, const QImage& image) {
        return output.take(image,
                           QStringLiteral("stop-%1-%2.png")
                               .arg(frame.stop + 1, 2, 10, QLatin1Char('0'))
                               .arg(frame.step + 1, 3, 10, QLatin1Char('0')),
                           ++done, frames);
    });
    return output.finish();
}

} // namespace

ExitCode runRecord(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Record the roll-out as a PNG sequence and a video (DIR/rollout.ogv, Ogg Theora), "
                       "Actual vs plan, the camera travelling along the presets given."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("record"), QStringLiteral("the subcommand"));
    parser.addPositionalArgument(QStringLiteral("MODEL"), QStringLiteral("the model file"));
    const QCommandLineOption outputOption(
        {QStringLiteral("o"), QStringLiteral("output")},
        QStringLiteral("Directory for day-NNN.png and rollout.ogv (created; must hold no frames)."),
        QStringLiteral("DIR"));
    const QCommandLineOption fromOption(
        QStringLiteral("from"), QStringLiteral("First day, YYYY-MM-DD (default: 19 days before the end)."),
        QStringLiteral("DATE"));
    const QCommandLineOption toOption(QStringLiteral("to"),
                                      QStringLiteral("Last day, YYYY-MM-DD (default: the schedule's end)."),
                                      QStringLiteral("DATE"));
    const QCommandLineOption cameraOption(
        QStringLiteral("camera"),
        QStringLiteral(
            "The camera path: presets passed through in order, comma separated: overview (default), "
            "hall:N, aisle:ROW, rack:NAME; e.g. overview,hall:1,hall:4."),
        QStringLiteral("PRESETS"), QStringLiteral("overview"));
    const QCommandLineOption framesPerDayOption(
        QStringLiteral("frames-per-day"),
        QStringLiteral("Frames per day, 1 to 24 (default 1): more make a smoother video, each at the end "
                       "of its part of the day (day-NNN-KK.png)."),
        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        QStringLiteral("Frame size, default 1280x720."),
                                        QStringLiteral("WxH"), QStringLiteral("1280x720"));
    const QCommandLineOption orbitOption(
        QStringLiteral("orbit"), QStringLiteral("Degrees the camera turns over the recording, default 30."),
        QStringLiteral("DEG"), QStringLiteral("30"));
    const QCommandLineOption fpsOption(QStringLiteral("fps"),
                                       QStringLiteral("Video frames per second, default 4."),
                                       QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption noVideoOption(QStringLiteral("no-video"), QStringLiteral("PNG frames only."));
    const QCommandLineOption tourOption(
        QStringLiteral("tour"),
        QStringLiteral(
            "Record the model's tour NAME (see `tours`) instead of the roll-out: a frame per stop (per day "
            "of a stop's timeline span) in its view with its caption, stop-NN-KKK.png and tour.ogv."),
        QStringLiteral("NAME"));
    parser.addOptions({outputOption, fromOption, toOption, cameraOption, framesPerDayOption, sizeOption,
                       orbitOption, fpsOption, noVideoOption, tourOption});
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
    RecordingPlan plan;
    const std::optional<QSize> size = parseImageSize(parser.value(sizeOption));
    bool fpsOk = false, perDayOk = false;
    const std::optional<double> orbit = parseBoundedNumber(parser.value(orbitOption), -3600.0, 3600.0);
    const bool orbitOk = orbit.has_value();
    plan.orbitDegrees = orbit.value_or(0.0);
    const int fps = parser.value(fpsOption).toInt(&fpsOk);
    plan.framesPerDay = parser.value(framesPerDayOption).toInt(&perDayOk);
    if (!size || !orbitOk || !fpsOk || fps < 1 || fps > 60 || !perDayOk || plan.framesPerDay < 1 ||
        plan.framesPerDay > kMostFramesPerDay)
        return fail(
            ExitCode::Usage,
            QStringLiteral(
                "record: invalid --size, --orbit (-3600 to 3600), --fps (1 to 60) or --frames-per-day "
                "(1 to 24)"));
    plan.size = *size;
    std::optional<datamodel::TimePoint> from, to;
    for (const auto& [option, target] : {std::pair{&fromOption, &from}, std::pair{&toOption, &to}})
        if (parser.isSet(*option)) {
            const QString text = parser.value(*option);
            *target = parseCalendarDay(text);
            if (!*target)
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
    if (parser.isSet(tourOption)) {
        for (const QCommandLineOption* other :
             {&fromOption, &toOption, &cameraOption, &framesPerDayOption, &orbitOption})
            if (parser.isSet(*other))
                return fail(ExitCode::Usage,
                            QStringLiteral("record: --%1 does not go with --tour (the tour's stops say where "
                                           "the camera is and which days are shown)")
                                .arg(other->names().front()));
        return recordTourInto(positional.first(), facility, parser.value(tourOption),
                              QDir(parser.value(outputOption)), plan.size, fps, !parser.isSet(noVideoOption));
    }
    if (facility->scheduleEnd() == datamodel::kNoTime)
        return fail(ExitCode::BadInput,
                    QStringLiteral("%1: the model has no schedule to record").arg(positional.first()));
    plan.lastDay = datamodel::startOfDay(to.value_or(facility->scheduleEnd()));
    plan.firstDay = datamodel::startOfDay(from.value_or(plan.lastDay - 19 * datamodel::kSecondsPerDay));
    if (plan.firstDay > plan.lastDay)
        return fail(ExitCode::BadInput, QStringLiteral("record: --from is after --to"));
    for (const QString& preset : parser.value(cameraOption).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto pose = scene::cameraPreset(*facility, preset.trimmed());
        if (!pose)
            return fail(
                ExitCode::BadInput,
                QStringLiteral("%1: no camera '%2' in this model").arg(positional.first(), preset.trimmed()));
        plan.path.push_back(*pose);
    }
    if (plan.path.empty())
        return fail(ExitCode::Usage, QStringLiteral("record: --camera names no preset"));
    RecordingOutput output(QDir(parser.value(outputOption)), QStringLiteral("day-*.png"),
                           QStringLiteral("rollout.ogv"));
    if (const auto refused = output.refusal())
        return *refused;
    if (!parser.isSet(noVideoOption))
        output.openVideo(plan.size, fps);
    const std::size_t frames = framesOf(plan).size();
    recordRollOut(facility, plan, [&](const RecordingFrame& frame, const QImage& image) {
        return output.take(image, frameName(plan, frame),
                           std::size_t(frame.day * plan.framesPerDay + frame.slice + 1), frames);
    });
    return output.finish();
}

} // namespace twin::app
