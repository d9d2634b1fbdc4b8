#include "cli/input_csv.h"

#include <gtest/gtest.h>

using rd::cli::parse_input_csv;

TEST(InputCsv, PartnerIdsWithOptionalPlanAndPo) {
    const auto csv = parse_input_csv("P-1\nmyself,12345678901234567890,PO-9\n,,\nP-2,,PO 2\n");
    ASSERT_TRUE(csv.problems.empty()) << rd::cli::describe_problems(csv.problems);
    ASSERT_EQ(csv.rows.size(), 4u);
    EXPECT_EQ(csv.rows[0].partner_id, "P-1");
    EXPECT_FALSE(csv.rows[0].plan_id.has_value());
    EXPECT_FALSE(csv.rows[0].po_number.has_value());
    EXPECT_EQ(csv.rows[1].partner_id, "");
    EXPECT_EQ(csv.rows[1].plan_id.value_or(rd::Id64{}).value, 12345678901234567890u);
    EXPECT_EQ(csv.rows[1].po_number.value_or(""), "PO-9");
    EXPECT_EQ(csv.rows[2].partner_id, ""); // an empty partnerId is the partner itself
    EXPECT_FALSE(csv.rows[3].plan_id.has_value());
    EXPECT_EQ(csv.rows[3].po_number.value_or(""), "PO 2");
    EXPECT_EQ(csv.rows[3].line, 4);
}

TEST(InputCsv, BomHeaderCommentsAndBlankLinesAreSkipped) {
    const auto csv =
        parse_input_csv("\xEF\xBB\xBFpartnerId,planId,poNumber\r\n# a comment, with commas\r\n\r\n"
                        "P-1\r\n   \r\nP-2\r\n");
    ASSERT_TRUE(csv.problems.empty()) << rd::cli::describe_problems(csv.problems);
    ASSERT_EQ(csv.rows.size(), 2u);
    EXPECT_EQ(csv.rows[0].partner_id, "P-1");
    EXPECT_EQ(csv.rows[0].line, 4);
    EXPECT_EQ(csv.rows[1].line, 6);
}

TEST(InputCsv, QuotedCellsKeepCommasQuotesAndLineBreaks) {
    const auto csv = parse_input_csv("\"a,b@example.com\",\"1\",\"PO \"\"x\"\"\nsecond line\"\nP-3\n");
    ASSERT_TRUE(csv.problems.empty()) << rd::cli::describe_problems(csv.problems);
    ASSERT_EQ(csv.rows.size(), 2u);
    EXPECT_EQ(csv.rows[0].partner_id, "a,b@example.com");
    EXPECT_EQ(csv.rows[0].plan_id.value_or(rd::Id64{}).value, 1u);
    EXPECT_EQ(csv.rows[0].po_number.value_or(""), "PO \"x\"\nsecond line");
    EXPECT_EQ(csv.rows[1].line, 3); // the quoted line break counts
}

TEST(InputCsv, BadIdsAndShapesAreReportedWithTheirLineNumbers) {
    const auto csv =
        parse_input_csv("P-1,1.5\nP-2,-3\nP-3,18446744073709551616\nP-4,1,2,3\nP-5,\"7\"x\n\"open\nP-6\n");
    std::vector<int> lines;
    for (const auto& problem : csv.problems)
        lines.push_back(problem.line);
    EXPECT_EQ(lines, (std::vector<int>{1, 2, 3, 4, 5, 6}));
    const std::string text = rd::cli::describe_problems(csv.problems);
    EXPECT_NE(text.find("line 1: planId '1.5'"), std::string::npos) << text;
    EXPECT_NE(text.find("line 4: 4 cells"), std::string::npos) << text;
}

TEST(InputCsv, AnEmptyFileIsAProblem) {
    EXPECT_EQ(parse_input_csv("").problems.size(), 1u);
    EXPECT_EQ(parse_input_csv("partnerId\n# nothing\n").problems.size(), 1u);
}

TEST(InputCsv, PartnersNotAmongTheUsersAreListedByLine) {
    const auto csv = parse_input_csv("P-1\nmyself\nP-9\nP-2\nnobody\n");
    std::vector<rd::SubordinateUser> users(2);
    users[0].partner_id = "P-1";
    users[1].partner_id = "P-2";
    const auto problems = rd::cli::unknown_partners(csv.rows, users);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].line, 3);
    EXPECT_EQ(problems[1].line, 5);
    EXPECT_NE(problems[0].what.find("'P-9'"), std::string::npos);
}

TEST(InputCsv, ACustomerNamedTwiceIsReportedWithBothLines) {
    const auto input = parse_input_csv("partnerId\n1001\nmyself\n1002\n1001\n\n,5\n1001\n");
    ASSERT_TRUE(input.problems.empty());
    const auto twice = rd::cli::duplicate_partners(input.rows);
    ASSERT_EQ(twice.size(), 3u);
    EXPECT_EQ(twice[0].line, 5);
    EXPECT_EQ(twice[0].what,
              "partnerId '1001' again (first on line 2): one renewal each, unless --allow-duplicates");
    EXPECT_EQ(twice[1].line, 7);
    EXPECT_EQ(twice[1].what, "myself again (first on line 3): one renewal each, unless --allow-duplicates");
    EXPECT_EQ(twice[2].line, 8);
    EXPECT_TRUE(rd::cli::duplicate_partners(parse_input_csv("1001\n1002\nmyself\n").rows).empty());
}
