#include "ui/words/order_status_words.h"

namespace rd::ui {

std::string order_status_words(const std::string& status, Language language) {
    if (status == "succeed") return tr_in(language, Text::status_succeed);
    if (status == "pending") return tr_in(language, Text::status_pending);
    if (status == "failed") return tr_in(language, Text::status_failed);
    if (status == "invalid") return tr_in(language, Text::status_invalid);
    if (status == "cancelled") return tr_in(language, Text::status_cancelled);
    if (status == "refunded") return tr_in(language, Text::status_refunded);
    if (status.empty()) return tr_in(language, Text::status_not_reported);
    return format_in(language, Text::status_other_fmt, status.c_str());
}

} // namespace rd::ui
