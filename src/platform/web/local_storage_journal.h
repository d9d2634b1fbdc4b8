// The in-flight order journal in the browser's localStorage (through the page shell). When the
// browser refuses to store it (storage disabled or full) it lives in memory for this page.
#pragma once

#include "order_journal.h"

#include <optional>
#include <string>

namespace rd::web {

class LocalStorageJournal final : public JournalStore {
  public:
    std::optional<std::string> load() override;
    void save(const std::string& text) override;
    void clear() override;

  private:
    static constexpr int max_bytes = 64 * 1024; // one small record; anything bigger is not ours
    std::optional<std::string> memory_;
    bool memory_only_ = false;
};

} // namespace rd::web
