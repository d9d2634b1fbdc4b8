// Access and refresh tokens the sandbox issued, with their expiry. Tokens are opaque JWT-looking strings.
// A refresh rotates: the refresh token used dies and a new pair is issued (the old access token keeps its
// own expiry). Thread-safe.
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace sandbox {

class TokenStore {
  public:
    struct Issued {
        std::string access_token;
        std::string refresh_token;
        int lifetime_s = 0;
    };
    enum class Check { valid, unknown, expired };

    static constexpr int kRefreshLifetimeS = 15 * 24 * 3600; // 15 days, as documented

    Issued issue(const std::string& client_id, int access_lifetime_s);
    // nullopt when the refresh token is unknown, already used, or expired.
    std::optional<Issued> refresh(const std::string& refresh_token, int access_lifetime_s);
    Check check_access(const std::string& access_token) const;
    // Every access token issued so far expires now; refresh tokens stay valid.
    void expire_all_access_tokens();

  private:
    using Clock = std::chrono::steady_clock;
    Issued issue_locked(const std::string& client_id, int access_lifetime_s);

    mutable std::mutex mutex_;
    std::unordered_map<std::string, Clock::time_point> access_expiry_;
    struct RefreshEntry {
        std::string client_id;
        Clock::time_point expiry;
    };
    std::unordered_map<std::string, RefreshEntry> refresh_;
};

} // namespace sandbox
