#include "test_hooks.h"

#include "atomic_file.h"
#include "text.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

namespace rd::desktop {

void TestHooks::after_frame(const std::string& state_json,
                            const std::map<std::string, ui::WidgetRect>& widgets, unsigned frames,
                            const ScreenMapping& m) {
    using nlohmann::json;
    auto round = [](float v) { return std::round(v * 10.0f) / 10.0f; };
    json rects = json::object();
    for (const auto& [label, r] : widgets) {
        rects[label] = {{"x", round(m.origin_x + r.x * m.scale)},
                        {"y", round(m.origin_y + r.y * m.scale)},
                        {"w", round(r.w * m.scale)},
                        {"h", round(r.h * m.scale)},
                        {"visible", r.visible},
                        {"still", r.still},
                        {"clip",
                         {{"x", round(m.origin_x + r.clip_x * m.scale)},
                          {"y", round(m.origin_y + r.clip_y * m.scale)},
                          {"w", round(r.clip_w * m.scale)},
                          {"h", round(r.clip_h * m.scale)}}}};
    }
    json state = json::parse(state_json, nullptr, /*allow_exceptions=*/false);
    if (state.is_discarded()) state = nullptr; // would be dumped as "<discarded>": not JSON
    json document = {
        {"state", std::move(state)},
        {"widgets", std::move(rects)},
        {"window",
         {{"x", m.origin_x}, {"y", m.origin_y}, {"w", m.width}, {"h", m.height}, {"uiScale", m.scale}}},
    };
    std::string text = json_text(document);
    if (text == last_written_) return;
    last_written_ = std::move(text);
    document["frames"] = frames;

    std::string error;
    if (!write_file_atomically(file_, json_text(document), &error, {.sync = false}) && !reported_error_) {
        std::fprintf(stderr, "renewdesk: test hooks: %s\n", error.c_str());
        reported_error_ = true;
    }
}

} // namespace rd::desktop
