#include "tools/sandbox/token_store.h"

#include "tools/sandbox/random_text.h"

#include <nlohmann/json.hpp>

namespace sandbox {

namespace {

// Looks like the docs' sample tokens (header.payload.signature) but means nothing: clients must treat
// tokens as opaque. The random jti makes every token unique.
std::string make_token(const std::string& client_id, const char* token_type, int lifetime_s) {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const auto exp = std::chrono::duration_cast<std::chrono::seconds>(now).count() + lifetime_s;
    const nlohmann::json header = {{"alg", "HS256"}, {"typ", "JWT"}};
    const nlohmann::json payload = {{"aud", {"res1"}},  {"client_id", client_id},
                                    {"exp", exp},       {"jti", random_hex(24)},
                                    {"scope", {"all"}}, {"token_type", token_type}};
    return base64url(header.dump()) + "." + base64url(payload.dump()) + "." + base64url(random_hex(32));
}

} // namespace

TokenStore::Issued TokenStore::issue_locked(const std::string& client_id, int access_lifetime_s) {
    Issued issued{make_token(client_id, "openapi", access_lifetime_s),
                  make_token(client_id, "refresh", kRefreshLifetimeS), access_lifetime_s};
    const auto now = Clock::now();
    access_expiry_[issued.access_token] = now + std::chrono::seconds(access_lifetime_s);
    refresh_[issued.refresh_token] = {client_id, now + std::chrono::seconds(kRefreshLifetimeS)};
    return issued;
}

TokenStore::Issued TokenStore::issue(const std::string& client_id, int access_lifetime_s) {
    std::lock_guard lock(mutex_);
    return issue_locked(client_id, access_lifetime_s);
}

std::optional<TokenStore::Issued> TokenStore::refresh(const std::string& refresh_token,
                                                      int access_lifetime_s) {
    std::lock_guard lock(mutex_);
    const auto found = refresh_.find(refresh_token);
    if (found == refresh_.end()) return std::nullopt;
    const RefreshEntry entry = found->second;
    refresh_.erase(found); // rotation: a refresh token works once
    if (Clock::now() >= entry.expiry) return std::nullopt;
    return issue_locked(entry.client_id, access_lifetime_s);
}

TokenStore::Check TokenStore::check_access(const std::string& access_token) const {
    std::lock_guard lock(mutex_);
    const auto found = access_expiry_.find(access_token);
    if (found == access_expiry_.end()) return Check::unknown;
    return Clock::now() < found->second ? Check::valid : Check::expired;
}

void TokenStore::expire_all_access_tokens() {
    std::lock_guard lock(mutex_);
    const auto now = Clock::now();
    for (auto& [token, expiry] : access_expiry_)
        if (expiry > now) expiry = now;
}

} // namespace sandbox
