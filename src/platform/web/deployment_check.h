// The page checks its own deployment: from the browser's Resource Timing entries of the page's API
// requests (web/shell.js collects them), whether the server between the browser and the API keeps
// connections open or speaks HTTP/2+ toward the browser. Thin call, no policy: the UI decides what
// to say (src/ui/review_screen.cpp).
#pragma once

#include "core/deployment_facts.h"

#include <string>

namespace rd::web {

// The facts for the API requests the page sent to base_url's origin so far.
DeploymentFacts deployment_facts(const std::string& base_url);

} // namespace rd::web
