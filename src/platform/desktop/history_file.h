// The desktop's AttemptHistory (src/core/attempt_history.h): <config dir>/recent-orders.json, shared by
// the desktop app and every renewdesk-cli run on this computer. update() holds an flock on
// "<file>.lock" for the whole read-modify-write, so two processes recording at once keep each other's
// entries; the file itself is replaced atomically (atomic_file.h), so readers need no lock. A file that
// cannot be read is taken as empty and said on stderr, never fatal; one that cannot be written is said
// on stderr (the orders stay known to this process). Orders stay past the day's limit while a journal
// beside it is unresolved (attempt_history.h).
#pragma once

#include "core/attempt_history.h"

#include <cstdint>
#include <filesystem>

namespace rd::desktop {

constexpr const char* recent_orders_file_name = "recent-orders.json";

class HistoryFile final : public AttemptHistory {
  public:
    static constexpr std::uintmax_t max_bytes = 4 * 1024 * 1024; // bigger is not ours: taken as empty
    explicit HistoryFile(std::filesystem::path file) : file_(std::move(file)) {}

    AttemptHistoryDoc load() override;
    // inflight-order.json and batch-journal.json beside the file (journal_file.h).
    std::vector<std::string> journal_texts() override;
    void update(const std::function<void(AttemptHistoryDoc&)>& change) override;
    // As update(); false (the reason in *error and on stderr) when the file could not be written.
    bool try_update(const std::function<void(AttemptHistoryDoc&)>& change, std::string* error = nullptr);

    const std::filesystem::path& file() const { return file_; }

  private:
    std::filesystem::path file_;
};

} // namespace rd::desktop
