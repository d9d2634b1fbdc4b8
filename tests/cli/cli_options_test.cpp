#include "cli/cli_options.h"

#include <gtest/gtest.h>

using rd::cli::Command;
using rd::cli::parse_args;

namespace {

rd::cli::CliOptions ok(std::vector<std::string> args) {
    auto parsed = parse_args(args);
    EXPECT_TRUE(parsed.options.has_value()) << parsed.error;
    return parsed.options.value_or(rd::cli::CliOptions{});
}

std::string error_of(std::vector<std::string> args) {
    auto parsed = parse_args(args);
    EXPECT_FALSE(parsed.options.has_value());
    return parsed.error;
}

} // namespace

TEST(CliOptions, EveryListingCommandParses) {
    EXPECT_EQ(ok({"users"}).command, Command::users);
    EXPECT_EQ(ok({"plans"}).command, Command::plans);
    EXPECT_EQ(ok({"contacts"}).command, Command::contacts);
    EXPECT_EQ(ok({"orders"}).command, Command::orders);
    const auto order = ok({"order", "MK2026"});
    EXPECT_EQ(order.command, Command::order);
    EXPECT_EQ(order.order_id, "MK2026");
}

TEST(CliOptions, GlobalOptionsGoBeforeOrAfterTheCommand) {
    const auto before = ok({"--json", "--base-url", "http://127.0.0.1:9", "users"});
    const auto after = ok({"users", "--json", "--base-url=http://127.0.0.1:9"});
    for (const auto& options : {before, after}) {
        EXPECT_TRUE(options.json);
        EXPECT_EQ(options.base_url.value_or(""), "http://127.0.0.1:9");
    }
    const auto all =
        ok({"--sandbox", "--ca-bundle", "ca.pem", "--secret-stdin", "--allow-insecure-http", "plans"});
    EXPECT_TRUE(all.sandbox);
    EXPECT_EQ(all.ca_bundle, "ca.pem");
    EXPECT_TRUE(all.secret_stdin);
    EXPECT_TRUE(all.allow_insecure_http);
}

TEST(CliOptions, HelpWinsWithOrWithoutACommand) {
    EXPECT_TRUE(ok({"--help"}).help);
    EXPECT_TRUE(ok({"-h"}).help);
    EXPECT_TRUE(ok({"renew", "--help"}).help);
}

TEST(CliOptions, UsersSearchAndOrdersFilters) {
    EXPECT_EQ(ok({"users", "--search", "Ünïcode 中文"}).search, "Ünïcode 中文");
    const auto orders = ok({"orders", "--status", "succeed", "--page", "2"});
    EXPECT_EQ(orders.status, "succeed");
    EXPECT_EQ(orders.page.value_or(0), 2);
    EXPECT_FALSE(ok({"orders"}).page.has_value());
}

TEST(CliOptions, MissingOrExtraArgumentsAreUsageErrors) {
    EXPECT_EQ(error_of({}), "no command given");
    EXPECT_EQ(error_of({"frobnicate"}), "unknown command 'frobnicate'");
    EXPECT_EQ(error_of({"users", "--bogus"}), "unknown option '--bogus'");
    EXPECT_EQ(error_of({"users", "extra"}), "'users' takes no argument 'extra'");
    EXPECT_EQ(error_of({"order"}), "'order' takes exactly one order id");
    EXPECT_EQ(error_of({"order", "a", "b"}), "'order' takes exactly one order id");
    EXPECT_EQ(error_of({"users", "--search"}), "--search needs a value");
    EXPECT_EQ(error_of({"plans", "--search", "x"}), "--search does not go with 'plans'");
    EXPECT_EQ(error_of({"users", "--yes"}), "--yes does not go with 'users'");
    EXPECT_EQ(error_of({"orders", "--page", "0"}), "--page needs a whole number from 1 up");
    EXPECT_EQ(error_of({"orders", "--page", "2x"}), "--page needs a whole number from 1 up");
    EXPECT_EQ(error_of({"users", "--json", "--json"}), "--json is given twice");
    EXPECT_EQ(error_of({"users", "--json=yes"}), "--json takes no value");
    EXPECT_EQ(error_of({"--base-url", "", "users"}), "--base-url is empty");
}

TEST(CliOptions, OrderIdMayStartWithADashAfterDoubleDash) {
    EXPECT_EQ(ok({"order", "--", "-5"}).order_id, "-5");
}

TEST(CliOptions, RenewForMyselfOrAPartner) {
    const auto myself = ok({"renew", "--for", "myself", "--billing", "7", "--yes"});
    EXPECT_EQ(myself.command, Command::renew);
    EXPECT_EQ(myself.renew_for.value_or("x"), "");
    EXPECT_EQ(myself.billing_id.value_or(rd::Id64{}).value, 7u);
    EXPECT_TRUE(myself.yes);
    EXPECT_EQ(myself.settle_seconds, 30);
    const auto other = ok({"renew", "--for", "P-1", "--plan", "18446744073709551615", "--billing",
                           "9007199254740993", "--po", "  PO 42 ", "--settle-seconds", "2"});
    EXPECT_EQ(other.renew_for.value_or(""), "P-1");
    EXPECT_EQ(other.plan_id.value_or(rd::Id64{}).value, 18446744073709551615u);
    EXPECT_EQ(other.billing_id.value_or(rd::Id64{}).value, 9007199254740993u);
    EXPECT_EQ(other.po_number, "PO 42");
    EXPECT_EQ(other.settle_seconds, 2);
}

