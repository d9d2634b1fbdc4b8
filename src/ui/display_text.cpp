#include "display_text.h"

#include "text.h"

#include <ctime>

namespace rd::ui {

ImVec4 tone_colour(Tone tone) {
    switch (tone) {
    case Tone::good: return ImVec4(0.45f, 0.85f, 0.45f, 1.0f);
    case Tone::pending: return ImVec4(1.0f, 0.78f, 0.3f, 1.0f);
    case Tone::bad: return ImVec4(1.0f, 0.5f, 0.45f, 1.0f);
    case Tone::neutral: break;
    }
    return ImGui::GetStyleColorVec4(ImGuiCol_Text);
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
    if (status == "succeed") return {"Order placed and paid", Tone::good};
    if (status == "pending") return {"Order placed - payment pending", Tone::pending};
    if (status == "failed") return {"Order recorded, but it failed", Tone::bad};
    if (status == "invalid") return {"Order recorded, but it is invalid", Tone::bad};
    if (status == "cancelled") return {"Order recorded, then cancelled", Tone::bad};
    if (status == "refunded") return {"Order recorded, then refunded", Tone::neutral};
    if (status.empty())
        return {"Order accepted - the Partner Portal did not report its status", Tone::pending};
    return {"Order accepted with status \"" + order_status + "\" - check it in the Partner Portal",
            Tone::pending};
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
