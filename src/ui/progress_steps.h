// The three steps of a renewal, "Who -> Plan & billing -> Review", drawn at the top of the choose and
// review screens so a person sees where they are. Steps 1 and 2 share the choose screen. Each step
// says its number and its state in words (and a check mark when done), never by colour alone.
// Tracked as "Progress steps" (the whole row).
//
//   draw_progress_steps(progress_steps(flow));
#pragma once

#include "core/renewal_flow.h"
#include "ui/words/catalog.h"

#include <array>
#include <string>

namespace rd::ui {

enum class StepState { to_do, current, done };

struct ProgressSteps {
    std::array<StepState, 3> states{}; // Who, Plan & billing, Review
};

// Where the flow is: who is done once a target is chosen, plan & billing once both are chosen, and
// review is current on the review screen (reviewing or submitting).
ProgressSteps progress_steps(const RenewalFlow& flow);
// One step in words, in the current language: "1 Who ✓ done", "2 Plan & billing (current)".
std::string step_words(int index, StepState state);
void draw_progress_steps(const ProgressSteps& steps);

} // namespace rd::ui
