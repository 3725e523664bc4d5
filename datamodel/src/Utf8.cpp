#include "datamodel/Utf8.h"

namespace twin::datamodel {

std::size_t utf8SequenceAt(std::string_view text, std::size_t at, std::uint32_t* codePoint) {
    const auto byte = static_cast<unsigned char>(text[at]);
    std::size_t length = 0;
    std::uint32_t value = 0;
    if (byte < 0x80) {
        length = 1;
        value = byte;
    } else if ((byte >> 5) == 0x6) {
        length = 2;
        value = byte & 0x1f;
    } else if ((byte >> 4) == 0xe) {
        length = 3;
        value = byte & 0x0f;
    } else if ((byte >> 3) == 0x1e) {
        length = 4;
        value = byte & 0x07;
    } else {
        return 0;
    }
    if (at + length > text.size())
        return 0;
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[at + k]);
        if ((next >> 6) != 0x2)
            return 0;
        value = (value << 6) | (next & 0x3f);
    }
    const bool overlong =
        (length == 2 && value < 0x80) || (length == 3 && value < 0x800) || (length == 4 && value < 0x10000);
    if (overlong || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff))
        return 0;
    if (codePoint)
        *codePoint = value;
    return length;
}

bool isValidUtf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) { // the common case, without the call
            ++i;
            continue;
        }
        const std::size_t length = utf8SequenceAt(text, i);
        if (length == 0)
            return false;
        i += length;
    }
    return true;
}

} // namespace twin::datamodel
