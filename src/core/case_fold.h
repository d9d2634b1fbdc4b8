// Case-insensitive matching for the scripts that have case: Latin (ASCII, Latin-1, Latin
// Extended-A, Vietnamese in Latin Extended Additional, fullwidth), Greek (final sigma included) and
// Cyrillic. Every other character (Han, Kana, Hangul, digits, symbols) and every byte that is not
// valid UTF-8 passes unchanged, so those match exactly. Simple one-to-one folding only: no
// expansions (ß stays ß), which keeps byte offsets meaningless but matches predictable.
#pragma once

#include <string>
#include <string_view>

namespace rd {

std::string fold_case(std::string_view utf8);

} // namespace rd
