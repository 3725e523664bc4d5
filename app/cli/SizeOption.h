// Parses "WIDTHxHEIGHT" image sizes given on the command line (--size 1280x800).
#pragma once

#include <QSize>
#include <QString>
#include <optional>

namespace twin::app {

inline constexpr int kMinImageSide = 16;
inline constexpr int kMaxImageSide = 8192;

// A size within [kMinImageSide, kMaxImageSide] on both sides, or nothing.
std::optional<QSize> parseImageSize(const QString& text);

} // namespace twin::app
