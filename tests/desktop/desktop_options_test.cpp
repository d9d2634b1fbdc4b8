#include "app/desktop/desktop_options.h"

#include <gtest/gtest.h>

#include <vector>

using rd::desktop::parse_options;

namespace {

rd::desktop::ParsedOptions parse(std::vector<const char*> args) {
    args.insert(args.begin(), "renewdesk");
    return parse_options(static_cast<int>(args.size()), args.data());
}

} // namespace

TEST(DesktopOptions, NoArgumentsMeansDefaults) {
    const auto parsed = parse({});
    EXPECT_TRUE(parsed.error.empty());
    EXPECT_FALSE(parsed.options.base_url);
    EXPECT_FALSE(parsed.options.sandbox);
    EXPECT_TRUE(parsed.options.test_hooks_file.empty());
}

TEST(DesktopOptions, TestOptionsAreParsed) {
    const auto parsed =
        parse({"--base-url", "http://127.0.0.1:9", "--test-hooks", "/tmp/h.json", "--window-pos", "10,-20",
               "--window-size", "1200,760", "--scale", "1.5", "--print-timing"});
    ASSERT_TRUE(parsed.error.empty()) << parsed.error;
    const auto& o = parsed.options;
    EXPECT_EQ(*o.base_url, "http://127.0.0.1:9");
    EXPECT_EQ(o.test_hooks_file, "/tmp/h.json");
    EXPECT_EQ(o.window_pos->a, 10);
    EXPECT_EQ(o.window_pos->b, -20);
    EXPECT_EQ(o.window_size->a, 1200);
    EXPECT_EQ(o.window_size->b, 760);
    EXPECT_FLOAT_EQ(*o.scale, 1.5f);
    EXPECT_TRUE(o.print_timing);
}

TEST(DesktopOptions, MistakesAreReported) {
    EXPECT_FALSE(parse({"--base-url"}).error.empty());
    EXPECT_FALSE(parse({"--window-size", "0,10"}).error.empty());
    EXPECT_FALSE(parse({"--window-pos", "10"}).error.empty());
    EXPECT_FALSE(parse({"--scale", "12"}).error.empty());
    EXPECT_FALSE(parse({"--frobnicate", "1"}).error.empty());
    EXPECT_FALSE(parse({"--sandbox", "--base-url", "http://x"}).error.empty());
}

TEST(DesktopOptions, CaBundleIsParsed) {
    EXPECT_TRUE(parse({}).options.ca_bundle.empty());
    const auto parsed = parse({"--ca-bundle", "/etc/ssl/intranet-proxy.pem"});
    ASSERT_TRUE(parsed.error.empty()) << parsed.error;
    EXPECT_EQ(parsed.options.ca_bundle, "/etc/ssl/intranet-proxy.pem");
    EXPECT_FALSE(parse({"--ca-bundle", ""}).error.empty());
    EXPECT_FALSE(parse({"--ca-bundle"}).error.empty());
}

TEST(DesktopOptions, VersionAndItsVerboseForm) {
    EXPECT_FALSE(parse({}).options.version);
    const auto version = parse({"--version"});
    ASSERT_TRUE(version.error.empty()) << version.error;
    EXPECT_TRUE(version.options.version);
    EXPECT_FALSE(version.options.verbose);
    const auto verbose = parse({"--verbose", "--version"});
    ASSERT_TRUE(verbose.error.empty()) << verbose.error;
    EXPECT_TRUE(verbose.options.version && verbose.options.verbose);
    EXPECT_EQ(parse({"--verbose"}).error, "--verbose goes with --version");
    EXPECT_NE(std::string(rd::desktop::usage_text).find("--version"), std::string::npos);
}
