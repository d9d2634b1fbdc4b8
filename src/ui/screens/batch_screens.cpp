// What the batch screens share: a target in words, the CSV file name, whether a target has an earlier order.
#include "ui/screens/batch_screens.h"

#include "ui/display_text.h"
#include "ui/words/catalog.h"

#include <algorithm>

namespace rd::ui {

std::string batch_target_text(const BatchTarget& target) {
    if (target.partner_id.empty()) return tr(Text::yourself_own_account);
    return target.company.empty() ? target.partner_id : target.partner_id + " - " + target.company;
}

std::string batch_csv_name(std::int64_t epoch_ms) {
    std::string time = local_time_text(epoch_ms); // "2026-11-27 10:42:05"
    std::replace(time.begin(), time.end(), ' ', '-');
    std::erase(time, ':');
    return "renewdesk-batch-" + time + ".csv";
}

bool has_earlier_orders(const std::vector<BatchTarget>& targets) {
    for (const BatchTarget& target : targets)
        if (!target.earlier_order_no.empty()) return true;
    return false;
}

} // namespace rd::ui
