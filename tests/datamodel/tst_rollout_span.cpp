// The S-curve's span: the days it rises, whatever one late date does.
#include "datamodel/ProgressReport.h"

#include <QTest>

using namespace twin::datamodel;

namespace {
constexpr TimePoint kDay = kSecondsPerDay;
constexpr TimePoint kFirst = 1719792000; // 2024-07-01

// A curve as installedCurve draws it: points where it bends, from day `first` to day `last`.
// `rise`: (day, planned, actual) steps, in day order.
std::vector<CurvePoint> curveOf(int last, std::initializer_list<std::array<std::size_t, 3>> rise) {
    std::vector<CurvePoint> curve{{kFirst, 0, 0}};
    for (const auto& [day, planned, actual] : rise) {
        curve.push_back({kFirst + TimePoint(day - 1) * kDay, curve.back().planned, curve.back().actual});
        curve.push_back({kFirst + TimePoint(day) * kDay, planned, actual});
    }
    curve.push_back({kFirst + TimePoint(last) * kDay, curve.back().planned, curve.back().actual});
    return curve;
}
} // namespace

class RollOutSpanTest : public QObject {
    Q_OBJECT
private slots:
    void spansTheRiseWithLeadIn() {
        // 100 days of schedule, GPUs planned and in from day 10 to day 28.
        const auto curve = curveOf(100, {{10, 100, 90}, {20, 500, 480}, {28, 1000, 1000}});
        const CurveSpan span = rollOutSpan(curve, 3);
        QCOMPARE(span.from, kFirst + 7 * kDay); // three days before the first rise
        QCOMPARE(span.to, kFirst + 28 * kDay + 3 * kDay);
        QCOMPARE(span.laterActual, std::size_t(0));
        QCOMPARE(span.lastLater, kNoTime);
    }

    void oneLateRackStaysACount() {
        // The roll-out as above, then one rack of 64 GPUs actually finished 2.7 years later.
        const auto curve =
            curveOf(1000, {{10, 100, 90}, {20, 500, 480}, {28, 6400, 6336}, {990, 6400, 6400}});
        const CurveSpan span = rollOutSpan(curve, 3);
        QCOMPARE(span.to, kFirst + 31 * kDay); // not stretched to day 990
        QCOMPARE(span.laterActual, std::size_t(64));
        QCOMPARE(span.lastLater, kFirst + 990 * kDay);
    }

    void aTailWithinReachIsKept() {
        // Planned from day 10 to day 20; 5 % of the GPUs two weeks late: part of the roll-out.
        const auto curve = curveOf(200, {{10, 1000, 500}, {20, 2000, 1900}, {34, 2000, 2000}});
        const CurveSpan span = rollOutSpan(curve, 3);
        QCOMPARE(span.to, kFirst + 37 * kDay);
        QCOMPARE(span.laterActual, std::size_t(0));
    }

    void aTailBeyondReachIsCounted() {
        // The same, the last 100 GPUs in on day 60: 40 days after a 10-day rise.
        const auto curve = curveOf(200, {{10, 1000, 500}, {20, 2000, 1900}, {60, 2000, 2000}});
        const CurveSpan span = rollOutSpan(curve, 3);
        QCOMPARE(span.to, kFirst + 23 * kDay);
        QCOMPARE(span.laterActual, std::size_t(100));
        QCOMPARE(span.lastLater, kFirst + 60 * kDay);
    }

    void anEarlyTestRackDoesNotStretchTheStart() {
        // One rack in 300 days before the plan starts (a pilot), then the plan.
        const auto curve = curveOf(500, {{10, 0, 64}, {310, 1000, 600}, {330, 2000, 2064}});
        const CurveSpan span = rollOutSpan(curve, 3);
        QCOMPARE(span.from, kFirst + 307 * kDay);
        QCOMPARE(span.to, kFirst + 333 * kDay);
    }

    void aSmallModelsOneLateRackIsCounted() {
        // 8 racks; one of them 1000 days late: an eighth of the GPUs, still an outlier in time.
        const auto curve = curveOf(1100, {{10, 256, 256}, {19, 512, 448}, {1019, 512, 512}});
        const CurveSpan span = rollOutSpan(curve, 3);
        QCOMPARE(span.to, kFirst + 22 * kDay);
        QCOMPARE(span.laterActual, std::size_t(64));
    }

    void plannedLateKeepsItsEnd() {
        // Nothing in yet; the plan itself runs to day 60.
        const auto curve = curveOf(90, {{10, 100, 0}, {60, 200, 0}});
        const CurveSpan span = rollOutSpan(curve, 3);
        QCOMPARE(span.to, kFirst + 63 * kDay);
    }

    void clampedToTheCurve() {
        const auto curve = curveOf(20, {{1, 10, 10}, {19, 20, 20}});
        const CurveSpan span = rollOutSpan(curve, 3);
        QCOMPARE(span.from, kFirst);
        QCOMPARE(span.to, kFirst + 20 * kDay);
    }

    void flatOrEmpty() {
        QCOMPARE(rollOutSpan({}, 3).from, kNoTime);
        const CurveSpan flat = rollOutSpan(curveOf(30, {}), 3);
        QCOMPARE(flat.from, kFirst);
        QCOMPARE(flat.to, kFirst + 30 * kDay);
    }
};

QTEST_APPLESS_MAIN(RollOutSpanTest)
#include "tst_rollout_span.moc"
