#include "ui/kit/ui_context.h"

#include <cstdio>
#include <cstdlib>

namespace rd::ui {
namespace {

// Which App's context the UI's free functions read, as ImGui's GImGui: a pointer, not state of its own.
UiContext* current = nullptr;

} // namespace

UiContext* current_ui_context() {
    return current;
}

void set_current_ui_context(UiContext* context) {
    current = context;
}

UiContext& ui_context() {
    if (!current) {
        std::fputs("renewdesk: a UI function ran with no UiContext current (no App drawing)\n", stderr);
        std::abort();
    }
    return *current;
}

} // namespace rd::ui
