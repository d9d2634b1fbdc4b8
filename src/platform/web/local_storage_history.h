// The browser's AttemptHistory (src/core/attempt_history.h): localStorage key renewdesk.recentOrders,
// shared by every tab of the page on this origin. localStorage has no lock across tabs, so two tabs
// recording in the same instant may lose one entry; each tab also keeps what it learnt in its flow.
// A text that cannot be read is taken as empty; one the browser refuses to store is not fatal.
#pragma once

#include "core/attempt_history.h"

namespace rd::web {

class LocalStorageHistory final : public AttemptHistory {
  public:
    static constexpr int max_bytes = 1024 * 1024; // bigger is not ours: taken as empty
    AttemptHistoryDoc load() override;
    // The journals' keys (page_shell.h): while one is unresolved, the orders its window reaches stay.
    std::vector<std::string> journal_texts() override;
    void update(const std::function<void(AttemptHistoryDoc&)>& change) override;
};

} // namespace rd::web
