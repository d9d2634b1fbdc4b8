#include "ui/screens/sign_in_screen.h"

#include "ui/api_text.h"
#include "ui/display_text.h"
#include "ui/kit/widgets.h"
#include "ui/layout.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>

namespace rd::ui {

namespace {

std::string attempt_customer(const JournalEntry& entry) {
    return entry.target.empty() ? std::string(tr(Text::yourself))
                                : api_text(entry.target_name.empty() ? entry.target : entry.target_name) +
                                      " (" + entry.target + ")";
}

} // namespace

void draw_pending_order_banner(const JournalEntry& entry, bool offer_forget, Actions& actions) {
    const std::string who = attempt_customer(entry);
    toned_text(Tone::pending,
               format(Text::pending_order_fmt, local_time_text(entry.sent_at_ms).c_str(), who.c_str()),
               "Pending order");
    hint(format(Text::pending_order_sign_in_fmt, url_host(entry.base_url).c_str(), entry.client_id.c_str())
             .c_str());
    if (offer_forget && button(Text::forget_pending_order, true, 0))
        actions.push_back({.kind = ActionKind::forget_journal});
}

namespace {

// Another copy holds a journal: a process (pid, started) or another tab of the web page (program
// "browser tab", src/platform/web/local_storage_journal.h: pid 0, when that tab started; pid -1 while
// the browser has not answered whether another tab holds it, which is nothing to tell yet).
void draw_holder(const JournalHolder& holder, Text process_fmt, Text tab_fmt, const char* tracked) {
    const bool tab = holder.program == "browser tab";
    if (tab && holder.pid < 0) return;
    const std::string started =
        holder.started_at_ms > 0 ? local_time_text(holder.started_at_ms) : std::string("?");
    const std::string pid = holder.pid > 0 ? std::to_string(holder.pid) : std::string("?");
    const std::string words =
        tab ? format(tab_fmt, started.c_str()) : format(process_fmt, pid.c_str(), started.c_str());
    toned_text(Tone::pending, words, tracked);
}

} // namespace

void draw_journal_holder(const RenewalFlow& flow) {
    if (flow.busy_holder()) {
        draw_holder(*flow.busy_holder(), Text::journal_busy_fmt, Text::journal_busy_tab_fmt,
                    "Journal holder");
        if (const auto& watched = flow.watched_attempt()) { // its order, as its journal shows it
            const std::string words =
                format(Text::journal_busy_attempt_fmt, attempt_customer(*watched).c_str(),
                       local_time_text(watched->sent_at_ms).c_str());
            hint(words.c_str());
        }
        return;
    }
    const auto& finished = flow.finished_elsewhere();
    if (!finished) return;
    const std::string who = attempt_customer(finished->attempt);
    const std::string sent = local_time_text(finished->attempt.sent_at_ms);
    std::string words;
    Tone tone = Tone::pending;
    if (finished->order) {
        words = format(Text::finished_elsewhere_placed_fmt, who.c_str(), sent.c_str(),
                       finished->order->order_no.c_str(),
                       order_status_words(finished->order->order_status).c_str());
        tone = Tone::good;
    } else if (finished->ruled_out) {
        words = format(Text::finished_elsewhere_none_fmt, who.c_str(), sent.c_str());
    } else {
        words = format(Text::finished_elsewhere_unknown_fmt, who.c_str(), sent.c_str());
    }
    toned_text(tone, words, "Finished elsewhere");
    announce(words);
}

BatchElsewhere BatchElsewhere::of(const BatchRun& batch) {
    BatchElsewhere elsewhere{.holder = batch.busy_holder()};
    if (batch.busy_holder() && batch.watched_rows()) elsewhere.watched = count_rows(*batch.watched_rows());
    if (const auto& rows = batch.finished_elsewhere()) {
        bool waiting = false;
        elsewhere.finished = count_rows(*rows, &waiting);
        elsewhere.finished_in_full =
            !waiting && std::none_of(rows->begin(), rows->end(), [](const BatchRow& row) {
                return row.status == BatchRowStatus::sending;
            });
    }
    return elsewhere;
}

void draw_batch_holder(const BatchElsewhere& elsewhere) {
    if (elsewhere.holder) {
        draw_holder(*elsewhere.holder, Text::batch_busy_fmt, Text::batch_busy_tab_fmt, "Batch holder");
        if (const auto& c = elsewhere.watched)
            hint(format(Text::batch_busy_progress_fmt, c->sent, c->size, c->placed + c->pending, c->failed,
                        c->unknown + c->ambiguous)
                     .c_str());
        return;
    }
    if (const auto& c = elsewhere.finished) {
        // Only the whole record is its outcome; a part seen before it finished is not (its orders are
        // in the Orders list).
        const std::string words =
            elsewhere.finished_in_full
                ? format(Text::batch_finished_elsewhere_fmt, c->placed, c->size, c->pending, c->failed,
                         c->unknown + c->ambiguous, c->size - c->sent)
                : format(Text::batch_finished_elsewhere_part_fmt, c->size);
        toned_text(c->failed + c->unknown + c->ambiguous > 0 ? Tone::pending : Tone::good, words,
                   "Batch finished elsewhere");
        announce(words);
    }
}

void draw_sign_in_screen(const RenewalFlow& flow, SignInFields& fields, const SignInContext& context,
                         Actions& actions) {
    const bool waiting = flow.stage() == Stage::signing_in;
    heading(tr(Text::sign_in_heading));
    hint(tr(Text::sign_in_hint));
    if (flow.pending_journal()) {
        ImGui::Spacing();
        draw_pending_order_banner(*flow.pending_journal(), false, actions);
    }
    ImGui::Spacing();

    // As wide as designed on a wide display; on a phone the widest label still fits beside the field.
    float labels = 0;
    for (Text text : {Text::base_url, Text::client_id, Text::client_secret})
        labels = std::max(labels, label_beside(tr(text)));
    const float field_width = fit_width(420.0f, labels);
    ImGui::BeginDisabled(waiting);
    if (text_field(Text::base_url, fields.base_url, {.width = field_width, .disabled = waiting}))
        fields.plain_http_warning = false;
    // Keyboard focus starts where typing is needed: the Client ID, or the secret when the id is remembered.
    const bool focus_first_field = fields.focus;
    fields.focus = false;
    const bool id_remembered = !fields.client_id.empty();
    text_field(Text::client_id, fields.client_id,
               {.width = field_width, .disabled = waiting, .focus = focus_first_field && !id_remembered});
    const bool enter = secret_field(Text::client_secret, fields.client_secret,
                                    {.width = field_width,
                                     .disabled = waiting,
                                     .focus = focus_first_field && !fields.client_id.empty(),
                                     .enter = en(Text::sign_in)});
    ImGui::EndDisabled();

    ImGui::Spacing();
    const bool ready = !waiting && !fields.client_id.empty() && !fields.client_secret.empty();
    const bool needs_warning = context.warn_plain_http && is_plain_http_off_this_computer(fields.base_url);
    if (button(Text::sign_in, ready, 120.0f) || (enter && ready)) {
        if (needs_warning) fields.plain_http_warning = true;
        else actions.push_back({.kind = ActionKind::sign_in});
    }
    if (waiting) {
        ImGui::SameLine();
        spinner_text(tr(Text::signing_in));
    }
    // Waiting for another copy's order before this account's journal is read. Below the fields, so a
    // line that comes and goes (a reloaded page's own lock, released a moment later) never moves a
    // field under the pointer.
    draw_journal_holder(flow);
    if (fields.plain_http_warning && needs_warning && !waiting) {
        ImGui::Spacing();
        alert_text(format(Text::plain_http_warning_fmt, url_host(fields.base_url).c_str()));
        if (button(Text::sign_in_anyway, ready, 160.0f)) {
            fields.plain_http_warning = false;
            actions.push_back({.kind = ActionKind::sign_in});
        }
        same_line_if_fits(button_width(Text::cancel, 100.0f)); // a phone: on the next line, not cut off
        if (button(Text::cancel, true, 100.0f)) fields.plain_http_warning = false;
    }
    if (flow.error()) {
        ImGui::Spacing();
        error_box(*flow.error());
    }
    // The hint follows the Base URL in the field: only the known sandbox places no real orders.
    if (!context.sandbox_base_url.empty() && fields.base_url == context.sandbox_base_url) {
        ImGui::Spacing();
        hint(tr(Text::sandbox_hint));
    }
}

} // namespace rd::ui
