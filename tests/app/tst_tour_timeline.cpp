// A tour as time (TourTimeline): each stop a 3 s flight then its dwell, or its span's play when that is
// longer; the moment at any second (flying and how far, the span's day, finished). And FlightScale,
// which keeps flights at 30 frames/s by the share of pixels they render.
#include "gui/tour/FlightScale.h"
#include "view/TourTimeline.h"

#include <QTest>

using twin::app::FlightScale;
using twin::app::TourTimeline;
using twin::datamodel::kNoTime;
using twin::datamodel::kSecondsPerDay;

namespace {

constexpr twin::datamodel::TimePoint kDay1 = 1719792000; // 2024-07-01

twin::datamodel::Tour threeStops() {
    twin::datamodel::Tour tour;
    tour.name = "Three";
    for (int i = 0; i < 3; ++i) {
        twin::datamodel::TourStop stop;
        stop.bookmark.id = i + 1;
        stop.dwellSeconds = 4.0;
        tour.stops.push_back(stop);
    }
    // The middle one plays 19 days at 2 a second: 9.5 s, longer than its dwell.
    tour.stops[1].span = {kDay1, kDay1 + 18 * kSecondsPerDay, 2.0};
    return tour;
}

} // namespace

class TourTimelineTest : public QObject {
    Q_OBJECT
private slots:
    void stopsFollowEachOtherWithTheirFlightsDwellsAndSpans() {
        const twin::datamodel::Tour tour = threeStops();
        const TourTimeline timeline(tour);
        QCOMPARE(TourTimeline::stepsOf(tour.stops[0]).size(), std::size_t(1));
        QCOMPARE(TourTimeline::stepsOf(tour.stops[1]).size(), std::size_t(19));
        QCOMPARE(TourTimeline::dwellOf(tour.stops[0]), 4.0);
        QCOMPARE(TourTimeline::dwellOf(tour.stops[1]), 9.5);
        QCOMPARE(timeline.startOf(1), 7.0);
        QCOMPARE(timeline.arrivalAt(1), 10.0);
        QCOMPARE(timeline.startOf(2), 19.5);
        QCOMPARE(timeline.duration(), 26.5);

        // The flight: eased, from 0 to 1, never back.
        double last = -1.0;
        for (double t = 7.0; t < 10.0; t += 0.05) {
            const auto moment = timeline.at(t);
            QCOMPARE(moment.stop, std::size_t(1));
            QVERIFY(moment.flying);
            QVERIFY(moment.flight >= last);
            last = moment.flight;
        }
        QVERIFY(timeline.at(7.0).flight < 1e-9);
        QVERIFY(timeline.at(8.5).flight > 0.49 && timeline.at(8.5).flight < 0.51);
        // The span: a day each half second from landing, the last held to the stop's end.
        QCOMPARE(timeline.at(10.0).day, kDay1);
        QCOMPARE(timeline.at(10.49).day, kDay1);
        QCOMPARE(timeline.at(10.5).day, kDay1 + kSecondsPerDay);
        QCOMPARE(timeline.at(19.4).day, kDay1 + 18 * kSecondsPerDay);
        QCOMPARE(timeline.at(19.4).step, std::size_t(18));
        // A stop without a span has none; past the end the tour is finished at its last stop.
        QCOMPARE(timeline.at(3.5).day, kNoTime);
        QVERIFY(!timeline.at(26.4).finished);
        QVERIFY(timeline.at(26.5).finished);
        QCOMPARE(timeline.at(100.0).stop, std::size_t(2));
        QVERIFY(TourTimeline(twin::datamodel::Tour{}).at(0.0).finished);
    }

    void flightsRenderFewerPixelsWhenFramesComeSlowAndMoreWhenFast() {
        FlightScale scale;
        QCOMPARE(scale.scale(), FlightScale::kStart);
        for (int i = 0; i < FlightScale::kFramesPerStep - 1; ++i)
            QCOMPARE(scale.frameShown(45.0), FlightScale::kStart); // not on one frame's say
        QVERIFY(scale.frameShown(45.0) < FlightScale::kStart);
        for (int i = 0; i < 100; ++i)
            scale.frameShown(45.0);
        QCOMPARE(scale.scale(), FlightScale::kLowest);
        scale.startFlight();
        for (int i = 0; i < 100; ++i)
            scale.frameShown(10.0);
        QCOMPARE(scale.scale(), FlightScale::kHighest);
        // Within the band it stays, wherever it is.
        FlightScale steady;
        for (int i = 0; i < 100; ++i)
            steady.frameShown(26.0);
        QCOMPARE(steady.scale(), FlightScale::kStart);
    }
};

QTEST_GUILESS_MAIN(TourTimelineTest)
#include "tst_tour_timeline.moc"
