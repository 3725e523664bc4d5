// vtkImageData (bottom row first) to QImage (top row first), for snapshots and tests.
#pragma once

#include <QImage>

class vtkImageData;

namespace twin::scene {

// Accepts 8-bit RGB or RGBA images; anything else gives a null QImage.
QImage toQImage(vtkImageData* image);

} // namespace twin::scene
