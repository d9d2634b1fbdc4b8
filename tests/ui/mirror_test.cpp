// The accessible mirror (src/ui/mirror.h) from the real screens: what each screen describes, that the
// secret never appears in the description, and that requests from the page's elements (the hidden
// DOM a screen reader uses) drive a whole renewal along the same paths as clicks: one Confirm in the
// mirror, however often pressed in one frame, sends one order.
#include "tests/ui/ui_harness.h"
#include "ui/kit/mirror.h"

#include "core/api_paths.h"
#include "tests/core/fixtures.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace rd;
using namespace rd::test;
namespace mirror = rd::ui::mirror;

namespace {

nlohmann::json description() {
    return nlohmann::json::parse(mirror::json());
}

// The described node with `key` (searched in groups too), or null.
nlohmann::json find_key(const nlohmann::json& nodes, const std::string& key) {
    for (const auto& node : nodes) {
        if (node.value("k", "") == key) return node;
        if (node.contains("ch")) {
            nlohmann::json inner = find_key(node["ch"], key);
            if (!inner.is_null()) return inner;
        }
    }
    return nullptr;
}

bool has_heading(const nlohmann::json& nodes, const std::string& text) {
    for (const auto& node : nodes)
        if (node["r"] == "heading" && node["n"] == text) return true;
    return false;
}

void request(mirror::RequestKind kind, const std::string& key, const std::string& text = {}) {
    mirror::push_request({.kind = kind, .key = key, .text = text});
}

void activate(UiHarness& ui, const std::string& key) {
    request(mirror::RequestKind::activate, key);
    ui.frame();
}

} // namespace

TEST(Mirror, TheSignInScreenDescribesItsHeadingLabelledFieldsAndButtons) {
    UiHarness ui;
    ui.frame();
    const nlohmann::json doc = description();
    EXPECT_TRUE(has_heading(doc["nodes"], "Sign in to the Yeastar Partner Portal API")) << doc.dump();
    const auto base_url = find_key(doc["nodes"], "Base URL");
    ASSERT_FALSE(base_url.is_null());
    EXPECT_EQ(base_url["r"], "field");
    EXPECT_EQ(base_url["v"], "http://sandbox.invalid");
    EXPECT_EQ(find_key(doc["nodes"], "Client ID")["r"], "field");
    const auto secret = find_key(doc["nodes"], "Client Secret");
    EXPECT_EQ(secret["r"], "secret");
    EXPECT_EQ(secret["e"], "Sign in"); // Enter in the field presses Sign in
    const auto sign_in = find_key(doc["nodes"], "Sign in");
    EXPECT_EQ(sign_in["r"], "button");
    EXPECT_EQ(sign_in["d"], true); // disabled until both fields hold text
}

TEST(Mirror, TheSecretNeverAppearsInTheDescriptionOnlyThatItHoldsText) {
    UiHarness ui;
    ui.click_and_type("Client ID", "demo-client-id");
    ui.click_and_type("Client Secret", "s3cret-typed-on-canvas");
    EXPECT_EQ(mirror::json().find("s3cret"), std::string::npos);
    EXPECT_EQ(find_key(description()["nodes"], "Client Secret")["c"], true);
    request(mirror::RequestKind::set_text, "Client Secret", "s3cret-from-the-mirror");
    ui.frame();
    ui.frame();
    EXPECT_EQ(mirror::json().find("s3cret"), std::string::npos);
    EXPECT_EQ(state(ui)["signInReady"], true);
}

TEST(Mirror, AnIdleScreenKeepsItsDescriptionVersion) {
    UiHarness ui;
    ui.frame();
    ui.frame();
    const auto version = mirror::version();
    for (int i = 0; i < 5; ++i)
        ui.frame();
    EXPECT_EQ(mirror::version(), version);
    request(mirror::RequestKind::set_text, "Client ID", "someone");
    ui.frame();
    EXPECT_NE(mirror::version(), version);
    EXPECT_EQ(find_key(description()["nodes"], "Client ID")["v"], "someone");
}

TEST(Mirror, AFocusRequestMovesImGuisKeyboardFocusAndTheDescriptionSaysWhere) {
    UiHarness ui;
    ui.frame();
    request(mirror::RequestKind::focus, "Client Secret");
    ui.frame();
    ui.frame();
    EXPECT_EQ(state(ui)["focused"], "Client Secret");
    EXPECT_EQ(description()["focus"], "Client Secret");
}

TEST(Mirror, ARequestForAWidgetNotOnScreenIsDroppedNotKeptForLater) {
    UiHarness ui;
    ui.frame();
    activate(ui, "Confirm order"); // no such button on the sign-in screen
    EXPECT_FALSE(mirror::has_requests());
}

TEST(Mirror, AWholeRenewalDrivenOnlyByMirrorRequestsSendsOneOrderForOneConfirm) {
    UiHarness ui;
    ui.frame();
    request(mirror::RequestKind::set_text, "Client ID", "demo-client-id");
    request(mirror::RequestKind::set_text, "Client Secret", "demo-client-secret");
    ui.frame();
    activate(ui, "Sign in");
    ui.transport.reply("/oauth/token", ok(token_result()));
    ui.frame();
    ui.transport.reply("/partner_list", ok(fixture_json("partner_list.json")));
    ui.transport.reply("/purchase_product_info", ok(fixture_json("plans_flat_lists.json")));
    ui.transport.reply("/billing_contact_list", ok(fixture_json("billing_contacts.json")));
    ui.frame();
    ui.frame();
    ASSERT_EQ(state(ui)["screen"], "choosing");

    const nlohmann::json choosing = description();
    EXPECT_TRUE(has_heading(choosing["nodes"], "1. Who is the renewal for?"));
    nlohmann::json table;
    for (const auto& node : choosing["nodes"])
        if (node["r"] == "table") table = node;
    ASSERT_FALSE(table.is_null());
    EXPECT_EQ(table["cols"][0], "Yeastar ID");
    EXPECT_EQ(table["rows"][0]["k"], "Renew for myself");
    EXPECT_GT(table["rows"].size(), 1u);
    const auto contact = find_key(choosing["nodes"], "contact:3197218168379846218");
    ASSERT_FALSE(contact.is_null());
    EXPECT_EQ(contact["r"], "radio");

    activate(ui, "Renew for myself");
    activate(ui, "contact:3197218168379846218");
    ui.frame();
    activate(ui, "Review order");
    ui.frame();
    ASSERT_EQ(state(ui)["screen"], "reviewing");
    EXPECT_EQ(find_key(description()["nodes"], "PO number")["r"], "field");

    // Pressed three times before the next frame (a key repeat, a double click): one press.
    request(mirror::RequestKind::activate, "Confirm order");
    request(mirror::RequestKind::activate, "Confirm order");
    request(mirror::RequestKind::activate, "Confirm order");
    ui.frame();
    activate(ui, "Confirm order"); // and again once it is disabled
    ui.frame();
    EXPECT_EQ(ui.transport.sent_count(paths::create_order), 1u);
    ui.transport.reply(paths::create_order, raw(200, fixture_text("tutorial_order_response.json")));
    ui.frame();
    ui.frame();
    ASSERT_EQ(state(ui)["screen"], "done");
    const nlohmann::json done = description();
    EXPECT_NE(done["live"].get<std::string>().find("Order no"), std::string::npos) << done["live"];
}
