// renewdesk-cli's batch input (`renew --from FILE.csv`, src/cli/input_csv.h) on any bytes: a file a
// spreadsheet, a billing system or a person wrote. Beyond not crashing: every row and problem names
// a line of the file, in order; and the rows read back identically from a clean CSV written from them
// (quoted cells, "myself" for the partner itself), so the parser keeps every partnerId, plan id and
// PO number exactly, whatever bytes they hold.
#include "cli/input_csv.h"
#include "tests/fuzz/fuzz_support.h"

#include <algorithm>

using namespace rd;
using namespace rd::cli;

namespace {

std::string quoted(const std::string& cell) {
    std::string text = "\"";
    for (char c : cell) {
        if (c == '"') text += '"';
        text += c;
    }
    return text + "\"";
}

std::string clean_csv(const std::vector<InputRow>& rows) {
    std::string text = "partnerId,planId,poNumber\r\n";
    for (const InputRow& row : rows) {
        text += row.partner_id.empty() ? std::string("myself") : quoted(row.partner_id);
        text += ",";
        if (row.plan_id) text += row.plan_id->to_string();
        text += ",";
        if (row.po_number) text += quoted(*row.po_number);
        text += "\r\n";
    }
    return text;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = rd::fuzz::bytes(data, size);
    const InputCsv csv = parse_input_csv(text);
    const int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n') +
                                       std::count(text.begin(), text.end(), '\r')) +
                      1;
    FUZZ_CHECK(!csv.rows.empty() || !csv.problems.empty()); // an empty file is a problem too
    int last = 0;
    for (const InputRow& row : csv.rows) {
        FUZZ_CHECK(row.line >= 1 && row.line <= lines);
        FUZZ_CHECK(row.line > last); // one row per record, in the file's order
        last = row.line;
        FUZZ_CHECK(row.partner_id != "myself");
        FUZZ_CHECK(!row.po_number || !row.po_number->empty()); // an empty cell is "the batch's"
    }
    for (const InputProblem& problem : csv.problems)
        FUZZ_CHECK(problem.line >= 1 && problem.line <= lines && !problem.what.empty());
    (void)describe_problems(csv.problems);
    (void)unknown_partners(csv.rows, {});

    if (csv.rows.empty()) return 0;
    const InputCsv again = parse_input_csv(clean_csv(csv.rows));
    FUZZ_CHECK(again.problems.empty());
    FUZZ_CHECK(again.rows.size() == csv.rows.size());
    for (std::size_t i = 0; i < csv.rows.size(); ++i) {
        FUZZ_CHECK(again.rows[i].partner_id == csv.rows[i].partner_id);
        FUZZ_CHECK(again.rows[i].plan_id == csv.rows[i].plan_id);
        FUZZ_CHECK(again.rows[i].po_number == csv.rows[i].po_number);
    }
    return 0;
}
