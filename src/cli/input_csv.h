// The input file of `renew --from FILE.csv`: one row per target, columns partnerId[,planId[,poNumber]].
// RFC 4180 quotes (a quoted cell may hold commas, doubled quotes and line breaks), an optional UTF-8
// byte-order mark, an optional header line whose first cell is "partnerId", blank lines and lines
// starting with '#' skipped. "myself" or an empty partnerId is the partner itself. An empty planId or
// poNumber cell means "the batch's" (--plan / --po). Every problem is reported with its line number,
// so the whole file is checked before anything is sent.
#pragma once

#include "core/ids.h"
#include "core/models.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::cli {

struct InputRow {
    int line = 0;           // 1-based line where the row starts
    std::string partner_id; // "" = the partner itself
    std::optional<Id64> plan_id;
    std::optional<std::string> po_number;
};

struct InputProblem {
    int line = 0;
    std::string what;
};

struct InputCsv {
    std::vector<InputRow> rows;
    std::vector<InputProblem> problems;
};

InputCsv parse_input_csv(std::string_view text);

// Rows whose partnerId is not among `users` (the partner itself always is).
std::vector<InputProblem> unknown_partners(const std::vector<InputRow>& rows,
                                           const std::vector<SubordinateUser>& users);

// Rows naming a customer (partnerId; "" = myself) an earlier row names already: a batch renews each
// customer once unless the person says otherwise (--allow-duplicates).
std::vector<InputProblem> duplicate_partners(const std::vector<InputRow>& rows);

// "line 3: ...\nline 7: ...\n"
std::string describe_problems(const std::vector<InputProblem>& problems);

} // namespace rd::cli
