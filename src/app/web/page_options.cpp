#include "app/web/page_options.h"

#include <cstdio>
#include <string_view>

namespace rd::web {

PageOptions parse_page_options(int argc, char** argv) {
    PageOptions options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--sandbox") options.sandbox = true;
        else if (arg == "--mac") options.mac = true;
        else if (arg == "--prefers-dark") options.prefers_dark = true;
        else if (arg == "--base-url" && has_value) options.default_base_url = argv[++i];
        else if (arg == "--remembered-base-url" && has_value) options.remembered_base_url = argv[++i];
        else if (arg == "--remembered-client-id" && has_value) options.remembered_client_id = argv[++i];
        else std::fprintf(stderr, "renewdesk: ignoring argument %s\n", argv[i]);
    }
    return options;
}

} // namespace rd::web
