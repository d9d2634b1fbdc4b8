// The catalogs' common shape, private to catalog*.cpp: each is one array of {key, text} in the
// order of `Text`, which the compiler checks.
#pragma once

#include "ui/words/catalog.h"

#include <cstddef>

namespace rd::ui {

struct CatalogEntry {
    Text key;
    const char* text;
};

constexpr std::size_t text_count = static_cast<std::size_t>(Text::count);

template <std::size_t N> constexpr bool in_text_order(const CatalogEntry (&entries)[N]) {
    if (N != text_count) return false;
    for (std::size_t i = 0; i < N; ++i)
        if (static_cast<std::size_t>(entries[i].key) != i || entries[i].text == nullptr) return false;
    return true;
}

const CatalogEntry* catalog_en(); // text_count entries
const CatalogEntry* catalog_zh();

} // namespace rd::ui
