// An ApiError in the current language, worded from its kind and fields through the catalog
// (ApiError::describe() stays the English text for logs and the test hooks). Text the server sent
// (its detailMessage) is shown as it is; the core's own English explanations are translated when
// the catalog knows them, else shown as a technical detail.
#pragma once

#include "api_error.h"

#include <string>

namespace rd::ui {

std::string error_words(const ApiError& error);

} // namespace rd::ui
