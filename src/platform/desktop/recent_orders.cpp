#include "recent_orders.h"

#include "atomic_file.h"
#include "text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace rd::desktop {
namespace {

using nlohmann::json;

// The file's text; nullopt when it is missing (nothing to say) or cannot be read (said on stderr).
std::optional<std::string> read_file(const std::filesystem::path& file, bool& unreadable) {
    unreadable = false;
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    if (status.type() == std::filesystem::file_type::not_found) return std::nullopt;
    unreadable = true;
    if (ec || status.type() != std::filesystem::file_type::regular) return std::nullopt;
    const std::uintmax_t size = std::filesystem::file_size(file, ec);
    if (ec || size > RecentOrders::max_bytes) return std::nullopt;
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) return std::nullopt;
    unreadable = false;
    return text;
}

// Every entry of the file; an unreadable file is empty, with a line on stderr.
std::vector<RecentOrder> read_entries(const std::filesystem::path& file) {
    std::vector<RecentOrder> entries;
    bool unreadable = false;
    const auto text = read_file(file, unreadable);
    if ((text && !parse_recent_orders(*text, entries)) || unreadable) {
        entries.clear();
        std::fprintf(stderr,
                     "renewdesk: %s cannot be read: taken as empty (earlier runs' orders are not known)\n",
                     file.string().c_str());
    }
    return entries;
}

bool fresh(const RecentOrder& entry, std::int64_t now_ms) {
    // Also drops entries far in the future (the clock was set back): they would never age out.
    return entry.at_ms >= now_ms - RecentOrders::keep_ms && entry.at_ms <= now_ms + RecentOrders::keep_ms;
}

// An exclusive flock on "<file>.lock" for as long as it lives (-1: none could be had, said on stderr).
class FileLock {
  public:
    explicit FileLock(const std::filesystem::path& file) {
        std::error_code ec;
        std::filesystem::create_directories(file.parent_path(), ec);
        const std::string path = file.string() + ".lock";
        fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd_ < 0) {
            std::fprintf(stderr, "renewdesk: cannot open %s: %s\n", path.c_str(), std::strerror(errno));
            return;
        }
        int rc = 0;
        while ((rc = ::flock(fd_, LOCK_EX)) != 0 && errno == EINTR) {
        }
        if (rc != 0)
            std::fprintf(stderr, "renewdesk: cannot lock %s: %s\n", path.c_str(), std::strerror(errno));
    }
    ~FileLock() {
        if (fd_ >= 0) ::close(fd_); // releases the lock
    }
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

  private:
    int fd_ = -1;
};

} // namespace

bool parse_recent_orders(const std::string& text, std::vector<RecentOrder>& out) {
    const json document = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!document.is_object()) return false;
    const auto orders = document.find("orders");
    if (orders == document.end() || !orders->is_array()) return false;
    for (const json& item : *orders) {
        if (!item.is_object()) continue;
        const auto order_no = item.find("orderNo");
        const auto base_url = item.find("baseUrl");
        const auto client_id = item.find("clientId");
        const auto at_ms = item.find("atMs");
        if (order_no == item.end() || !order_no->is_string() || base_url == item.end() ||
            !base_url->is_string() || client_id == item.end() || !client_id->is_string() ||
            at_ms == item.end() || !at_ms->is_number_integer())
            continue;
        RecentOrder entry{.order_no = order_no->get<std::string>(),
                          .base_url = base_url->get<std::string>(),
                          .client_id = client_id->get<std::string>(),
                          .at_ms = at_ms->get<std::int64_t>()};
        if (!entry.order_no.empty()) out.push_back(std::move(entry));
    }
    return true;
}

std::string recent_orders_to_json(const std::vector<RecentOrder>& entries) {
    json orders = json::array();
    for (const RecentOrder& entry : entries)
        orders.push_back({{"orderNo", entry.order_no},
                          {"baseUrl", entry.base_url},
                          {"clientId", entry.client_id},
                          {"atMs", entry.at_ms}});
    return json_text(json{{"version", 1}, {"orders", std::move(orders)}}) + "\n";
}

std::vector<std::string> RecentOrders::load(std::int64_t now_ms) const {
    std::vector<std::string> order_nos;
    for (const RecentOrder& entry : read_entries(file_))
        if (entry.base_url == base_url_ && entry.client_id == client_id_ && fresh(entry, now_ms))
            order_nos.push_back(entry.order_no);
    return order_nos;
}

bool RecentOrders::record(const std::vector<std::string>& order_nos, std::int64_t now_ms,
                          std::string* error) {
    const FileLock lock(file_); // held until the new file has replaced the old one
    std::vector<RecentOrder> entries = read_entries(file_);
    std::erase_if(entries, [&](const RecentOrder& entry) {
        if (!fresh(entry, now_ms)) return true;
        // One entry per order: a number recorded again moves to the end with the new time.
        return entry.base_url == base_url_ && entry.client_id == client_id_ &&
               std::find(order_nos.begin(), order_nos.end(), entry.order_no) != order_nos.end();
    });
    for (const std::string& order_no : order_nos) {
        if (order_no.empty()) continue;
        const bool twice = std::any_of(entries.begin(), entries.end(), [&](const RecentOrder& entry) {
            return entry.order_no == order_no && entry.base_url == base_url_ && entry.client_id == client_id_;
        });
        if (!twice)
            entries.push_back(RecentOrder{
                .order_no = order_no, .base_url = base_url_, .client_id = client_id_, .at_ms = now_ms});
    }
    if (entries.size() > max_entries)
        entries.erase(entries.begin(),
                      entries.begin() + static_cast<std::ptrdiff_t>(entries.size() - max_entries));
    std::string reason;
    if (write_file_atomically(file_, recent_orders_to_json(entries), &reason)) return true;
    std::fprintf(stderr, "renewdesk: could not record the orders in %s: %s\n", file_.string().c_str(),
                 reason.c_str());
    if (error) *error = reason;
    return false;
}

} // namespace rd::desktop
