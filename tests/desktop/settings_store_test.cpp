#include "platform/desktop/settings_store.h"

#include "tests/desktop/temp_dir.h"

#include <gtest/gtest.h>

#include <cstdlib>

using rd::desktop::DesktopSettings;
using rd::desktop::load_settings;
using rd::desktop::save_settings;

namespace {

DesktopSettings sample() {
    return {.base_url = "http://127.0.0.1:8080",
            .client_id = "demo-client-id",
            .window_width = 1200,
            .window_height = 700};
}

std::size_t files_in(const std::filesystem::path& dir) {
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir))
        ++count;
    return count;
}

} // namespace

TEST(SettingsStore, MissingFileGivesDefaultsWithoutProblem) {
    TempDir dir;
    const auto loaded = load_settings(dir.path() / "renewdesk" / "settings.json");
    EXPECT_EQ(loaded.settings, DesktopSettings{});
    EXPECT_FALSE(loaded.problem.has_value());
}

TEST(SettingsStore, SaveThenLoadRoundTrips) {
    TempDir dir;
    const auto file = dir.path() / "renewdesk" / "settings.json"; // the folder does not exist yet
    std::string error;
    ASSERT_TRUE(save_settings(file, sample(), &error)) << error;
    const auto loaded = load_settings(file);
    EXPECT_EQ(loaded.settings, sample());
    EXPECT_FALSE(loaded.problem.has_value());
}

TEST(SettingsStore, SaveLeavesNoTemporaryFileBehind) {
    TempDir dir;
    const auto file = dir.path() / "settings.json";
    ASSERT_TRUE(save_settings(file, sample(), nullptr));
    ASSERT_TRUE(save_settings(file, DesktopSettings{.client_id = "other"}, nullptr));
    EXPECT_EQ(files_in(dir.path()), 1u);
    EXPECT_EQ(load_settings(file).settings.client_id, "other");
}

TEST(SettingsStore, FailedSaveIsReportedAndLeavesNoTemporaryFile) {
    TempDir dir;
    const auto file = dir.path() / "settings.json";
    write_text(file / "in-the-way", "x"); // rename(2) cannot replace a non-empty folder
    std::string error;
    EXPECT_FALSE(save_settings(file, sample(), &error));
    EXPECT_NE(error.find("settings.json"), std::string::npos) << error;
    EXPECT_EQ(files_in(dir.path()), 1u);
}

TEST(SettingsStore, CorruptFileIsKeptAsideAndReplaced) {
    TempDir dir;
    const auto file = dir.path() / "settings.json";
    write_text(file, "{\"baseUrl\": \"http://x\", \"clientId\": ");
    const auto loaded = load_settings(file);
    EXPECT_EQ(loaded.settings, DesktopSettings{});
    ASSERT_TRUE(loaded.problem.has_value());
    EXPECT_EQ(loaded.problem->file, file);
    EXPECT_EQ(loaded.problem->reason, "it is not valid JSON");
    EXPECT_EQ(loaded.problem->kept_as, dir.path() / "settings.json.corrupt");
    EXPECT_EQ(loaded.problem->cleanup_error, "");
    EXPECT_EQ(read_text(dir.path() / "settings.json.corrupt"), "{\"baseUrl\": \"http://x\", \"clientId\": ");
    // The replacement is a good file: the next start has nothing to report.
    EXPECT_FALSE(load_settings(file).problem.has_value());
}

TEST(SettingsStore, ReadSettingsNeverMovesOrRewritesACorruptFile) {
    TempDir dir;
    const auto file = dir.path() / "settings.json";
    const std::string corrupt = "{\"baseUrl\": \"http://x\", \"clientId\": ";
    write_text(file, corrupt);
    const auto loaded = rd::desktop::read_settings(file);
    EXPECT_EQ(loaded.settings, DesktopSettings{});
    ASSERT_TRUE(loaded.problem.has_value());
    EXPECT_EQ(loaded.problem->reason, "it is not valid JSON");
    EXPECT_TRUE(loaded.problem->kept_as.empty());
    EXPECT_EQ(read_text(file), corrupt);
    EXPECT_EQ(files_in(dir.path()), 1u);
}

TEST(SettingsStore, ReadSettingsReadsAGoodFileAndAMissingOneAsDefaults) {
    TempDir dir;
    const auto file = dir.path() / "settings.json";
    EXPECT_EQ(rd::desktop::read_settings(file).settings, DesktopSettings{});
    EXPECT_FALSE(rd::desktop::read_settings(file).problem.has_value());
    EXPECT_FALSE(std::filesystem::exists(file));
    ASSERT_TRUE(save_settings(file, sample(), nullptr));
    const auto loaded = rd::desktop::read_settings(file);
    EXPECT_EQ(loaded.settings, sample());
    EXPECT_FALSE(loaded.problem.has_value());
}

