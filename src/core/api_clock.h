// ApiClock: what this computer knows of the API's clock, learnt from the `Date` header of its replies.
// The order list's createTime is stamped by the API, so the window of an unknown order's check starts at
// the attempt's send time on the API's clock (order_reconciler.h). A laptop's clock may drift minutes
// from the API's; the proxy in between must pass the API's Date through (README, hosting).
//
// A Date names a whole second S0 and was written at some server time S in [S0, S0 + 1 s), while the
// request was on its way: between local send time t0 and receipt t1. So offset = S - t lies in
// [S0 - t1, S0 + 1000 - t0]. Each reply narrows the bounds; bounds that no longer meet (a clock was
// set) start again from the newest reply.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace rd {

struct ClockOffset {
    std::int64_t low_ms = 0;  // API clock minus this computer's, at least
    std::int64_t high_ms = 0; // and at most
};

class ApiClock {
  public:
    // `date` as received ("" or unreadable: ignored); t0/t1: this computer's epoch ms at send and receipt.
    void observe(std::string_view date, std::int64_t sent_local_ms, std::int64_t received_local_ms);
    std::optional<ClockOffset> offset() const { return offset_; }
    void forget() { offset_.reset(); }

  private:
    std::optional<ClockOffset> offset_;
};

// An HTTP date (IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT"; the weekday is not checked, and RFC 850
// "Sunday, 06-Nov-94 08:49:37 GMT" and asctime "Sun Nov  6 08:49:37 1994" are read too) as Unix epoch
// milliseconds; nullopt when it is not one.
std::optional<std::int64_t> parse_http_date(std::string_view text);

} // namespace rd
