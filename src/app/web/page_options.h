// The page's settings, passed by the page shell (web/shell.js, from config.json and localStorage) as
// program arguments:
//   --base-url URL  --sandbox  --mac  --remembered-base-url URL  --remembered-client-id ID
//   --prefers-dark
#pragma once

#include <string>

namespace rd::web {

struct PageOptions {
    std::string default_base_url; // where the API is reached (the page's origin behind the proxy)
    bool sandbox = false;         // the origin is a sandbox: the UI says "no real orders"
    bool mac = false;             // ImGui's macOS shortcuts
    bool prefers_dark = false;    // prefers-color-scheme is dark at start (changes: rd_web_system_theme)
    std::string remembered_base_url;
    std::string remembered_client_id;
};

// Unknown arguments are reported on the console and ignored.
PageOptions parse_page_options(int argc, char** argv);

} // namespace rd::web