TEST(SettingsStore, NonObjectJsonIsCorrupt) {
    TempDir dir;
    const auto file = dir.path() / "settings.json";
    write_text(file, "[1, 2]");
    EXPECT_EQ(load_settings(file).problem.value_or(rd::desktop::UnreadableSettings{}).reason,
              "it is not a JSON object");
}

TEST(SettingsStore, CorruptFileThatCannotBeMovedAsideIsSaidSo) {
    TempDir dir;
    const auto file = dir.path() / "settings.json";
    write_text(file, "[1, 2]");
    write_text(dir.path() / "settings.json.corrupt" / "in-the-way",
               "x"); // rename(2) cannot replace a non-empty folder
    const auto loaded = load_settings(file);
    ASSERT_TRUE(loaded.problem.has_value());
    EXPECT_TRUE(loaded.problem->kept_as.empty());
    EXPECT_FALSE(loaded.problem->cleanup_error.empty());
    EXPECT_EQ(read_text(file), "[1, 2]"); // left as it was
}

TEST(SettingsStore, CaBundleRoundTripsAndIsLeftOutWhenUnset) {
    TempDir dir;
    const auto file = dir.path() / "settings.json";
    DesktopSettings settings = sample();
    settings.ca_bundle = "/etc/ssl/intranet-proxy.pem";
    ASSERT_TRUE(save_settings(file, settings, nullptr));
    EXPECT_NE(read_text(file).find("\"caBundle\": \"/etc/ssl/intranet-proxy.pem\""), std::string::npos)
        << read_text(file);
    EXPECT_EQ(load_settings(file).settings.ca_bundle, "/etc/ssl/intranet-proxy.pem");
    settings.ca_bundle.clear();
    ASSERT_TRUE(save_settings(file, settings, nullptr));
    EXPECT_EQ(read_text(file).find("caBundle"), std::string::npos) << read_text(file);
}

TEST(SettingsStore, LanguageRoundTripsAndIsLeftOutWhenUnset) {
    TempDir dir;
    const auto file = dir.path() / "settings.json";
    DesktopSettings settings = sample();
    settings.language = "zh";
    ASSERT_TRUE(save_settings(file, settings, nullptr));
    EXPECT_NE(read_text(file).find("\"language\": \"zh\""), std::string::npos) << read_text(file);
    EXPECT_EQ(load_settings(file).settings, settings);
    settings.language.clear();
    ASSERT_TRUE(save_settings(file, settings, nullptr));
    EXPECT_EQ(read_text(file).find("language"), std::string::npos) << read_text(file);
    EXPECT_EQ(load_settings(file).settings.language, "");
}

TEST(SettingsStore, ThemeRoundTripsAndIsLeftOutWhenUnset) {
    TempDir dir;
    const auto file = dir.path() / "settings.json";
    DesktopSettings settings = sample();
    settings.theme = "dark";
    ASSERT_TRUE(save_settings(file, settings, nullptr));
    EXPECT_NE(read_text(file).find("\"theme\": \"dark\""), std::string::npos) << read_text(file);
    EXPECT_EQ(load_settings(file).settings, settings);
    settings.theme.clear();
    ASSERT_TRUE(save_settings(file, settings, nullptr));
    EXPECT_EQ(read_text(file).find("theme"), std::string::npos) << read_text(file);
    EXPECT_EQ(load_settings(file).settings.theme, "");
}

TEST(SettingsStore, UiScaleRoundTripsAndIsLeftOutWhenUnset) {
    TempDir dir;
    const auto file = dir.path() / "settings.json";
    DesktopSettings settings = sample();
    settings.ui_scale = 150;
    ASSERT_TRUE(save_settings(file, settings, nullptr));
    EXPECT_NE(read_text(file).find("\"uiScale\": 150"), std::string::npos) << read_text(file);
    EXPECT_EQ(load_settings(file).settings, settings);
    settings.ui_scale = 0;
    ASSERT_TRUE(save_settings(file, settings, nullptr));
    EXPECT_EQ(read_text(file).find("uiScale"), std::string::npos) << read_text(file);
    write_text(file, R"({"uiScale": "big"})"); // a wrong type is ignored; the UI clamps odd numbers
    EXPECT_EQ(load_settings(file).settings.ui_scale, 0);
}

// The file lists its members in one order, the order settings_json writes them (not sorted by name:
// rd::Json keeps the order they were written in), so saving the same settings twice writes the same bytes.
TEST(SettingsStore, TheFileListsItsMembersInTheOrderTheyAreWritten) {
    const DesktopSettings settings{.base_url = "http://127.0.0.1:8080",
                                   .client_id = "demo-client-id",
                                   .ca_bundle = "/etc/ssl/proxy.pem",
                                   .language = "zh",
                                   .theme = "light",
                                   .ui_scale = 125,
                                   .window_width = 1200,
                                   .window_height = 700};
    EXPECT_EQ(rd::desktop::settings_json(settings), R"({
  "baseUrl": "http://127.0.0.1:8080",
  "clientId": "demo-client-id",
  "caBundle": "/etc/ssl/proxy.pem",
  "language": "zh",
  "theme": "light",
  "uiScale": 125,
  "window": {
    "width": 1200,
    "height": 700
  }
}
)");
}

