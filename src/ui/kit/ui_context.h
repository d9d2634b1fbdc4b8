// UiContext: everything the UI keeps from one frame to the next that belongs to one App (its language,
// theme, heading font, widget rectangles, accessible mirror, text capture), the way ImGuiContext holds
// ImGui's. The App owns one and makes it current whenever it is called (draw, the test hooks); the free
// functions of src/ui (tr, current_palette, track, mirror::...) read the current one. Two Apps in one
// process (tests) therefore never see each other's state.
//
//   UiContext context;                  // tests without an App: a context of their own
//   UiContextScope scope(context);      // current until the scope ends, then the previous one again
//   set_language(Language::zh);         // this context's language
#pragma once

#include "ui/kit/mirror_recorder.h"
#include "ui/kit/tracked_widgets.h"
#include "ui/text_capture.h"
#include "ui/theme.h"
#include "ui/words/catalog.h"

struct ImFont;

namespace rd::ui {

struct UiContext {
    Language language = Language::en;
    Theme theme = Theme::light;
    ImFont* heading_font = nullptr; // null: headings use the body font (headless tests)
    bool api_text_replaced = false; // this frame drew a placeholder for a script ImGui cannot shape
    TrackedWidgets tracked;
    mirror::Recorder mirror;
    TextCapture capture;
};

UiContext* current_ui_context();
void set_current_ui_context(UiContext* context); // null: none (the UI's free functions must not run)
// The current context; aborts with a message when there is none (a call from outside any App).
UiContext& ui_context();

// Makes a context current for a scope and restores the one before (tests, and the App's read-only hooks).
class UiContextScope {
  public:
    explicit UiContextScope(UiContext& context) : previous_(current_ui_context()) {
        set_current_ui_context(&context);
    }
    ~UiContextScope() { set_current_ui_context(previous_); }
    UiContextScope(const UiContextScope&) = delete;
    UiContextScope& operator=(const UiContextScope&) = delete;

  private:
    UiContext* previous_;
};

} // namespace rd::ui
