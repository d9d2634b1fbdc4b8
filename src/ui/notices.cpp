#include "notices.h"

namespace rd::ui {

std::string saved_file_notice(const SavedFile& saved) {
    switch (saved.outcome) {
    case SavedFile::Outcome::written: return "Saved to " + saved.where;
    case SavedFile::Outcome::downloaded: return "Downloaded " + saved.where;
    case SavedFile::Outcome::failed: break;
    }
    return "Could not save the receipt: " + saved.problem;
}

std::string settings_reset_notice(const SettingsReset& reset) {
    std::string text = "Your settings file " + reset.file + " could not be read (" + reset.reason + "). ";
    if (reset.kept_as.empty())
        return text + "It could not be moved aside (" + reset.cleanup_problem + ") and was left as it is.";
    if (!reset.cleanup_problem.empty())
        return text + "It was moved to " + reset.kept_as + ", but a new one could not be written (" +
               reset.cleanup_problem + ").";
    return text + "It was replaced with defaults; the old file is kept as " + reset.kept_as + ".";
}

} // namespace rd::ui
