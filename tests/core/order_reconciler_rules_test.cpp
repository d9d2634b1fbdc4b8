// The rules of proof after an unknown outcome (order_reconciler.h), as a table: each row one situation
// a partner's account really meets (other operators, other customers, references echoed or not, the
// API's clock off, createTime in odd shapes) and the one answer allowed. The list and the order
// details are answered here as the API would; times are seconds from the attempt's send time.
#include "core/order_reconciler.h"

#include "core/api_paths.h"
#include "core/order_reference.h"
#include "tests/core/fake_transport.h"

#include <gtest/gtest.h>

#include <map>

using namespace rd;
using namespace rd::test;

namespace {

enum class Details {
    ours,
    other_customer,
    other_billing,
    other_product,
    silent,
    numeric_ours,
    billing_id_name,
    myself,
    fails
};

struct Listed {
    const char* order_no;
    std::int64_t at_s; // createTime on the API's clock, seconds after the send time on this computer
    const char* reference = "";
    Details details = Details::silent;
    std::optional<Json> create_time = std::nullopt; // instead of the time above: an odd shape
};

struct Row {
    const char* situation;
    std::vector<Listed> orders;
    ReconcileStatus expected;
    const char* match = ""; // the order found
    MatchedBy by = MatchedBy::nothing;
    int unproven = 0;
    const char* reference = "RD-ABCDEFGH"; // the attempt's
    std::optional<std::string> target = "p-7";
    std::vector<std::string> known = {};
    std::optional<ClockOffset> offset = ClockOffset{-500, 500}; // the API's clock as Date showed it
};

void PrintTo(const Row& row, std::ostream* out) {
    *out << row.situation;
}

constexpr std::int64_t sent_at = 1'800'000'000'000; // 2027-01-15, this computer's clock
constexpr std::int64_t day_s = 86'400;

Json details_of(Details kind) {
    Json basic = {{"productId", "15"}, {"productName", "Remote Management"}, {"partnerId", "p-7"}};
    Json billing = {{"billingContactId", "31"}};
    switch (kind) {
    case Details::ours: break;
    case Details::other_customer: basic["partnerId"] = "p-8"; break;
    case Details::other_billing: billing["billingContactId"] = "32"; break;
    case Details::other_product: basic["productId"] = "20"; break;
    case Details::silent:
        return {{"basicInformation", {{"productId", "15"}}}, {"orderInformation", Json::object()}};
    case Details::numeric_ours: basic["productId"] = 15, billing["billingContactId"] = 31; break;
    case Details::billing_id_name: billing = {{"billingId", "31"}}; break;
    case Details::myself: basic["partnerId"] = ""; break;
    case Details::fails: break;
    }
    return {
        {"basicInformation", basic}, {"billingInformation", billing}, {"orderInformation", Json::object()}};
}

const std::vector<Row> rows = {
    // Rule 1: the reference proves it.
    {"ours carries our reference",
     {{"MK-1", 1, "RD-ABCDEFGH"}},
     ReconcileStatus::found,
     "MK-1",
     MatchedBy::reference},
    {"a colleague's order the same second, another customer, no reference; ours by reference",
     {{"MK-col", 0, "", Details::other_customer}, {"MK-1", 0, "RD-ABCDEFGH"}},
     ReconcileStatus::found,
     "MK-1",
     MatchedBy::reference},
    {"a colleague's order 5 s earlier: the receipt names ours",
     {{"MK-col", -5, "", Details::ours}, {"MK-1", 1, "RD-ABCDEFGH"}},
     ReconcileStatus::found,
     "MK-1",
     MatchedBy::reference},
    {"a colleague's order 5 s later with its own PO; ours by reference",
     {{"MK-1", 0, "RD-ABCDEFGH"}, {"MK-col", 5, "COL-9"}},
     ReconcileStatus::found,
     "MK-1",
     MatchedBy::reference},
    {"our generated reference counts outside the window too",
     {{"MK-1", -2 * day_s, "RD-ABCDEFGH"}},
     ReconcileStatus::found,
     "MK-1",
     MatchedBy::reference},
    {"a typed PO number counts inside the window when the order's details show the attempt",
     {{"MK-1", 2, "PO-1", Details::ours}},
     ReconcileStatus::found,
     "MK-1",
     MatchedBy::reference,
     0,
     "PO-1"},
    // A PO number the person typed is not unique: a colleague may order under the same purchase order.
    {"a typed PO number, details silent: the same number is not proof",
     {{"MK-1", 2, "PO-1"}},
     ReconcileStatus::ambiguous,
     "",
     MatchedBy::nothing,
     1,
     "PO-1"},
    {"a colleague's order with our typed PO number for another customer; ours never arrived",
     {{"MK-col", 0, "PO-1", Details::other_customer}},
     ReconcileStatus::none,
     "",
     MatchedBy::nothing,
     0,
     "PO-1"},
    {"our typed PO number on a colleague's order for another customer and on ours",
     {{"MK-col", 0, "PO-1", Details::other_customer}, {"MK-1", 2, "PO-1", Details::ours}},
     ReconcileStatus::found,
     "MK-1",
     MatchedBy::reference,
     0,
     "PO-1"},
    {"our typed PO number on two orders whose details both look like ours",
     {{"MK-1", 1, "PO-1", Details::ours}, {"MK-2", 2, "PO-1", Details::ours}},
     ReconcileStatus::ambiguous,
     "",
     MatchedBy::nothing,
     2,
     "PO-1"},
    {"our typed PO number: one order like ours, one whose details are silent",
     {{"MK-1", 1, "PO-1", Details::ours}, {"MK-2", 2, "PO-1"}},
     ReconcileStatus::ambiguous,
     "",
     MatchedBy::nothing,
     2,
     "PO-1"},
    {"our typed PO number: the details cannot be read",
     {{"MK-1", 1, "PO-1", Details::fails}},
     ReconcileStatus::error,
     "",
     MatchedBy::nothing,
     0,
     "PO-1"},
    {"a typed PO number reused from last week's order is not proof",
     {{"MK-old", -7 * day_s, "PO-1"}},
     ReconcileStatus::none,
     "",
     MatchedBy::nothing,
     0,
     "PO-1"},
    {"a typed PO number shared by an earlier batch row already accounted for",
     {{"MK-row1", -3, "PO-1"}},
     ReconcileStatus::none,
     "",
     MatchedBy::nothing,
     0,
     "PO-1",
     "p-7",
     {"MK-row1"}},
    {"two orders with our reference: the earlier",
     {{"MK-1", 1, "RD-ABCDEFGH"}, {"MK-2", 3, "RD-ABCDEFGH"}},
     ReconcileStatus::found,
     "MK-1",
     MatchedBy::reference},
    {"our reference on an order already accounted for does not count twice",
     {{"MK-known", 1, "RD-ABCDEFGH"}, {"MK-2", 2, "RD-ABCDEFGH"}},
     ReconcileStatus::found,
     "MK-2",
     MatchedBy::reference,
     0,
     "RD-ABCDEFGH",
     "p-7",
     {"MK-known"}},
    // Rules 2 and 3: references and orders accounted for explain orders away.
    {"nothing in the list", {}, ReconcileStatus::none},
    {"only orders from yesterday", {{"MK-old", -day_s, "", Details::ours}}, ReconcileStatus::none},
    {"a colleague's order the same second with its own PO; ours never arrived",
     {{"MK-col", 0, "COL-1"}},
     ReconcileStatus::none},
    {"a script's generated reference of another attempt",
     {{"MK-x", 2, "RD-ZZZZZZZZ"}},
     ReconcileStatus::none},
    {"an order this computer already accounted for",
     {{"MK-known", 1, "", Details::ours}},
     ReconcileStatus::none,
     "",
     MatchedBy::nothing,
     0,
     "RD-ABCDEFGH",
     "p-7",
     {"MK-known"}},
    {"just before the window (margin included)",
     {{"MK-before", -6, "", Details::ours}},
     ReconcileStatus::none},
    {"at the window's very start",
     {{"MK-edge", -5, "", Details::silent}},
     ReconcileStatus::ambiguous,
     "",
     MatchedBy::nothing,
     1},
    // Rule 4: details that show another customer, contact or product explain an order away.
    {"no reference, details show another customer",
     {{"MK-col", 0, "", Details::other_customer}},
     ReconcileStatus::none},
    {"no reference, details show another billing contact",
     {{"MK-col", 0, "", Details::other_billing}},
     ReconcileStatus::none},
    {"no reference, details show another product",
     {{"MK-col", 0, "", Details::other_product}},
     ReconcileStatus::none},
    {"for myself, details show a subordinate user",
     {{"MK-col", 0, "", Details::ours}},
     ReconcileStatus::none,
     "",
     MatchedBy::nothing,
     0,
     "RD-ABCDEFGH",
     ""},
    // Details that show our customer, contact and product are not proof: a colleague's renewal of the
    // same customer in the Partner Portal looks the same (the soak found it). Ambiguous, marked.
    {"no references anywhere, details show our customer, contact and product: still not proof",
     {{"MK-1", 1, "", Details::ours}},
     ReconcileStatus::ambiguous,
     "",
     MatchedBy::nothing,
     1},
    {"details with numbers instead of strings",
     {{"MK-1", 1, "", Details::numeric_ours}},
     ReconcileStatus::ambiguous,
     "",
     MatchedBy::nothing,
     1},
    {"details naming the contact billingId",
     {{"MK-1", 1, "", Details::billing_id_name}},
     ReconcileStatus::ambiguous,
     "",
     MatchedBy::nothing,
     1},
    {"for myself: details with an empty partnerId",
     {{"MK-1", 1, "", Details::myself}},
     ReconcileStatus::ambiguous,
     "",
     MatchedBy::nothing,
     1,
     "RD-ABCDEFGH",
     ""},
    {"details like ours beside a colleague's for another customer",
     {{"MK-col", 0, "", Details::other_customer}, {"MK-1", 1, "", Details::ours}},
     ReconcileStatus::ambiguous,
     "",
     MatchedBy::nothing,
     1},
    {"an older journal without a reference, details like ours",
     {{"MK-1", 1, "", Details::ours}},
     ReconcileStatus::ambiguous,
     "",
     MatchedBy::nothing,
     1,
     ""},
    {"an older journal without a reference: a referenced order is another's",
     {{"MK-x", 1, "PO-X", Details::ours}},
     ReconcileStatus::none,
     "",
     MatchedBy::nothing,
     0,
     ""},
    {"a colleague renewed the same customer 1.5 s before; ours never arrived (the soak's seed 1 run 28)",
     {{"MK-col", -1, "", Details::ours}},
     ReconcileStatus::ambiguous,
     "",
     MatchedBy::nothing,
     1},
    // Rule 5: what cannot be proven or explained is ambiguous.
    {"no reference, details silent",
     {{"MK-Q", 0, "", Details::silent}},
     ReconcileStatus::ambiguous,
     "",
     MatchedBy::nothing,
     1},
    {"details match ours, but the list echoes references and this one has none",
     {{"MK-ref", -3, "COL-1"}, {"MK-1", 1, "", Details::ours}},
     ReconcileStatus::ambiguous,
     "",
     MatchedBy::nothing,
     1},
    {"two orders match ours by details",
     {{"MK-1", 1, "", Details::ours}, {"MK-2", 2, "", Details::ours}},
     ReconcileStatus::ambiguous,
     "",
     MatchedBy::nothing,
     2},
    {"one matches by details, one is silent",
     {{"MK-1", 1, "", Details::ours}, {"MK-Q", 2, "", Details::silent}},
     ReconcileStatus::ambiguous,
     "",
     MatchedBy::nothing,
     2},
    {"the attempt's customer is not known (no proof by details)",
     {{"MK-1", 1, "", Details::ours}},
     ReconcileStatus::ambiguous,
     "",
     MatchedBy::nothing,
     1,
     "RD-ABCDEFGH",
     std::nullopt},
    {"more candidates than are worth reading",
     {{"A", 1},
      {"B", 1},
      {"C", 1},
      {"D", 1},
      {"E", 1},
      {"F", 1},
      {"G", 1},
      {"H", 1},
      {"I", 1},
      {"J", 1},
      {"K", 1}},
     ReconcileStatus::ambiguous,
     "",
     MatchedBy::nothing,
     11},
    // The API's clock (Date): the window starts at the send time on the API's clock.
    {"API clock 90 s behind: ours found by reference",
     {{"MK-1", -89, "RD-ABCDEFGH"}},
     ReconcileStatus::found,
     "MK-1",
     MatchedBy::reference,
     0,
     "RD-ABCDEFGH",
     "p-7",
     {},
     ClockOffset{-90'500, -89'500}},
    {"API clock 90 s behind: details like ours without an echoed reference",
     {{"MK-1", -89, "", Details::ours}},
     ReconcileStatus::ambiguous,
     "",
     MatchedBy::nothing,
     1,
     "RD-ABCDEFGH",
     "p-7",
     {},
     ClockOffset{-90'500, -89'500}},
    {"API clock 90 s behind: a silent order created then is not ruled out",
     {{"MK-Q", -89, "", Details::silent}},
     ReconcileStatus::ambiguous,
     "",
     MatchedBy::nothing,
     1,
     "RD-ABCDEFGH",
     "p-7",
     {},
     ClockOffset{-90'500, -89'500}},
    {"API clock 90 s ahead: an order 20 s before our send on its clock is older",
     {{"MK-old", 70, "", Details::ours}},
     ReconcileStatus::none,
     "",
     MatchedBy::nothing,
     0,
     "RD-ABCDEFGH",
     "p-7",
     {},
     ClockOffset{89'500, 90'500}},
    {"API clock 90 s ahead: details like ours, created after our send on its clock",
     {{"MK-1", 91, "", Details::ours}},
     ReconcileStatus::ambiguous,
     "",
     MatchedBy::nothing,
     1,
     "RD-ABCDEFGH",
     "p-7",
     {},
     ClockOffset{89'500, 90'500}},
    {"no Date seen: a silent order 10 min before counts",
     {{"MK-Q", -600, "", Details::silent}},
     ReconcileStatus::ambiguous,
     "",
     MatchedBy::nothing,
     1,
     "RD-ABCDEFGH",
     "p-7",
     {},
     std::nullopt},
    {"no Date seen: another customer's order 10 min before is explained",
     {{"MK-col", -600, "", Details::other_customer}},
     ReconcileStatus::none,
     "",
     MatchedBy::nothing,
     0,
     "RD-ABCDEFGH",
     "p-7",
     {},
     std::nullopt},
    // createTime: seconds or milliseconds, numbers or numeric strings; anything else cannot be placed.
    {"createTime in seconds",
     {{"MK-1", 0, "RD-ABCDEFGH", Details::silent, Json(sent_at / 1000 + 1)}},
     ReconcileStatus::found,
     "MK-1",
     MatchedBy::reference},
    {"createTime as a string of milliseconds",
     {{"MK-1", 0, "RD-ABCDEFGH", Details::silent, Json(std::to_string(sent_at + 1000))}},
     ReconcileStatus::found,
     "MK-1",
     MatchedBy::reference},
    {"createTime as a string of seconds",
     {{"MK-1", 0, "RD-ABCDEFGH", Details::silent, Json(std::to_string(sent_at / 1000 + 1))}},
     ReconcileStatus::found,
     "MK-1",
     MatchedBy::reference},
    {"createTime missing", {{"MK-Q", 0, "", Details::silent, Json()}}, ReconcileStatus::error},
    {"createTime as a date text",
     {{"MK-Q", 0, "", Details::silent, Json("2027-01-15 08:00:00")}},
     ReconcileStatus::error},
    {"createTime in the year 2300",
     {{"MK-Q", 0, "", Details::silent, Json(10'413'792'000'000)}},
     ReconcileStatus::error},
    {"createTime negative", {{"MK-Q", 0, "", Details::silent, Json(-1)}}, ReconcileStatus::error},
    {"createTime a fraction", {{"MK-Q", 0, "", Details::silent, Json(1.8e12)}}, ReconcileStatus::error},
    {"an order's details cannot be read", {{"MK-Q", 0, "", Details::fails}}, ReconcileStatus::error},
};

struct RulesTest : ::testing::TestWithParam<Row> {
    FakeTransport transport;
    FakeClock clock;
    ApiClient client{transport, clock, {}};
    OrderReconciler reconciler{client};

