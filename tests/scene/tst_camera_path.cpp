// The recording's camera path: at the keys exactly, still at each key (eased), between them on the
// segment; one key stands still; a turn about the focal point keeps the distance and the focal point.
#include "scene/CameraPath.h"
#include "scene/CameraPose.h"

#include <QTest>
#include <cmath>
#include <vector>

using twin::scene::CameraPose;
using twin::scene::cameraPoseFromText;
using twin::scene::cameraPoseText;
using twin::scene::poseAlongPath;
using twin::scene::turnedAboutFocalPoint;

namespace {

CameraPose pose(double x, double y, double z, double fx, double fy, double fz) {
    CameraPose p;
    p.position = {x, y, z};
    p.focalPoint = {fx, fy, fz};
    return p;
}

double distance(const std::array<double, 3>& a, const std::array<double, 3>& b) {
    return std::hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

} // namespace

class CameraPathTest : public QObject {
    Q_OBJECT
private slots:
    // A punch item's pin keeps the camera as text: back to the same pose (to the millimetre), and text
    // that is no pose (hand-written, cut short, NaN, looking nowhere) is none.
    void aPoseAsTextComesBack() {
        const CameraPose pose{{12.3456, -7.5, 40.0}, {1.0, 2.0, 0.5}, {0.0, 0.0, 1.0}};
        const std::optional<CameraPose> back = cameraPoseFromText(cameraPoseText(pose));
        QVERIFY(back);
        for (int axis = 0; axis < 3; ++axis) {
            QVERIFY(std::abs(back->position[axis] - pose.position[axis]) < 0.001);
            QVERIFY(std::abs(back->focalPoint[axis] - pose.focalPoint[axis]) < 0.001);
            QVERIFY(std::abs(back->viewUp[axis] - pose.viewUp[axis]) < 0.001);
        }
        for (const char* bad : {"", "near the CDU", "camera 1,2,3 4,5,6", "camera 1,2,3 4,5,6 0,0,1 extra",
                                "camera nan,2,3 4,5,6 0,0,1", "camera 1,2,3 1,2,3 0,0,1"})
            QVERIFY2(!cameraPoseFromText(bad), bad);
    }

    void passesThroughEachKeyAndEasesThere() {
        const std::vector<CameraPose> keys{pose(0, 0, 100, 0, 0, 0), pose(100, 0, 50, 50, 0, 0),
                                           pose(100, 100, 20, 100, 80, 0)};
        QCOMPARE(poseAlongPath(keys, 0.0), keys[0]);
        QCOMPARE(poseAlongPath(keys, 0.5), keys[1]);
        QCOMPARE(poseAlongPath(keys, 1.0), keys[2]);
        QCOMPARE(poseAlongPath(keys, 1.7), keys[2]); // clamped
        // Halfway along a segment: halfway between its keys (smoothstep is symmetric).
        const CameraPose middle = poseAlongPath(keys, 0.25);
        QCOMPARE(middle.position[0], 50.0);
        QCOMPARE(middle.position[2], 75.0);
        QCOMPARE(middle.focalPoint[0], 25.0);
        // Eased: a small step from a key moves far less than proportionally.
        const double nearKey = distance(poseAlongPath(keys, 0.01).position, keys[0].position);
        const double proportional = 0.02 * distance(keys[1].position, keys[0].position);
        QVERIFY2(nearKey < proportional / 5, qPrintable(QString::number(nearKey)));
        // Never beyond the segment's keys.
        for (double t = 0.0; t <= 0.5; t += 0.01)
            QVERIFY(poseAlongPath(keys, t).position[0] >= 0.0 && poseAlongPath(keys, t).position[0] <= 100.0);
    }

    void oneKeyStandsStill() {
        const std::vector<CameraPose> keys{pose(1, 2, 3, 4, 5, 6)};
        QCOMPARE(poseAlongPath(keys, 0.3), keys[0]);
        QCOMPARE(poseAlongPath(std::vector<CameraPose>{}, 0.3), CameraPose{});
    }

    void turnsAboutTheFocalPoint() {
        const CameraPose start = pose(110, 0, 30, 100, 0, 0);
        const CameraPose quarter = turnedAboutFocalPoint(start, 90.0);
        QCOMPARE(quarter.focalPoint, start.focalPoint);
        QVERIFY(std::abs(quarter.position[0] - 100.0) < 1e-9);
        QVERIFY(std::abs(quarter.position[1] - 10.0) < 1e-9);
        QCOMPARE(quarter.position[2], 30.0);
        QVERIFY(std::abs(distance(quarter.position, quarter.focalPoint) -
                         distance(start.position, start.focalPoint)) < 1e-9);
    }
};

QTEST_GUILESS_MAIN(CameraPathTest)
#include "tst_camera_path.moc"
