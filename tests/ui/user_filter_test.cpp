// UserFilter against the plainest possible reference (filter every field, then stable-sort), over
// random lists, searches typed and erased key by key, and every sort order.
#include "ui/user_filter.h"

#include "core/case_fold.h"
#include "core/text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

using namespace rd;
using rd::ui::UserColumn;
using rd::ui::UserFilter;

namespace {

std::vector<std::size_t> reference_rows(const std::vector<SubordinateUser>& users, const std::string& search,
                                        UserColumn column, bool descending) {
    const std::string needle = fold_case(search);
    auto contains = [&](const std::string& text) {
        return fold_case(text).find(needle) != std::string::npos;
    };
    std::vector<std::size_t> rows;
    for (std::size_t i = 0; i < users.size(); ++i) {
        const SubordinateUser& u = users[i];
        if (contains(u.partner_id) || contains(u.company) || contains(u.email) || contains(u.first_name) ||
            contains(u.last_name) || contains(display_name(u)))
            rows.push_back(i);
    }
    auto key = [&](std::size_t i) {
        const SubordinateUser& u = users[i];
        switch (column) {
        case UserColumn::partner_id: return ascii_lowercase(u.partner_id);
        case UserColumn::company: return ascii_lowercase(u.company);
        case UserColumn::email: return ascii_lowercase(u.email);
        case UserColumn::name: return ascii_lowercase(display_name(u));
        }
        return std::string();
    };
    std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
        const int order = key(a).compare(key(b));
        return descending ? order > 0 : order < 0;
    });
    return rows;
}

std::string random_text(std::mt19937& random, std::size_t max_length) {
    static const std::string letters = "abAB c-1@.";
    std::string text(random() % (max_length + 1), ' ');
    for (char& c : text)
        c = letters[random() % letters.size()];
    return text;
}

} // namespace

TEST(UserFilter, MatchesTheReferenceWhileTypingErasingAndResorting) {
    std::mt19937 random(20261127);
    for (int list = 0; list < 20; ++list) {
        std::vector<SubordinateUser> users(random() % 60);
        for (auto& u : users)
            u = {.partner_id = std::to_string(random() % 1000),
                 .company = random_text(random, 8),
                 .email = random_text(random, 8),
                 .first_name = random_text(random, 4),
                 .last_name = random_text(random, 4)};
        UserFilter filter;
        std::string search;
        for (int step = 0; step < 40; ++step) {
            const int what = static_cast<int>(random() % 4);
            if (what == 0 && !search.empty()) search.pop_back(); // erase a key
            else if (what == 3) search = random_text(random, 2); // paste over
            else search += random_text(random, 1).substr(0, 1);  // type a key
            const auto column = static_cast<UserColumn>(random() % 4);
            const bool descending = random() % 2 == 0;
            ASSERT_EQ(filter.rows(users, search, column, descending),
                      reference_rows(users, search, column, descending))
                << "list " << list << ", step " << step << ", search \"" << search << "\"";
        }
    }
}

TEST(UserFilter, AMatchNeverSpansTwoFieldsButMaySpanFirstAndLastName) {
    const std::vector<SubordinateUser> users = {
        {.partner_id = "1", .company = "Acme", .email = "x@y", .first_name = "Ann", .last_name = "Lee"}};
    UserFilter filter;
    EXPECT_TRUE(filter.rows(users, "acmex", UserColumn::company, false).empty());    // company + email
    EXPECT_EQ(filter.rows(users, "ann lee", UserColumn::company, false).size(), 1u); // the full name
}

TEST(UserFilter, NamesInAnyScriptAreFoundCaseInsensitivelyWhereTheScriptHasCase) {
    const std::vector<SubordinateUser> users = {
        {.partner_id = "1", .company = "Τηλεπικοινωνίες Αθηνών"},
        {.partner_id = "2", .company = "ООО «Связь Плюс»"},
        {.partner_id = "3", .company = "杭州云联通信有限公司"},
        {.partner_id = "4", .company = "CÔNG TY VIỄN THÔNG ĐÀ NẴNG"},
        {.partner_id = "5", .company = "Łódź Telekom"},
    };
    UserFilter filter;
    auto found = [&](const std::string& search) {
        const auto& rows = filter.rows(users, search, UserColumn::partner_id, false);
        return rows.size() == 1 ? users[rows[0]].partner_id : std::string("none");
    };
    EXPECT_EQ(found("τηλεπικοινωνίες"), "1");
    EXPECT_EQ(found("ΤΗΛΕΠΙΚΟΙΝΩΝΊΕΣ"), "1"); // ί and Ί: one letter with tonos, two cases
    EXPECT_EQ(found("связь"), "2");
    EXPECT_EQ(found("云联通信"), "3");   // no case: exact
    EXPECT_EQ(found("viễn thông"), "4"); // Vietnamese letters fold in Latin Extended Additional
    EXPECT_EQ(found("đà nẵng"), "4");
    EXPECT_EQ(found("ŁÓDŹ"), "5");
}
