// Where renewdesk-cli signs in, and whether it may: credentials go over plain http:// only to this
// computer (127.0.0.0/8, ::1, localhost) unless the person says --allow-insecure-http.
#pragma once

#include <optional>
#include <string>

namespace rd::cli {

inline constexpr const char* default_base_url = "https://openapi.partner.yeastar.com";

// --base-url, else the sandbox's URL, else settings.json's baseUrl, else the Partner Portal.
std::string choose_base_url(const std::optional<std::string>& option, const std::string& sandbox_url,
                            const std::string& remembered);

// The host of an http(s) URL, without brackets, port or user info; "" when there is none.
std::string url_host(const std::string& url);
bool is_loopback_host(const std::string& host);

// Why sending credentials to `url` is refused, or nullopt when it is allowed.
std::optional<std::string> credentials_refusal(const std::string& url, bool allow_insecure_http);

} // namespace rd::cli
