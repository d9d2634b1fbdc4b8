// The core's facts in words, in a given language (the current one by default), through the catalog.
// One source for the app and the CLI: ImGui-free. Text from outside (the API's detailMessage, the
// transport's words) is shown as it came, marked as the server's words or a technical detail.
#pragma once

#include "core/api_error.h"
#include "core/renewal_flow.h"
#include "ui/words/catalog.h"

#include <string>

namespace rd::ui {

// The whole paragraph: what kind of failure, the detail, the server's words, then code, HTTP
// status, the reply's first words and the request id.
std::string error_words(const ApiError& error, Language language = current_language());

// The detail and the words from outside, without the kind's sentence and the identifiers: the CLI
// prints this after its own "what failed" and the code.
std::string error_detail_words(const ApiError& error, Language language = current_language());

// One detail in words; "" for DetailKind::none.
std::string detail_words(const ErrorDetail& detail, Language language = current_language());

// What is still to choose before the review.
const char* missing_choice_words(MissingChoice missing, Language language = current_language());

} // namespace rd::ui
