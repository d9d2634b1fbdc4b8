#include "ui/user_filter.h"

#include "core/case_fold.h"
#include "core/text.h"

#include <algorithm>

namespace rd::ui {
namespace {

// Between fields: a single-line search box never holds a newline, so no match spans two fields.
constexpr char field_separator = '\n';

std::string haystack_of(const SubordinateUser& user) {
    std::string text;
    for (const std::string* field :
         {&user.partner_id, &user.company, &user.email, &user.first_name, &user.last_name}) {
        text += *field;
        text += field_separator;
    }
    text += display_name(user); // "first last": a search may span the space between them
    return fold_case(text);
}

std::string sort_key(const SubordinateUser& user, UserColumn column) {
    switch (column) {
    case UserColumn::partner_id: return ascii_lowercase(user.partner_id);
    case UserColumn::company: return ascii_lowercase(user.company);
    case UserColumn::email: return ascii_lowercase(user.email);
    case UserColumn::name: return ascii_lowercase(display_name(user));
    }
    return ascii_lowercase(user.company);
}

} // namespace

void UserFilter::index_list(const std::vector<SubordinateUser>& users) {
    haystacks_.clear();
    haystacks_.reserve(users.size());
    for (const SubordinateUser& user : users)
        haystacks_.push_back(haystack_of(user));
    indexed_ = true;
    has_order_ = false;
    valid_ = false;
}

void UserFilter::sort_all(const std::vector<SubordinateUser>& users, UserColumn column, bool descending) {
    std::vector<std::string> keys;
    keys.reserve(users.size());
    for (const SubordinateUser& user : users)
        keys.push_back(sort_key(user, column));
    order_.resize(users.size());
    for (std::size_t i = 0; i < users.size(); ++i)
        order_[i] = i;
    std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
        const int order = keys[a].compare(keys[b]);
        return descending ? order > 0 : order < 0;
    });
    order_column_ = column;
    order_descending_ = descending;
    has_order_ = true;
    valid_ = false;
}

const std::vector<std::size_t>& UserFilter::rows(const std::vector<SubordinateUser>& users,
                                                 const std::string& search, UserColumn sort_column,
                                                 bool descending) {
    const SubordinateUser* identity = users.empty() ? nullptr : users.data();
    if (!indexed_ || identity != list_identity_ || users.size() != list_size_) {
        list_identity_ = identity;
        list_size_ = users.size();
        index_list(users);
    }
    if (!has_order_ || sort_column != order_column_ || descending != order_descending_)
        sort_all(users, sort_column, descending);
    if (valid_ && search == search_) return rows_;

    const std::string needle = fold_case(search);
    // A longer search text that starts with the last one can only narrow the last rows down.
    const std::string previous = fold_case(search_);
    const bool narrowing =
        valid_ && needle.size() > previous.size() && needle.compare(0, previous.size(), previous) == 0;
    std::vector<std::size_t> candidates = narrowing ? std::move(rows_) : order_;
    rows_.clear();
    for (const std::size_t i : candidates)
        if (needle.empty() || haystacks_[i].find(needle) != std::string::npos) rows_.push_back(i);
    search_ = search;
    valid_ = true;
    return rows_;
}

} // namespace rd::ui
