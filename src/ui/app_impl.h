// App's inside, shared by app.cpp (drawing and applying actions) and app_state.cpp (the state the
// test hooks read). Private to src/ui.
#pragma once

#include "core/api_client.h"
#include "core/batch_run.h"
#include "core/renewal_flow.h"
#include "ui/actions.h"
#include "ui/app.h"
#include "ui/kit/ui_context.h"
#include "ui/notices.h"
#include "ui/screens/batch_screens.h"
#include "ui/screens/choose_screen.h"
#include "ui/screens/navigator.h"
#include "ui/screens/orders_screen.h"
#include "ui/screens/review_screen.h"
#include "ui/screens/sign_in_screen.h"
#include "ui/ui_scale.h"

#include <string>

namespace rd::ui {

struct App::Impl {
    Impl(Transport& transport, const Clock& clock, AppEnvironment env)
        : environment(std::move(env)), client(transport, clock, ApiClientOptions{}),
          flow(client, environment.journal), batch_run(client, environment.batch_journal, clock) {
        set_current_ui_context(&ui); // a new App is the one its maker talks to next, as ImGui::CreateContext
        sign_in.base_url = !environment.remembered_base_url.empty() ? environment.remembered_base_url
                                                                    : environment.default_base_url;
        sign_in.client_id = environment.remembered_client_id;
        set_language(environment.language.value_or(Language::en));
        chosen_theme = environment.theme;
        system_theme = environment.system_theme;
        show_theme();
        ui_scale = clamp_ui_scale(environment.ui_scale.value_or(100));
        if (environment.settings_reset) notice = settings_reset_notice(*environment.settings_reset);
        flow.set_history(environment.history);
        batch_run.set_history(environment.history); // the same record: rows' orders, late commits
        flow.set_retry_errors(true);                // an order list that failed is read again by itself
        batch_run.set_retry_errors(true);
    }

    void draw();
    void enter_stage(Stage stage); // a new stage's first frame (stage_entry.cpp)
    ScreenModel screen_model() const {
        return {.stage = flow.stage(), .batch = batch.view, .orders = orders_view.page};
    }
    void show_theme(); // the chosen theme, else the system's, into ImGui's style
    void draw_close_question();
    void apply(const Action& action);      // to the one domain below that takes it
    bool apply_flow(const Action& action); // flow_actions.cpp
    // Clipboard, files, licences, closing, the top bar's switches (flow_actions.cpp).
    bool apply_app_action(const Action& action);
    void hand_secret_to_flow();
    bool sending_to_sandbox() const;
    // Batch renewal (batch_app.cpp).
    void tick_batch();
    bool apply_batch(const Action& action);
    bool batch_sending() const;

    UiContext ui; // this App's language, theme, widget rectangles, mirror: current while it is called
    AppEnvironment environment;
    ApiClient client;
    RenewalFlow flow;
    BatchRun batch_run;
    BatchFields batch;
    SignInFields sign_in;
    ChooseFields choose;
    ReviewFields review;
    OrdersView orders_view{client}; // the Orders screens, shown over the flow until Back
    Actions actions;
    RenderFacts render_facts; // from the shell, for the test hooks
    std::string notice;       // the one notice line: a copy or save, settings reset at start-up
    Stage shown_stage = Stage::signed_out;
    bool close_asked = false;          // the shell wants to close while an order is in flight
    bool close_confirmed = false;      // ... and the person said close anyway
    std::optional<Theme> chosen_theme; // in the top bar, now or before (remembered); wins over the system's
    Theme system_theme = Theme::light;
    int ui_scale = 100; // percent, one of ui_scale_steps
};

} // namespace rd::ui
