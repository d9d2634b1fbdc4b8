#include "platform/desktop/journal_file.h"

#include "platform/desktop/atomic_file.h"

#include <cstdio>
#include <fstream>
#include <iterator>

namespace rd::desktop {
std::optional<std::string> JournalFile::load() {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file_, ec)) return std::nullopt;
    const std::uintmax_t size = std::filesystem::file_size(file_, ec);
    if (ec || size > max_bytes_) return std::nullopt;
    std::ifstream in(file_, std::ios::binary);
    if (!in) return std::nullopt;
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) return std::nullopt;
    return text;
}

bool JournalFile::save(const std::string& text) {
    std::string error;
    if (write_file_atomically(file_, text, &error)) return true;
    // What is there stays: it is still true of what was sent before (nothing is sent after this).
    std::fprintf(stderr, "renewdesk: could not write the order journal %s: %s\n", file_.string().c_str(),
                 error.c_str());
    return false;
}

void JournalFile::clear() {
    std::error_code ec;
    if (std::filesystem::remove(file_, ec)) sync_directory_of(file_);
    if (ec)
        std::fprintf(stderr, "renewdesk: could not remove the order journal %s: %s\n", file_.string().c_str(),
                     ec.message().c_str());
}

} // namespace rd::desktop
