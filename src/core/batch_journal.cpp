#include "core/batch_journal.h"

#include "core/json.h"

#include <array>
#include <utility>

namespace rd {
namespace {

// Version 2 adds a row's own plan and PO number. A record is written as version 2 only when a row
// has them, so a build that knows only version 1 ignores such a batch instead of resuming it with the
// batch's plan for every row; every other record stays version 1, readable by both.
constexpr int batch_journal_version_1 = 1;
constexpr int batch_journal_version_2 = 2;
constexpr const char* batch_journal_kind = "renewdesk.batch";
constexpr std::int64_t latest_sent_at_ms = 253'402'300'799'999; // 9999-12-31T23:59:59.999Z

constexpr std::array<std::pair<BatchRowStatus, const char*>, 8> status_names = {{
    {BatchRowStatus::waiting, "waiting"},
    {BatchRowStatus::sending, "sending"},
    {BatchRowStatus::placed, "placed"},
    {BatchRowStatus::pending, "pending"},
    {BatchRowStatus::failed, "failed"},
    {BatchRowStatus::unknown, "unknown"},
    {BatchRowStatus::ambiguous, "ambiguous"},
    {BatchRowStatus::skipped, "skipped"},
}};

std::optional<std::string> text_member(const Json& doc, const char* name) {
    auto it = doc.find(name);
    if (it == doc.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
}

std::optional<BatchRow> row_from_json(const Json& item) {
    if (!item.is_object()) return std::nullopt;
    const auto partner_id = text_member(item, "partnerId");
    const auto company = text_member(item, "company");
    const auto status = text_member(item, "status");
    const auto order_no = text_member(item, "orderNo");
    const auto order_status = text_member(item, "orderStatus");
    const auto request_id = text_member(item, "requestId");
    if (!partner_id || !company || !status || !order_no || !order_status || !request_id) return std::nullopt;
    const auto named = batch_row_status_named(*status);
    if (!named) return std::nullopt;
    BatchRow row{.target = {.partner_id = *partner_id, .company = *company},
                 .status = *named,
                 .order_no = *order_no,
                 .order_status = *order_status,
                 .request_id = *request_id};
    // A row's own plan and PO number: absent (or null) means the batch's, anything else must read.
    if (const auto plan = item.find("planId"); plan != item.end() && !plan->is_null()) {
        const auto plan_id = plan->is_string() ? parse_id(plan->get<std::string>()) : std::nullopt;
        if (!plan_id) return std::nullopt;
        row.target.plan_id = *plan_id;
    }
    if (const auto po = item.find("poNumber"); po != item.end() && !po->is_null()) {
        if (!po->is_string()) return std::nullopt;
        row.target.po_number = po->get<std::string>();
    }
    return row;
}

bool has_row_choices(const BatchRecord& record) {
    for (const BatchRow& row : record.rows)
        if (row.target.plan_id || row.target.po_number) return true;
    return false;
}

} // namespace

const char* batch_row_status_name(BatchRowStatus status) {
    for (const auto& [value, name] : status_names)
        if (value == status) return name;
    return "unknown";
}

std::optional<BatchRowStatus> batch_row_status_named(const std::string& name) {
    for (const auto& [value, text] : status_names)
        if (name == text) return value;
    return std::nullopt;
}

std::string batch_journal_to_json(const BatchRecord& record) {
    Json doc;
    doc["version"] = has_row_choices(record) ? batch_journal_version_2 : batch_journal_version_1;
    doc["kind"] = batch_journal_kind;
    doc["sentAtMs"] = record.sent_at_ms;
    doc["baseUrl"] = record.base_url;
    doc["clientId"] = record.client_id;
    doc["planId"] = record.plan_id.to_string(); // as text, like the single order's journal
    doc["billingId"] = record.billing_id.to_string();
    doc["poNumber"] = record.po_number;
    doc["inFlight"] = record.in_flight ? Json(*record.in_flight) : Json();
    Json rows = Json::array();
    for (const BatchRow& row : record.rows) {
        Json item = {{"partnerId", row.target.partner_id},
                     {"company", row.target.company},
                     {"status", batch_row_status_name(row.status)},
                     {"orderNo", row.order_no},
                     {"orderStatus", row.order_status},
                     {"requestId", row.request_id}};
        if (row.target.plan_id) item["planId"] = row.target.plan_id->to_string(); // exact, as text
        if (row.target.po_number) item["poNumber"] = *row.target.po_number;       // "" = none for this row
        rows.push_back(std::move(item));
    }
    doc["rows"] = std::move(rows);
    return doc.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::optional<BatchRecord> batch_journal_from_json(const std::string& text) {
    const Json doc = Json::parse(std::string_view(text), nullptr, /*allow_exceptions=*/false);
    if (!doc.is_object()) return std::nullopt;
    const auto version = doc.find("version");
    const auto sent_at = doc.find("sentAtMs");
    const auto rows = doc.find("rows");
    const auto in_flight = doc.find("inFlight");
    if (version == doc.end() || !version->is_number_integer() ||
        (version->get<std::int64_t>() != batch_journal_version_1 &&
         version->get<std::int64_t>() != batch_journal_version_2) ||
        text_member(doc, "kind") != batch_journal_kind)
        return std::nullopt;
    if (sent_at == doc.end() || !sent_at->is_number_integer() || sent_at->get<std::int64_t>() <= 0 ||
        sent_at->get<std::int64_t>() > latest_sent_at_ms)
        return std::nullopt;
    const auto base_url = text_member(doc, "baseUrl");
    const auto client_id = text_member(doc, "clientId");
    const auto plan = text_member(doc, "planId");
    const auto billing = text_member(doc, "billingId");
    const auto po_number = text_member(doc, "poNumber");
    if (!base_url || !client_id || !plan || !billing || !po_number || rows == doc.end() ||
        !rows->is_array() || rows->empty() || in_flight == doc.end())
        return std::nullopt;
    const auto plan_id = parse_id(*plan);
    const auto billing_id = parse_id(*billing);
    if (!plan_id || !billing_id) return std::nullopt;
    BatchRecord record{.sent_at_ms = sent_at->get<std::int64_t>(),
                       .base_url = *base_url,
                       .client_id = *client_id,
                       .plan_id = *plan_id,
                       .billing_id = *billing_id,
                       .po_number = *po_number};
    for (const auto& item : *rows) {
        auto row = row_from_json(item);
        if (!row) return std::nullopt;
        record.rows.push_back(std::move(*row));
    }
    if (!in_flight->is_null()) {
        if (!in_flight->is_number_unsigned() || in_flight->get<std::uint64_t>() >= record.rows.size())
            return std::nullopt;
        record.in_flight = static_cast<std::size_t>(in_flight->get<std::uint64_t>());
    }
    return record;
}

} // namespace rd
