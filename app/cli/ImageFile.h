// A PNG written whole or not at all: encoded in memory (so libpng never meets a full disk and has
// nothing to print), then written by datamodel::writeFileAtomically, which keeps the system's reason.
#pragma once

#include <QImage>
#include <QString>

namespace twin::app {

// Empty on success; otherwise "PATH: cannot be written: No space left on device" (and no file).
QString writePng(const QImage& image, const QString& path);

} // namespace twin::app
