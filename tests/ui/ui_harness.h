// UiHarness: the real rd::ui::App in a headless ImGui context (font atlas built, no renderer) over
// the fake transport, with real ImGui input events: clicks land on the rectangles the app reports,
// exactly as the browser and desktop end-to-end tests use them.
#pragma once

#include "ui/app.h"

#include "tests/core/fake_transport.h"
#include "tests/core/fixtures.h"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h> // ImGuiContext::LogBuffer: drawn_text()
#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace rd::test {

struct UiOptions {
    bool warn_plain_http = false;
    std::optional<ui::SettingsReset> settings_reset;
    ui::SavedFile::Outcome save_outcome = ui::SavedFile::Outcome::written;
    std::optional<std::string> journal_text; // what the journal store holds at start
    std::optional<ui::Language> language;    // the remembered or detected language at start
    std::optional<ui::Theme> theme;          // the remembered theme at start
    ui::Theme system_theme = ui::Theme::light;
    std::optional<int> ui_scale; // the remembered UI scale at start, in percent
    // What the page learned about the server toward the browser (none: the desktop, no facts).
    std::optional<DeploymentFacts> deployment;
    bool opens_licences = false; // the page: the header's Licences opens THIRD-PARTY-NOTICES.txt
    std::string licences_file;   // the desktop: the installed notices file, shown with Copy path
};

struct UiHarness {
    explicit UiHarness(UiOptions options = {}) : options(std::move(options)) {
        if (this->options.journal_text) journal.save(*this->options.journal_text);
        app = std::make_unique<ui::App>(transport, clock, environment());
    }

    UiOptions options;
    ImGuiContext* context = make_context();
    FakeTransport transport;
    FakeClock clock;
    MemoryJournalStore journal;
    std::vector<std::string> copied;
    int licences_opened = 0; // the page's open_licences calls
    std::vector<std::pair<std::string, std::string>> saved;
    std::vector<std::pair<std::string, std::string>> remembered;
    std::vector<ui::Language> remembered_languages;
    std::vector<ui::Theme> remembered_themes;
    std::vector<int> remembered_ui_scales;
    std::vector<std::string> deployment_asked_for; // the Base URLs the deployment facts were asked for
    std::unique_ptr<ui::App> app; // made in the constructor, once the journal holds its start text

    ~UiHarness() {
        app.reset();
        ImGui::DestroyContext(context);
    }

    static ImGuiContext* make_context() {
        ImGuiContext* context = ImGui::CreateContext();
        ImGui::SetCurrentContext(context); // CreateContext keeps another harness's current
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 900);
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
        return context;
    }

    ui::AppEnvironment environment() {
        return ui::AppEnvironment{
            .default_base_url = "http://sandbox.invalid",
            .served_by_sandbox = true,
            .remember = [this](const std::string& url,
                               const std::string& id) { remembered.emplace_back(url, id); },
            .copy_to_clipboard = [this](const std::string& text) { copied.push_back(text); },
            .save_file =
                [this](const std::string& name, const std::string& text) {
                    saved.emplace_back(name, text);
                    if (options.save_outcome == ui::SavedFile::Outcome::failed)
                        return ui::SavedFile{.problem = "No space left on device"};
                    return ui::SavedFile{.outcome = options.save_outcome,
                                         .where = "/home/x/receipts/" + name};
                },
            .settings_reset = options.settings_reset,
            .journal = &journal,
            .sandbox_base_url = "http://sandbox.invalid",
            .warn_plain_http = options.warn_plain_http,
            .language = options.language,
            .remember_language = [this](ui::Language language) { remembered_languages.push_back(language); },
            .theme = options.theme,
            .system_theme = options.system_theme,
            .remember_theme = [this](ui::Theme theme) { remembered_themes.push_back(theme); },
            .ui_scale = options.ui_scale,
            .remember_ui_scale = [this](int percent) { remembered_ui_scales.push_back(percent); },
            .open_licences =
                options.opens_licences ? std::function<void()>([this] { ++licences_opened; }) : nullptr,
            .licences_file = options.licences_file,
            .deployment_facts = options.deployment ? std::function<DeploymentFacts(const std::string&)>(
                                                         [this](const std::string& base_url) {
                                                             deployment_asked_for.push_back(base_url);
                                                             return *options.deployment;
                                                         })
                                                   : nullptr,
        };
    }

    // Each harness has its own ImGui context: made current before input or a frame, so two harnesses
    // (two Apps) can take turns in one test.
    ImGuiIO& io() {
        ImGui::SetCurrentContext(context);
        return ImGui::GetIO();
    }

    void frame() {
        io().DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        app->draw();
        ImGui::Render();
    }

    // Types the demo credentials, clicks Sign in and answers the token request.
    void sign_in() {
        click_and_type("Client ID", "demo-client-id");
        click_and_type("Client Secret", "demo-client-secret");
        click("Sign in");
        transport.reply("/oauth/token", ok(token_result()));
    }

    // Signs in, then answers the three lookups: `users` as the subordinate users, the fixtures' plans
    // and billing contacts.
    void sign_in_and_load(const nlohmann::json& users = fixture_json("partner_list.json")) {
        sign_in();
        transport.reply("/partner_list", ok(users));
        transport.reply("/purchase_product_info", ok(fixture_json("plans_flat_lists.json")));
        transport.reply("/billing_contact_list", ok(fixture_json("billing_contacts.json")));
        frame();
    }

    // What ImGui drew in one frame after a settling frame, as text (ImGui's log capture): the
    // language tests read it for English left on a Chinese screen.
    std::string drawn_text() {
        frame();
        io().DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        ImGui::LogToBuffer(0);
        app->draw();
        std::string text = ImGui::GetCurrentContext()->LogBuffer.c_str();
        ImGui::LogFinish();
        ImGui::Render();
        return text;
    }

    ui::WidgetRect rect(const std::string& label) {
        frame(); // let a screen that just changed settle its layout, as a person's eye would
        frame();
        auto it = app->widget_rects().find(label);
        if (it == app->widget_rects().end()) throw std::runtime_error("no widget " + label);
        return it->second;
    }

    bool has_widget(const std::string& label) {
        frame();
        return app->widget_rects().count(label) > 0;
    }

    void click(const std::string& label, int clicks = 1) {
        ui::WidgetRect r = rect(label);
        io().AddMousePosEvent(r.x + r.w / 2, r.y + r.h / 2);
        frame();
        for (int i = 0; i < clicks; ++i) {
            io().AddMouseButtonEvent(0, true);
            frame();
            io().AddMouseButtonEvent(0, false);
            frame();
        }
    }

    void type(const std::string& text) {
        io().AddInputCharactersUTF8(text.c_str());
        frame();
    }

    void press(ImGuiKey key) {
        io().AddKeyEvent(key, true);
        frame();
        io().AddKeyEvent(key, false);
        frame();
    }

    void click_and_type(const std::string& label, const std::string& text) {
        click(label);
        type(text);
    }
};

// The app's test-hook state (App::state_json), parsed.
inline nlohmann::json state(UiHarness& ui) {
    return nlohmann::json::parse(ui.app->state_json());
}

// Signs in over the fixtures and walks to the review screen for the partner itself.
inline void reach_review_for_myself(UiHarness& ui) {
    ui.sign_in_and_load(fixture_json("partner_list.json"));
    ui.click("Renew for myself");
    ui.click("contact:3197218168379846218");
    ui.click("Review order");
    ASSERT_EQ(state(ui)["screen"], "reviewing");
}

} // namespace rd::test
