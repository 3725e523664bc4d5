// The model's strings (UTF-8, held as std::string_view into its columns) as QStrings for the screen.
#pragma once

#include <QString>
#include <string_view>

namespace twin::app {

inline QString utf8(std::string_view text) {
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

} // namespace twin::app
