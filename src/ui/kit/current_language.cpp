// The current App's language (its UiContext's), for the UI's free functions: tr(), format(). Words
// asked for outside any App (the desktop's start-up message about its settings) are English.
#include "ui/kit/ui_context.h"
#include "ui/words/catalog.h"

namespace rd::ui {

Language current_language() {
    const UiContext* context = current_ui_context();
    return context ? context->language : Language::en;
}

void set_language(Language next) {
    ui_context().language = next;
}

const char* tr(Text text) {
    return tr_in(current_language(), text);
}

std::string format(Text text, ...) {
    std::va_list args;
    va_start(args, text);
    std::string out = vformat(tr(text), args);
    va_end(args);
    return out;
}

} // namespace rd::ui
