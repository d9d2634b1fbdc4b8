// What a stage of the renewal does on its first frame: where the keyboard goes, and the review's
// deployment facts.
#include "ui/app_impl.h"

namespace rd::ui {

void App::Impl::enter_stage(Stage stage) {
    shown_stage = stage;
    if (stage == Stage::choosing) choose.focus_search = true; // typing starts where the keyboard goes
    if (stage == Stage::signed_out) sign_in.focus = true;
    if (stage == Stage::reviewing) {
        review.focus_back = true;
        // What the page learned of the server toward the browser: read once per review (its Resource
        // Timing scan is not a per-frame cost), after the lookups it learns from.
        review.deployment.reset();
        if (environment.deployment_facts) review.deployment = environment.deployment_facts(client.base_url());
    }
}

} // namespace rd::ui
