#include "platform/desktop/history_file.h"

#include "platform/desktop/journal_file.h"

#include "platform/desktop/atomic_file.h"
#include "platform/desktop/update_lock.h"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>

namespace rd::desktop {
namespace {

// The file's text; nullopt when it is missing (nothing to say) or cannot be read (`unreadable`).
std::optional<std::string> read_file(const std::filesystem::path& file, bool& unreadable) {
    unreadable = false;
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    if (status.type() == std::filesystem::file_type::not_found) return std::nullopt;
    unreadable = true;
    if (ec || status.type() != std::filesystem::file_type::regular) return std::nullopt;
    const std::uintmax_t size = std::filesystem::file_size(file, ec);
    if (ec || size > HistoryFile::max_bytes) return std::nullopt;
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) return std::nullopt;
    unreadable = false;
    return text;
}

} // namespace

AttemptHistoryDoc HistoryFile::load() {
    AttemptHistoryDoc doc;
    bool unreadable = false;
    const auto text = read_file(file_, unreadable);
    if ((text && !parse_attempt_history(*text, doc)) || unreadable) {
        doc = {};
        std::fprintf(stderr,
                     "renewdesk: %s cannot be read: taken as empty (earlier runs' orders are not known)\n",
                     file_.string().c_str());
    }
    return doc;
}

std::vector<std::string> HistoryFile::journal_texts() {
    std::vector<std::string> texts;
    for (const char* name : {journal_file_name, batch_journal_file_name}) {
        bool unreadable = false;
        if (auto text = read_file(file_.parent_path() / name, unreadable)) texts.push_back(std::move(*text));
    }
    return texts;
}

void HistoryFile::update(const std::function<void(AttemptHistoryDoc&)>& change) {
    try_update(change);
}

bool HistoryFile::try_update(const std::function<void(AttemptHistoryDoc&)>& change, std::string* error) {
    const UpdateLock lock(file_); // held until the new file has replaced the old one
    AttemptHistoryDoc doc = load();
    change(doc);
    std::string reason;
    if (write_file_atomically(file_, attempt_history_to_json(doc), &reason)) return true;
    std::fprintf(stderr, "renewdesk: could not record the orders in %s: %s\n", file_.string().c_str(),
                 reason.c_str());
    if (error) *error = reason;
    return false;
}

} // namespace rd::desktop
