#include "ui/api_text.h"

#include "core/script_support.h"
#include "ui/kit/ui_context.h"
#include "ui/kit/widgets.h"
#include "ui/words/catalog.h"

#include <imgui.h>

namespace rd::ui {
namespace {

bool& replaced_this_frame() {
    return ui_context().api_text_replaced;
}

Text placeholder(ShapingScript script) {
    const auto index = static_cast<unsigned>(script);
    const auto first = static_cast<unsigned>(Text::script_arabic);
    if (script == ShapingScript::other || first + index >= static_cast<unsigned>(Text::script_other))
        return Text::script_other;
    return static_cast<Text>(first + index);
}

} // namespace

std::string api_text(const std::string& text) {
    if (!needs_shaping(text)) return text;
    std::string shown;
    for (const TextRun& run : split_by_shaping(text))
        shown += run.script ? std::string(tr(placeholder(*run.script))) : run.text;
    replaced_this_frame() = true;
    return shown;
}

void begin_api_text_frame() {
    replaced_this_frame() = false;
}

bool shaping_notice_due() {
    return replaced_this_frame();
}

void draw_shaping_notice() {
    if (!shaping_notice_due()) return;
    ImGui::Spacing();
    hint(tr(Text::shaping_notice), "Shaping notice");
}

} // namespace rd::ui
