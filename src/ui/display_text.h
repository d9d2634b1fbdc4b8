// Words and colours for facts the screens show: times in local time, where an order goes, and the
// heading a receipt deserves for each order status.
#pragma once

#include "ui/words/order_status_words.h" // the screens that show statuses include this header

#include <imgui.h>

#include <cstdint>
#include <string>

namespace rd::ui {

enum class Tone { good, pending, bad, neutral };

// The current theme's colour for a tone (src/ui/theme.h); the words beside it always say the same.
ImVec4 tone_colour(Tone tone);

// "2026-11-27 10:42:05" in this computer's (or browser's) time zone.
std::string local_time_text(std::int64_t epoch_ms);

struct StatusHeading {
    std::string text;
    Tone tone;
};

// The receipt's heading for an orderStatus: only `succeed` is "placed and paid".
StatusHeading receipt_heading(const std::string& order_status);

// The host part of a URL ("https://a.example:8443/x" -> "a.example:8443").
std::string url_host(const std::string& url);

// An http:// URL whose host is not this computer: credentials would cross the network unencrypted.
bool is_plain_http_off_this_computer(const std::string& url);

} // namespace rd::ui
