// A recording's frames and how their date stamps read: a frame a day names the day; several a day
// name the time each slice ends, the last one as the next day's 00:00 (not "24:00", which a manager
// reads as a typo).
#include "cli/RollOutRecorder.h"
#include "datamodel/Time.h"

#include <QTest>

using namespace twin::app;
using namespace twin::datamodel;

class RollOutFramesTest : public QObject {
    Q_OBJECT
private slots:
    void aFrameADayNamesTheDay() {
        RecordingPlan plan;
        plan.firstDay = *parseTime("2024-07-14");
        plan.lastDay = *parseTime("2024-07-15");
        const std::vector<RecordingFrame> frames = framesOf(plan);
        QCOMPARE(frames.size(), std::size_t(2));
        QCOMPARE(frameStampLabel(frames[1], 1), QStringLiteral("2024-07-15"));
        QCOMPARE(frames[1].shownAt, *parseTime("2024-07-15 23:59:59"));
    }

    void severalADayNameWhereEachSliceEnds() {
        RecordingPlan plan;
        plan.firstDay = plan.lastDay = *parseTime("2024-07-15");
        plan.framesPerDay = 4;
        const std::vector<RecordingFrame> frames = framesOf(plan);
        QCOMPARE(frames.size(), std::size_t(4));
        QStringList labels;
        for (const RecordingFrame& frame : frames)
            labels << frameStampLabel(frame, plan.framesPerDay);
        QCOMPARE(labels,
                 (QStringList{QStringLiteral("2024-07-15 06:00"), QStringLiteral("2024-07-15 12:00"),
                              QStringLiteral("2024-07-15 18:00"), QStringLiteral("2024-07-16 00:00")}));
        for (const QString& label : labels)
            QVERIFY(!label.contains(QStringLiteral("24:00")));
    }
};

QTEST_GUILESS_MAIN(RollOutFramesTest)
#include "tst_rollout_frames.moc"
