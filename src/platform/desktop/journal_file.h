// The desktop's in-flight order journal: <config dir>/inflight-order.json, beside settings.json; the
// batch's record is another JournalFile, <config dir>/batch-journal.json.
// save() returns only once the text is on disk (temporary file, fsync, rename, fsync of the folder),
// so a crash right after it still finds the journal on the next start. When the file cannot be
// written it returns false (the reason on stderr) and the flow sends nothing: no order leaves
// without its journal. claim() / release() are the journal's owner lock (journal_lock.h), on
// "<stem>.lock" beside the file (inflight-order.lock, batch-journal.lock).
#pragma once

#include "core/order_journal.h"
#include "platform/desktop/journal_lock.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace rd::desktop {

class JournalFile final : public JournalStore {
  public:
    static constexpr std::uintmax_t order_max_bytes = 64 * 1024;       // one small record; bigger is not ours
    static constexpr std::uintmax_t batch_max_bytes = 4 * 1024 * 1024; // hundreds of rows with their names
    explicit JournalFile(std::filesystem::path file, std::uintmax_t max_bytes = order_max_bytes)
        : file_(std::move(file)), max_bytes_(max_bytes),
          lock_(file_.parent_path() / (file_.stem().string() + ".lock")) {}

    // nullopt when the file is missing, unreadable, not a regular file or absurdly large.
    std::optional<std::string> load() override;
    bool save(const std::string& text) override;
    void clear() override;
    std::optional<JournalHolder> claim() override { return lock_.claim(); }
    void release() override { lock_.release(); }
    const std::filesystem::path& lock_file() const { return lock_.file(); }

  private:
    std::filesystem::path file_;
    std::uintmax_t max_bytes_;
    JournalLock lock_;
};

constexpr const char* journal_file_name = "inflight-order.json";
constexpr const char* batch_journal_file_name = "batch-journal.json"; // the batch's, a store of its own

} // namespace rd::desktop
