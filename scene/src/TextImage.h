// Text drawn into an RGB image on the CPU (VTK's FreeType renderer, blended by coverage): the 2D
// overlays (legend, date stamp) are each one image and one actor, which costs no extra render pass.
#pragma once

#include <QString>
#include <vtkSmartPointer.h>

class vtkImageData;
class vtkTextProperty;

namespace twin::scene {

struct RenderedText {
    vtkSmartPointer<vtkImageData> coverage; // RGBA; empty when nothing could be rendered
    int width = 0, height = 0;
};

RenderedText renderText(vtkTextProperty* font, const QString& text);
// Blends `text` into `target` (3 components) with its lower-left corner at (x, y), clipped.
void blendText(vtkImageData* target, const RenderedText& text, int x, int y);
// Fills a rectangle [x0, x1) x [y0, y1) of `target`, clipped.
void fillRect(vtkImageData* target, int x0, int y0, int x1, int y1, const unsigned char colour[3]);

} // namespace twin::scene
