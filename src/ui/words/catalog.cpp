#include "ui/words/catalog.h"

#include "ui/words/catalog_table.h"

#include <cctype>
#include <cstdarg>
#include <cstdio>
#include <string>

namespace rd::ui {
namespace {

std::size_t index(Text text) {
    const auto i = static_cast<std::size_t>(text);
    return i < text_count ? i : 0;
}

} // namespace

std::string vformat(const char* pattern, std::va_list args) {
    std::va_list copy;
    va_copy(copy, args);
    const int length = std::vsnprintf(nullptr, 0, pattern, copy);
    va_end(copy);
    std::string out(length > 0 ? static_cast<std::size_t>(length) : 0, '\0');
    if (length > 0) std::vsnprintf(out.data(), out.size() + 1, pattern, args);
    return out;
}

const char* tr_in(Language language, Text text) {
    return (language == Language::zh ? catalog_zh() : catalog_en())[index(text)].text;
}

const char* en(Text text) {
    return tr_in(Language::en, text);
}

std::string format_in(Language language, Text text, ...) {
    std::va_list args;
    va_start(args, text);
    std::string out = vformat(tr_in(language, text), args);
    va_end(args);
    return out;
}

const char* language_code(Language language) {
    return language == Language::zh ? "zh" : "en";
}

std::optional<Language> language_from_tag(std::string_view tag) {
    // The primary subtag: up to the first '-', '_', '.' or '@' ("zh_CN.UTF-8@x" -> "zh").
    std::string primary;
    for (char c : tag) {
        if (c == '-' || c == '_' || c == '.' || c == '@') break;
        primary += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (primary.empty() && tag.empty()) return std::nullopt;
    // Simplified, and also Traditional (zh-TW, zh-HK, zh-Hant): Simplified is the closer of the two.
    if (primary == "zh" || primary == "zho" || primary == "chi") return Language::zh;
    return Language::en; // English, "C", "POSIX" and every language without a catalog
}

std::optional<Language> language_from_locale(const char* lc_all, const char* lc_messages, const char* lang) {
    for (const char* value : {lc_all, lc_messages, lang})
        if (value && *value) return language_from_tag(value);
    return std::nullopt;
}

} // namespace rd::ui
