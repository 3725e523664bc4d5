// The 8-corner unit box: every triangle must end on a corner whose normal is that triangle's own
// outward face normal (OpenGL takes a flat varying from the last vertex), and be wound outwards.
#include "FlatShadedBox.h"

#include <QtTest>
#include <array>
#include <set>
#include <vtkCellArray.h>
#include <vtkDataArray.h>
#include <vtkIdList.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>

namespace {

using Vec = std::array<double, 3>;

Vec minus(const Vec& a, const Vec& b) {
    return {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
}

Vec cross(const Vec& a, const Vec& b) {
    return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}

double dot(const Vec& a, const Vec& b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

} // namespace

class FlatShadedBoxTest : public QObject {
    Q_OBJECT
private slots:
    void eightCornersTwelveTrianglesCoveringSixFaces() {
        const auto box = twin::scene::makeFlatShadedUnitBox();
        QCOMPARE(box->GetNumberOfPoints(), vtkIdType(8));
        QCOMPARE(box->GetNumberOfPolys(), vtkIdType(12));
        double bounds[6];
        box->GetBounds(bounds);
        for (int i = 0; i < 6; ++i)
            QCOMPARE(bounds[i], i % 2 ? 0.5 : -0.5);
        QVERIFY(box->GetPointData()->GetNormals() != nullptr);
    }

    void eachTriangleEndsOnACornerCarryingItsOutwardNormal() {
        const auto box = twin::scene::makeFlatShadedUnitBox();
        vtkDataArray* normals = box->GetPointData()->GetNormals();
        std::set<std::array<int, 3>> facesSeen;
        vtkNew<vtkIdList> corners;
        box->GetPolys()->InitTraversal();
        int triangles = 0;
        while (box->GetPolys()->GetNextCell(corners)) {
            QCOMPARE(corners->GetNumberOfIds(), vtkIdType(3));
            std::array<Vec, 3> at;
            for (int i = 0; i < 3; ++i)
                box->GetPoints()->GetPoint(corners->GetId(i), at[std::size_t(i)].data());
            const Vec geometric = cross(minus(at[1], at[0]), minus(at[2], at[0]));
            const Vec centre{(at[0][0] + at[1][0] + at[2][0]) / 3, (at[0][1] + at[1][1] + at[2][1]) / 3,
                             (at[0][2] + at[1][2] + at[2][2]) / 3};
            QVERIFY2(dot(geometric, centre) > 0.0, "triangle wound inwards: back-face culling would drop it");
            Vec provoking;
            normals->GetTuple(corners->GetId(2), provoking.data());
            const double length = std::sqrt(dot(geometric, geometric));
            QVERIFY2(
                dot(geometric, provoking) > 0.999 * length,
                qPrintable(
                    QStringLiteral("triangle %1: last corner's normal is not its face's").arg(triangles)));
            facesSeen.insert({int(std::lround(provoking[0])), int(std::lround(provoking[1])),
                              int(std::lround(provoking[2]))});
            ++triangles;
        }
        QCOMPARE(triangles, 12);
        QCOMPARE(facesSeen.size(), std::size_t(6));
    }
};

QTEST_APPLESS_MAIN(FlatShadedBoxTest)
#include "tst_flat_shaded_box.moc"
