// Scenes with known pixels for the rendering tests: a flat-coloured cube filling the middle of the
// view on a flat background, unlit so that the colours come back exactly.
#pragma once

#include <QColor>
#include <QImage>

class vtkRenderer;

namespace twin::scene::testing {

// Cube of edge 1 at the origin, camera looking at it head-on so it covers the centre but not the corners.
void addFlatCube(vtkRenderer* renderer, const QColor& cube, const QColor& background);

// True when `actual` is within `tolerance` of `expected` in each channel.
bool closeTo(const QColor& actual, const QColor& expected, int tolerance = 8);

// Distinct colours sampled on a grid, to tell a picture from a flat fill.
int distinctColours(const QImage& image, int step = 4);

} // namespace twin::scene::testing
