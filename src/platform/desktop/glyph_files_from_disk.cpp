// Glyph slices on the desktop (Linux and Windows): files in glyphs/ beside the executable (the build puts
// them in build/<preset>/bin/glyphs) or in ../share/renewdesk/glyphs (installed), each read on a short-lived
// thread so a slow disk never holds a frame.
#include "platform/glyph_files.h"

#include "platform/desktop/executable_path.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <thread>

namespace rd {

namespace {

// glyphs/ beside the executable (the build tree), else ../share/renewdesk/glyphs from it (installed:
// cmake/install.cmake). Nothing of the build machine is compiled in, so an installed copy can move.
std::filesystem::path glyph_folder() {
    std::error_code error;
    const std::filesystem::path exe = desktop::executable_path();
    const std::filesystem::path dir = exe.empty() ? std::filesystem::current_path() : exe.parent_path();
    const std::filesystem::path beside = dir / "glyphs";
    const std::filesystem::path installed = dir.parent_path() / "share" / "renewdesk" / "glyphs";
    if (!std::filesystem::is_directory(beside, error) && std::filesystem::is_directory(installed, error))
        return installed;
    return beside;
}

GlyphFile read_glyph_file(int slice, const std::filesystem::path& path) {
    GlyphFile file;
    file.slice = slice;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        file.problem = path.string() + ": " + std::strerror(errno);
        return file;
    }
    file.bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    file.ok = !in.bad();
    if (!file.ok) file.problem = path.string() + ": read error";
    return file;
}

class DesktopGlyphFiles final : public GlyphFiles {
  public:
    explicit DesktopGlyphFiles(std::function<void()> wake)
        : wake_(std::move(wake)), folder_(glyph_folder()) {}

    ~DesktopGlyphFiles() override {
        for (std::thread& reader : readers_)
            reader.join();
    }

    void request(int slice, const std::string& name) override {
        readers_.emplace_back([this, slice, path = folder_ / name] {
            GlyphFile file = read_glyph_file(slice, path);
            {
                const std::lock_guard<std::mutex> lock(mutex_);
                arrived_.push_back(std::move(file));
            }
            if (wake_) wake_();
        });
    }

    std::vector<GlyphFile> take_arrived() override {
        std::vector<GlyphFile> taken;
        const std::lock_guard<std::mutex> lock(mutex_);
        taken.swap(arrived_);
        return taken;
    }

  private:
    std::function<void()> wake_;
    std::filesystem::path folder_;
    std::mutex mutex_;
    std::vector<GlyphFile> arrived_;
    std::vector<std::thread> readers_; // joined at exit; a handful over a session
};

} // namespace

std::unique_ptr<GlyphFiles> make_glyph_files(std::function<void()> wake) {
    return std::make_unique<DesktopGlyphFiles>(std::move(wake));
}

} // namespace rd
