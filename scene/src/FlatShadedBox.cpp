#include "FlatShadedBox.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vtkCellArray.h>
#include <vtkFloatArray.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>

namespace twin::scene {

namespace {

// Corner i sits at (bit 0, bit 1, bit 2) of i, each bit meaning -0.5 or +0.5 on x, y, z.
double coordinate(int corner, int axis) {
    return ((corner >> axis) & 1) ? 0.5 : -0.5;
}

struct Face {
    int axis;      // 0 x, 1 y, 2 z
    int side;      // 0 the -0.5 face, 1 the +0.5 face
    int provoking; // a corner of this face, used by no other face: it carries this face's normal
};

// Six faces matched to six distinct corners that lie on them (corners 3 and 4 provoke nothing).
constexpr std::array<Face, 6> kFaces{{
    {0, 0, 0}, // -x: corner (0,0,0)
    {0, 1, 7}, // +x: corner (1,1,1)
    {1, 0, 1}, // -y: corner (1,0,0)
    {1, 1, 6}, // +y: corner (0,1,1)
    {2, 0, 2}, // -z: corner (0,1,0)
    {2, 1, 5}, // +z: corner (1,0,1)
}};

} // namespace

vtkSmartPointer<vtkPolyData> makeFlatShadedUnitBox() {
    vtkNew<vtkPoints> points;
    vtkNew<vtkFloatArray> normals;
    normals->SetName("Normals");
    normals->SetNumberOfComponents(3);
    normals->SetNumberOfTuples(8);
    for (int corner = 0; corner < 8; ++corner) {
        points->InsertNextPoint(coordinate(corner, 0), coordinate(corner, 1), coordinate(corner, 2));
        normals->SetTuple3(corner, 0.0, 0.0, 1.0); // corners 3 and 4 keep this: never provoking
    }
    vtkNew<vtkCellArray> triangles;
    for (const Face& face : kFaces) {
        std::array<float, 3> normal{0.0f, 0.0f, 0.0f};
        normal[std::size_t(face.axis)] = face.side ? 1.0f : -1.0f;
        normals->SetTypedTuple(face.provoking, normal.data());

        // The face's corners counter-clockwise about its outward normal: by angle in the face's
        // plane, measured in axes (u, v) with u x v = normal.
        const int u = (face.axis + 1) % 3, v = (face.axis + 2) % 3;
        const double handedness = face.side ? 1.0 : -1.0;
        std::array<int, 4> corners{};
        std::size_t found = 0;
        for (int corner = 0; corner < 8; ++corner)
            if (((corner >> face.axis) & 1) == face.side)
                corners[found++] = corner;
        std::sort(corners.begin(), corners.end(), [&](int a, int b) {
            return std::atan2(handedness * coordinate(a, v), coordinate(a, u)) <
                   std::atan2(handedness * coordinate(b, v), coordinate(b, u));
        });
        std::rotate(corners.begin(), std::find(corners.begin(), corners.end(), face.provoking),
                    corners.end());
        // Quad P a b c: triangles (a b P) and (b c P), both ending on P.
        const vtkIdType first[3] = {corners[1], corners[2], corners[0]};
        const vtkIdType second[3] = {corners[2], corners[3], corners[0]};
        triangles->InsertNextCell(3, first);
        triangles->InsertNextCell(3, second);
    }
    auto box = vtkSmartPointer<vtkPolyData>::New();
    box->SetPoints(points);
    box->SetPolys(triangles);
    box->GetPointData()->SetNormals(normals);
    return box;
}

} // namespace twin::scene
