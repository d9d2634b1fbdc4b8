#include "app/desktop/input_log.h"
#include "app/desktop/test_hooks.h"
#include "tests/desktop/temp_dir.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>

using rd::desktop::InputFacts;
using rd::desktop::InputLog;
using rd::desktop::ScreenMapping;
using rd::desktop::TestHooks;

namespace {

const std::string state = R"({"screen":"signed_out"})";
const std::map<std::string, rd::ui::WidgetRect> widgets = {{"Sign in", {.x = 10, .y = 20, .w = 80, .h = 30}}};
const ScreenMapping mapping = {.origin_x = 20, .origin_y = 40, .scale = 1.5f, .width = 1200, .height = 760};

nlohmann::json read_json(const std::filesystem::path& file) {
    return nlohmann::json::parse(read_text(file), nullptr, /*allow_exceptions=*/false);
}

} // namespace

TEST(InputLog, CountsEachKindAndTheFrameTheLatestArrivedAfter) {
    InputLog log;
    log.consumed(InputLog::Kind::move, 3);
    log.consumed(InputLog::Kind::button_down, 3);
    log.consumed(InputLog::Kind::button_up, 3);
    log.consumed(InputLog::Kind::key_down, 7);
    log.consumed(InputLog::Kind::character, 7);
    log.consumed(InputLog::Kind::character, 7);
    log.consumed(InputLog::Kind::key_up, 8);
    log.consumed(InputLog::Kind::wheel, 9);
    const InputFacts& counts = log.counts();
    EXPECT_EQ(counts.moves, 1u);
    EXPECT_EQ(counts.button_downs, 1u);
    EXPECT_EQ(counts.button_ups, 1u);
    EXPECT_EQ(counts.key_downs, 1u);
    EXPECT_EQ(counts.chars, 2u);
    EXPECT_EQ(counts.key_ups, 1u);
    EXPECT_EQ(counts.wheels, 1u);
    EXPECT_EQ(counts.frame, 9u);
    EXPECT_EQ(counts.queued, 0u); // ImGui's side: added by the shell
}

TEST(TestHooks, WritesTheInputCountsAndTheMouseInScreenPixels) {
    TempDir dir;
    const auto file = dir.path() / "hooks.json";
    TestHooks hooks(file);
    InputFacts input{.key_downs = 4,
                     .key_ups = 3,
                     .chars = 2,
                     .button_downs = 1,
                     .button_ups = 1,
                     .moves = 5,
                     .wheels = 6,
                     .frame = 11,
                     .queued = 1,
                     .mouse_inside = true,
                     .mouse_x = 100,
                     .mouse_y = 200};
    hooks.after_frame(state, widgets, 12, mapping, input);

    const nlohmann::json written = read_json(file);
    ASSERT_FALSE(written.is_discarded());
    EXPECT_EQ(written["frames"], 12);
    EXPECT_EQ(written["state"]["screen"], "signed_out");
    const nlohmann::json expected = {{"keyDowns", 4},  {"keyUps", 3},
                                     {"chars", 2},     {"buttonDowns", 1},
                                     {"buttonUps", 1}, {"moves", 5},
                                     {"wheels", 6},    {"frame", 11},
                                     {"queued", 1},    {"mouse", {{"x", 170}, {"y", 340}}}};
    EXPECT_EQ(written["input"], expected);
}

TEST(TestHooks, MouseOutsideTheWindowIsNull) {
    TempDir dir;
    const auto file = dir.path() / "hooks.json";
    TestHooks hooks(file);
    hooks.after_frame(state, widgets, 1, mapping, InputFacts{.moves = 1});
    EXPECT_TRUE(read_json(file)["input"]["mouse"].is_null());
}

TEST(TestHooks, NewInputAloneRewritesTheFileWithTheFrameDrawnAfterIt) {
    TempDir dir;
    const auto file = dir.path() / "hooks.json";
    TestHooks hooks(file);
    InputLog log;
    hooks.after_frame(state, widgets, 1, mapping, log.counts());
    log.consumed(InputLog::Kind::button_down, 1); // between frames 1 and 2
    log.consumed(InputLog::Kind::button_up, 1);
    hooks.after_frame(state, widgets, 2, mapping, log.counts());

    const nlohmann::json written = read_json(file);
    EXPECT_EQ(written["frames"], 2);
    EXPECT_EQ(written["input"]["buttonUps"], 1);
    EXPECT_GT(written["frames"], written["input"]["frame"]);
}

TEST(TestHooks, TheFrameAfterAChangeIsWrittenOnceThenNothingUntilTheNextChange) {
    TempDir dir;
    const auto file = dir.path() / "hooks.json";
    TestHooks hooks(file);
    const InputFacts input{.chars = 3, .frame = 4};
    hooks.after_frame(state, widgets, 5, mapping, input);
    EXPECT_EQ(read_json(file)["since"], 5);
    EXPECT_EQ(read_json(file)["frames"], 5);

    // The next frame draws the same: written once more, so a test sees the window has caught up.
    hooks.after_frame(state, widgets, 6, mapping, input);
    EXPECT_EQ(read_json(file)["since"], 5);
    EXPECT_EQ(read_json(file)["frames"], 6);

    // The rest of the settle frames draw the same again: no writes (and an idle app draws none).
    std::filesystem::remove(file);
    hooks.after_frame(state, widgets, 7, mapping, input);
    hooks.after_frame(state, widgets, 8, mapping, input);
    EXPECT_FALSE(std::filesystem::exists(file));

    // ImGui handing on an event it held back is a change.
    InputFacts held = input;
    held.queued = 1;
    hooks.after_frame(state, widgets, 9, mapping, held);
    hooks.after_frame(state, widgets, 10, mapping, input);
    EXPECT_EQ(read_json(file)["since"], 10);
    EXPECT_EQ(read_json(file)["input"]["queued"], 0);
}

TEST(TestHooks, AWidgetHoldingStillIsWrittenButKeepsWhenTheContentWasFirstDrawn) {
    TempDir dir;
    const auto file = dir.path() / "hooks.json";
    TestHooks hooks(file);
    auto moved = widgets;
    moved["Sign in"].y = 50; // a new screen's first frame: the button is new here
    hooks.after_frame(state, moved, 3, mapping, {});
    moved["Sign in"].still = 1; // the next frame drew it in the same place
    hooks.after_frame(state, moved, 4, mapping, {});

    const nlohmann::json written = read_json(file);
    EXPECT_EQ(written["widgets"]["Sign in"]["still"], 1);
    EXPECT_EQ(written["since"], 3); // frame 4 drew what frame 3 did: the window shows this state
    EXPECT_EQ(written["frames"], 4);
}
