// The core's facts in words: every detail kind has words in both catalogs, with its arguments in
// them; the English words are the ones people (and the e2e tests) have always read; the Chinese
// words are Chinese, with the server's own text kept as it came.
#include "core/envelope.h"
#include "tests/core/fake_transport.h"
#include "tests/ui/english_words.h"
#include "ui/words/catalog.h"
#include "ui/words/error_words.h"
#include "ui/words/order_status_words.h"

#include <gtest/gtest.h>

#include <set>
#include <vector>

using namespace rd;
using namespace rd::ui;

namespace {

constexpr std::int64_t sample_number = 4242;

// A detail of `kind` with every argument set, so the words can be checked for them.
ErrorDetail sample(DetailKind kind) {
    return ErrorDetail{.kind = kind, .subject = "MK-7731", .value = "VAL-93", .number = sample_number};
}

// What the words of a detail must contain: the arguments the kind carries.
std::vector<std::string> arguments_of(const ErrorDetail& detail) {
    switch (detail.kind) {
    case DetailKind::member_twice:
    case DetailKind::redirected: return {detail.subject};
    case DetailKind::busy:
    case DetailKind::unavailable: return {detail.value}; // a date; seconds: BusyWordsSayWhen
    case DetailKind::token_expiry_not_seconds:
    case DetailKind::batch_late_orders_unproven: return {detail.value};
    case DetailKind::id_unreadable:
    case DetailKind::plan_list_no_usable_id:
    case DetailKind::order_time_unreadable: return {detail.subject};
    case DetailKind::order_list_too_long:
    case DetailKind::journal_busy: return {std::to_string(detail.number)};
    default: return {};
    }
}

std::vector<ErrorDetail> every_detail() {
    std::vector<ErrorDetail> details;
    for (int i = 0; i < static_cast<int>(DetailKind::count); ++i) {
        const auto kind = static_cast<DetailKind>(i);
        if (kind == DetailKind::id_unreadable || kind == DetailKind::plan_list_no_usable_id) {
            for (IdProblem problem : {IdProblem::missing, IdProblem::minus_zero, IdProblem::negative,
                                      IdProblem::not_decimal, IdProblem::not_exact, IdProblem::wrong_type}) {
                ErrorDetail detail = sample(kind);
                detail.subject = "planId";
                detail.id_problem = problem;
                details.push_back(detail);
            }
        } else if (kind == DetailKind::typed_id_invalid) {
            for (TypedId which : {TypedId::plan, TypedId::billing_contact})
                for (IdProblem problem : {IdProblem::empty, IdProblem::not_digits}) {
                    ErrorDetail detail = sample(kind);
                    detail.typed_id = which;
                    detail.id_problem = problem;
                    details.push_back(detail);
                }
        } else {
            details.push_back(sample(kind));
        }
    }
    return details;
}

} // namespace

TEST(ErrorWords, EveryDetailKindHasWordsInBothLanguagesWithItsArguments) {
    std::set<std::string> english_seen;
    for (const ErrorDetail& detail : every_detail()) {
        const std::string name = detail_kind_name(detail.kind);
        const std::string en = detail_words(detail, Language::en);
        const std::string zh = detail_words(detail, Language::zh);
        if (detail.kind == DetailKind::none) {
            EXPECT_EQ(en, "");
            EXPECT_EQ(zh, "");
            continue;
        }
        EXPECT_NE(name, "unknown");
        EXPECT_FALSE(en.empty()) << name;
        EXPECT_FALSE(zh.empty()) << name;
        EXPECT_NE(en, zh) << name << ": the Chinese words are Chinese";
        EXPECT_EQ(test::english_left(zh, {"planId", "createTime", "expiresIn", "Token_Details", "JSON", "API",
                                          "RenewDesk", "MK", "VAL", "https", "http", "Base", "URL"}),
                  std::vector<std::string>{})
            << name << ": " << zh;
        EXPECT_TRUE(english_seen.insert(en).second) << name << ": two details, one sentence: " << en;
        for (const std::string& argument : arguments_of(detail)) {
            EXPECT_NE(en.find(argument), std::string::npos) << name << ": " << en;
            EXPECT_NE(zh.find(argument), std::string::npos) << name << ": " << zh;
        }
    }
}

TEST(ErrorWords, BusyWordsSayWhen) {
    auto when = [](std::int64_t seconds, Language language) {
        return detail_words({.kind = DetailKind::busy, .number = seconds}, language);
    };
    EXPECT_EQ(when(30, Language::en), "The Partner Portal is busy: try again in 30 seconds.");
    EXPECT_EQ(when(1, Language::en), "The Partner Portal is busy: try again in 1 second.");
    EXPECT_EQ(when(0, Language::en), "The Partner Portal is busy: try again now.");
    EXPECT_EQ(when(600, Language::en), "The Partner Portal is busy: try again in 10 minutes.");
    EXPECT_EQ(when(-1, Language::en), "The Partner Portal is busy: try again later.");
    EXPECT_EQ(detail_words({.kind = DetailKind::unavailable, .value = "Wed, 21 Oct 2015 07:28:00 GMT"},
                           Language::en),
              "The Partner Portal is unavailable for now: try again after Wed, 21 Oct 2015 07:28:00 GMT.");
    EXPECT_NE(when(90, Language::zh).find("90"), std::string::npos);
    EXPECT_NE(when(600, Language::zh).find("10"), std::string::npos);
}

