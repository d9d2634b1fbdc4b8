// Every reply body cut at every byte, and with bytes flipped, decodes to a value or a typed error:
// never an exception, never a crash (a cheap, deterministic stand-in for a fuzzer).
#include "decoders.h"
#include "envelope.h"

#include "fake_transport.h"
#include "fixtures.h"

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
                         ::testing::Values("partner_list.json", "billing_contacts.json", "plans_flat_lists.json",
                                           "plans_nested_details.json"));

TEST(MalformedInput, DeeplyNestedJsonIsAParseErrorNotAStackOverflow) {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    auto reply = decode_envelope(raw(200, envelope_around(deep)));
    ASSERT_FALSE(reply.ok());
    EXPECT_EQ(reply.error().kind, ErrorKind::parse);
    EXPECT_NE(reply.error().detail_message.find("nested"), std::string::npos);
}

TEST(MalformedInput, UnterminatedNestingIsAParseError) {
    EXPECT_FALSE(decode_envelope(raw(200, envelope_around(std::string(100000, '[')))).ok());
}

TEST(MalformedInput, BracketsInsideStringsDoNotCountAsNesting) {
    const std::string brackets(200, '[');
    auto reply = decode_envelope(raw(200, envelope_around(R"({"remark": ")" + brackets + R"(\" [ {"})")));
    ASSERT_TRUE(reply.ok()) << reply.error().describe();
    EXPECT_EQ(reply.value().result["remark"].get<std::string>().size(), 205u);
}
