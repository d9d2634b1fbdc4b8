#include "ui/display_text.h"

#include "core/text.h"
#include "ui/kit/widgets.h"
#include "ui/theme.h"

#include <ctime>

namespace rd::ui {

ImVec4 tone_colour(Tone tone) {
    switch (tone) {
    case Tone::good: return current_palette().good;
    case Tone::pending: return current_palette().pending;
    case Tone::bad: return current_palette().bad;
    case Tone::neutral: break;
    }
    return current_palette().style[ImGuiCol_Text];
}

std::string local_time_text(std::int64_t epoch_ms) {
    const std::time_t seconds = static_cast<std::time_t>(epoch_ms / 1000);
    std::tm local{};
    if (!localtime_r(&seconds, &local)) return std::to_string(epoch_ms);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &local);
    return text;
}

StatusHeading receipt_heading(const std::string& order_status) {
    const std::string status = ascii_lowercase(order_status);
    if (status == "succeed") return {tr(Text::heading_placed_and_paid), Tone::good};
    if (status == "pending") return {tr(Text::heading_payment_pending), Tone::pending};
    if (status == "failed") return {tr(Text::heading_recorded_failed), Tone::bad};
    if (status == "invalid") return {tr(Text::heading_recorded_invalid), Tone::bad};
    if (status == "cancelled") return {tr(Text::heading_recorded_cancelled), Tone::bad};
    if (status == "refunded") return {tr(Text::heading_recorded_refunded), Tone::neutral};
    if (status.empty()) return {tr(Text::heading_status_not_reported), Tone::pending};
    return {format(Text::heading_status_other_fmt, order_status.c_str()), Tone::pending};
}

std::string url_host(const std::string& url) {
    std::string rest = url;
    if (const auto scheme = rest.find("://"); scheme != std::string::npos) rest = rest.substr(scheme + 3);
    if (const auto path = rest.find_first_of("/?#"); path != std::string::npos) rest = rest.substr(0, path);
    if (const auto at = rest.rfind('@'); at != std::string::npos) rest = rest.substr(at + 1);
    return rest;
}

bool is_plain_http_off_this_computer(const std::string& url) {
    if (ascii_lowercase(url.substr(0, 7)) != "http://") return false;
    std::string host = ascii_lowercase(url_host(url));
    if (!host.empty() && host.front() == '[') host = host.substr(0, host.find(']') + 1); // [::1]:8080
    else host = host.substr(0, host.find(':'));
    return !(host == "localhost" || host == "[::1]" || host.rfind("127.", 0) == 0);
}

} // namespace rd::ui
