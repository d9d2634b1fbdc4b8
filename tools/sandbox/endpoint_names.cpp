#include "tools/sandbox/endpoint_names.h"

namespace sandbox {

const char* endpoint_name(Endpoint endpoint) {
    for (const auto& [e, name] : kEndpointNames)
        if (e == endpoint) return name;
    return "?";
}

std::optional<Endpoint> endpoint_named(const std::string& name) {
    for (const auto& [endpoint, endpoint_text] : kEndpointNames)
        if (name == endpoint_text) return endpoint;
    return std::nullopt;
}

std::string endpoint_name_list() {
    std::string out;
    for (const auto& [endpoint, name] : kEndpointNames)
        out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

} // namespace sandbox