// The English paragraphs people read, and the e2e tests look for, word for word as before the core
// stopped writing them.
TEST(ErrorWords, EnglishWordsAreTheSameAsBefore) {
    auto words = [](const HttpResponse& reply) {
        return error_words(decode_envelope(reply, BodySecrets::none).error(), Language::en);
    };
    EXPECT_EQ(words(test::failure(TransportFailure::could_not_send)),
              "The server could not be reached. simulated transport failure");
    EXPECT_EQ(
        words(test::failure(TransportFailure::connection_lost)),
        "The connection to the server was lost after the request was sent. simulated transport failure");
    EXPECT_EQ(words(test::failure(TransportFailure::timed_out)),
              "The server did not answer in time. simulated transport failure");
    const std::string untrusted = words(test::failure(TransportFailure::untrusted_certificate));
    EXPECT_EQ(untrusted.rfind("The server's certificate is not trusted, so nothing was sent.", 0), 0u);
    EXPECT_NE(untrusted.find("--ca-bundle FILE"), std::string::npos) << untrusted;
    EXPECT_EQ(words(test::raw(200, "")),
              "The server's reply could not be read. The reply was empty. HTTP status 200.");
    EXPECT_EQ(
        words(test::raw(502, "<html><title>Bad gateway</title></html>")),
        "The server answered with an HTTP error instead of the API's reply. The reply is not JSON. HTTP "
        "status 502. Reply began: \"Bad gateway\"");
    EXPECT_EQ(words(test::api_error(400, "insufficient_balance", "Top up first", "feedface")),
              "The Partner Portal refused the request. Top up first (code: insufficient_balance) HTTP status "
              "400. Request id: feedface.");
    HttpResponse busy = test::api_error(429, "too_many_requests", "Too many requests", "r1");
    busy.failure_text = "Retry-After: 30";
    EXPECT_EQ(words(busy),
              "The Partner Portal refused the request. The Partner Portal is busy: try again in 30 "
              "seconds. Too many requests (code: too_many_requests) HTTP status 429. Request id: r1.");
    HttpResponse moved = test::raw(302, "");
    moved.failure_text = "Location: http://elsewhere.invalid/x";
    EXPECT_EQ(words(moved), "The server answered with an HTTP error instead of the API's reply. The server "
                            "redirected the request to http://elsewhere.invalid/x instead of answering it; "
                            "RenewDesk never follows redirects. Check the Base URL (https:// or http://, the "
                            "host name, no extra path). HTTP status 302.");
    EXPECT_EQ(
        detail_words({.kind = DetailKind::journal_busy, .number = 812}, Language::en),
        "Another RenewDesk (pid 812) is sending an order from this computer: nothing was sent. Try again "
        "once it has finished.");
    EXPECT_EQ(detail_words({.kind = DetailKind::id_unreadable,
                            .subject = "planId",
                            .value = "-1",
                            .id_problem = IdProblem::negative},
                           Language::en),
              "planId is negative: -1");
    EXPECT_EQ(detail_words({.kind = DetailKind::typed_id_invalid,
                            .id_problem = IdProblem::not_digits,
                            .typed_id = TypedId::plan},
                           Language::en),
              "The plan id must be digits only and fit in 64 bits (at most 18446744073709551615).");
    EXPECT_EQ(
        detail_words({.kind = DetailKind::batch_late_orders_unproven, .value = "MK-1, MK-2"}, Language::en),
        "Orders MK-1, MK-2 carry the PO number of an earlier attempt for this customer, and RenewDesk "
        "cannot prove whether one is that attempt's: check them in the Partner Portal. Not sent.");
}

TEST(ErrorWords, TheDetailWordsAloneAreWhatTheCliPrints) {
    ApiError busy{.kind = ErrorKind::api,
                  .code = "too_many_requests",
                  .detail = {.kind = DetailKind::busy, .number = 30},
                  .api_text = "Too many requests"};
    EXPECT_EQ(error_detail_words(busy, Language::en),
              "The Partner Portal is busy: try again in 30 seconds. Too many requests");
    EXPECT_EQ(error_detail_words(ApiError{.kind = ErrorKind::network, .transport_text = "Could not connect"},
                                 Language::en),
              "Could not connect");
    EXPECT_EQ(error_detail_words(ApiError{.kind = ErrorKind::input}, Language::en), "");
}

TEST(ErrorWords, ChineseKeepsTheServersAndTheTransportsWordsAsTheyCame) {
    ApiError error{.kind = ErrorKind::api,
                   .code = "c1",
                   .detail = {.kind = DetailKind::busy, .number = 30},
                   .api_text = "Too many requests",
                   .transport_text = "socket closed"};
    const std::string zh = error_words(error, Language::zh);
    EXPECT_NE(zh.find("Too many requests"), std::string::npos) << zh;
    EXPECT_NE(zh.find("socket closed"), std::string::npos) << zh;
    EXPECT_NE(zh.find("30"), std::string::npos) << zh;
    EXPECT_EQ(test::english_left(zh, {"Too", "many", "requests", "socket", "closed", "c1"}),
              std::vector<std::string>{})
        << zh;
}

TEST(ErrorWords, MissingChoicesAndOrderStatusesHaveWordsInBothLanguages) {
    for (MissingChoice missing : {MissingChoice::target, MissingChoice::plan, MissingChoice::contact}) {
        const std::string en = missing_choice_words(missing, Language::en);
        EXPECT_FALSE(en.empty());
        EXPECT_NE(en, missing_choice_words(missing, Language::zh));
    }
    EXPECT_STREQ(missing_choice_words(MissingChoice::plan, Language::en),
                 "Choose the plan, or type its plan id.");
    for (const char* status :
         {"succeed", "pending", "failed", "invalid", "cancelled", "refunded", "", "held"})
        EXPECT_NE(order_status_words(status, Language::en), order_status_words(status, Language::zh))
            << status;
    EXPECT_NE(order_status_words("held", Language::zh).find("held"), std::string::npos);
}
