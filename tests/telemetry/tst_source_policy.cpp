// The live source's policy (telemetry/SourcePolicy.h), every transition: which source a round asks,
// when a failure is news, when the exporters stand in for a Prometheus, and how the interval moves.
#include "telemetry/SourcePolicy.h"

#include <QTest>

using namespace twin::telemetry;

class SourcePolicyTest : public QObject {
    Q_OBJECT
private slots:
    void aRoundAsksPrometheusWhenThereIsOne() {
        QCOMPARE(firstSource(SourceState{}), LiveSource::Exporters);
        QCOMPARE(firstSource(SourceState{false, true, false}), LiveSource::Exporters);
        QCOMPARE(firstSource(SourceState{true, false, false}), LiveSource::Prometheus);
        QCOMPARE(firstSource(SourceState{true, true, true}), LiveSource::Prometheus);
    }

    void exporterRoundsReportTheirFailuresAndChangeNothing() {
        const SourceState state{false, true, false};
        const PolicyStep fine = nextStep(state, {LiveSource::Exporters, false, 500});
        QVERIFY(!fine.reportFailure && !fine.askExporters);
        QCOMPARE(fine.interval, IntervalChange::Keep);
        QVERIFY(!fine.state.prometheusHasData);
        const PolicyStep broken = nextStep(state, {LiveSource::Exporters, true, 0});
        QVERIFY(broken.reportFailure);
        QVERIFY(!broken.askExporters);
        // The exporters' answers never make a Prometheus count as having data.
        QVERIFY(!nextStep(SourceState{true, true, false}, {LiveSource::Exporters, false, 500})
                     .state.prometheusHasData);
    }

    // Our own Prometheus, started but not scraped yet: nothing mapped, so the exporters answer for it,
    // and its errors are not news.
    void aPrometheusWithoutDataIsStoodInForByTheExporters() {
        const SourceState starting{true, true, false};
        const PolicyStep empty = nextStep(starting, {LiveSource::Prometheus, false, 0});
        QVERIFY(empty.askExporters);
        QVERIFY(!empty.reportFailure);
        QCOMPARE(empty.interval, IntervalChange::Keep);
        const PolicyStep refused = nextStep(starting, {LiveSource::Prometheus, true, 0});
        QVERIFY(refused.askExporters);
        QVERIFY(!refused.reportFailure);
        // A site's Prometheus has no exporters beside it: nothing to stand in.
        const PolicyStep site = nextStep(SourceState{true, false, false}, {LiveSource::Prometheus, false, 0});
        QVERIFY(!site.askExporters);
        QVERIFY(!site.reportFailure);
    }

    void dataFromPrometheusThrottlesTheInterval() {
        const PolicyStep first =
            nextStep(SourceState{true, true, false}, {LiveSource::Prometheus, false, 1563});
        QVERIFY(first.state.prometheusHasData);
        QVERIFY(!first.askExporters && !first.reportFailure);
        QCOMPARE(first.interval, IntervalChange::Throttle);
        const PolicyStep again = nextStep(first.state, {LiveSource::Prometheus, false, 1563});
        QVERIFY(again.state.prometheusHasData);
        QCOMPARE(again.interval, IntervalChange::Throttle);
    }

    // It had answered: a failure is news, it loses its standing, the interval goes back, and (ours)
    // the exporters answer this round.
    void aPrometheusThatFailsAfterAnsweringIsReported() {
        const SourceState answering{true, true, true};
        const PolicyStep lost = nextStep(answering, {LiveSource::Prometheus, true, 0});
        QVERIFY(lost.reportFailure);
        QVERIFY(!lost.state.prometheusHasData);
        QCOMPARE(lost.interval, IntervalChange::Reset);
        QVERIFY(lost.askExporters);
        // Some answers failed, others mapped: reported, and it keeps answering.
        const PolicyStep partial = nextStep(answering, {LiveSource::Prometheus, true, 40});
        QVERIFY(partial.reportFailure);
        QVERIFY(partial.state.prometheusHasData);
        QCOMPARE(partial.interval, IntervalChange::Throttle);
        QVERIFY(!partial.askExporters);
        // A site's Prometheus that fails: reported, nobody to stand in.
        const PolicyStep site = nextStep(SourceState{true, false, true}, {LiveSource::Prometheus, true, 0});
        QVERIFY(site.reportFailure && !site.askExporters);
        // An answer with nothing in it after data (every series gone): no failure, still asked.
        const PolicyStep emptied = nextStep(answering, {LiveSource::Prometheus, false, 0});
        QVERIFY(!emptied.reportFailure && !emptied.askExporters);
        QVERIFY(emptied.state.prometheusHasData);
    }

    void aStoppedPrometheusHasNoDataUntilItAnswersAgain() {
        const SourceState stopped = afterPrometheusStopped(SourceState{true, true, true});
        QVERIFY(!stopped.prometheusHasData);
        QVERIFY(stopped.prometheus && stopped.directExporters); // refresh() asks again what exists
    }
};

QTEST_GUILESS_MAIN(SourcePolicyTest)
#include "tst_source_policy.moc"
