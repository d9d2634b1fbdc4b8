// The top bar: the product, where orders go, Orders, the UI scale, theme and language switches, Sign out
// and the About line; drawn above every screen. Like a screen it only draws and returns actions (the
// switches too: choose_language, choose_theme, next_ui_scale).
#pragma once

#include "ui/actions.h"
#include "ui/theme.h"

#include <string>

namespace rd::ui {

struct TopBarModel {
    bool signed_in = false;
    bool sandbox = false; // orders go to the known sandbox
    std::string base_url;
    std::string client_id; // shown while signed in
    bool can_open_orders = false;
    bool can_sign_out = false;
    int ui_scale = 100;         // percent, in use
    Theme theme = Theme::light; // in use
    bool can_open_licences = false;
    std::string licences_file; // the desktop: the installed notices file
};

void draw_top_bar(const TopBarModel& model, Actions& actions);

} // namespace rd::ui
