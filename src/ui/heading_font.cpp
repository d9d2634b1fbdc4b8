#include "ui/heading_font.h"

#include "ui/kit/ui_context.h"

#include <imgui.h>
#include <imgui_internal.h> // ImTextCharFromUtf8

#include <algorithm>

namespace rd::ui {

namespace {

ImFont*& current() {
    return ui_context().heading_font;
}

// The catalog texts screens pass to heading() or draw in the heading font. One missing here only
// means its Chinese falls back to the body font.
constexpr Text heading_texts[] = {
    Text::sign_in_heading,
    Text::users_heading,
    Text::plans_heading,
    Text::contacts_heading,
    Text::review_heading,
    Text::orders_heading,
    Text::heading_placed_and_paid,
    Text::heading_payment_pending,
    Text::heading_recorded_failed,
    Text::heading_recorded_invalid,
    Text::heading_recorded_cancelled,
    Text::heading_recorded_refunded,
    Text::heading_status_not_reported,
    Text::failed_heading,
    Text::unknown_heading,
    Text::batch_review_heading,
    Text::batch_running_heading,
    Text::batch_done_heading,
};

void add_codepoints(std::string_view text, std::vector<char32_t>& out) {
    const char* at = text.data();
    const char* end = at + text.size();
    while (at < end) {
        unsigned int c = 0;
        at += ImTextCharFromUtf8(&c, at, end);
        if (c >= 0x80) out.push_back(c); // ASCII is in the UI font already
    }
}

} // namespace

void set_heading_font(ImFont* font) {
    current() = font;
}

ImFont* heading_font_for(std::string_view text) {
    ImFont* font = current();
    if (!font) return nullptr;
    const char* at = text.data();
    const char* end = at + text.size();
    while (at < end) {
        unsigned int c = 0;
        at += ImTextCharFromUtf8(&c, at, end);
        if (c > 0xFFFF || (c >= 0x20 && !font->FindGlyphNoFallback(static_cast<ImWchar>(c)))) return nullptr;
    }
    return font;
}

std::vector<char32_t> heading_codepoints() {
    std::vector<char32_t> codepoints;
    for (Text text : heading_texts)
        for (Language language : {Language::en, Language::zh})
            add_codepoints(tr_in(language, text), codepoints);
    std::sort(codepoints.begin(), codepoints.end());
    codepoints.erase(std::unique(codepoints.begin(), codepoints.end()), codepoints.end());
    return codepoints;
}

} // namespace rd::ui
