// The left of the top bar: who and where, in order of importance. The product name in the heading
// font; the environment as a coloured badge with words ("SANDBOX", or the Partner Portal's host, so a
// person always sees whether a Confirm spends money); the signed-in Client ID (an identifier, not a
// secret: the Client Secret and the tokens are never shown). Tracked as "Product name",
// "Environment" and "Signed-in Client ID". After the name, the version as a small button ("Version")
// that shows or hides the About line below the top bar: the build (version, commit, build type) and
// the licences: a "Licences" button where the platform can open THIRD-PARTY-NOTICES (the page: the
// file beside index.html), else the installed file's path with "Copy path" (the desktop app).
//
//   draw_header_identity({.signed_in = true, .sandbox = false, .base_url = url, .client_id = id});
#pragma once

#include "ui/actions.h"

#include <string>

namespace rd::ui {

struct HeaderFacts {
    bool signed_in = false;
    bool sandbox = false;  // the Base URL in use is the known sandbox (App::Impl::sending_to_sandbox)
    std::string base_url;  // the Base URL in use
    std::string client_id; // the Client ID signed in with
    std::string version;   // "1.0.0": the version button's words (empty: no button)
};

struct AboutFacts {
    std::string version, commit, build_type; // rd::build_info
    bool can_open_licences = false;          // the platform opens THIRD-PARTY-NOTICES (the page)
    std::string licences_file;               // else: where it is installed ("" when it is not)
};

// The badge's words: "SANDBOX" (in the current language) or the Base URL's host; empty when signed out.
std::string environment_badge_text(const HeaderFacts& facts);
// The words after the badge: "Client ID demo-client-id"; empty when signed out.
std::string client_id_text(const HeaderFacts& facts);
void draw_header_identity(const HeaderFacts& facts);
// Below the top bar while the version button is on: tracked "About", "Licences" or "Copy path".
// Licences gives ActionKind::open_licences, Copy path a copy_text of the file's path.
void draw_header_about(const AboutFacts& about, Actions& actions);

} // namespace rd::ui
