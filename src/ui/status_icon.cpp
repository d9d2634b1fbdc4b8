#include "ui/status_icon.h"

#include "core/text.h"

#include <imgui.h>

#include <cmath>

namespace rd::ui {

StatusIcon icon_for_order_status(const std::string& order_status) {
    const std::string status = ascii_lowercase(order_status);
    if (status == "succeed") return StatusIcon::placed;
    if (status == "failed" || status == "invalid" || status == "cancelled") return StatusIcon::failed;
    if (status == "refunded") return StatusIcon::neutral;
    return StatusIcon::pending; // pending, not reported, or a status this build does not know
}

void status_icon(StatusIcon icon, Tone tone, float size) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(size, size));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 colour = ImGui::GetColorU32(tone_colour(tone));
    const float r = size * 0.42f;
    const ImVec2 c(at.x + size * 0.5f, at.y + size * 0.5f);
    const float line = std::max(1.5f, size * 0.11f);
    const auto p = [&](float x, float y) { return ImVec2(c.x + x * r, c.y + y * r); };
    draw->AddCircle(c, r, colour, 0, line);
    switch (icon) {
    case StatusIcon::placed: { // a tick
        const ImVec2 tick[] = {p(-0.5f, 0.0f), p(-0.12f, 0.4f), p(0.55f, -0.38f)};
        draw->AddPolyline(tick, 3, colour, ImDrawFlags_None, line);
        break;
    }
    case StatusIcon::pending: // a clock's hands
        draw->AddLine(c, p(0.0f, -0.6f), colour, line);
        draw->AddLine(c, p(0.45f, 0.0f), colour, line);
        break;
    case StatusIcon::failed: // a cross
        draw->AddLine(p(-0.42f, -0.42f), p(0.42f, 0.42f), colour, line);
        draw->AddLine(p(-0.42f, 0.42f), p(0.42f, -0.42f), colour, line);
        break;
    case StatusIcon::unknown: { // a question mark: an arc, a stem, a dot
        draw->PathArcTo(p(0.0f, -0.22f), r * 0.32f, 3.6f, 6.9f);
        draw->PathLineTo(p(0.0f, 0.22f));
        draw->PathStroke(colour, ImDrawFlags_None, line);
        draw->AddCircleFilled(p(0.0f, 0.52f), line * 0.8f, colour);
        break;
    }
    case StatusIcon::neutral: // a dot
        draw->AddCircleFilled(c, r * 0.3f, colour);
        break;
    }
}

} // namespace rd::ui
