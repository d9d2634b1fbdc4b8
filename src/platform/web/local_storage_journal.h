// A journal in the browser's localStorage (through the page shell): by default the in-flight order's
// (key renewdesk.inflightOrder); the batch's has its own key (page_shell.h: inflight_batch_key) and
// room for a longer record. When the browser refuses to store it (storage disabled or full) save()
// says so and the flow sends nothing: no order leaves without its journal.
// One tab owns a journal at a time (claim(): Web Locks through the page shell, released when the tab
// goes away): another tab's claim answers with a holder whose pid is 0 (a tab, not a process) and the
// owner tab's start time, or -1 while the browser has not answered yet (the UI says nothing then), and
// the core waits; the shell wakes the frame loop when the lock comes or another tab changes the journal
// (the `storage` event).
#pragma once

#include "core/order_journal.h"
#include "platform/web/page_shell.h"

#include <optional>
#include <string>
#include <utility>

namespace rd::web {

// JournalHolder::program of another tab's claim (the UI words it as a tab: src/ui/sign_in_screen.cpp).
inline constexpr const char* browser_tab_program = "browser tab";

class LocalStorageJournal final : public JournalStore {
  public:
    static constexpr int order_max_bytes = 64 * 1024;       // one small record; anything bigger is not ours
    static constexpr int batch_max_bytes = 4 * 1024 * 1024; // hundreds of rows with their names
    explicit LocalStorageJournal(std::string key = inflight_order_key, int max_bytes = order_max_bytes)
        : key_(std::move(key)), max_bytes_(max_bytes) {}

    std::optional<std::string> load() override;
    bool save(const std::string& text) override;
    void clear() override;
    std::optional<JournalHolder> claim() override;
    void release() override;

  private:
    std::string key_;
    int max_bytes_;
    std::optional<std::string> memory_;
    bool memory_only_ = false;
};

} // namespace rd::web
