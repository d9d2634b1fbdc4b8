// The UI scale: how much larger than at 100% everything is drawn, on top of the device pixel ratio,
// for people who want bigger text and targets. Steps of 25% from 100% to 200%, cycled by the header's
// "UI scale" button and remembered with the settings (desktop: "ui_scale" in settings.json; web:
// localStorage renewdesk.uiScale). The shells divide the display by it (ImGui units grow) and
// rasterise the fonts at device ratio x scale (src/app/frame.h).
#pragma once

#include <array>

namespace rd::ui {

inline constexpr std::array<int, 5> ui_scale_steps = {100, 125, 150, 175, 200}; // percent

// The nearest step to `percent`; below 100 gives 100 and above 200 gives 200 (a hand-edited file).
int clamp_ui_scale(int percent);
// The step after `percent`, back to 100 after 200.
int next_ui_scale(int percent);

} // namespace rd::ui
