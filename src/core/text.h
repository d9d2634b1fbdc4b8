// Small text helpers shared by the decoders and the screens.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>

namespace rd {

// ASCII lower case (names, search text, HTML tags); other bytes, UTF-8 included, pass unchanged.
inline std::string ascii_lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

} // namespace rd
