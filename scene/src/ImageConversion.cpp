#include "ImageConversion.h"

#include <cstring>
#include <vtkImageData.h>
#include <vtkType.h>

namespace twin::scene {

QImage toQImage(vtkImageData* image) {
    if (!image || image->GetScalarType() != VTK_UNSIGNED_CHAR)
        return {};
    const int components = image->GetNumberOfScalarComponents();
    if (components != 3 && components != 4)
        return {};
    int dimensions[3];
    image->GetDimensions(dimensions);
    const int width = dimensions[0];
    const int height = dimensions[1];
    QImage result(width, height, components == 3 ? QImage::Format_RGB888 : QImage::Format_RGBA8888);
    const auto* pixels = static_cast<const unsigned char*>(image->GetScalarPointer());
    const qsizetype rowBytes = qsizetype(width) * components;
    for (int row = 0; row < height; ++row)
        std::memcpy(result.scanLine(height - 1 - row), pixels + row * rowBytes, size_t(rowBytes));
    return result;
}

} // namespace twin::scene
