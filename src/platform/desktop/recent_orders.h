// Orders this computer recently accounted for, one account's view of the shared history file
// (history_file.h, <config dir>/recent-orders.json; the format is src/core/attempt_history.h): every
// renewdesk-cli run and the desktop app record the orders they placed or found, and no later check
// takes one of them for another attempt's.
#pragma once

#include "attempt_history.h"
#include "history_file.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace rd::desktop {

using RecentOrder = AccountedOrder;

class RecentOrders {
  public:
    static constexpr std::int64_t keep_ms = orders_keep_ms;
    static constexpr std::size_t max_entries = history_max_entries; // the newest are kept
    static constexpr std::uintmax_t max_bytes = HistoryFile::max_bytes;

    // The orders of one account on one host: `base_url` and `client_id` as the client signs in with.
    RecentOrders(std::filesystem::path file, std::string base_url, std::string client_id)
        : file_(std::move(file)), base_url_(std::move(base_url)), client_id_(std::move(client_id)) {}

    // The order numbers recorded for this base URL + Client ID no longer than keep_ms before `now_ms`.
    std::vector<std::string> load(std::int64_t now_ms) const;
    // Appends `order_nos` (empty ones ignored; one already there gets the new time) at `now_ms` and
    // prunes. False (the reason on stderr and in *error) when the file could not be written.
    bool record(const std::vector<std::string>& order_nos, std::int64_t now_ms, std::string* error = nullptr);

    const std::filesystem::path& file() const { return file_.file(); }

  private:
    mutable HistoryFile file_;
    std::string base_url_;
    std::string client_id_;
};

// Every order entry of the file's text, in file order; false when the text is not such a document.
bool parse_recent_orders(const std::string& text, std::vector<RecentOrder>& out);

} // namespace rd::desktop
