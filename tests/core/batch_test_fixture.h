// The batch tests' world: a signed-in ApiClient over the fake transport, a batch store, and helpers
// that answer the one order in flight and the order list as the Partner Portal would.
#pragma once

#include "core/api_paths.h"
#include "core/batch_journal.h"
#include "core/batch_run.h"
#include "tests/core/fake_transport.h"

#include <gtest/gtest.h>

#include <map>
#include <optional>

namespace rd::test {

inline constexpr const char* batch_save_path = paths::create_order;
inline constexpr const char* batch_page_path = paths::order_list;
inline const Id64 batch_plan{3049036224189325312ULL};
inline const Id64 batch_billing{3197218168379846218ULL};

inline nlohmann::json listed_order(const std::string& order_no, std::int64_t create_time_ms,
                                   const std::string& po = "PO-9") {
    return {{"id", "44" + order_no}, {"orderNo", order_no},          {"orderStatus", "succeed"},
            {"currencyCode", "USD"}, {"createTime", create_time_ms}, {"customReferenceNo", po}};
}

inline HttpResponse listed_page(const std::vector<nlohmann::json>& orders) {
    return ok({{"count", orders.size()},
               {"pageNo", 1},
               {"pageSize", 25},
               {"total", orders.size()},
               {"totalPage", 1},
               {"results", orders}});
}

inline HttpResponse receipt(const std::string& order_no, const std::string& status = "succeed") {
    return ok({{"instanceId", "1"},
               {"orderId", "2"},
               {"orderNo", order_no},
               {"orderStatus", status},
               {"productNo", "15"},
               {"transactionNo", "3"}},
              "req-" + order_no);
}

struct BatchWorld {
    FakeTransport transport;
    FakeClock clock;
    ApiClient client{transport, clock, {.base_url = "http://sandbox.invalid"}};
    MemoryJournalStore store;
    BatchRun batch{client, &store, clock};
    std::vector<nlohmann::json> listed; // the orders the fake order list holds
    // What an order's details (order/v1/get/{id}) say it was for, as the API would: orderNo → the
    // customer's partnerId ("" = the partner itself), product 15 and the batch's billing contact. An
    // order not named here has details that show nothing (silent).
    std::map<std::string, std::string> ordered_for;

    BatchWorld() {
        sign_in(client, transport);
        serve_details(transport);
    }

    void serve_details(FakeTransport& fake) {
        fake.answer_at_once = [this](const HttpRequest& request) -> std::optional<HttpResponse> {
            const std::size_t at = request.url.find(paths::order_details_prefix);
            if (at == std::string::npos) return std::nullopt;
            const std::string id = request.url.substr(at + std::string(paths::order_details_prefix).size());
            const auto it = ordered_for.find(id.substr(2)); // listed_order's ids are "44" + orderNo
            if (it == ordered_for.end()) return ok(nlohmann::json::object());
            return ok({{"basicInformation", {{"productId", "15"}, {"partnerId", it->second}}},
                       {"billingInformation", {{"billingContactId", batch_billing.to_string()}}}});
        };
    }

    static void sign_in(ApiClient& api, FakeTransport& fake) {
        api.sign_in("demo-client-id", "demo-client-secret", [](Result<Done>) {});
        fake.reply("/oauth/token", ok(token_result()));
    }

    static std::vector<BatchTarget> four() {
        return {{"1001", "Alpha"}, {"1002", "Beta, \"B\" Ltd"}, {"", "(myself)"}, {"1004", "Δέλτα 株式会社"}};
    }

    void start_four() { batch.start(four(), batch_plan, batch_billing, "PO-9"); }

    // Answers the one order in flight; asserts it is the only one, with the body of `row`.
    void answer(std::size_t row, HttpResponse response, FakeTransport* fake = nullptr,
                BatchRun* run = nullptr) {
        FakeTransport& t = fake ? *fake : transport;
        BatchRun& b = run ? *run : batch;
        ASSERT_EQ(t.pending_count(batch_save_path), 1u) << "exactly one order in flight";
        ASSERT_EQ(t.pending.back().request.body, b.order_body(row));
        ASSERT_EQ(b.rows()[row].status, BatchRowStatus::sending);
        t.reply(batch_save_path, std::move(response));
        ASSERT_LE(t.pending_count(batch_save_path), 1u) << "never two in flight";
    }

    void place(std::size_t row) {
        const std::string no = "MK" + std::to_string(row);
        answer(row, receipt(no));
        listed.push_back(listed_order(no, clock.epoch_ms()));
        ordered_for[no] = batch.rows()[row].target.partner_id;
    }
};

} // namespace rd::test
