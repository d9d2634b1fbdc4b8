// An order status (the API's orderStatus) in words, in a given language (the current one by default).
#pragma once

#include "ui/words/catalog.h"

#include <string>

namespace rd::ui {

// "succeed" -> "Succeeded: the renewal is in effect", ...; "" -> "Not reported"; any other status is
// named as the API sent it.
std::string order_status_words(const std::string& status, Language language = current_language());

} // namespace rd::ui
