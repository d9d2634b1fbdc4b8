#include "cli/table.h"

#include "cli/display_width.h"

#include <algorithm>

namespace rd::cli {
namespace {

constexpr std::size_t gap = 2;
constexpr std::size_t min_shrunk = 6; // a cut name keeps at least this many columns

} // namespace

std::string render_table(const Table& table, std::optional<std::size_t> max_width) {
    const std::size_t n = table.columns.size();
    std::vector<std::vector<std::string>> cells;
    cells.push_back({});
    for (const Column& column : table.columns)
        cells.back().push_back(column.title);
    for (const auto& row : table.rows) {
        cells.push_back({});
        for (std::size_t i = 0; i < n; ++i)
            cells.back().push_back(i < row.size() ? printable(row[i]) : std::string());
    }
    std::vector<std::size_t> widths(n, 0);
    for (const auto& row : cells)
        for (std::size_t i = 0; i < n; ++i)
            widths[i] = std::max(widths[i], display_width(row[i]));

    if (max_width && n > 0) {
        auto total = [&] {
            std::size_t sum = gap * (n - 1);
            for (std::size_t w : widths)
                sum += w;
            return sum;
        };
        // Take one column at a time from the widest shrinkable column until the table fits.
        while (total() > *max_width) {
            std::size_t widest = n;
            for (std::size_t i = 0; i < n; ++i) {
                const std::size_t floor = std::max(min_shrunk, display_width(table.columns[i].title));
                if (table.columns[i].shrinkable && widths[i] > floor &&
                    (widest == n || widths[i] > widths[widest]))
                    widest = i;
            }
            if (widest == n) break; // cannot shrink further: the terminal wraps
            --widths[widest];
        }
    }

    std::string out;
    for (const auto& row : cells) {
        std::string line;
        for (std::size_t i = 0; i < n; ++i) {
            const std::string cell = truncate_to_width(row[i], widths[i]);
            line += cell;
            if (i + 1 < n) line.append(widths[i] - display_width(cell) + gap, ' ');
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out += line + "\n";
    }
    return out;
}

} // namespace rd::cli
