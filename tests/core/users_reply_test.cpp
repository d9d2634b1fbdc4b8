// decode_subordinate_users_reply must give exactly what decode_envelope + decode_subordinate_users
// give: the same users, the same skipped excerpts, the same requestId, the same error to the letter.
#include "core/users_reply.h"

#include "core/decoders.h"
#include "core/envelope.h"
#include "tests/core/fixtures.h"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

using namespace rd;

namespace {

auto fields(const SubordinateUser& u) {
    return std::vector<std::string>{u.partner_id, u.company, u.email, u.first_name,  u.last_name,
                                    u.user_type,  u.country, u.city,  u.phone_number};
}

auto fields(const ApiError& e) {
    return std::make_tuple(e.kind, e.http_status, e.code, e.detail, e.api_text, e.transport_text,
                           e.request_id, e.excerpt, e.timed_out, e.untrusted_certificate,
                           e.request_may_have_left);
}

// The reference: today's two steps, the requestId put on a shape error as RenewalFlow did.
void expect_same_as_two_steps(const HttpResponse& response) {
    SCOPED_TRACE(response.body);
    std::vector<std::string> skipped, expected_skipped;
    const auto reply = decode_subordinate_users_reply(response, &skipped);
    const auto envelope = decode_envelope(response);
    if (!envelope) {
        ASSERT_FALSE(reply.ok());
        EXPECT_EQ(fields(reply.error()), fields(envelope.error()));
        EXPECT_TRUE(skipped.empty());
        return;
    }
    const auto users = decode_subordinate_users(envelope.value().result, &expected_skipped);
    EXPECT_EQ(skipped, expected_skipped);
    if (!users) {
        ApiError expected = users.error();
        expected.request_id = envelope.value().request_id;
        ASSERT_FALSE(reply.ok());
        EXPECT_EQ(fields(reply.error()), fields(expected));
        return;
    }
    ASSERT_TRUE(reply.ok());
    EXPECT_EQ(reply.value().request_id, envelope.value().request_id);
    ASSERT_EQ(reply.value().users.size(), users.value().size());
    for (std::size_t i = 0; i < users.value().size(); ++i)
        EXPECT_EQ(fields(reply.value().users[i]), fields(users.value()[i]));
}

void expect_same_for_result(const std::string& result) {
    expect_same_as_two_steps(HttpResponse{
        .status = 200, .body = R"({"code":"success","requestId":"r-1","result":)" + result + "}"});
}

std::string nested(int levels) {
    return std::string(static_cast<std::size_t>(levels), '[') +
           std::string(static_cast<std::size_t>(levels), ']');
}

} // namespace

TEST(UsersReply, TheFixtureGivesTheUsersOfTheTwoSteps) {
    expect_same_for_result(test::fixture_text("partner_list.json"));
}

TEST(UsersReply, EveryListShapeGivesTheSameUsersAndSkippedEntries) {
    const std::string user =
        R"({"partnerId":"18446744073709551615","company":"A \"B\" \u00e9","email":"e@x","firstName":1,)"
        R"("lastName":-0,"userType":true,"country":null,"city":{"x":[1]},"phoneNumber":"+45","extra":[]})";
    for (const std::string& result : std::vector<std::string>{
             "[" + user +
                 R"(,{"partnerId":7205759403792793600},{"partnerId":-1},{"company":"no id"},"str",3])",
             R"({"total":2,"list":[)" + user + R"(,{"partnerId":"a@b.c"}]})",
             R"({"data":{},"records":[{"partnerId":1}],"items":[{"partnerId":2}]})",
             R"({"data":[{"partnerId":5}],"results":[],"list":[{"partnerId":2}]})", // the first key
                                                                                    // preferred, even empty
             R"({"list":{"partnerId":"3"},"partnerId":"4","city":"c"})", // no list: the object is the user
             R"({"list":{"partnerId":"3"},"city":"c"})",                 // ... or the one skipped entry
             R"({"items":[{"partnerId":"1"},[1,{"a":"\n"}],{"partnerId":""},{"partnerId":null}]})",
             user,
             "null",
             "[]",
             "{}",
             R"([{"partner\u0049d":"6","c\u006fmpany":"esc\u00e9\ud83d\ude00\/\t"}])", // escaped names match
             R"([{"partnerId":"1\ufffd"},{"partnerId":"7","firstName":"\ufffd ok"}])", // U+FFFD: not an id
             R"([{"partnerId":"8","remark":")" + std::string(400, 'x') + R"("},{"remark":")" +
                 std::string(400, 'y') + R"("}])", // a long skipped entry is cut
             R"(  [ { "partnerId" : "9" , "city" : "x" } ]  )",
             // Outside what the quick reader takes: the two steps answer.
             R"([{"partnerId":"14","price":1.5,"big":18446744073709551616}])",
             R"([{"partnerId":1e3},{"partnerId":"15","city":2.0}])",
             R"("a string")",
             "42",
             "true",
         })
        expect_same_for_result(result);
    // Bytes that are not UTF-8 are repaired first, as the envelope does.
    expect_same_for_result(
        "[{\"partnerId\":\"12\xC3\",\"company\":\"Caf\xC3\xA9 \xFF\"},{\"partnerId\":\"13\","
        "\"city\":\"\xE2\x82\"}]");
}

