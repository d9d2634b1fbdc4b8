#include "core/order_journal.h"

#include "core/json.h"

namespace rd {
namespace {

constexpr int journal_version = 1;
// 9999-12-31T23:59:59.999Z. A later sentAtMs is no clock reading but a damaged file, and the flow's
// time arithmetic (settle time, clock-skew window) must stay far inside the int64 range.
constexpr std::int64_t latest_sent_at_ms = 253'402'300'799'999;

} // namespace

std::string journal_to_json(const JournalEntry& entry) {
    Json doc;
    doc["version"] = journal_version;
    doc["sentAtMs"] = entry.sent_at_ms;
    doc["baseUrl"] = entry.base_url;
    doc["clientId"] = entry.client_id;
    doc["target"] = entry.target;
    doc["targetName"] = entry.target_name;
    doc["planId"] = entry.plan_id.to_string(); // as text: the journal is read by people and browsers too
    doc["billingId"] = entry.billing_id.to_string();
    doc["poNumber"] = entry.po_number;
    return doc.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::optional<JournalEntry> journal_from_json(const std::string& text) {
    const Json doc = Json::parse(std::string_view(text), nullptr, /*allow_exceptions=*/false);
    if (!doc.is_object()) return std::nullopt;
    auto integer = [&](const char* name) -> std::optional<std::int64_t> {
        auto it = doc.find(name);
        if (it == doc.end() || !it->is_number_integer()) return std::nullopt;
        return it->get<std::int64_t>();
    };
    auto text_member = [&](const char* name) -> std::optional<std::string> {
        auto it = doc.find(name);
        if (it == doc.end() || !it->is_string()) return std::nullopt;
        return it->get<std::string>();
    };
    const auto version = integer("version");
    const auto sent_at = integer("sentAtMs");
    const auto base_url = text_member("baseUrl");
    const auto client_id = text_member("clientId");
    const auto target = text_member("target");
    const auto target_name = text_member("targetName");
    const auto plan = text_member("planId");
    const auto billing = text_member("billingId");
    const auto po_number = text_member("poNumber");
    if (version != journal_version || !sent_at || *sent_at <= 0 || *sent_at > latest_sent_at_ms ||
        !base_url || !client_id || !target || !target_name || !plan || !billing || !po_number)
        return std::nullopt;
    const auto plan_id = parse_id(*plan);
    const auto billing_id = parse_id(*billing);
    if (!plan_id || !billing_id) return std::nullopt;
    return JournalEntry{.sent_at_ms = *sent_at,
                        .base_url = *base_url,
                        .client_id = *client_id,
                        .target = *target,
                        .target_name = *target_name,
                        .plan_id = *plan_id,
                        .billing_id = *billing_id,
                        .po_number = *po_number};
}

} // namespace rd
