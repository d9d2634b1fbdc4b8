// rd::ui::App: the whole RenewDesk UI, drawn as ImGui windows from the RenewalFlow's state.
// The platform main (web or desktop) owns the window, the GL context and the transport; once per
// frame it polls the transport, calls App::draw() between ImGui::NewFrame() and ImGui::Render(),
// and asks needs_frames() whether to keep rendering (requests in flight, animations) or sleep.
#pragma once

#include "core/attempt_history.h"
#include "core/deployment_facts.h"
#include "core/order_journal.h"
#include "core/transport.h"
#include "ui/kit/tracked_widgets.h"
#include "ui/theme.h"
#include "ui/words/catalog.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

struct ImFont;

namespace rd {
class Clock;
}

namespace rd::ui {

// What became of a file offered to the person. Facts only: the UI words them.
struct SavedFile {
    enum class Outcome { written, downloaded, failed };
    Outcome outcome = Outcome::failed;
    std::string where;   // written: the full path; downloaded: the file name
    std::string problem; // failed: why, as the system put it
};

// The settings file could not be read at start-up and defaults are in use. Facts only.
struct SettingsReset {
    std::string file;            // the settings file
    std::string reason;          // why it could not be read
    std::string kept_as;         // where the unreadable file was moved; empty: it could not be moved
    std::string cleanup_problem; // moving it aside or writing defaults in its place failed: why
};

// What the platform offers the UI. Every member may be left empty.
struct AppEnvironment {
    std::string default_base_url;   // web: the page's origin; desktop: the real API host
    bool served_by_sandbox = false; // show the "demo credentials" hint
    std::string remembered_base_url;
    std::string remembered_client_id;
    // Persist base URL and Client ID (never the secret, never tokens).
    std::function<void(const std::string& base_url, const std::string& client_id)> remember;
    std::function<void(const std::string& text)> copy_to_clipboard;
    // Offers a file to the person (web: a download; desktop: writes it under the config folder).
    std::function<SavedFile(const std::string& file_name, const std::string& contents)> save_file;
    // Set when the settings could not be read at start-up: shown as the first notice.
    std::optional<SettingsReset> settings_reset;
    // Where the in-flight order journal lives (owned by the platform; null: kept in memory only).
    JournalStore* journal = nullptr;
    // Where the batch's journal lives: a store of its own, never the single order's (null: in memory).
    JournalStore* batch_journal = nullptr;
    // What this computer or browser accounted for, shared with every copy (attempt_history.h; desktop:
    // recent-orders.json beside the journals; web: localStorage). Null: this app's memory only.
    AttemptHistory* history = nullptr;
    // The base URL known to be a sandbox (web: the page's origin when config.json says so; desktop:
    // the --sandbox child's URL). Only when the Base URL in use equals it does the UI say "no real orders".
    std::string sandbox_base_url;
    // Ask before sending credentials to an http:// Base URL that is not on this computer (desktop).
    bool warn_plain_http = false;
    // The UI language at start: the remembered choice, else the browser's or the OS's (none: English).
    std::optional<Language> language;
    // Keep the language the person chose in the top bar (desktop: settings.json; web: localStorage).
    std::function<void(Language)> remember_language;
    // The theme the person chose in the top bar (desktop: settings.json; web: localStorage); none: the
    // system's. The choice wins over the system's preference.
    std::optional<Theme> theme;
    // The system's preference at start (web: prefers-color-scheme; desktop: GTK_THEME ending in ":dark").
    Theme system_theme = Theme::light;
    // Keep the theme the person chose in the top bar.
    std::function<void(Theme)> remember_theme;
    // The UI scale in percent the person chose in the header (ui_scale.h; clamped to a step), none: 100.
    std::optional<int> ui_scale;
    // Keep the UI scale the person chose in the header.
    std::function<void(int percent)> remember_ui_scale;
    // The header's About line: opens THIRD-PARTY-NOTICES (web: THIRD-PARTY-NOTICES.txt beside the page in
    // a new tab); when unset, the line shows licences_file (desktop: the installed file, "" if none).
    std::function<void()> open_licences;
    std::string licences_file;
    // What the page learned about the server in front of the API from its own requests to base_url
    // (web: Resource Timing, src/platform/web/deployment_check.h). Empty on the desktop (libcurl never
    // re-sends a request by itself): no facts, no warning.
    std::function<DeploymentFacts(const std::string& base_url)> deployment_facts;
};

// What the shell's renderer knows about the last frame, reported through the test hooks.
struct RenderFacts {
    int missing_glyphs = 0; // codepoints drawn with a placeholder or the replacement glyph
    std::string drawn_text; // the text ImGui drew in the last capture frame (empty when none was asked)
};

class App {
  public:
    App(Transport& transport, const Clock& clock, AppEnvironment environment);
    ~App();

    void draw();               // one frame of UI; call between ImGui::NewFrame() and ImGui::Render()
    bool needs_frames() const; // true while something changes without input (requests, spinners)
    // Milliseconds until the UI needs a frame although nothing happens (a timed second reading of
    // the order list), 0 when that time has come; nothing when no such time is set. The shells sleep
    // until then instead of drawing frames to find out.
    std::optional<std::int64_t> ms_until_due() const;

    // Closing the window or page: true while an order is being sent (its outcome not yet known).
    bool order_in_flight() const;
    // The shell asks before closing: returns true when closing is fine now; otherwise the UI shows
    // "An order is being placed - close anyway?" and wants_close() turns true if the person agrees.
    bool allow_close();
    bool wants_close() const;

    // The system's colour-scheme preference changed (web: prefers-color-scheme): followed unless the
    // person chose a theme in the top bar.
    void set_system_theme(Theme theme);

    // The UI scale (1.0 to 2.0) the shell draws at: it divides the display size and the mouse position by
    // it and rasterises the fonts at device pixel ratio x scale. Read once per frame, before drawing.
    float ui_scale() const;

    // The shell's heading font (rebuilt with the font atlas; null: the body font). Read while drawing.
    void set_heading_font(ImFont* font);

    // Read-only test hooks.
    void set_render_facts(RenderFacts facts); // reported by state_json()
    std::string state_json() const;           // {"screen": "...", "busy": bool, ...}: no ids, no secrets
    const std::map<std::string, WidgetRect>& widget_rects() const;

    // The inside (app_impl.h), named here so the screens' table (src/ui/screens) can draw from it.
    struct Impl;

  private:
    std::unique_ptr<Impl> impl_;
};

} // namespace rd::ui
