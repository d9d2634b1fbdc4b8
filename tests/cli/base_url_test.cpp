#include "cli/base_url.h"

#include <gtest/gtest.h>

using namespace rd::cli;

TEST(BaseUrl, PrecedenceIsOptionThenSandboxThenSettingsThenThePortal) {
    EXPECT_EQ(choose_base_url("https://a", "http://127.0.0.1:5", "https://b"), "https://a");
    EXPECT_EQ(choose_base_url(std::nullopt, "http://127.0.0.1:5", "https://b"), "http://127.0.0.1:5");
    EXPECT_EQ(choose_base_url(std::nullopt, "", "https://b"), "https://b");
    EXPECT_EQ(choose_base_url(std::nullopt, "", ""), "https://openapi.partner.yeastar.com");
}

TEST(BaseUrl, HostIsFoundBehindUserInfoPortsAndBrackets) {
    EXPECT_EQ(url_host("http://127.0.0.1:8080/x"), "127.0.0.1");
    EXPECT_EQ(url_host("http://[::1]:80"), "::1");
    EXPECT_EQ(url_host("http://user@localhost"), "localhost");
    EXPECT_EQ(url_host("http://evil.com@127.0.0.1/"), "127.0.0.1");
    EXPECT_EQ(url_host("http://127.0.0.1.evil.com/"), "127.0.0.1.evil.com");
}

TEST(BaseUrl, LoopbackIsOnly127SlashEightColonColonOneAndLocalhost) {
    EXPECT_TRUE(is_loopback_host("127.0.0.1"));
    EXPECT_TRUE(is_loopback_host("127.255.3.4"));
    EXPECT_TRUE(is_loopback_host("::1"));
    EXPECT_TRUE(is_loopback_host("LocalHost"));
    EXPECT_FALSE(is_loopback_host("128.0.0.1"));
    EXPECT_FALSE(is_loopback_host("127.0.0.1.evil.com"));
    EXPECT_FALSE(is_loopback_host("localhost.evil.com"));
    EXPECT_FALSE(is_loopback_host("10.0.0.1"));
    EXPECT_FALSE(is_loopback_host("::2"));
}

TEST(BaseUrl, PlainHttpToAnotherComputerIsRefusedUnlessAllowed) {
    EXPECT_FALSE(credentials_refusal("https://openapi.partner.yeastar.com", false));
    EXPECT_FALSE(credentials_refusal("http://127.0.0.1:8080", false));
    EXPECT_FALSE(credentials_refusal("http://[::1]:8080", false));
    EXPECT_FALSE(credentials_refusal("http://localhost:8080", false));
    const auto refusal = credentials_refusal("http://10.1.2.3:8080", false);
    ASSERT_TRUE(refusal.has_value());
    EXPECT_NE(refusal->find("--allow-insecure-http"), std::string::npos);
    EXPECT_TRUE(credentials_refusal("HTTP://proxy.intranet", false).has_value());
    EXPECT_TRUE(credentials_refusal("http://evil.com@127.0.0.1.evil.com", false).has_value());
    EXPECT_FALSE(credentials_refusal("http://10.1.2.3:8080", true));
    EXPECT_TRUE(credentials_refusal("ftp://x", true).has_value());
    EXPECT_TRUE(credentials_refusal("openapi.partner.yeastar.com", false).has_value());
}
