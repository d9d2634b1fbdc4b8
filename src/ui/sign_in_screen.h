// The sign-in screen: base URL, Client ID, Client Secret (masked, never stored).
#pragma once

#include "actions.h"

namespace rd::ui {

struct SignInFields {
    std::string base_url;
    std::string client_id;
    std::string client_secret; // cleared as soon as it has been handed to the flow
    bool focus = true;         // put the keyboard in the first field to fill, next frame
};

void draw_sign_in_screen(const RenewalFlow& flow, SignInFields& fields, bool sandbox_hint, Actions& actions);

} // namespace rd::ui
