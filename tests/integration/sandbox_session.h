// SandboxSession: a real sandbox on loopback plus the real libcurl transport and the core on top,
// with helpers to pump the frame loop until something happens and to read the sandbox's order log.
#pragma once

#include "core/api_client.h"
#include "core/renewal_flow.h"
#include "platform/platform_transport.h"
#include "tools/sandbox/sandbox_server.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <thread>

namespace rd::test {

struct SandboxSession {
    explicit SandboxSession(sandbox::SandboxOptions options = {}, ApiClientOptions client_options = {})
        : server(std::move(options)), port(server.start()), transport(make_platform_transport()),
          client(*transport, clock, with_base_url(std::move(client_options), server.base_url())),
          flow(client) {}

    // Polls the transport as a frame loop would, until `done` or the deadline.
    bool pump_until(const std::function<bool()>& done, int deadline_ms = 10000) {
        auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(deadline_ms);
        while (!done()) {
            if (std::chrono::steady_clock::now() > deadline) return false;
            transport->poll();
            flow.tick(); // as the app's frame does
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        return true;
    }

    bool sign_in_and_load() {
        flow.sign_in(server.base_url(), "demo-client-id", "demo-client-secret");
        return pump_until([&] {
            return flow.stage() == Stage::choosing && flow.users().status != LookupStatus::loading &&
                   flow.plans().status != LookupStatus::loading &&
                   flow.contacts().status != LookupStatus::loading;
        });
    }

    nlohmann::json control(const std::string& method, const std::string& path,
                           const nlohmann::json& body = {}) {
        httplib::Client http("127.0.0.1", port);
        auto reply = method == "GET"
                         ? http.Get(path.c_str())
                         : http.Post(path.c_str(), body.is_null() ? "{}" : body.dump(), "application/json");
        if (!reply) throw std::runtime_error("sandbox control request failed: " + path);
        return reply->body.empty() ? nlohmann::json() : nlohmann::json::parse(reply->body);
    }

    nlohmann::json orders() { return control("GET", "/__sandbox/orders"); }
    void fault(const nlohmann::json& fault) { control("POST", "/__sandbox/faults", fault); }

    sandbox::SandboxServer server;
    int port;
    SteadyClock clock;
    std::unique_ptr<Transport> transport;
    ApiClient client;
    RenewalFlow flow;

  private:
    static ApiClientOptions with_base_url(ApiClientOptions options, std::string base_url) {
        options.base_url = std::move(base_url);
        return options;
    }
};

} // namespace rd::test
