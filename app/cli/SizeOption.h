// Option values the subcommands share: image sizes (--size 1280x800), calendar days (--date 2024-07-10)
// and bounded numbers (--seconds, --orbit).
#pragma once

#include <QSize>
#include <QString>
#include <cstdint>
#include <optional>

namespace twin::app {

inline constexpr int kMinImageSide = 16;
inline constexpr int kMaxImageSide = 8192;

// A size within [kMinImageSide, kMaxImageSide] on both sides, or nothing.
std::optional<QSize> parseImageSize(const QString& text);

// A finite number within [lowest, highest], or nothing: "nan", "inf" and "1e999" are refused (NaN passes
// every "< lowest" test, so a plain range check lets it through).
std::optional<double> parseBoundedNumber(const QString& text, double lowest, double highest);

// A real calendar day written YYYY-MM-DD (no time of day): its midnight UTC, or nothing.
std::optional<std::int64_t> parseCalendarDay(const QString& text);

} // namespace twin::app
