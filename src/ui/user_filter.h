// UserFilter: the subordinate-user table's search and sort, recomputed only when the list, the search
// text or the sort order change (10,000 rows must stay fluid), not on every frame.
#pragma once

#include "models.h"

#include <string>
#include <vector>

namespace rd::ui {

enum class UserColumn { partner_id, company, email, name };

class UserFilter {
  public:
    // Indices into `users` of the rows to show, in display order.
    const std::vector<std::size_t>& rows(const std::vector<SubordinateUser>& users, const std::string& search,
                                         UserColumn sort_column, bool descending);

  private:
    const SubordinateUser* list_identity_ = nullptr;
    std::size_t list_size_ = 0;
    std::string search_;
    UserColumn column_ = UserColumn::company;
    bool descending_ = false;
    bool valid_ = false;
    std::vector<std::size_t> rows_;
};

} // namespace rd::ui
