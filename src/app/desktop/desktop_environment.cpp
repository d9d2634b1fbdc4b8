#include "app/desktop/desktop_environment.h"

#include "platform/desktop/receipt_file.h"
#include "ui/notices.h"

#include <imgui.h>

#include <cstdio>
#include <cstdlib>

namespace rd::desktop {

DesktopEnvironment::DesktopEnvironment(const DesktopOptions& options, std::string sandbox_url)
    : options_(options), sandbox_url_(std::move(sandbox_url)), config_dir_(default_config_dir()) {
    set_journal_program("RenewDesk"); // written beside the journals it holds, for the other copies to show
    if (config_dir_.empty()) {
        std::fprintf(stderr,
                     "renewdesk: neither XDG_CONFIG_HOME nor HOME is set: settings will not be kept\n");
    } else {
        settings_file_ = config_dir_ / "settings.json";
        journal_.emplace(config_dir_ / journal_file_name);
        batch_journal_.emplace(config_dir_ / batch_journal_file_name, JournalFile::batch_max_bytes);
        history_.emplace(config_dir_ / recent_orders_file_name);
        LoadedSettings loaded = load_settings(settings_file_);
        settings_ = loaded.settings;
        problem_ = std::move(loaded.problem);
    }
    ca_bundle_ = !options_.ca_bundle.empty() ? options_.ca_bundle : settings_.ca_bundle;
}

void DesktopEnvironment::save(const DesktopSettings& next) {
    if (settings_file_.empty() || next == settings_) return;
    std::string error;
    if (save_settings(settings_file_, next, &error)) settings_ = next;
    else std::fprintf(stderr, "renewdesk: could not save the settings: %s\n", error.c_str());
}

ui::AppEnvironment DesktopEnvironment::app_environment() {
    const bool sandbox = !sandbox_url_.empty();
    ui::AppEnvironment env;
    env.served_by_sandbox = sandbox;
    env.sandbox_base_url = sandbox_url_;
    env.warn_plain_http = true;
    env.journal = journal_ ? &*journal_ : nullptr;
    env.batch_journal = batch_journal_ ? &*batch_journal_ : nullptr;
    env.history = history_ ? &*history_ : nullptr;
    env.default_base_url = sandbox ? sandbox_url_ : options_.base_url.value_or(default_base_url);
    // An explicit --base-url or --sandbox wins over the remembered URL; the sandbox's demo credentials
    // are not the person's Client ID, and its port changes every run, so nothing is remembered then.
    if (!options_.base_url && !sandbox) env.remembered_base_url = settings_.base_url;
    if (!sandbox) {
        env.remembered_client_id = settings_.client_id;
        env.remember = [this](const std::string& base_url, const std::string& client_id) {
            DesktopSettings next = settings_;
            next.base_url = base_url;
            next.client_id = client_id;
            save(next);
        };
    }
    // The language chosen in the top bar, else the OS locale's (LC_ALL, LC_MESSAGES, LANG), else English.
    env.language = ui::language_from_tag(settings_.language);
    if (!env.language)
        env.language =
            ui::language_from_locale(std::getenv("LC_ALL"), std::getenv("LC_MESSAGES"), std::getenv("LANG"));
    env.remember_language = [this](ui::Language language) {
        DesktopSettings next = settings_;
        next.language = ui::language_code(language);
        save(next);
    };
    // The theme chosen in the top bar, else the desktop's dark variant (GTK_THEME=Name:dark; GLFW 3.3 exposes
    // no colour-scheme preference), else light.
    env.theme = ui::theme_from_code(settings_.theme);
    env.system_theme = ui::theme_from_gtk_theme(std::getenv("GTK_THEME")).value_or(ui::Theme::light);
    env.remember_theme = [this](ui::Theme theme) {
        DesktopSettings next = settings_;
        next.theme = ui::theme_code(theme);
        save(next);
    };
    if (settings_.ui_scale > 0) env.ui_scale = settings_.ui_scale;
    env.remember_ui_scale = [this](int percent) {
        DesktopSettings next = settings_;
        next.ui_scale = percent;
        save(next);
    };
    env.copy_to_clipboard = [](const std::string& text) { ImGui::SetClipboardText(text.c_str()); };
    env.save_file = [this](const std::string& name, const std::string& contents) {
        const SavedReceipt saved = save_receipt(config_dir_, name, contents);
        if (!saved.saved) return ui::SavedFile{.problem = saved.error};
        return ui::SavedFile{.outcome = ui::SavedFile::Outcome::written, .where = saved.file.string()};
    };
    if (problem_) {
        env.settings_reset = ui::SettingsReset{.file = problem_->file.string(),
                                               .reason = problem_->reason,
                                               .kept_as = problem_->kept_as.string(),
                                               .cleanup_problem = problem_->cleanup_error};
        std::fprintf(stderr, "renewdesk: %s\n", ui::settings_reset_notice(*env.settings_reset).c_str());
    }
    return env;
}

} // namespace rd::desktop
