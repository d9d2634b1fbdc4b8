// What the desktop app offers the UI (rd::ui::AppEnvironment), built from the command line and the
// settings folder: the remembered sign-in fields and CA bundle, the order journal file, receipts
// saved under the config folder, and the settings written back when they change.
#pragma once

#include "app/desktop/desktop_options.h"
#include "platform/desktop/history_file.h"
#include "platform/desktop/journal_file.h"
#include "platform/desktop/settings_store.h"
#include "ui/app.h"

#include <filesystem>
#include <optional>
#include <string>

namespace rd::desktop {

constexpr const char* default_base_url = "https://openapi.partner.yeastar.com";

class DesktopEnvironment {
  public:
    // Reads the settings (an unreadable file is reset; the UI is told). `sandbox_url` is the
    // --sandbox child's URL, empty without one.
    DesktopEnvironment(const DesktopOptions& options, std::string sandbox_url);

    const DesktopSettings& settings() const { return settings_; }
    // --ca-bundle, else the settings' caBundle; empty: the system's CAs only.
    const std::string& ca_bundle() const { return ca_bundle_; }
    ui::AppEnvironment app_environment();   // refers to this object: keep it alive as long as the app
    void save(const DesktopSettings& next); // writes when changed; a failure is reported on stderr

  private:
    const DesktopOptions& options_;
    std::string sandbox_url_;
    std::filesystem::path config_dir_; // empty: nowhere to keep settings or receipts
    std::filesystem::path settings_file_;
    DesktopSettings settings_; // as last written (or read)
    std::optional<UnreadableSettings> problem_;
    std::optional<JournalFile> journal_; // none without a config dir: the UI keeps it in memory
    // The batch's record, beside the single order's (none without a config dir).
    std::optional<JournalFile> batch_journal_;
    std::optional<HistoryFile> history_; // recent-orders.json, shared with renewdesk-cli
    std::string ca_bundle_;
};

} // namespace rd::desktop
