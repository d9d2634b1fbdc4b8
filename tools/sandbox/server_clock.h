// The API server's own clock. A real server's clock is rarely the client's: it runs seconds or minutes
// ahead or behind (config clockOffsetMs, e.g. -90000 = 90 s behind the real clock). Everything the
// sandbox stamps with "now" reads this clock: the Date header of every API reply, a committed order's
// createTime and the times of seeded and other operators' orders. Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace sandbox {

class ServerClock {
  public:
    std::int64_t now_ms() const; // Unix epoch milliseconds: the real clock + the offset
    std::int64_t offset_ms() const { return offset_ms_.load(); }
    void set_offset_ms(std::int64_t offset_ms) { offset_ms_ = offset_ms; }

  private:
    std::atomic<std::int64_t> offset_ms_{0};
};

std::int64_t real_now_ms(); // Unix epoch milliseconds on this machine's clock

// RFC 7231 IMF-fixdate of `epoch_ms`, whole seconds (truncated), always GMT:
// "Sun, 06 Dec 2026 11:28:06 GMT".
std::string http_date(std::int64_t epoch_ms);

// "2026-12-06 11:28:06": `epoch_ms` as UTC date and time text, whole seconds (truncated).
std::string utc_date_text(std::int64_t epoch_ms);

} // namespace sandbox