TEST(UsersReply, ANameTwiceIsRefusedWhereverItIs) {
    for (const char* result : {
             R"([{"partnerId":"1","city":"a","city":"b"}])", R"([{"partnerId":"1","x":"a","\u0078":"b"}])",
             R"([{"partnerId":"1","x":{"y":1,"y":2}}])", R"({"list":[],"list":[{"partnerId":"1"}]})",
             R"({"list":[{"partnerId":"1"}],"data":[{"a":1,"a":1}]})", // in a list not taken, too
         })
        expect_same_for_result(result);
    expect_same_as_two_steps(HttpResponse{
        .status = 200, .body = R"({"code":"success","code":"success","result":[{"partnerId":"1"}]})"});
}

TEST(UsersReply, NestingIsRefusedPastSixtyFourLevelsAsBefore) {
    // The envelope is level 1 and the list level 2: 62 and 63 more levels inside one entry.
    for (int levels : {61, 62, 63, 64})
        expect_same_for_result("[{\"partnerId\":\"1\",\"x\":" + nested(levels) + "}]");
}

TEST(UsersReply, WideObjectsAndOtherEnvelopesGiveTheSameAnswer) {
    std::string wide = R"([{"partnerId":"1")";
    for (int i = 0; i < 100; ++i)
        wide += ",\"m" + std::to_string(i) + "\":" + std::to_string(i);
    expect_same_for_result(wide + "}]");
    for (const std::string& body : {
             std::string(R"({"code":"success","result":[{"partnerId":"1"}]})"), // no requestId
             std::string(R"({"code":"success","requestId":null,"result":[{"partnerId":"1"}]})"),
             std::string(R"({"code":"success","requestId":123,"result":[{"partnerId":"1"}]})"),
             std::string(R"({"code":"success","requestId":"r"})"), // no result: an empty list
             std::string(R"({"result":[{"partnerId":"1"}],"requestId":"r","code":"succ\u0065ss"})"),
             std::string(R"({"code":"token_expired","detailMessage":"no","requestId":"r","status":401})"),
             std::string(R"({"code":200,"message":"ok","result":[]})"),
             std::string(R"({"requestId":"r","result":[]})"),
             std::string(R"([{"code":"success"}])"),
             std::string(R"({"code":"success","result":[]} x)"),
             std::string(R"({"code":"success","result":[{"partnerId":"1"}])"),
             std::string("\xEF\xBB\xBF{\"code\":\"success\",\"result\":[{\"partnerId\":\"1\"}]}"),
             std::string("<html><title>Bad gateway</title></html>"),
             std::string(),
         }) {
        expect_same_as_two_steps(HttpResponse{.status = 200, .body = body});
        expect_same_as_two_steps(HttpResponse{.status = 401, .body = body});
        expect_same_as_two_steps(HttpResponse{.status = 503, .body = body});
    }
    expect_same_as_two_steps(
        HttpResponse{.failure = TransportFailure::timed_out, .failure_text = "timed out"});
    expect_same_as_two_steps(HttpResponse{.failure_text = "Location: https://x.example/", .status = 302});
}
