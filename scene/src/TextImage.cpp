#include "TextImage.h"

#include <algorithm>
#include <vtkImageData.h>
#include <vtkStdString.h>
#include <vtkTextProperty.h>
#include <vtkTextRenderer.h>

namespace twin::scene {

namespace {
constexpr int kTextDpi = 72; // font points are pixels
}

RenderedText renderText(vtkTextProperty* font, const QString& text) {
    RenderedText result;
    auto image = vtkSmartPointer<vtkImageData>::New();
    int size[2] = {0, 0};
    vtkTextRenderer* renderer = vtkTextRenderer::GetInstance();
    if (!renderer ||
        !renderer->RenderString(font, vtkStdString(text.toStdString()), image.Get(), size, kTextDpi))
        return result;
    // The image may be larger than the text (FreeType's buffers round up); the text sits at its origin.
    result.coverage = image;
    result.width = size[0];
    result.height = size[1];
    return result;
}

void blendText(vtkImageData* target, const RenderedText& text, int x, int y) {
    if (!text.coverage)
        return;
    int dimensions[3];
    target->GetDimensions(dimensions);
    int extent[6];
    text.coverage->GetExtent(extent);
    auto* pixels = static_cast<unsigned char*>(target->GetScalarPointer());
    for (int ty = extent[2]; ty <= std::min(extent[3], extent[2] + text.height - 1); ++ty)
        for (int tx = extent[0]; tx <= std::min(extent[1], extent[0] + text.width - 1); ++tx) {
            const int px = x + tx - extent[0], py = y + ty - extent[2];
            if (px < 0 || py < 0 || px >= dimensions[0] || py >= dimensions[1])
                continue;
            const auto* source = static_cast<unsigned char*>(text.coverage->GetScalarPointer(tx, ty, 0));
            const int alpha = source[3];
            unsigned char* pixel = pixels + 3 * (py * dimensions[0] + px);
            for (int c = 0; c < 3; ++c)
                pixel[c] = static_cast<unsigned char>((source[c] * alpha + pixel[c] * (255 - alpha)) / 255);
        }
}

void fillRect(vtkImageData* target, int x0, int y0, int x1, int y1, const unsigned char colour[3]) {
    int dimensions[3];
    target->GetDimensions(dimensions);
    auto* pixels = static_cast<unsigned char*>(target->GetScalarPointer());
    for (int y = std::max(0, y0); y < std::min(dimensions[1], y1); ++y)
        for (int x = std::max(0, x0); x < std::min(dimensions[0], x1); ++x)
            std::copy(colour, colour + 3, pixels + 3 * (y * dimensions[0] + x));
}

} // namespace twin::scene
