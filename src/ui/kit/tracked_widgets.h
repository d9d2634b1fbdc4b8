// The rectangles of the widgets drawn this frame, by name: what the test hooks click (App::widget_rects,
// window.renewdesk.widget(label)), and which of them has the keyboard focus.
#pragma once

#include <map>
#include <string>

namespace rd::ui {

struct WidgetRect {
    float x = 0, y = 0, w = 0, h = 0; // in ImGui display coordinates (CSS pixels on the web)
    // Where its window shows content (a scrolling region's visible part), and whether the widget lies
    // wholly inside it: a widget scrolled out of view has a rectangle but cannot be clicked; a person
    // (and a test) scrolls with the wheel over the region first.
    float clip_x = 0, clip_y = 0, clip_w = 0, clip_h = 0;
    bool visible = true;
    // Frames in a row the widget has kept this rectangle, up to 2: a screen's layout can move in its
    // second frame (a focus that scrolls, a table that fits its columns); a person (and a test) clicks
    // a widget that holds still, not where it stood for one frame.
    int still = 0;
};

struct TrackedWidgets {
    std::map<std::string, WidgetRect> rects;    // this frame's, so far
    std::map<std::string, WidgetRect> previous; // the last frame's: what `still` is counted against
    std::string focused;                        // the label of the tracked widget with keyboard focus
};

} // namespace rd::ui