TEST(CliOptions, RenewUsageErrors) {
    EXPECT_NE(error_of({"renew"}).find("needs --for"), std::string::npos);
    EXPECT_NE(error_of({"renew", "--for", "myself"}).find("needs --billing"), std::string::npos);
    EXPECT_EQ(error_of({"renew", "--for", "myself", "--from", "a.csv", "--billing", "1"}),
              "give --for or --from, not both");
    EXPECT_FALSE(parse_args({"renew", "--for", "myself", "--billing", "1.5"}).options);
    EXPECT_FALSE(parse_args({"renew", "--for", "myself", "--billing", "-1"}).options);
    EXPECT_FALSE(
        parse_args({"renew", "--for", "myself", "--billing", "1", "--plan", "18446744073709551616"}).options);
    EXPECT_EQ(error_of({"renew", "--for", "myself", "--billing", "1", "--resume"}),
              "--resume goes with a batch (--from), not --for");
    EXPECT_EQ(error_of({"renew", "--for", "myself", "--billing", "1", "--result", "x.csv"}),
              "--result goes with a batch (--from)");
    EXPECT_EQ(error_of({"renew", "--for", "myself", "--billing", "1", "--settle-seconds", "-1"}),
              "--settle-seconds needs a whole number from 0 to 3600");
    EXPECT_EQ(error_of({"renew", "--for", "", "--billing", "1"}), "--for needs 'myself' or a partnerId");
}

TEST(CliOptions, RenewBatchAndResume) {
    const auto batch = ok({"renew", "--from", "list.csv", "--billing", "1", "--result", "out.csv", "--yes"});
    EXPECT_EQ(batch.from_csv.value_or(""), "list.csv");
    EXPECT_EQ(batch.result_csv.value_or(""), "out.csv");
    const auto resume = ok({"renew", "--resume"}); // the journal keeps the billing contact
    EXPECT_TRUE(resume.resume);
    EXPECT_FALSE(resume.billing_id.has_value());
    EXPECT_TRUE(ok({"renew", "--resume", "--from", "list.csv", "--billing", "1"}).resume);
    EXPECT_NE(error_of({"renew", "--resume", "--plan", "5"}).find("keeps its plan"), std::string::npos);
    EXPECT_NE(error_of({"renew", "--from", "list.csv"}).find("needs --billing"), std::string::npos);
}

TEST(CliOptions, HelpTextListsTheExitCodes) {
    const std::string help = rd::cli::help_text();
    for (const char* line :
         {"0  listed", "1  usage", "2  failed", "3  outcome unknown", "4  could not sign in"})
        EXPECT_NE(help.find(line), std::string::npos) << line;
}

TEST(CliOptions, NoWaitAndAllowDuplicates) {
    EXPECT_TRUE(ok({"renew", "--for", "myself", "--billing", "1", "--no-wait"}).no_wait);
    EXPECT_TRUE(ok({"renew", "--resume", "--no-wait"}).no_wait);
    EXPECT_FALSE(ok({"renew", "--resume"}).no_wait);
    EXPECT_TRUE(ok({"renew", "--from", "list.csv", "--billing", "1", "--allow-duplicates"}).allow_duplicates);
    EXPECT_EQ(error_of({"renew", "--for", "myself", "--billing", "1", "--allow-duplicates"}),
              "--allow-duplicates goes with a batch (--from)");
    EXPECT_EQ(error_of({"users", "--no-wait"}), "--no-wait does not go with 'users'");
    const std::string help = rd::cli::help_text();
    EXPECT_NE(help.find("6  busy (--no-wait)"), std::string::npos);
    EXPECT_NE(help.find("--allow-duplicates"), std::string::npos);
}

TEST(CliOptions, VersionWithOrWithoutACommandAndLicensesIsItsVerboseForm) {
    const auto version = ok({"--version"});
    EXPECT_TRUE(version.version);
    EXPECT_FALSE(version.version_verbose);
    EXPECT_TRUE(ok({"users", "--version"}).version);
    EXPECT_FALSE(ok({"users", "--json"}).version);
    const auto verbose = ok({"--version", "--verbose"});
    EXPECT_TRUE(verbose.version && verbose.version_verbose);
    const auto licenses = ok({"licenses"});
    EXPECT_TRUE(licenses.version && licenses.version_verbose);
    EXPECT_EQ(error_of({"licenses", "extra"}), "'licenses' takes no argument 'extra'");
    EXPECT_EQ(error_of({"--version=1"}), "--version takes no value");
    EXPECT_NE(std::string(rd::cli::help_text()).find("--version"), std::string::npos);
    EXPECT_NE(std::string(rd::cli::help_text()).find("licenses"), std::string::npos);
}

TEST(CliOptions, VerboseAndSecretFileAreGlobal) {
    EXPECT_TRUE(ok({"users", "--verbose"}).verbose);
    EXPECT_TRUE(ok({"--verbose", "renew", "--resume"}).verbose);
    EXPECT_FALSE(ok({"users"}).verbose);
    EXPECT_EQ(error_of({"users", "--verbose=yes"}), "--verbose takes no value");
    EXPECT_EQ(ok({"renew", "--resume", "--secret-file", "/run/credentials/x/s"}).secret_file,
              "/run/credentials/x/s");
    EXPECT_EQ(ok({"--secret-file=/s", "users"}).secret_file, "/s");
    EXPECT_EQ(error_of({"users", "--secret-file", ""}), "--secret-file is empty");
    EXPECT_EQ(error_of({"users", "--secret-file"}), "--secret-file needs a value");
    EXPECT_EQ(error_of({"users", "--secret-file", "/s", "--secret-stdin"}),
              "give --secret-stdin or --secret-file, not both");
    const std::string help = rd::cli::help_text();
    EXPECT_NE(help.find("--verbose "), std::string::npos);
    EXPECT_NE(help.find("RENEWDESK_LOG=debug"), std::string::npos);
    EXPECT_NE(help.find("--secret-file FILE"), std::string::npos);
}
