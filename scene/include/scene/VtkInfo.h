// The VTK version, for the About box and bug reports (app/ may not include VTK headers).
#pragma once

#include <QString>

namespace twin::scene {

QString vtkVersion();

} // namespace twin::scene
