// Model times: the text forms SQLite and people write, real calendar dates only, exact round trips.
#include "datamodel/Time.h"

#include <QTest>

using namespace twin::datamodel;

class TimeTest : public QObject {
    Q_OBJECT
private slots:
    void parsesTheFormsWeWrite_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("epoch") << "1970-01-01" << qint64(0);
        QTest::newRow("date") << "2024-07-22" << qint64(1721606400);
        QTest::newRow("minutes") << "2024-07-22 08:30" << qint64(1721606400 + 8 * 3600 + 30 * 60);
        QTest::newRow("seconds, T") << "2024-07-22T08:30:15" << qint64(1721606400 + 8 * 3600 + 30 * 60 + 15);
        QTest::newRow("leap day") << "2024-02-29" << qint64(1709164800);
    }
    void parsesTheFormsWeWrite() {
        QFETCH(QString, text);
        QFETCH(qint64, expected);
        const auto time = parseTime(text.toStdString());
        QVERIFY(time.has_value());
        QCOMPARE(qint64(*time), expected);
    }

    void refusesWhatIsNotADate_data() {
        QTest::addColumn<QString>("text");
        for (const char* bad :
             {"2024-13-45", "2024-02-30", "2023-02-29", "2024-7-22", "22/07/2024", "2024-07-22 25:00",
              "2024-07-22 08:60", "2024-07-22 08:30:5", "2024-07-22x", "", "tomorrow"})
            QTest::newRow(bad) << QString::fromLatin1(bad);
    }
    void refusesWhatIsNotADate() {
        QFETCH(QString, text);
        QVERIFY(!parseTime(text.toStdString()).has_value());
    }

    void formatsBack() {
        const TimePoint t = timeFromCivil(2024, 3, 22, 7, 5, 9);
        QCOMPARE(QString::fromStdString(formatTime(t)), QStringLiteral("2024-03-22 07:05:09"));
        QCOMPARE(QString::fromStdString(formatDate(t)), QStringLiteral("2024-03-22"));
        QCOMPARE(*parseTime(formatTime(t)), t);
        // A day by day walk over four years round-trips exactly.
        for (TimePoint day = timeFromCivil(2023, 1, 1); day < timeFromCivil(2027, 1, 1);
             day += kSecondsPerDay)
            QCOMPARE(*parseTime(formatDate(day)), day);
    }
};

QTEST_GUILESS_MAIN(TimeTest)
#include "tst_time.moc"
