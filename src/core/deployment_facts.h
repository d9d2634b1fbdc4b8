// What the page learned about the server between the browser and the API from its own requests
// (web: Resource Timing of its API requests; src/platform/web/deployment_check.h). Facts only: the UI
// words them. The desktop app and the CLI talk to the API through libcurl, which never re-sends a
// request by itself: they have no such facts.
#pragma once

#include <string>

namespace rd {

struct DeploymentFacts {
    enum class Reuse { unknown, no, yes };
    // The protocol toward the browser of the latest API request, as the browser names it
    // (nextHopProtocol: "http/1.1", "h2", "h3"); empty when not known (none seen, or a cross-origin API
    // that hides its timing).
    std::string protocol;
    // yes: at least one API request went over a connection an earlier request had opened; no: every API
    // request seen opened a connection of its own; unknown: none seen, or their timing is hidden.
    Reuse connections_reused = Reuse::unknown;
    int requests_seen = 0; // API requests to the Base URL in use that Resource Timing reported

    // HTTP/2 or HTTP/3 toward the browser (they multiplex requests over one kept connection).
    bool multiplexed() const { return protocol.rfind("h2", 0) == 0 || protocol.rfind("h3", 0) == 0; }
    // The browser may re-send a request, an order's POST included, by itself when a kept connection
    // closes before the reply starts: the server does not close its connections as RenewDesk's
    // configuration does.
    bool keeps_connections() const { return connections_reused == Reuse::yes || multiplexed(); }
};

inline const char* reuse_name(DeploymentFacts::Reuse reuse) {
    switch (reuse) {
    case DeploymentFacts::Reuse::yes: return "yes";
    case DeploymentFacts::Reuse::no: return "no";
    case DeploymentFacts::Reuse::unknown: return "unknown";
    }
    return "unknown";
}

} // namespace rd
