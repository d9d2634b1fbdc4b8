// ApiClock: the API's clock from its replies' Date headers, and the references every order carries.
#include "core/api_client.h"
#include "core/api_clock.h"
#include "core/order_reference.h"
#include "tests/core/fake_transport.h"

#include <gtest/gtest.h>

#include <set>

using namespace rd;
using namespace rd::test;

TEST(HttpDate, ReadsTheThreeFormsAndRefusesTheRest) {
    EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), 784111777000);
    EXPECT_EQ(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"), 784111777000);
    EXPECT_EQ(parse_http_date("Sun Nov  6 08:49:37 1994"), 784111777000);
    EXPECT_EQ(parse_http_date("Sun, 06 Dec 2026 11:28:06 GMT"), 1796556486000);
    EXPECT_FALSE(parse_http_date(""));
    EXPECT_FALSE(parse_http_date("yesterday"));
    EXPECT_FALSE(parse_http_date("Sun, 06 Foo 1994 08:49:37 GMT"));
    EXPECT_FALSE(parse_http_date("Sun, 06 Nov 1994 25:49:37 GMT"));
    EXPECT_FALSE(parse_http_date("Sun, 06 Nov 1994 08:49:37 CET"));
    EXPECT_FALSE(parse_http_date("Sun, 32 Nov 1994 08:49:37 GMT"));
}

TEST(ApiClock, EachReplyNarrowsTheOffsetAndAClockSetStartsAgain) {
    ApiClock clock;
    EXPECT_FALSE(clock.offset());
    const std::int64_t date = *parse_http_date("Sun, 06 Dec 2026 11:28:06 GMT");
    // The API runs 90 s behind: its second 11:28:06 while this computer says 11:29:36.2 to .4.
    clock.observe("Sun, 06 Dec 2026 11:28:06 GMT", date + 90'200, date + 90'400);
    ASSERT_TRUE(clock.offset());
    EXPECT_EQ(clock.offset()->low_ms, -90'400);
    EXPECT_EQ(clock.offset()->high_ms, -89'200);
    clock.observe("Sun, 06 Dec 2026 11:28:07 GMT", date + 90'900, date + 91'000); // narrows the bottom
    EXPECT_EQ(clock.offset()->low_ms, -90'000);
    EXPECT_EQ(clock.offset()->high_ms, -89'200);
    clock.observe("not a date", 0, 1);
    EXPECT_EQ(clock.offset()->high_ms, -89'200);
    clock.observe("Sun, 06 Dec 2026 11:28:06 GMT", date - 60'000, date - 59'900); // a clock was set
    EXPECT_EQ(clock.offset()->low_ms, 59'900);
    EXPECT_EQ(clock.offset()->high_ms, 61'000);
}

TEST(ApiClock, TheClientLearnsItFromEveryReplyAndForgetsItForAnotherHost) {
    FakeTransport transport;
    FakeClock clock;
    ApiClient client{transport, clock, {.base_url = "https://a.example"}};
    client.sign_in("demo", "secret", [](Result<Done>) {});
    HttpResponse reply = ok(token_result());
    reply.date = "Sun, 06 Dec 2026 11:28:06 GMT";
    transport.reply("/oauth/token", reply);
    ASSERT_TRUE(client.api_clock().offset());
    EXPECT_EQ(client.api_clock().offset()->low_ms, *parse_http_date(reply.date) - clock.epoch_ms());
    client.set_base_url("https://a.example/");
    EXPECT_TRUE(client.api_clock().offset()) << "the same host";
    client.set_base_url("https://b.example");
    EXPECT_FALSE(client.api_clock().offset());
}

TEST(OrderReference, GeneratedOnesAreWellFormedAndDiffer) {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const std::string reference = new_order_reference();
        EXPECT_TRUE(is_generated_reference(reference)) << reference;
        seen.insert(reference);
    }
    EXPECT_EQ(seen.size(), 1000u);
    unsigned word = 0;
    EXPECT_EQ(new_order_reference([&] { return word++; }), "RD-23456789");
    EXPECT_FALSE(is_generated_reference("RD-2345678"));
    EXPECT_FALSE(is_generated_reference("RD-2345678O")); // O is not among the symbols
    EXPECT_FALSE(is_generated_reference("PO-23456789"));
}
