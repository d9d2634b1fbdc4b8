// Orders this computer recently accounted for: <config dir>/recent-orders.json, shared by every
// renewdesk-cli run (each run is a session of its own). An unknown outcome is reconciled by taking
// the earliest order created since the attempt (minus 30 s of clock skew) that is not already
// known; the order list does not say whom an order was for, so without this file a run whose order
// was never created could take the order an earlier run placed seconds before for its own.
//
//   {"version":1,"orders":[{"orderNo":"MK...","baseUrl":"https://...","clientId":"...","atMs":1700000000000}]}
//
// atMs is when the order became known here (Unix epoch ms). Entries older than keep_ms, well past
// the reconciler's 30 s allowance, are dropped on every write, and at most max_entries are kept (the
// newest). No secret and no token is written. Writes hold an flock on "<file>.lock" for the whole
// read-modify-write, so two processes recording at once keep each other's entries; the file itself
// is replaced atomically (atomic_file.h), so readers need no lock. A file that cannot be read is
// taken as empty and said on stderr, never fatal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace rd::desktop {

constexpr const char* recent_orders_file_name = "recent-orders.json";

struct RecentOrder {
    std::string order_no;
    std::string base_url;
    std::string client_id;
    std::int64_t at_ms = 0;
};

class RecentOrders {
  public:
    static constexpr std::int64_t keep_ms = 10 * 60 * 1000;      // 10 minutes
    static constexpr std::size_t max_entries = 2000;             // the newest are kept
    static constexpr std::uintmax_t max_bytes = 4 * 1024 * 1024; // bigger is not ours: taken as empty

    // The orders of one account on one host: `base_url` and `client_id` as the client signs in with.
    RecentOrders(std::filesystem::path file, std::string base_url, std::string client_id)
        : file_(std::move(file)), base_url_(std::move(base_url)), client_id_(std::move(client_id)) {}

    // The order numbers recorded for this base URL + Client ID no longer than keep_ms before `now_ms`.
    std::vector<std::string> load(std::int64_t now_ms) const;
    // Appends `order_nos` (empty ones ignored; one already there gets the new time) at `now_ms` and
    // prunes. False (the reason on stderr and in *error) when the file could not be written.
    bool record(const std::vector<std::string>& order_nos, std::int64_t now_ms, std::string* error = nullptr);

    const std::filesystem::path& file() const { return file_; }

  private:
    std::filesystem::path file_;
    std::string base_url_;
    std::string client_id_;
};

// Every entry of the file's text, in file order; false when the text is not a recent-orders
// document (entries that cannot be read are skipped, the rest kept).
bool parse_recent_orders(const std::string& text, std::vector<RecentOrder>& out);
std::string recent_orders_to_json(const std::vector<RecentOrder>& entries);

} // namespace rd::desktop
