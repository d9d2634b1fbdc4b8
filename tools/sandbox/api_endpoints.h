// The Partner Portal endpoints themselves: request in, envelope reply out. Transport matters (faults,
// latency, dropped connections, logging) are handled around these in sandbox_server.cpp.
#pragma once

#include "tools/sandbox/endpoint_names.h"
#include "tools/sandbox/order_validation.h"
#include "tools/sandbox/reply_envelope.h"
#include "tools/sandbox/sandbox_state.h"

#include <httplib.h>

#include <optional>
#include <string>
#include <variant>

namespace sandbox {

struct EndpointRoute {
    Endpoint endpoint;
    const char* method; // GET or POST
};

// The API endpoint a path belongs to (any method), or nullopt.
std::optional<EndpointRoute> find_endpoint(const std::string& path);

// With a required User-Agent, the reply refusing a request that carries any other (or none): 400
// invalid_user_agent, result null. Checked before faults and processing: nothing of the request is done.
std::optional<ApiReply> refuse_user_agent(const httplib::Request& request, const SandboxState& state);

// Answers one API request. `order_status` is the orderStatus a committed save gets ("succeed" normally).
ApiReply handle_endpoint(Endpoint endpoint, const httplib::Request& request, SandboxState& state,
                         const std::string& order_status);

// A save request checked as handle_endpoint checks it (User-Agent, token, body), committing nothing:
// the order it would commit, or the reply refusing it.
std::variant<ValidatedOrder, ApiReply> check_save(const httplib::Request& request, const SandboxState& state);

} // namespace sandbox
