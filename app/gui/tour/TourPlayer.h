// Plays a tour in the window: the camera flies to each stop's bookmark (eased), its view and caption
// are put in place on landing (the window draws flights without 2D panels), and its timeline span
// plays a day at a time. Space pauses, the arrows go to the next or previous stop, Esc stops (the window routes
// the keys here while a tour plays). The clock is the player's own: a timer advances it in the window,
// a test advances it by hand (simulated time), and the frames follow from the moments it reaches.
#pragma once

#include "datamodel/Tours.h"
#include "scene/CameraPose.h"
#include "view/TourTimeline.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <memory>
#include <optional>

class QTimer;

namespace twin::app {

class TourPlayer : public QObject {
    Q_OBJECT
public:
    explicit TourPlayer(QObject* parent = nullptr);
    ~TourPlayer() override;

    // Plays `tour` from its first stop, the camera flying from `from`. A tour that cannot be played
    // (tourProblem) is refused: false and `problem` says why.
    bool play(const datamodel::Tour& tour, const scene::CameraPose& from, QString* problem = nullptr);
    void stop();
    void setPaused(bool paused);
    void togglePause() { setPaused(!paused_); }
    // To the start of the next (previous) stop's flight; past the last stop: the end.
    void next();
    void previous();

    bool playing() const { return timeline_ != nullptr; }
    bool paused() const { return paused_; }
    bool flying() const { return timeline_ && shown_.flying; }
    const datamodel::Tour& tour() const { return tour_; }
    double position() const { return position_; } // seconds into the tour
    std::size_t currentStop() const { return shown_.stop; }
    QString caption() const;

    // The clock: the timer's ticks call it with the time since the last; tests call it by hand.
    void advance(double seconds);
    // Off: no timer ticks, only advance() (tests).
    void setTimerDriven(bool driven) { timerDriven_ = driven; }
    // The view showed a frame: the clock moves on right after it (timer-driven only).
    void frameShown();

signals:
    // The flight to stop `stop` begins (its caption goes in place, shown on landing).
    void stopStarted(int stop, const QString& caption);
    // The camera along the flight, every tick of it.
    void cameraAt(const twin::scene::CameraPose& pose);
    // Landed at stop `stop`: its bookmark's view goes in place.
    void arrived(int stop);
    // The span's day to show (a day of the schedule, its midnight UTC).
    void dayShown(qint64 day);
    void pausedChanged(bool paused);
    // Played to its end, or stopped.
    void finished();

private:
    void tick(); // the clock moved on by the time since the last tick
    void seek(double seconds);
    void show(const TourMoment& moment);
    scene::CameraPose poseOf(std::size_t stop) const;

    datamodel::Tour tour_;
    std::unique_ptr<TourTimeline> timeline_;
    scene::CameraPose from_;        // where the camera was when the tour began
    scene::CameraPose flightStart_; // where the current flight began
    double position_ = 0.0;
    TourMoment shown_;
    bool started_ = false, landed_ = false, paused_ = false, timerDriven_ = true;
    datamodel::TimePoint dayShown_ = datamodel::kNoTime;
    QTimer* ticks_ = nullptr;
    QElapsedTimer sinceTick_;
};

} // namespace twin::app
