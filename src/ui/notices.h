// The sentences for what the platform reports as facts (a file saved, settings reset). The UI's
// one notice line shows them, below the current screen, until the next action clears it.
#pragma once

#include "ui/app.h"

#include <string>

namespace rd::ui {

std::string saved_file_notice(const SavedFile& saved);
std::string settings_reset_notice(const SettingsReset& reset);

} // namespace rd::ui
