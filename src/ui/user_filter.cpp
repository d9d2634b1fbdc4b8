#include "user_filter.h"

#include "text.h"

#include <algorithm>

namespace rd::ui {
namespace {

bool matches(const SubordinateUser& user, const std::string& needle) {
    if (needle.empty()) return true;
    for (const std::string* field :
         {&user.partner_id, &user.company, &user.email, &user.first_name, &user.last_name})
        if (ascii_lowercase(*field).find(needle) != std::string::npos) return true;
    return ascii_lowercase(display_name(user)).find(needle) != std::string::npos;
}

const std::string& sort_key(const SubordinateUser& user, UserColumn column, std::string& scratch) {
    switch (column) {
    case UserColumn::partner_id: return user.partner_id;
    case UserColumn::company: return user.company;
    case UserColumn::email: return user.email;
    case UserColumn::name: scratch = display_name(user); return scratch;
    }
    return user.company;
}

} // namespace

const std::vector<std::size_t>& UserFilter::rows(const std::vector<SubordinateUser>& users,
                                                 const std::string& search, UserColumn sort_column,
                                                 bool descending) {
    const SubordinateUser* identity = users.empty() ? nullptr : users.data();
    if (valid_ && identity == list_identity_ && users.size() == list_size_ && search == search_ &&
        sort_column == column_ && descending == descending_)
        return rows_;
    list_identity_ = identity;
    list_size_ = users.size();
    search_ = search;
    column_ = sort_column;
    descending_ = descending;
    valid_ = true;

    std::string needle = ascii_lowercase(search);
    rows_.clear();
    for (std::size_t i = 0; i < users.size(); ++i)
        if (matches(users[i], needle)) rows_.push_back(i);
    std::stable_sort(rows_.begin(), rows_.end(), [&](std::size_t a, std::size_t b) {
        std::string scratch_a, scratch_b;
        int order = ascii_lowercase(sort_key(users[a], column_, scratch_a))
                        .compare(ascii_lowercase(sort_key(users[b], column_, scratch_b)));
        return descending_ ? order > 0 : order < 0;
    });
    return rows_;
}

} // namespace rd::ui