    void SetUp() override {
        clock.epoch_at_start = sent_at - clock.now;
        client.sign_in("demo", "secret", [](Result<Done>) {});
        transport.reply("/oauth/token", ok(token_result()));
    }

    Json listed(const Row& row) const {
        Json results = Json::array();
        for (auto it = row.orders.rbegin(); it != row.orders.rend(); ++it) { // newest first, as sorted
            Json item = {{"id", std::string("id-") + it->order_no},
                         {"orderNo", it->order_no},
                         {"orderStatus", "succeed"},
                         {"customReferenceNo", it->reference}};
            const std::int64_t api_ms = sent_at + it->at_s * 1000;
            if (!it->create_time) item["createTime"] = api_ms;
            else if (!it->create_time->is_null()) item["createTime"] = *it->create_time;
            results.push_back(item);
        }
        return {{"total", results.size()}, {"pageNo", 1}, {"totalPage", 1}, {"results", results}};
    }
};

TEST_P(RulesTest, TheAnswerIsTheOneAllowed) {
    const Row& row = GetParam();
    std::map<std::string, Details> details;
    for (const Listed& order : row.orders)
        details[std::string("id-") + order.order_no] = order.details;
    reconciler.start({.sent_at_ms = sent_at,
                      .window_start_ms = check_window_start(sent_at, row.offset),
                      .reference = row.reference,
                      .reference_unique = is_generated_reference(row.reference),
                      .target = row.target,
                      .billing_id = Id64{31},
                      .plan_id = Id64{41},
                      .known_order_nos = {row.known.begin(), row.known.end()}});
    int guard = 0;
    while (reconciler.result().status == ReconcileStatus::checking && ++guard < 100) {
        ASSERT_FALSE(transport.pending.empty()) << "the check waits for nothing";
        const std::string url = transport.pending.front().request.url;
        if (url.find(paths::order_list) != std::string::npos) {
            transport.reply(paths::order_list, ok(listed(row)));
            continue;
        }
        const std::string id = url.substr(url.rfind('/') + 1);
        ASSERT_TRUE(details.count(id)) << url;
        if (details[id] == Details::fails)
            transport.reply(id, raw(502, "<html><title>Bad Gateway</title></html>"));
        else transport.reply(id, ok(details_of(details[id])));
    }
    const ReconcileResult& result = reconciler.result();
    ASSERT_EQ(reconcile_status_name(result.status), std::string(reconcile_status_name(row.expected)))
        << row.situation;
    EXPECT_EQ(result.match ? result.match->order_no : "", std::string(row.match)) << row.situation;
    EXPECT_EQ(result.matched_by, row.by) << row.situation;
    EXPECT_EQ(static_cast<int>(result.unproven.size()), row.unproven) << row.situation;
    for (const OrderSummary& order : result.unproven) { // marked when its details look like ours
        const Details kind = details[order.id];
        const bool like_ours = kind == Details::ours || kind == Details::numeric_ours ||
                               kind == Details::billing_id_name || kind == Details::myself;
        EXPECT_EQ(result.details_match.count(order.order_no) == 1, like_ours && row.target) << row.situation;
    }
    if (row.expected == ReconcileStatus::error) {
        EXPECT_TRUE(result.error.has_value());
    }
    if (row.expected == ReconcileStatus::found) {
        EXPECT_FALSE(result.match->order_no.empty());
    }
}

INSTANTIATE_TEST_SUITE_P(Rules, RulesTest, ::testing::ValuesIn(rows),
                         [](const auto& info) { return "row" + std::to_string(info.index); });

TEST(RulesTable, HasAtLeastFortyRows) {
    EXPECT_GE(rows.size(), 40u);
}

TEST(DetailsVerdict, AnAttemptWithoutItsBillingContactIsNeverProvenNorExplainedByTheContact) {
    const ReconcileAttempt unknown_billing{.target = "p-7"}; // a ruled-out record from before it was kept
    EXPECT_EQ(judge_details(details_of(Details::ours), unknown_billing), DetailsVerdict::silent);
    EXPECT_EQ(judge_details(details_of(Details::other_customer), unknown_billing),
              DetailsVerdict::not_attempts);
}

TEST(DetailsVerdict, NothingToTheContraryIsNotProof) {
    const ReconcileAttempt attempt{.target = "p-7", .billing_id = Id64{31}};
    EXPECT_EQ(judge_details(Json::object(), attempt), DetailsVerdict::silent);
    EXPECT_EQ(judge_details(Json::array(), attempt), DetailsVerdict::silent);
    EXPECT_EQ(judge_details(details_of(Details::silent), attempt), DetailsVerdict::silent);
    EXPECT_EQ(judge_details(details_of(Details::ours), attempt), DetailsVerdict::attempts);
    EXPECT_EQ(judge_details(details_of(Details::other_customer), attempt), DetailsVerdict::not_attempts);
}

} // namespace
