#include "journal_file.h"

#include "atomic_file.h"

#include <cstdio>
#include <fstream>
#include <iterator>

namespace rd::desktop {
std::optional<std::string> JournalFile::load() {
    if (unsaved_) return unsaved_;
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

void JournalFile::save(const std::string& text) {
    std::string error;
    if (write_file_atomically(file_, text, &error)) {
        unsaved_.reset();
        return;
    }
    unsaved_ = text;
    std::error_code ec;
    std::filesystem::remove(file_, ec); // an older record left there would be taken for this one
    std::fprintf(stderr, "renewdesk: the order journal is kept in memory only: %s\n", error.c_str());
}

void JournalFile::clear() {
    unsaved_.reset();
    std::error_code ec;
    if (std::filesystem::remove(file_, ec)) sync_directory_of(file_);
    if (ec)
        std::fprintf(stderr, "renewdesk: could not remove the order journal %s: %s\n", file_.string().c_str(),
                     ec.message().c_str());
}

} // namespace rd::desktop
