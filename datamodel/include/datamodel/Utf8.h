// UTF-8 as the model, the schedule files and the exposition text must carry it: well formed, no
// overlong forms, no surrogates, nothing above U+10FFFF.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace twin::datamodel {

// The length (1-4) of the well-formed UTF-8 sequence starting at text[at], and its code point; 0
// when the bytes there are not one (a stray continuation byte, a cut or overlong sequence).
std::size_t utf8SequenceAt(std::string_view text, std::size_t at, std::uint32_t* codePoint = nullptr);
bool isValidUtf8(std::string_view text);

} // namespace twin::datamodel
