// The in-flight journal: one record of an order whose outcome is not known yet, written before the
// order POST leaves and cleared only once the outcome is known (placed, refused, never sent, or
// found / ruled out by reconciliation). It survives a reload, a crash or a closed window, so the
// next sign-in starts by finding out what became of that order.
// Never holds the Client Secret or a token: only what identifies the attempt.
#pragma once

#include "core/ids.h"

#include <cstdint>
#include <optional>
#include <string>

namespace rd {

struct JournalEntry {
    std::int64_t sent_at_ms = 0; // client's clock, Unix epoch milliseconds, taken just before the POST
    std::string base_url;
    std::string client_id;   // the account it was sent for (not a secret)
    std::string target;      // "" = the partner itself, else the subordinate user's partnerId
    std::string target_name; // company name as shown when it was reviewed (for the banner)
    Id64 plan_id;
    Id64 billing_id;
    std::string po_number; // "" when none was entered
};

// JSON text of an entry (UTF-8 safe: invalid bytes replaced), and back. A document that is not a
// journal entry (corrupt, truncated, another version) decodes to nullopt.
std::string journal_to_json(const JournalEntry& entry);
std::optional<JournalEntry> journal_from_json(const std::string& text);

// Another live copy of RenewDesk that holds a journal (for the person: "pid N, started HH:MM").
struct JournalHolder {
    std::int64_t pid = 0;
    std::int64_t started_at_ms = 0; // when that process started (epoch ms); 0 = not known
    std::string program;            // "renewdesk-cli", "RenewDesk"; "" = not known
};

// Where the platform keeps the journal: localStorage on the web, a file in the config directory on
// the desktop, memory in tests. Each call completes before it returns.
// One journal has one owner: a copy claims it before it writes, adopts or clears what is in it, and
// holds it until release() or until the process ends (a crash releases it). Other copies see who
// holds it and wait; they never settle, resume or delete what it holds.
class JournalStore {
  public:
    virtual ~JournalStore() = default;
    virtual std::optional<std::string> load() = 0; // the stored text, or nullopt when there is none
    // False when the text could not be stored (disk full, read-only folder): nothing may be sent then.
    [[nodiscard]] virtual bool save(const std::string& text) = 0;
    virtual void clear() = 0;
    // nullopt: the journal is this process's now (also when it already was), until release();
    // otherwise the live process that holds it.
    virtual std::optional<JournalHolder> claim() { return std::nullopt; }
    virtual void release() {}
};

// A store that keeps the text in memory (tests, and platforms without storage): always ours.
class MemoryJournalStore : public JournalStore {
  public:
    std::optional<std::string> load() override { return text_; }
    bool save(const std::string& text) override {
        text_ = text;
        return true;
    }
    void clear() override { text_.reset(); }

  private:
    std::optional<std::string> text_;
};

} // namespace rd