// Files written before were in name order (caBundle before clientId, height before width): read the same.
TEST(SettingsStore, AFileInNameOrderIsReadTheSame) {
    TempDir dir;
    const auto file = dir.path() / "settings.json";
    write_text(file, R"({"baseUrl": "http://x", "caBundle": "/ca.pem", "clientId": "abc", "language": "zh",
                        "theme": "dark", "uiScale": 150, "window": {"height": 700, "width": 1200}})");
    const auto loaded = load_settings(file);
    EXPECT_FALSE(loaded.problem.has_value());
    EXPECT_EQ(loaded.settings, (DesktopSettings{.base_url = "http://x",
                                                .client_id = "abc",
                                                .ca_bundle = "/ca.pem",
                                                .language = "zh",
                                                .theme = "dark",
                                                .ui_scale = 150,
                                                .window_width = 1200,
                                                .window_height = 700}));
}

TEST(SettingsStore, AFileFromBeforeThemesIsReadWithNoThemeChosen) {
    TempDir dir;
    const auto file = dir.path() / "settings.json";
    write_text(file, R"({"baseUrl": "http://x", "clientId": "abc", "language": "zh"})");
    const auto loaded = load_settings(file);
    EXPECT_FALSE(loaded.problem.has_value());
    EXPECT_EQ(loaded.settings.language, "zh");
    EXPECT_EQ(loaded.settings.theme, "");
}

TEST(SettingsStore, WrongTypedFieldIsIgnoredNotFatal) {
    TempDir dir;
    const auto file = dir.path() / "settings.json";
    write_text(file, R"({"baseUrl": 42, "clientId": "abc", "window": {"width": "wide", "height": 500}})");
    const auto loaded = load_settings(file);
    EXPECT_FALSE(loaded.problem.has_value());
    EXPECT_EQ(loaded.settings.base_url, "");
    EXPECT_EQ(loaded.settings.client_id, "abc");
    EXPECT_EQ(loaded.settings.window_width, 0);
}

TEST(SettingsStore, HandWrittenSecretIsDroppedBySave) {
    TempDir dir;
    const auto file = dir.path() / "settings.json";
    write_text(file,
               R"({"baseUrl": "http://x", "clientId": "abc", "clientSecret": "s3cret", "token": "t0ken"})");
    ASSERT_TRUE(save_settings(file, load_settings(file).settings, nullptr));
    const std::string text = read_text(file);
    EXPECT_EQ(text.find("s3cret"), std::string::npos) << text;
    EXPECT_EQ(text.find("t0ken"), std::string::npos) << text;
    EXPECT_NE(text.find("\"clientId\": \"abc\""), std::string::npos) << text;
}

TEST(SettingsStore, ConfigDirFollowsXdgThenHome) {
    const char* old_xdg = std::getenv("XDG_CONFIG_HOME");
    const char* old_home = std::getenv("HOME");
    const std::string xdg = old_xdg ? old_xdg : "", home = old_home ? old_home : "";
    ::setenv("XDG_CONFIG_HOME", "/x/config", 1);
    ::setenv("HOME", "/home/someone", 1);
    EXPECT_EQ(rd::desktop::default_config_dir(), "/x/config/renewdesk");
    ::setenv("XDG_CONFIG_HOME", "relative/ignored", 1); // the XDG spec: relative paths are invalid
    EXPECT_EQ(rd::desktop::default_config_dir(), "/home/someone/.config/renewdesk");
    ::unsetenv("XDG_CONFIG_HOME");
    ::unsetenv("HOME");
    EXPECT_TRUE(rd::desktop::default_config_dir().empty());
    old_xdg ? ::setenv("XDG_CONFIG_HOME", xdg.c_str(), 1) : ::unsetenv("XDG_CONFIG_HOME");
    old_home ? ::setenv("HOME", home.c_str(), 1) : ::unsetenv("HOME");
}

TEST(SettingsStore, BaseUrlWithInvalidUtf8SavesAndLoadsWithoutThrowing) {
    TempDir dir;
    const auto file = dir.path() / "settings.json";
    DesktopSettings settings = sample();
    settings.base_url = "http://caf\xC3\x28.example/\xFF"; // typed or pasted: any bytes
    std::string error;
    bool saved = false;
    ASSERT_NO_THROW(saved = save_settings(file, settings, &error));
    ASSERT_TRUE(saved) << error;
    rd::desktop::LoadedSettings loaded;
    ASSERT_NO_THROW(loaded = load_settings(file));
    EXPECT_FALSE(loaded.problem.has_value()) << loaded.problem->reason;
    EXPECT_EQ(loaded.settings.base_url,
              "http://caf\xEF\xBF\xBD(.example/\xEF\xBF\xBD"); // each bad byte -> U+FFFD
    EXPECT_EQ(loaded.settings.client_id, settings.client_id);
    EXPECT_EQ(loaded.settings.window_width, settings.window_width);
}
