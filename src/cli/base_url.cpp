#include "cli/base_url.h"

#include "core/text.h"

#ifdef _WIN32 // the same inet_pton and address types, from Winsock (ws2_32)
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#include <netinet/in.h>
#endif

namespace rd::cli {
namespace {

bool starts_with_scheme(const std::string& lower, const char* scheme) {
    return lower.rfind(scheme, 0) == 0;
}

} // namespace

std::string choose_base_url(const std::optional<std::string>& option, const std::string& sandbox_url,
                            const std::string& remembered) {
    if (option) return *option;
    if (!sandbox_url.empty()) return sandbox_url;
    if (!remembered.empty()) return remembered;
    return default_base_url;
}

std::string url_host(const std::string& url) {
    const auto scheme_end = url.find("://");
    if (scheme_end == std::string::npos) return {};
    std::string authority = url.substr(scheme_end + 3);
    authority = authority.substr(0, authority.find_first_of("/?#"));
    if (const auto at = authority.rfind('@'); at != std::string::npos) authority = authority.substr(at + 1);
    if (!authority.empty() && authority[0] == '[') {
        const auto close = authority.find(']');
        return close == std::string::npos ? std::string() : authority.substr(1, close - 1);
    }
    return authority.substr(0, authority.find(':'));
}

bool is_loopback_host(const std::string& host) {
    std::string lower = ascii_lowercase(host);
    if (!lower.empty() && lower.back() == '.') lower.pop_back();
    if (lower == "localhost") return true;
    in_addr v4{};
    if (inet_pton(AF_INET, lower.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
    in6_addr v6{};
    if (inet_pton(AF_INET6, lower.c_str(), &v6) == 1) return IN6_IS_ADDR_LOOPBACK(&v6);
    return false;
}

std::optional<std::string> credentials_refusal(const std::string& url, bool allow_insecure_http) {
    const std::string lower = ascii_lowercase(url);
    if (starts_with_scheme(lower, "https://")) {
        if (url_host(url).empty()) return "the base URL " + url + " names no host";
        return std::nullopt;
    }
    if (!starts_with_scheme(lower, "http://"))
        return "the base URL " + url + " must start with https:// (or http:// for this computer)";
    const std::string host = url_host(url);
    if (host.empty()) return "the base URL " + url + " names no host";
    if (is_loopback_host(host) || allow_insecure_http) return std::nullopt;
    return "refusing to send the Client ID and Secret unencrypted to " + url +
           " (plain http:// to another computer); use https://, or add --allow-insecure-http if you accept "
           "that";
}

} // namespace rd::cli
