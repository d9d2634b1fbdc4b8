// Every reply body cut at every byte, and with bytes flipped, decodes to a value or a typed error:
// never an exception, never a crash (a cheap, deterministic stand-in for a fuzzer).
#include "core/decoders.h"
#include "core/envelope.h"
#include "core/text.h"

#include "tests/core/fake_transport.h"
#include "tests/core/fixtures.h"

#include <gtest/gtest.h>

using namespace rd;
using namespace rd::test;

namespace {

// Decodes `body` as each lookup would; returns how many decodes failed with a typed error.
int decode_everything(const std::string& body) {
    int errors = 0;
    auto reply = decode_envelope(raw(200, body));
    if (!reply) return 1;
    const auto& result = reply.value().result;
    errors += !decode_token(result).ok();
    errors += !decode_subordinate_users(result).ok();
    errors += !decode_plan_catalog(result).ok();
    errors += !decode_billing_contacts(result).ok();
    errors += !decode_order_page(result).ok();
    decode_order_receipt(result);
    return errors;
}

std::string envelope_around(const std::string& result_json) {
    return R"({"code":"success","detailMessage":"","requestId":"0123456789abcdef0123456789abcdef","result":)" +
           result_json + R"(,"status":200})";
}

class MalformedInput : public ::testing::TestWithParam<const char*> {};

} // namespace

TEST_P(MalformedInput, EveryTruncationDecodesToAValueOrATypedError) {
    const std::string body = envelope_around(fixture_text(GetParam()));
    int typed_errors = 0;
    for (std::size_t cut = 0; cut < body.size(); ++cut)
        EXPECT_NO_THROW(typed_errors += decode_everything(body.substr(0, cut))) << "cut at " << cut;
    EXPECT_GE(typed_errors, static_cast<int>(body.size()) - 1); // a cut envelope is never "success"
}

