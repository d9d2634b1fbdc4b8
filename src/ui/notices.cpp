#include "ui/notices.h"

#include "ui/kit/widgets.h"

namespace rd::ui {

std::string saved_file_notice(const SavedFile& saved) {
    switch (saved.outcome) {
    case SavedFile::Outcome::written: return format(Text::saved_to_fmt, saved.where.c_str());
    case SavedFile::Outcome::downloaded: return format(Text::downloaded_fmt, saved.where.c_str());
    case SavedFile::Outcome::failed: break;
    }
    return format(Text::could_not_save_fmt, saved.problem.c_str());
}

std::string settings_reset_notice(const SettingsReset& reset) {
    std::string text = format(Text::settings_unreadable_fmt, reset.file.c_str(), reset.reason.c_str());
    if (reset.kept_as.empty())
        return text + format(Text::settings_not_moved_fmt, reset.cleanup_problem.c_str());
    if (!reset.cleanup_problem.empty())
        return text + format(Text::settings_moved_not_rewritten_fmt, reset.kept_as.c_str(),
                             reset.cleanup_problem.c_str());
    return text + format(Text::settings_replaced_fmt, reset.kept_as.c_str());
}

} // namespace rd::ui
