#include "ui/ui_scale.h"

#include <cstdlib>

namespace rd::ui {

int clamp_ui_scale(int percent) {
    int nearest = ui_scale_steps.front();
    for (const int step : ui_scale_steps)
        if (std::abs(step - percent) < std::abs(nearest - percent)) nearest = step;
    return nearest;
}

int next_ui_scale(int percent) {
    const int current = clamp_ui_scale(percent);
    for (const int step : ui_scale_steps)
        if (step > current) return step;
    return ui_scale_steps.front();
}

} // namespace rd::ui