TEST_P(MalformedInput, FlippedBytesNeverThrow) {
    const std::string body = envelope_around(fixture_text(GetParam()));
    const char replacements[] = {'"', '{', '[', '\\', '\0', '9', '-', '.', 'e', '\xff'};
    for (std::size_t at = 0; at < body.size(); at += 3) {
        for (char c : replacements) {
            std::string mutated = body;
            mutated[at] = c;
            EXPECT_NO_THROW(decode_everything(mutated)) << "byte " << at << " set to " << int(c);
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, MalformedInput,
                         ::testing::Values("partner_list.json", "billing_contacts.json",
                                           "plans_flat_lists.json", "plans_nested_details.json"));

TEST(MalformedInput, DeeplyNestedJsonIsAParseErrorNotAStackOverflow) {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    auto reply = decode_envelope(raw(200, envelope_around(deep)));
    ASSERT_FALSE(reply.ok());
    EXPECT_EQ(reply.error().kind, ErrorKind::parse);
    EXPECT_EQ(reply.error().detail.kind, DetailKind::nested_too_deeply);
}

TEST(MalformedInput, UnterminatedNestingIsAParseError) {
    EXPECT_FALSE(decode_envelope(raw(200, envelope_around(std::string(100000, '[')))).ok());
}

TEST(MalformedInput, BracketsInsideStringsDoNotCountAsNesting) {
    const std::string brackets(200, '[');
    auto reply = decode_envelope(raw(200, envelope_around(R"({"remark": ")" + brackets + R"(\" [ {"})")));
    ASSERT_TRUE(reply.ok()) << reply.error().log_line();
    EXPECT_EQ(reply.value().result["remark"].get<std::string>().size(), 205u);
}

// ---- invalid UTF-8: text from outside never makes a dump throw (the web build would abort) ----

namespace {

const std::string invalid_utf8 = "Caf\xC3\x28 \xFF"; // a lead byte without its continuation, and 0xFF

} // namespace

TEST(InvalidUtf8, JsonTextReplacesInvalidBytesInsteadOfThrowing) {
    const Json doc = {{"baseUrl", "http://h\xFF/"}, {invalid_utf8, invalid_utf8}};
#ifndef __EMSCRIPTEN__ // there the throw aborts the whole run, which is what json_text prevents
    EXPECT_THROW(doc.dump(), Json::type_error);
#endif
    std::string text;
    ASSERT_NO_THROW(text = json_text(doc));
    EXPECT_NE(text.find("http://h\xEF\xBF\xBD/"), std::string::npos); // U+FFFD
    EXPECT_NE(text.find("Caf\xEF\xBF\xBD( \xEF\xBF\xBD"),
              std::string::npos); // the '(' after the bad lead byte stays
    EXPECT_FALSE(Json::parse(text, nullptr, false).is_discarded());
    EXPECT_NO_THROW(json_text(doc, 2));
}

TEST(InvalidUtf8, ParseRefusesInvalidBytesWithoutThrowing) {
    const Json doc = Json::parse("{\"name\": \"" + invalid_utf8 + "\"}", nullptr, /*allow_exceptions=*/false);
    EXPECT_TRUE(doc.is_discarded());
}

// Formerly "EnvelopeWithInvalidBytesIsAParseErrorWithASafeExcerpt": nlohmann refuses such bytes as "not
// JSON", which hid a whole list for one bad name. Now they become U+FFFD and the reply is read.
TEST(InvalidUtf8, BytesThatAreNotUtf8InANameBecomeReplacementCharacters) {
    const std::string body =
        envelope_around("[{\"partnerId\": \"p1\", \"company\": \"" + invalid_utf8 + "\"}]");
    Result<ApiReply> reply = ApiError{};
    ASSERT_NO_THROW(reply = decode_envelope(raw(200, body)));
    ASSERT_TRUE(reply.ok()) << reply.error().log_line();
    auto users = decode_subordinate_users(reply.value().result);
    ASSERT_TRUE(users.ok());
    ASSERT_EQ(users.value().size(), 1u);
    EXPECT_EQ(users.value()[0].company,
              "Caf\xEF\xBF\xBD( \xEF\xBF\xBD");             // the '(' after the bad lead byte stays
    EXPECT_NO_THROW(Json(users.value()[0].company).dump()); // valid UTF-8 now: the strict dump accepts it
}

TEST(InvalidUtf8, EachIllFormedPartBecomesOneReplacementCharacter) {
    const std::string r = "\xEF\xBF\xBD";
    const std::pair<std::string, std::string> cases[] = {
        {"\xFF", r},                         // never UTF-8
        {"\xC0\xAF", r + r},                 // overlong '/': C0 is never a lead byte
        {"\xE0\x80\xAF", r + r + r},         // overlong: E0 needs A0..BF next
        {"\xED\xA0\x80", r + r + r},         // an encoded UTF-16 surrogate
        {"\xF4\x90\x80\x80", r + r + r + r}, // past U+10FFFF
        {"\xE4\xB8", r},                     // a character cut short: one replacement
        {"\xF0\x9F\x98", r},                 // the same, four bytes long
        {"\x80", r},                         // a continuation byte alone
        {"\xE4\xB8\xAD\xF0\x9F\x98\x80\xC3\xA9", "\xE4\xB8\xAD\xF0\x9F\x98\x80\xC3\xA9"}, // valid: unchanged
    };
    for (const auto& [bytes, expected] : cases) {
        auto reply = decode_envelope(raw(200, envelope_around("{\"name\": \"<" + bytes + ">\"}")));
        ASSERT_TRUE(reply.ok()) << json_text(Json(bytes));
        EXPECT_EQ(reply.value().result["name"].get<std::string>(), "<" + expected + ">")
            << json_text(Json(bytes));
    }
}

TEST(InvalidUtf8, BadBytesOutsideStringsAreStillNotJson) {
    auto reply = decode_envelope(raw(200, envelope_around("{\"n\": 1\xFF}")));
    ASSERT_FALSE(reply.ok());
    EXPECT_EQ(reply.error().kind, ErrorKind::parse);
    EXPECT_EQ(reply.error().detail.kind, DetailKind::reply_not_json);
    EXPECT_NO_THROW(json_text(Json{{"excerpt", reply.error().excerpt}}));
    EXPECT_NO_THROW(Json(reply.error().excerpt).dump()); // excerpts are valid UTF-8 too
}

TEST(InvalidUtf8, Latin1ProxyPageIsAnHttpErrorWithoutThrowing) {
    const std::string page =
        "<html><head><title>Zugriff verweigert \xE4\xF6\xFC</title></head><body>\xDF</body></html>";
    Result<ApiReply> reply = ApiError{};
    ASSERT_NO_THROW(reply = decode_envelope(raw(403, page)));
    ASSERT_FALSE(reply.ok());
    EXPECT_EQ(reply.error().kind, ErrorKind::http);
    EXPECT_EQ(reply.error().excerpt.rfind("Zugriff verweigert", 0), 0u);
    EXPECT_NO_THROW(json_text(Json{{"excerpt", reply.error().excerpt}}));
}

TEST(InvalidUtf8, ExcerptCutNeverSplitsACharacter) {
    std::string body(159, 'a');
    for (int i = 0; i < 100; ++i)
        body += "\xE4\xB8\xAD"; // 中, three bytes: the cut at 160 falls inside one
    const std::string excerpt = body_excerpt(body);
    EXPECT_EQ(excerpt, std::string(159, 'a') + "...");
    EXPECT_NO_THROW(Json(excerpt).dump()); // valid UTF-8: the strict dump accepts it
}

TEST(InvalidUtf8, DecodersTakeInvalidBytesInAnyTextMember) {
    // The wire's JSON is checked by the parser, but documents built in memory reach the decoders too.
    const Json user = {{"partnerId", "p1"}, {"company", invalid_utf8}, {"city", invalid_utf8}};
    const Json bad_user = {{"company", invalid_utf8}};
    std::vector<std::string> skipped;
    Result<std::vector<SubordinateUser>> users = ApiError{};
    ASSERT_NO_THROW(users = decode_subordinate_users(Json::array({user, bad_user}), &skipped));
    ASSERT_TRUE(users.ok());
    ASSERT_EQ(users.value().size(), 1u);
    EXPECT_EQ(users.value()[0].company, invalid_utf8); // kept exact; only dumps replace
    ASSERT_EQ(skipped.size(), 1u);
    EXPECT_NE(skipped[0].find("\xEF\xBF\xBD"), std::string::npos);

    const Json contact = {{"billingContactId", "7"}, {"company", invalid_utf8}};
    const Json bad_contact = {{"company", invalid_utf8}};
    skipped.clear();
    Result<std::vector<BillingContact>> contacts = ApiError{};
    ASSERT_NO_THROW(contacts = decode_billing_contacts(Json::array({contact, bad_contact}), &skipped));
    ASSERT_TRUE(contacts.ok());
    EXPECT_EQ(contacts.value().size(), 1u);
    EXPECT_EQ(skipped.size(), 1u);

    const Json plans = {{"planList", {{{"planId", "3049036224189325312"}, {"planName", invalid_utf8}}}}};
    Result<PlanCatalog> catalog = ApiError{};
    ASSERT_NO_THROW(catalog = decode_plan_catalog(plans));
    ASSERT_TRUE(catalog.ok());
    EXPECT_NE(catalog.value().raw_json.find("\xEF\xBF\xBD"), std::string::npos);

    OrderReceipt receipt;
    ASSERT_NO_THROW(receipt = decode_order_receipt({{"orderNo", invalid_utf8}, {"orderStatus", "succeed"}}));
    EXPECT_EQ(receipt.order_no, invalid_utf8);
    EXPECT_NO_THROW(decode_order_page(Json::array({{{"id", invalid_utf8}}})));
    EXPECT_NO_THROW(decode_token({{"token", invalid_utf8}, {"expiresIn", invalid_utf8}}));
}
