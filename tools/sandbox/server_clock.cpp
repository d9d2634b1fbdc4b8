#include "tools/sandbox/server_clock.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace sandbox {

namespace {

// Broken-down UTC time of `epoch_ms`, rounded down to the second (also before 1970).
std::tm utc_of(std::int64_t epoch_ms) {
    const std::int64_t seconds = epoch_ms >= 0 ? epoch_ms / 1000 : -((-epoch_ms + 999) / 1000);
    const std::time_t time = static_cast<std::time_t>(seconds);
    std::tm out{};
    gmtime_r(&time, &out);
    return out;
}

} // namespace

std::int64_t real_now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::int64_t ServerClock::now_ms() const {
    return real_now_ms() + offset_ms_.load();
}

std::string http_date(std::int64_t epoch_ms) {
    // Names written out rather than strftime's %a and %b, which follow the locale.
    static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::tm t = utc_of(epoch_ms);
    char text[40];
    std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[t.tm_wday % 7], t.tm_mday,
                  kMonths[t.tm_mon % 12], t.tm_year + 1900, t.tm_hour, t.tm_min, t.tm_sec);
    return text;
}

std::string utc_date_text(std::int64_t epoch_ms) {
    const std::tm t = utc_of(epoch_ms);
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d:%02d", t.tm_year + 1900, t.tm_mon + 1,
                  t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec);
    return text;
}

} // namespace sandbox
