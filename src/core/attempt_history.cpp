#include "core/attempt_history.h"

#include "core/batch_journal.h"
#include "core/json.h"
#include "core/order_journal.h"
#include "core/text.h"

#include <algorithm>

namespace rd {
namespace {

bool text_member(const Json& item, const char* name, std::string& out) {
    auto it = item.find(name);
    if (it == item.end() || !it->is_string()) return false;
    out = it->get<std::string>();
    return true;
}

bool time_member(const Json& item, const char* name, std::int64_t& out) {
    auto it = item.find(name);
    if (it == item.end() || !it->is_number_integer()) return false;
    out = it->get<std::int64_t>();
    return true;
}

template <class T> void keep_newest(std::vector<T>& entries) {
    if (entries.size() > history_max_entries)
        entries.erase(entries.begin(),
                      entries.begin() + static_cast<std::ptrdiff_t>(entries.size() - history_max_entries));
}

} // namespace

bool parse_attempt_history(const std::string& text, AttemptHistoryDoc& out) {
    const Json document = Json::parse(std::string_view(text), nullptr, /*allow_exceptions=*/false);
    if (!document.is_object()) return false;
    const auto orders = document.find("orders");
    if (orders == document.end() || !orders->is_array()) return false;
    for (const Json& item : *orders) {
        AccountedOrder entry;
        if (item.is_object() && text_member(item, "orderNo", entry.order_no) && !entry.order_no.empty() &&
            text_member(item, "baseUrl", entry.base_url) && text_member(item, "clientId", entry.client_id) &&
            time_member(item, "atMs", entry.at_ms)) {
            text_member(item, "reference", entry.reference); // absent in files written before them
            text_member(item, "orderStatus", entry.order_status);
            out.orders.push_back(std::move(entry));
        }
    }
    text_member(document, "lastBatch", out.last_batch); // absent in files written before it existed
    const auto ruled_out = document.find("ruledOut");   // absent in files written before it existed
    if (ruled_out != document.end() && ruled_out->is_array())
        for (const Json& item : *ruled_out) {
            RuledOutAttempt entry;
            if (item.is_object() && text_member(item, "reference", entry.reference) &&
                !entry.reference.empty() && text_member(item, "target", entry.target) &&
                text_member(item, "baseUrl", entry.base_url) &&
                text_member(item, "clientId", entry.client_id) &&
                time_member(item, "sentAtMs", entry.sent_at_ms) && time_member(item, "atMs", entry.at_ms)) {
                std::string billing;
                if (text_member(item, "billingId", billing))
                    entry.billing_id = parse_id(billing).value_or(Id64{});
                out.ruled_out.push_back(std::move(entry));
            }
        }
    return true;
}

std::string attempt_history_to_json(const AttemptHistoryDoc& doc) {
    Json orders = Json::array(), ruled_out = Json::array();
    for (const AccountedOrder& entry : doc.orders) {
        Json item = {{"orderNo", entry.order_no},
                     {"baseUrl", entry.base_url},
                     {"clientId", entry.client_id},
                     {"atMs", entry.at_ms}};
        if (!entry.reference.empty()) item["reference"] = entry.reference;
        if (!entry.order_status.empty()) item["orderStatus"] = entry.order_status;
        orders.push_back(std::move(item));
    }
    for (const RuledOutAttempt& entry : doc.ruled_out)
        ruled_out.push_back({{"reference", entry.reference},
                             {"target", entry.target},
                             {"baseUrl", entry.base_url},
                             {"clientId", entry.client_id},
                             {"sentAtMs", entry.sent_at_ms},
                             {"atMs", entry.at_ms},
                             {"billingId", entry.billing_id.to_string()}});
    Json document{{"version", 1}, {"orders", std::move(orders)}, {"ruledOut", std::move(ruled_out)}};
    if (!doc.last_batch.empty()) document["lastBatch"] = doc.last_batch;
    return json_text(document) + "\n";
}

void prune_attempt_history(AttemptHistoryDoc& doc, std::int64_t now_ms,
                           std::optional<std::int64_t> keep_orders_since_ms) {
    auto stale = [now_ms](std::int64_t at_ms, std::int64_t keep_ms) {
        return at_ms < now_ms - keep_ms || at_ms > now_ms + keep_ms;
    };
    const std::int64_t keep_since = keep_orders_since_ms.value_or(now_ms - orders_keep_ms);
    std::erase_if(doc.orders, [&](const AccountedOrder& e) {
        return e.at_ms < keep_since || e.at_ms > now_ms + orders_keep_ms;
    });
    std::erase_if(doc.ruled_out,
                  [&](const RuledOutAttempt& e) { return stale(e.at_ms, late_commit_watch_ms); });
    keep_newest(doc.orders);
    keep_newest(doc.ruled_out);
}

std::vector<std::string> AttemptHistory::orders_of(const std::string& base_url,
                                                   const std::string& client_id) {
    std::vector<std::string> order_nos;
    for (const AccountedOrder& entry : load().orders)
        if (entry.base_url == base_url && entry.client_id == client_id) order_nos.push_back(entry.order_no);
    return order_nos;
}

void add_accounted_orders(AttemptHistoryDoc& doc, const std::vector<std::string>& order_nos,
                          const std::string& base_url, const std::string& client_id, std::int64_t now_ms,
                          std::optional<std::int64_t> keep_orders_since_ms) {
    for (const std::string& order_no : order_nos) {
        if (order_no.empty()) continue;
        std::erase_if(doc.orders, [&](const AccountedOrder& e) {
            return e.order_no == order_no && e.base_url == base_url && e.client_id == client_id;
        });
        doc.orders.push_back({order_no, base_url, client_id, now_ms});
    }
    prune_attempt_history(doc, now_ms, keep_orders_since_ms);
}

std::optional<std::int64_t> oldest_journaled_send(const std::vector<std::string>& journal_texts) {
    std::optional<std::int64_t> oldest;
    auto take = [&](std::int64_t sent_at_ms) { oldest = std::min(oldest.value_or(sent_at_ms), sent_at_ms); };
    for (const std::string& text : journal_texts) {
        if (text.empty()) continue;
        if (const auto entry = journal_from_json(text)) {
            take(entry->sent_at_ms);
        } else if (const auto record = batch_journal_from_json(text)) {
            bool unresolved = record->in_flight.has_value();
            for (const BatchRow& row : record->rows)
                unresolved = unresolved || row.status == BatchRowStatus::unknown ||
                             row.status == BatchRowStatus::sending;
            if (unresolved) take(record->sent_at_ms);
        }
    }
    return oldest;
}

std::int64_t AttemptHistory::orders_kept_since(std::int64_t now_ms) {
    std::int64_t since = now_ms - orders_keep_ms;
    if (const auto oldest = oldest_journaled_send(journal_texts()))
        since = std::min(since, *oldest - window_reach_back_ms);
    return since;
}

void AttemptHistory::add_orders(const std::vector<std::string>& order_nos, const std::string& base_url,
                                const std::string& client_id, std::int64_t now_ms) {
    const std::int64_t keep_since = orders_kept_since(now_ms);
    update([&](AttemptHistoryDoc& doc) {
        add_accounted_orders(doc, order_nos, base_url, client_id, now_ms, keep_since);
    });
}

std::vector<RuledOutAttempt> AttemptHistory::ruled_out_for(const std::string& target,
                                                           const std::string& base_url,
                                                           const std::string& client_id,
                                                           std::int64_t now_ms) {
    std::vector<RuledOutAttempt> found;
    for (const RuledOutAttempt& entry : load().ruled_out)
        if (entry.target == target && entry.base_url == base_url && entry.client_id == client_id &&
            entry.at_ms >= now_ms - late_commit_watch_ms && entry.at_ms <= now_ms + late_commit_watch_ms)
            found.push_back(entry);
    return found;
}

void AttemptHistory::add_ruled_out(RuledOutAttempt attempt) {
    const std::int64_t keep_since = orders_kept_since(attempt.at_ms);
    update([&](AttemptHistoryDoc& doc) {
        std::erase_if(doc.ruled_out,
                      [&](const RuledOutAttempt& e) { return e.reference == attempt.reference; });
        const std::int64_t now_ms = attempt.at_ms;
        doc.ruled_out.push_back(std::move(attempt));
        prune_attempt_history(doc, now_ms, keep_since);
    });
}

void AttemptHistory::forget_ruled_out(const std::string& reference) {
    update([&](AttemptHistoryDoc& doc) {
        std::erase_if(doc.ruled_out, [&](const RuledOutAttempt& e) { return e.reference == reference; });
    });
}

void AttemptHistory::add_attempt_order(AccountedOrder order) {
    if (order.order_no.empty()) return;
    const std::int64_t now_ms = order.at_ms;
    const std::int64_t keep_since = orders_kept_since(now_ms);
    update([&](AttemptHistoryDoc& doc) {
        std::erase_if(doc.orders, [&](const AccountedOrder& e) {
            return e.order_no == order.order_no && e.base_url == order.base_url &&
                   e.client_id == order.client_id;
        });
        doc.orders.push_back(std::move(order));
        prune_attempt_history(doc, now_ms, keep_since);
    });
}

void AttemptHistory::set_last_batch(std::string record_text) {
    update([&](AttemptHistoryDoc& doc) { doc.last_batch = std::move(record_text); });
}

std::optional<AccountedOrder> AttemptHistory::order_of_attempt(const std::string& reference,
                                                               const std::string& base_url,
                                                               const std::string& client_id) {
    if (reference.empty()) return std::nullopt;
    std::optional<AccountedOrder> found;
    for (const AccountedOrder& entry : load().orders) // the newest record wins
        if (entry.reference == reference && entry.base_url == base_url && entry.client_id == client_id)
            found = entry;
    return found;
}

bool AttemptHistory::attempt_ruled_out(const std::string& reference, const std::string& base_url,
                                       const std::string& client_id) {
    if (reference.empty()) return false;
    for (const RuledOutAttempt& entry : load().ruled_out)
        if (entry.reference == reference && entry.base_url == base_url && entry.client_id == client_id)
            return true;
    return false;
}

} // namespace rd
