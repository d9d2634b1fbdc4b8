#include "cli/input_csv.h"

#include "ui/words/error_words.h"

#include <unordered_map>
#include <unordered_set>

namespace rd::cli {
namespace {

struct Record {
    int line = 0;
    std::vector<std::string> cells;
    bool comment_or_blank = false;
    std::string error;
};

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}

// Splits the text into records, RFC 4180: a quoted cell runs to its closing quote, line breaks included.
std::vector<Record> records(std::string_view text) {
    std::vector<Record> out;
    std::size_t at = 0;
    int line = 1;
    while (at < text.size()) {
        Record record{.line = line};
        // A line starting with '#' (before any quote) is a comment.
        if (text[at] == '#') record.comment_or_blank = true;
        std::string cell;
        bool quoted_cell = false;
        bool end_of_record = false;
        while (!end_of_record) {
            if (at >= text.size()) break;
            const char c = text[at];
            if (c == '"' && trim(cell).empty() && !quoted_cell && !record.comment_or_blank) {
                // A quoted cell: up to the closing quote; "" is a quote.
                cell.clear();
                quoted_cell = true;
                ++at;
                bool closed = false;
                while (at < text.size()) {
                    if (text[at] == '"') {
                        if (at + 1 < text.size() && text[at + 1] == '"') {
                            cell += '"';
                            at += 2;
                            continue;
                        }
                        ++at;
                        closed = true;
                        break;
                    }
                    if (text[at] == '\n') ++line;
                    cell += text[at++];
                }
                if (!closed) {
                    record.error = "a quoted cell is not closed";
                    at = text.size();
                }
                // Only spaces may follow the closing quote.
                while (at < text.size() && (text[at] == ' ' || text[at] == '\t'))
                    ++at;
                if (at < text.size() && text[at] != ',' && text[at] != '\n' && text[at] != '\r' &&
                    record.error.empty())
                    record.error = "text after a closing quote";
                continue;
            }
            if (c == ',') {
                record.cells.push_back(quoted_cell ? cell : trim(cell));
                cell.clear();
                quoted_cell = false;
                ++at;
                continue;
            }
            if (c == '\r' || c == '\n') {
                if (c == '\r' && at + 1 < text.size() && text[at + 1] == '\n') ++at;
                ++at;
                ++line;
                end_of_record = true;
                continue;
            }
            if (quoted_cell) {
                // Stray text after a quoted cell was reported; skip it to the end of the cell.
                ++at;
                continue;
            }
            cell += c;
            ++at;
        }
        record.cells.push_back(quoted_cell ? cell : trim(cell));
        if (record.cells.size() == 1 && record.cells[0].empty() && !quoted_cell)
            record.comment_or_blank = true;
        out.push_back(std::move(record));
    }
    return out;
}

} // namespace

InputCsv parse_input_csv(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    InputCsv csv;
    bool first = true;
    for (Record& record : records(text)) {
        if (record.comment_or_blank && record.error.empty()) continue;
        const bool header = first && !record.cells.empty() && record.cells[0] == "partnerId";
        first = false;
        if (header) continue;
        if (!record.error.empty()) {
            csv.problems.push_back({record.line, record.error});
            continue;
        }
        if (record.cells.size() > 3) {
            csv.problems.push_back({record.line, std::to_string(record.cells.size()) +
                                                     " cells: expected partnerId[,planId[,poNumber]]"});
            continue;
        }
        InputRow row{.line = record.line};
        row.partner_id = record.cells[0] == "myself" ? "" : record.cells[0];
        bool ok = true;
        if (record.cells.size() > 1 && !trim(record.cells[1]).empty()) {
            auto id = parse_typed_id(record.cells[1], TypedId::plan);
            if (id) {
                row.plan_id = id.value();
            } else {
                csv.problems.push_back(
                    {record.line, "planId '" + record.cells[1] +
                                      "': " + ui::error_detail_words(id.error(), ui::Language::en)});
                ok = false;
            }
        }
        if (record.cells.size() > 2 && !trim(record.cells[2]).empty()) row.po_number = trim(record.cells[2]);
        if (ok) csv.rows.push_back(std::move(row));
    }
    if (csv.rows.empty() && csv.problems.empty()) csv.problems.push_back({1, "the file holds no row"});
    return csv;
}

std::vector<InputProblem> unknown_partners(const std::vector<InputRow>& rows,
                                           const std::vector<SubordinateUser>& users) {
    std::unordered_set<std::string> known;
    for (const SubordinateUser& user : users)
        known.insert(user.partner_id);
    std::vector<InputProblem> problems;
    for (const InputRow& row : rows)
        if (!row.partner_id.empty() && !known.count(row.partner_id))
            problems.push_back(
                {row.line, "partnerId '" + row.partner_id + "' is not among the subordinate users"});
    return problems;
}

std::vector<InputProblem> duplicate_partners(const std::vector<InputRow>& rows) {
    std::unordered_map<std::string, int> first_line;
    std::vector<InputProblem> problems;
    for (const InputRow& row : rows) {
        const auto [first, fresh] = first_line.emplace(row.partner_id, row.line);
        if (fresh) continue;
        const std::string who =
            row.partner_id.empty() ? std::string("myself") : "partnerId '" + row.partner_id + "'";
        problems.push_back({row.line, who + " again (first on line " + std::to_string(first->second) +
                                          "): one renewal each, unless --allow-duplicates"});
    }
    return problems;
}

std::string describe_problems(const std::vector<InputProblem>& problems) {
    std::string text;
    for (const InputProblem& problem : problems)
        text += "line " + std::to_string(problem.line) + ": " + problem.what + "\n";
    return text;
}

} // namespace rd::cli
