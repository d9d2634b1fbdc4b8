// BatchRun's read-only views: counts, the unknown row, the rows to send again, the CSV, the body.
#include "core/batch_journal.h"
#include "core/batch_run.h"
#include "core/order_body.h"
#include "core/order_reference.h"

#include <string_view>

namespace rd {
namespace {

// RFC 4180: a field holding a comma, a quote, CR or LF is quoted, its quotes doubled. A field a
// spreadsheet would take for a formula (=, +, -, @, tab or CR first: a company named
// "=HYPERLINK(...)") gets a leading apostrophe and is quoted, so it opens as the text it is.
std::string csv_field(const std::string& text) {
    const bool formula =
        !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
    if (!formula && text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = formula ? "\"'" : "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

} // namespace

BatchCounts count_rows(const std::vector<BatchRow>& rows, bool* waiting_rows) {
    BatchCounts counts{.size = static_cast<int>(rows.size())};
    bool waiting = false;
    for (const BatchRow& row : rows) {
        switch (row.status) {
        case BatchRowStatus::waiting: waiting = true; break;
        case BatchRowStatus::skipped: break;
        case BatchRowStatus::sending: ++counts.sent; break;
        case BatchRowStatus::placed: ++counts.sent, ++counts.placed; break;
        case BatchRowStatus::pending: ++counts.sent, ++counts.pending; break;
        case BatchRowStatus::failed: ++counts.sent, ++counts.failed; break;
        case BatchRowStatus::unknown: ++counts.sent, ++counts.unknown; break;
        case BatchRowStatus::ambiguous: ++counts.sent, ++counts.ambiguous; break;
        }
    }
    if (waiting_rows) *waiting_rows = waiting;
    return counts;
}

BatchCounts BatchRun::counts() const {
    bool waiting = false;
    BatchCounts counts = count_rows(rows_, &waiting);
    counts.running = in_flight_.has_value() || reconciler_.result().status == ReconcileStatus::checking ||
                     (active_ && waiting);
    return counts;
}

bool BatchRun::stopped_at_unknown() const {
    return unknown_.has_value();
}

std::optional<std::size_t> BatchRun::unknown_row() const {
    return unknown_;
}

const ReconcileResult& BatchRun::reconciliation() const {
    return reconciler_.result();
}

std::vector<BatchTarget> BatchRun::failed_targets() const {
    std::vector<BatchTarget> targets;
    for (const BatchRow& row : rows_)
        if (row.status == BatchRowStatus::failed) {
            BatchTarget target = row.target;
            target.earlier_order_no = row.order_no; // "" when nothing was created
            target.earlier_order_status = row.order_no.empty() ? "" : row.order_status;
            if (!row.target.po_number || is_generated_reference(*row.target.po_number))
                target.po_number.reset(); // the new row gets a reference of its own
            targets.push_back(std::move(target));
        }
    return targets;
}

std::string BatchRun::csv() const {
    std::string out = "partnerId,company,orderNo,status,requestId\r\n";
    for (const BatchRow& row : rows_)
        out += csv_field(row.target.partner_id) + ',' + csv_field(row.target.company) + ',' +
               csv_field(row.order_no) + ',' + batch_row_status_name(row.status) + ',' +
               csv_field(row.request_id) + "\r\n";
    return out;
}

std::string BatchRun::order_body(std::size_t row) const {
    if (row >= rows_.size()) return {};
    const BatchTarget& target = rows_[row].target;
    return renewal_order_body(RenewalOrder{
        .partner_id =
            target.partner_id.empty() ? std::nullopt : std::optional<std::string>(target.partner_id),
        .billing_id = billing_id_,
        .plan_id = target.plan_id.value_or(plan_id_),
        .po_number = target.po_number.value_or(po_number_),
    });
}

} // namespace rd
