// Keeps a tour's flights at 30 frames/s or better on whatever renders them: the share of the pixels a
// flight renders (ViewWidget::setRenderScale) follows the time between the frames shown, a tenth at a
// time, down when frames come slower than 31 ms, up when faster than 22 ms, within 0.35 to 0.8. It
// is remembered from one flight to the next; every landed frame is whole whatever it says.
#pragma once

namespace twin::app {

class FlightScale {
public:
    static constexpr double kLowest = 0.35, kHighest = 0.8, kStart = 0.6;
    static constexpr double kSlowMs = 31.0, kFastMs = 22.0;
    static constexpr int kFramesPerStep = 6; // frames seen before the scale moves again

    double scale() const { return scale_; }
    // A flight begins: intervals from before it (a dwell, a landing) do not count.
    void startFlight() {
        averageMs_ = 0.0;
        framesSinceStep_ = 0;
    }
    // A frame of the flight was shown `intervalMs` after the one before; the scale for the next ones.
    double frameShown(double intervalMs) {
        averageMs_ = averageMs_ <= 0.0 ? intervalMs : 0.7 * averageMs_ + 0.3 * intervalMs;
        if (++framesSinceStep_ < kFramesPerStep)
            return scale_;
        const double before = scale_;
        if (averageMs_ > kSlowMs)
            scale_ = scale_ - 0.1 < kLowest ? kLowest : scale_ - 0.1;
        else if (averageMs_ < kFastMs)
            scale_ = scale_ + 0.1 > kHighest ? kHighest : scale_ + 0.1;
        if (scale_ != before)
            framesSinceStep_ = 0;
        return scale_;
    }

private:
    double scale_ = kStart;
    double averageMs_ = 0.0;
    int framesSinceStep_ = 0;
};

} // namespace twin::app
