#include "core/ids.h"

#include "core/json.h"

#include <gtest/gtest.h>

using namespace rd;

TEST(Ids, TwoTo53PlusOneSurvivesFromNumberAndString) {
    EXPECT_EQ(id_from_json(Json::parse("9007199254740993"), "x").value().value, 9007199254740993ULL);
    EXPECT_EQ(id_from_json(Json("9007199254740993"), "x").value().value, 9007199254740993ULL);
}

TEST(Ids, TutorialIdsSurviveRoundTrip) {
    for (const char* digits : {"3049036224189325312", "3197218168379846218"}) {
        auto id = id_from_json(Json::parse(digits), "id");
        ASSERT_TRUE(id.ok());
        EXPECT_EQ(id.value().to_string(), digits);
        EXPECT_EQ(Json(id.value().value).dump(), digits);
    }
}

TEST(Ids, Int64MaxAndUint64MaxAreExact) {
    EXPECT_EQ(id_from_json(Json::parse("9223372036854775807"), "x").value().to_string(),
              "9223372036854775807");
    EXPECT_EQ(id_from_json(Json("18446744073709551615"), "x").value().to_string(), "18446744073709551615");
}

TEST(Ids, MoreThan64BitsIsAnErrorNotARoundedNumber) {
    auto from_number = id_from_json(Json::parse("18446744073709551616"), "planId");
    ASSERT_FALSE(from_number.ok());
    EXPECT_EQ(from_number.error().detail.kind, DetailKind::id_unreadable);
    EXPECT_EQ(from_number.error().detail.subject, "planId");
    EXPECT_EQ(from_number.error().detail.id_problem, IdProblem::not_exact);
    EXPECT_FALSE(id_from_json(Json("18446744073709551616"), "planId").ok());
}

TEST(Ids, NonNumericTextIsAnErrorNotZero) {
    for (const char* text : {"", "abc", "12a", " 12", "-5", "+5", "1e18", "3.0"}) {
        auto id = id_from_json(Json(text), "billingContactId");
        EXPECT_FALSE(id.ok()) << text;
    }
    EXPECT_FALSE(id_from_json(Json::parse("3.049036224189325e18"), "serviceId").ok());
    EXPECT_FALSE(id_from_json(Json::parse("-1"), "serviceId").ok());
    EXPECT_FALSE(id_from_json(Json(), "serviceId").ok());
    EXPECT_FALSE(id_from_json(Json::parse("true"), "serviceId").ok());
}

TEST(Ids, TypedIdIgnoresSurroundingSpacesAndExplainsMistakes) {
    EXPECT_EQ(parse_typed_id("  3049036224189325312\n", TypedId::plan).value().value, 3049036224189325312ULL);
    auto bad = parse_typed_id("3049 0362", TypedId::billing_contact);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().kind, ErrorKind::input);
    EXPECT_EQ(bad.error().detail, (ErrorDetail{.kind = DetailKind::typed_id_invalid,
                                               .id_problem = IdProblem::not_digits,
                                               .typed_id = TypedId::billing_contact}));
    auto empty = parse_typed_id("   ", TypedId::plan);
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().detail.id_problem, IdProblem::empty);
    EXPECT_EQ(empty.error().detail.typed_id, TypedId::plan);
}

TEST(Ids, OpaquePartnerIdKeepsStringsAndExactIntegers) {
    EXPECT_EQ(*opaque_id_from_json(Json("someone@example.invalid")), "someone@example.invalid");
    EXPECT_EQ(*opaque_id_from_json(Json::parse("9223372036854775001")), "9223372036854775001");
    EXPECT_FALSE(opaque_id_from_json(Json::parse("1.5")).has_value());
}

// The sandbox's odd_numbers fault: numbers a JSON parser accepts but no id can be.
TEST(Ids, ExponentMinusZeroAndTwoToThe64AreNotIds) {
    auto exponent = id_from_json(Json::parse("1e3"), "billingContactId");
    ASSERT_FALSE(exponent.ok());
    EXPECT_EQ(exponent.error().detail.id_problem, IdProblem::not_exact);
    auto minus_zero = id_from_json(Json::parse("-0"), "billingContactId");
    ASSERT_FALSE(minus_zero.ok());
    EXPECT_EQ(minus_zero.error().detail.id_problem, IdProblem::minus_zero) << minus_zero.error().log_line();
    EXPECT_EQ(minus_zero.error().detail.subject, "billingContactId");
    EXPECT_FALSE(id_from_json(Json::parse("18446744073709551616"), "billingContactId").ok());
    EXPECT_FALSE(id_from_json(Json::parse("-0.0"), "billingContactId").ok());
    EXPECT_EQ(id_from_json(Json::parse("0"), "billingContactId").value().value, 0u); // a plain 0 is exact
}

TEST(Ids, OpaquePartnerIdRefusesNegativesFloatsAndLostBytes) {
    EXPECT_FALSE(opaque_id_from_json(Json::parse("-0")).has_value()); // was "0": a silently wrong id
    EXPECT_FALSE(opaque_id_from_json(Json::parse("-5")).has_value());
    EXPECT_FALSE(opaque_id_from_json(Json::parse("1e3")).has_value());
    EXPECT_FALSE(opaque_id_from_json(Json::parse("18446744073709551616")).has_value());
    // U+FFFD is what a byte that was not UTF-8 became: the id is no longer the API's.
    EXPECT_FALSE(opaque_id_from_json(Json("someone\xEF\xBF\xBD@example.invalid")).has_value());
    EXPECT_EQ(*opaque_id_from_json(Json::parse("0")), "0");
    EXPECT_EQ(*opaque_id_from_json(Json("Zoë@example.invalid")), "Zoë@example.invalid");
}
