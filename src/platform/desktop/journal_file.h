// The desktop's in-flight order journal: <config dir>/inflight-order.json, beside settings.json.
// save() returns only once the text is on disk (temporary file, fsync, rename, fsync of the folder),
// so a crash right after it still finds the journal on the next start. When the file cannot be
// written the text is kept in memory for this run, and the reason goes to stderr.
#pragma once

#include "order_journal.h"

#include <filesystem>
#include <optional>
#include <string>

namespace rd::desktop {

class JournalFile final : public JournalStore {
  public:
    explicit JournalFile(std::filesystem::path file) : file_(std::move(file)) {}

    // nullopt when the file is missing, unreadable, not a regular file or absurdly large.
    std::optional<std::string> load() override;
    void save(const std::string& text) override;
    void clear() override;

  private:
    std::filesystem::path file_;
    std::optional<std::string> unsaved_; // the last text save() could not write
};

constexpr const char* journal_file_name = "inflight-order.json";

} // namespace rd::desktop
