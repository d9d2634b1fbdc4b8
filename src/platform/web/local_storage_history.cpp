#include "platform/web/local_storage_history.h"

#include "platform/web/page_shell.h"

#include <string>

namespace rd::web {

AttemptHistoryDoc LocalStorageHistory::load() {
    AttemptHistoryDoc doc;
    std::string text(4096, '\0');
    int length = journal_load(text.data(), static_cast<int>(text.size()), recent_orders_key);
    if (length >= static_cast<int>(text.size()) && length < max_bytes) {
        text.assign(static_cast<std::size_t>(length) + 1, '\0');
        length = journal_load(text.data(), static_cast<int>(text.size()), recent_orders_key);
    }
    if (length < 0 || length >= static_cast<int>(text.size())) return doc;
    text.resize(static_cast<std::size_t>(length));
    if (!parse_attempt_history(text, doc)) doc = {};
    return doc;
}

std::vector<std::string> LocalStorageHistory::journal_texts() {
    std::vector<std::string> texts;
    for (const char* key : {inflight_order_key, inflight_batch_key}) {
        std::string text(64 * 1024, '\0');
        int length = journal_load(text.data(), static_cast<int>(text.size()), key);
        if (length >= static_cast<int>(text.size()) && length < 16 * 1024 * 1024) { // a big batch's record
            text.assign(static_cast<std::size_t>(length) + 1, '\0');
            length = journal_load(text.data(), static_cast<int>(text.size()), key);
        }
        if (length <= 0 || length >= static_cast<int>(text.size())) continue; // none, or not readable
        text.resize(static_cast<std::size_t>(length));
        texts.push_back(std::move(text));
    }
    return texts;
}

void LocalStorageHistory::update(const std::function<void(AttemptHistoryDoc&)>& change) {
    AttemptHistoryDoc doc = load();
    change(doc);
    journal_save(attempt_history_to_json(doc), recent_orders_key);
}

} // namespace rd::web
