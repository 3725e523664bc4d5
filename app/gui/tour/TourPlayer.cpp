#include "gui/tour/TourPlayer.h"

#include <QTimer>

namespace twin::app {

namespace {
// The clock's own beat, for when no frame is being drawn (a dwell, a pause's end); while frames are
// drawn, each one shown moves the clock on (frameShown), so a flight goes as fast as frames can.
constexpr int kTickMs = 40;
} // namespace

TourPlayer::TourPlayer(QObject* parent) : QObject(parent), ticks_(new QTimer(this)) {
    ticks_->setTimerType(Qt::PreciseTimer);
    ticks_->setInterval(kTickMs);
    connect(ticks_, &QTimer::timeout, this, &TourPlayer::tick);
}

TourPlayer::~TourPlayer() = default;

bool TourPlayer::play(const datamodel::Tour& tour, const scene::CameraPose& from, QString* problem) {
    if (const std::string why = datamodel::tourProblem(tour); !why.empty()) {
        if (problem)
            *problem = QString::fromStdString(why);
        return false;
    }
    stop();
    tour_ = tour;
    timeline_ = std::make_unique<TourTimeline>(tour_);
    from_ = from;
    paused_ = false;
    seek(0.0);
    if (timerDriven_) {
        sinceTick_.start();
        ticks_->start();
    }
    return true;
}

void TourPlayer::stop() {
    if (!timeline_)
        return;
    ticks_->stop();
    timeline_.reset();
    started_ = false;
    emit finished();
}

void TourPlayer::setPaused(bool paused) {
    if (!timeline_ || paused == paused_)
        return;
    paused_ = paused;
    if (timerDriven_) {
        if (paused)
            ticks_->stop();
        else {
            sinceTick_.start();
            ticks_->start();
        }
    }
    emit pausedChanged(paused_);
}

void TourPlayer::next() {
    if (!timeline_)
        return;
    const std::size_t following = shown_.stop + 1;
    if (following >= timeline_->stopCount()) {
        stop(); // past the last stop: the tour ends
        return;
    }
    seek(timeline_->startOf(following));
}

void TourPlayer::previous() {
    if (!timeline_)
        return;
    // Within a second of a stop's start: the one before it; else the start of this one again.
    std::size_t target = shown_.stop;
    if (position_ - timeline_->startOf(target) < 1.0 && target > 0)
        --target;
    seek(timeline_->startOf(target));
}

QString TourPlayer::caption() const {
    if (!timeline_ || tour_.stops.empty())
        return {};
    return QString::fromStdString(tour_.stops[shown_.stop].caption);
}

void TourPlayer::tick() {
    if (!timerDriven_ || !timeline_ || paused_)
        return;
    advance(double(sinceTick_.restart()) / 1000.0);
}

void TourPlayer::frameShown() {
    // After the frame's paint has returned: the next camera, and with it the next frame.
    if (timerDriven_ && timeline_ && !paused_)
        QTimer::singleShot(0, this, &TourPlayer::tick);
}

void TourPlayer::advance(double seconds) {
    if (!timeline_ || paused_)
        return;
    seek(position_ + std::max(0.0, seconds));
}

scene::CameraPose TourPlayer::poseOf(std::size_t stop) const {
    const datamodel::CameraView& c = tour_.stops[stop].bookmark.camera;
    return {c.position, c.focalPoint, c.viewUp};
}

void TourPlayer::seek(double seconds) {
    position_ = seconds;
    const TourMoment moment = timeline_->at(seconds);
    show(moment);
    if (moment.finished && timeline_)
        stop();
}

void TourPlayer::show(const TourMoment& moment) {
    // A new stop, or this one's flight again (Left, early in its dwell: "the start of this one").
    if (!started_ || moment.stop != shown_.stop || (landed_ && moment.flying)) {
        // A new stop: its flight starts where the camera is now (the last stop's bookmark, or where
        // the tour began, or wherever a jump found it).
        flightStart_ = !started_ ? from_ : landed_ ? poseOf(shown_.stop) : flightStart_;
        if (started_ && landed_ && moment.stop == shown_.stop && moment.stop > 0)
            flightStart_ = poseOf(moment.stop - 1); // flown again from where it came from
        if (started_ && !landed_ && shown_.flying) {
            // Skipped mid-flight: start from the pose reached.
            const double t = shown_.flight;
            const scene::CameraPose target = poseOf(shown_.stop);
            for (std::size_t axis = 0; axis < 3; ++axis) {
                flightStart_.position[axis] += (target.position[axis] - flightStart_.position[axis]) * t;
                flightStart_.focalPoint[axis] +=
                    (target.focalPoint[axis] - flightStart_.focalPoint[axis]) * t;
                flightStart_.viewUp[axis] += (target.viewUp[axis] - flightStart_.viewUp[axis]) * t;
            }
        }
        started_ = true;
        landed_ = false;
        dayShown_ = datamodel::kNoTime;
        shown_ = moment;
        emit stopStarted(int(moment.stop), QString::fromStdString(tour_.stops[moment.stop].caption));
    }
    shown_ = moment;
    const scene::CameraPose target = poseOf(moment.stop);
    if (moment.flying) {
        scene::CameraPose pose;
        for (std::size_t axis = 0; axis < 3; ++axis) {
            pose.position[axis] = flightStart_.position[axis] +
                                  (target.position[axis] - flightStart_.position[axis]) * moment.flight;
            pose.focalPoint[axis] = flightStart_.focalPoint[axis] +
                                    (target.focalPoint[axis] - flightStart_.focalPoint[axis]) * moment.flight;
            pose.viewUp[axis] =
                flightStart_.viewUp[axis] + (target.viewUp[axis] - flightStart_.viewUp[axis]) * moment.flight;
        }
        emit cameraAt(pose);
        return;
    }
    if (!landed_) {
        landed_ = true;
        emit cameraAt(target);
        emit arrived(int(moment.stop));
    }
    if (moment.day != datamodel::kNoTime && moment.day != dayShown_) {
        dayShown_ = moment.day;
        emit dayShown(qint64(moment.day));
    }
}

} // namespace twin::app
