// UserFilter: the subordinate-user table's search and sort, recomputed only when the list, the search
// text or the sort order change, not on every frame. 10,000 rows must stay fluid while typing, so
// the work that does not depend on the search text is done once per list (each user's lower-case
// search text) and once per sort order (all users in that order); a key press then only filters.
#pragma once

#include "core/models.h"

#include <string>
#include <vector>

namespace rd::ui {

enum class UserColumn { partner_id, company, email, name };

class UserFilter {
  public:
    // Indices into `users` of the rows to show, in display order: the users whose partner id,
    // company, email, first, last or full name contains `search` (case-insensitive for every script
    // with case, exact for the rest: case_fold.h), sorted
    // by `sort_column` (ties keep the list's order).
    const std::vector<std::size_t>& rows(const std::vector<SubordinateUser>& users, const std::string& search,
                                         UserColumn sort_column, bool descending);

  private:
    void index_list(const std::vector<SubordinateUser>& users);
    void sort_all(const std::vector<SubordinateUser>& users, UserColumn column, bool descending);

    const SubordinateUser* list_identity_ = nullptr;
    std::size_t list_size_ = 0;
    bool indexed_ = false;
    std::vector<std::string> haystacks_; // per user: its searchable fields, lower case

    bool has_order_ = false;
    UserColumn order_column_ = UserColumn::company;
    bool order_descending_ = false;
    std::vector<std::size_t> order_; // every user, in the sort order

    bool valid_ = false;
    std::string search_;
    std::vector<std::size_t> rows_;
};

} // namespace rd::ui
