#include "app/desktop/test_hooks.h"

#include "core/json.h"
#include "core/text.h"
#include "platform/desktop/atomic_file.h"

#include <cmath>
#include <cstdio>

namespace rd::desktop {

void TestHooks::after_frame(const std::string& state_json,
                            const std::map<std::string, ui::WidgetRect>& widgets, unsigned frames,
                            const ScreenMapping& m, const InputFacts& input) {
    auto round = [](float v) { return std::round(v * 10.0f) / 10.0f; };
    Json rects = Json::object();
    std::string stills; // the widgets' `still` counts, added last: they alone make no new `since`
    for (const auto& [label, r] : widgets) {
        stills += std::to_string(r.still) + ',';
        rects[label] = {{"x", round(m.origin_x + r.x * m.scale)},
                        {"y", round(m.origin_y + r.y * m.scale)},
                        {"w", round(r.w * m.scale)},
                        {"h", round(r.h * m.scale)},
                        {"visible", r.visible},
                        {"clip",
                         {{"x", round(m.origin_x + r.clip_x * m.scale)},
                          {"y", round(m.origin_y + r.clip_y * m.scale)},
                          {"w", round(r.clip_w * m.scale)},
                          {"h", round(r.clip_h * m.scale)}}}};
    }
    Json state = Json::parse(std::string_view(state_json), nullptr, /*allow_exceptions=*/false);
    if (state.is_discarded()) state = nullptr; // would be dumped as "<discarded>": not JSON
    Json mouse = nullptr;
    if (input.mouse_inside)
        mouse = {{"x", round(m.origin_x + input.mouse_x * m.scale)},
                 {"y", round(m.origin_y + input.mouse_y * m.scale)}};
    Json document = {
        {"state", std::move(state)},
        {"widgets", std::move(rects)},
        {"window",
         {{"x", m.origin_x}, {"y", m.origin_y}, {"w", m.width}, {"h", m.height}, {"uiScale", m.scale}}},
        {"input",
         {{"keyDowns", input.key_downs},
          {"keyUps", input.key_ups},
          {"chars", input.chars},
          {"buttonDowns", input.button_downs},
          {"buttonUps", input.button_ups},
          {"moves", input.moves},
          {"wheels", input.wheels},
          {"frame", input.frame},
          {"queued", input.queued},
          {"mouse", std::move(mouse)}}},
    };
    std::string text = json_text(document);
    const bool changed = text != last_written_;
    if (!changed && stills == last_stills_ && drawn_over_) return;
    if (changed) {
        last_written_ = std::move(text);
        since_ = frames;
    }
    last_stills_ = std::move(stills);
    drawn_over_ = frames > since_; // until then the next frame is written even if it changes nothing
    for (const auto& [label, r] : widgets)
        document["widgets"][label]["still"] = r.still;
    document["frames"] = frames;
    document["since"] = since_;

    std::string error;
    if (!write_file_atomically(file_, json_text(document), &error, {.sync = false}) && !reported_error_) {
        std::fprintf(stderr, "renewdesk: test hooks: %s\n", error.c_str());
        reported_error_ = true;
    }
}

} // namespace rd::desktop
