// "Intel Xeon ..., 2 cores, 23.4 GiB" plus the OpenGL renderer when known: every number in README
// is quoted with the machine it ran on.
#pragma once

#include <QString>

namespace twin::bench {

QString describeMachine(const QString& openGLRenderer = {});

} // namespace twin::bench
