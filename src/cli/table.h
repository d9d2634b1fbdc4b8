// Human-readable tables: columns lined up by display width (display_width.h). Only when the table must
// fit a terminal are the shrinkable columns (names, never ids) cut, widest first, with "…".
//
//   Table table{.columns = {{"PARTNER ID"}, {"COMPANY", true}}};
//   table.rows.push_back({user.partner_id, user.company});
//   std::cout << render_table(table, terminal_width());
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace rd::cli {

struct Column {
    std::string title;
    bool shrinkable = false;
};

struct Table {
    std::vector<Column> columns;
    std::vector<std::vector<std::string>> rows; // cells as received: made printable when rendered
};

// Columns are separated by two spaces; no trailing spaces. `max_width`: the terminal's columns, or
// nullopt for no limit.
std::string render_table(const Table& table, std::optional<std::size_t> max_width);

} // namespace rd::cli
