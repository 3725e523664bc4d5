// A short, stable name for a model file, for what the window keeps per model outside it (the
// timeline's place in the settings, Prometheus's samples in the cache): 16 hex digits of the SHA-256 of
// its canonical path, so "./m.db", "/x/../m.db" and a symbolic link to it are one model.
#pragma once

#include <QString>

namespace twin::app {

QString modelFileKey(const QString& modelPath);

} // namespace twin::app
