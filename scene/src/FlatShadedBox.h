// The unit box the instanced sets draw: 8 corners, not the 24 of vtkCubeSource.
//
// Flat faces need a normal per face, which is why a cube usually repeats each corner three times.
// Here each of the 12 triangles ends on a corner that belongs to its face and carries that face's
// normal: with the colour varying declared `flat`, OpenGL takes it from that last (provoking)
// vertex, so a face is lit by its own normal while the vertex shader runs 8 times per box instead of
// 24. On software OpenGL vertex shading is a third of a detailed frame.
#pragma once

#include <vtkSmartPointer.h>

class vtkPolyData;

namespace twin::scene {

// Corners at +-0.5; triangles wound counter-clockwise seen from outside; point normals set.
vtkSmartPointer<vtkPolyData> makeFlatShadedUnitBox();

} // namespace twin::scene
