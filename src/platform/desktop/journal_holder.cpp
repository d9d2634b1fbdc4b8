// The journal lock file's text (journal_lock.h), the same on Linux and Windows.
#include "platform/desktop/journal_lock.h"

#include "core/json.h"

namespace rd::desktop {

std::string journal_holder_to_json(const JournalHolder& holder) {
    Json doc;
    doc["pid"] = holder.pid;
    doc["startedAtMs"] = holder.started_at_ms;
    doc["program"] = holder.program;
    return doc.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

JournalHolder journal_holder_from_json(const std::string& text) {
    JournalHolder holder;
    const Json doc = Json::parse(std::string_view(text), nullptr, /*allow_exceptions=*/false);
    if (!doc.is_object()) return holder;
    if (auto it = doc.find("pid"); it != doc.end() && it->is_number_integer())
        holder.pid = it->get<std::int64_t>();
    if (auto it = doc.find("startedAtMs"); it != doc.end() && it->is_number_integer())
        holder.started_at_ms = it->get<std::int64_t>();
    if (auto it = doc.find("program"); it != doc.end() && it->is_string())
        holder.program = it->get<std::string>();
    return holder;
}

} // namespace rd::desktop
