// The table of screens: each Screen's name (the test hooks' "screen") and how the App draws it. Adding
// a screen is one row here, one Screen in navigator.h and one file of its own. Private to src/ui.
#pragma once

#include "ui/app_impl.h"
#include "ui/screens/navigator.h"

namespace rd::ui {

struct ScreenEntry {
    Screen screen;
    const char* name;
    void (*draw)(App::Impl& app);
    bool table = false; // mostly a table: the window takes table_content_max_width, not the prose column
};

const ScreenEntry& screen_entry(Screen screen);
// The top bar above every screen, drawn from the App's state.
void draw_top_bar_of(App::Impl& app);

} // namespace rd::ui
