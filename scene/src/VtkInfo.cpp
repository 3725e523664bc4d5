#include "scene/VtkInfo.h"

#include <vtkVersion.h>

namespace twin::scene {

QString vtkVersion() {
    return QString::fromLatin1(vtkVersion::GetVTKVersion());
}

} // namespace twin::scene
