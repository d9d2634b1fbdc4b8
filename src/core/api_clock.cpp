#include "core/api_clock.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <string>

namespace rd {

namespace {

constexpr std::array<std::string_view, 12> month_names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// Splits on spaces, commas and dashes; the pieces stay views into `text`.
std::array<std::string_view, 8> pieces_of(std::string_view text, int& count) {
    std::array<std::string_view, 8> pieces{};
    count = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == ',' || text[i] == '-'))
            ++i;
        const std::size_t start = i;
        while (i < text.size() && text[i] != ' ' && text[i] != ',' && text[i] != '-')
            ++i;
        if (i > start) {
            if (count == static_cast<int>(pieces.size())) return pieces;
            pieces[count++] = text.substr(start, i - start);
        }
    }
    return pieces;
}

std::optional<int> number_of(std::string_view text) {
    int value = 0;
    if (text.empty() || text.size() > 4) return std::nullopt;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::optional<unsigned> month_of(std::string_view text) {
    for (unsigned m = 0; m < month_names.size(); ++m)
        if (text == month_names[m]) return m + 1;
    return std::nullopt;
}

// "08:49:37" -> seconds into the day.
std::optional<int> time_of_day(std::string_view text) {
    if (text.size() != 8 || text[2] != ':' || text[5] != ':') return std::nullopt;
    auto h = number_of(text.substr(0, 2)), m = number_of(text.substr(3, 2)), s = number_of(text.substr(6, 2));
    if (!h || !m || !s || *h > 23 || *m > 59 || *s > 60) return std::nullopt;
    return *h * 3600 + *m * 60 + *s;
}

} // namespace

std::optional<std::int64_t> parse_http_date(std::string_view text) {
    int count = 0;
    const auto p = pieces_of(text, count);
    std::optional<int> day, year, seconds;
    std::optional<unsigned> month;
    if (count == 6 && p[5] == "GMT") { // IMF-fixdate or RFC 850 (the weekday first)
        day = number_of(p[1]);
        month = month_of(p[2]);
        year = number_of(p[3]);
        if (year && p[3].size() == 2) *year += *year < 70 ? 2000 : 1900;
        seconds = time_of_day(p[4]);
    } else if (count == 5) { // asctime: "Sun Nov  6 08:49:37 1994"
        month = month_of(p[1]);
        day = number_of(p[2]);
        seconds = time_of_day(p[3]);
        year = number_of(p[4]);
    } else {
        return std::nullopt;
    }
    if (!day || !month || !year || !seconds || *day < 1 || *day > 31 || *year < 1970) return std::nullopt;
    return (days_from_civil(*year, *month, static_cast<unsigned>(*day)) * 86400 + *seconds) * 1000;
}

void ApiClock::observe(std::string_view date, std::int64_t sent_local_ms, std::int64_t received_local_ms) {
    const std::optional<std::int64_t> server_second = parse_http_date(date);
    if (!server_second || received_local_ms < sent_local_ms) return;
    const ClockOffset sample{.low_ms = *server_second - received_local_ms,
                             .high_ms = *server_second + 1000 - sent_local_ms};
    if (offset_ && offset_->low_ms <= sample.high_ms && sample.low_ms <= offset_->high_ms) {
        offset_->low_ms = std::max(offset_->low_ms, sample.low_ms);
        offset_->high_ms = std::min(offset_->high_ms, sample.high_ms);
    } else {
        offset_ = sample; // the first reply, or a clock was set since: start again from this one
    }
}

} // namespace rd
