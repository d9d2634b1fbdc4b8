#include "platform/web/local_storage_journal.h"

#include "platform/web/page_shell.h"

namespace rd::web {

std::optional<std::string> LocalStorageJournal::load() {
    if (memory_only_) return memory_;
    std::string text(1024, '\0');
    int length = journal_load(text.data(), static_cast<int>(text.size()), key_);
    if (length >= static_cast<int>(text.size()) && length <= max_bytes_) { // longer: again, with room
        text.resize(static_cast<std::size_t>(length) + 1);
        length = journal_load(text.data(), static_cast<int>(text.size()), key_);
    }
    if (length < 0 || length >= static_cast<int>(text.size())) return std::nullopt;
    text.resize(static_cast<std::size_t>(length));
    return text;
}

bool LocalStorageJournal::save(const std::string& text) {
    // Not kept in memory when the browser refuses it: load() must never return a record of an order
    // that was not sent.
    if (!journal_save(text, key_)) return false;
    memory_ = text;
    return true;
}

std::optional<JournalHolder> LocalStorageJournal::claim() {
    if (memory_only_) return std::nullopt;
    const double owner = journal_claim(key_);
    if (owner == 0) return std::nullopt;
    // pid 0: another tab of this page (no process of its own to name); -1: the browser has not said yet
    // whether another tab holds it, which the person is not told (it is ours a frame later, usually).
    return JournalHolder{.pid = owner < -1 ? -1 : 0,
                         .started_at_ms = owner > 0 ? static_cast<std::int64_t>(owner) : 0,
                         .program = browser_tab_program};
}

void LocalStorageJournal::release() {
    if (!memory_only_) journal_release(key_);
}

void LocalStorageJournal::clear() {
    memory_.reset();
    journal_clear(key_);
}

} // namespace rd::web
