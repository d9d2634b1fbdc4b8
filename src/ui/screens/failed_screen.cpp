// The screen after Confirm when no order was placed: why, and back to the choices.
#include "ui/screens/failed_screen.h"

#include "core/text.h"
#include "ui/display_text.h"
#include "ui/kit/widgets.h"
#include "ui/layout.h"
#include "ui/screens/review_screen.h"
#include "ui/screens/sign_in_screen.h"

#include <imgui.h>

namespace rd::ui {

void draw_failed_screen(const RenewalFlow& flow, Actions& actions) {
    status_heading(tr(Text::failed_heading), StatusIcon::failed, Tone::bad);
    announce(tr(Text::failed_heading));
    if (flow.failure() == OrderOutcome::refused) toned_text(Tone::bad, tr(Text::failed_refused));
    else toned_text(Tone::bad, format(Text::failed_not_sent_fmt, url_host(flow.attempt().base_url).c_str()));
    draw_journal_holder(flow); // nothing was sent: another copy holds the journal
    if (flow.journal_unwritable()) toned_text(Tone::bad, tr(Text::journal_unwritable));
    if (flow.error()) error_box(*flow.error());
    hint(tr(Text::failed_fix_hint));
    if (button(Text::back_to_choices, true, 170)) actions.push_back({.kind = ActionKind::back_to_choosing});
}

} // namespace rd::ui
