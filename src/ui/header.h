// The left of the top bar: who and where, in order of importance. The product name in the heading
// font; the environment as a coloured badge with words ("SANDBOX", or the Partner Portal's host, so a
// person always sees whether a Confirm spends money); the signed-in Client ID (an identifier, not a
// secret: the Client Secret and the tokens are never shown). Tracked as "Product name",
// "Environment" and "Signed-in Client ID".
//
//   draw_header_identity({.signed_in = true, .sandbox = false, .base_url = url, .client_id = id});
#pragma once

#include <string>

namespace rd::ui {

struct HeaderFacts {
    bool signed_in = false;
    bool sandbox = false;  // the Base URL in use is the known sandbox (App::Impl::sending_to_sandbox)
    std::string base_url;  // the Base URL in use
    std::string client_id; // the Client ID signed in with
};

// The badge's words: "SANDBOX" (in the current language) or the Base URL's host; empty when signed out.
std::string environment_badge_text(const HeaderFacts& facts);
// The words after the badge: "Client ID demo-client-id"; empty when signed out.
std::string client_id_text(const HeaderFacts& facts);
void draw_header_identity(const HeaderFacts& facts);

} // namespace rd::ui
