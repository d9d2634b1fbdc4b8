// Glyph slices on the web: GET glyphs/<file> relative to the page, through emscripten_fetch (an
// XMLHttpRequest), so the deployed web server serves them like the page's other static files.
#include "platform/glyph_files.h"

#include <emscripten/fetch.h>

#include <cstring>

namespace rd {

namespace {

class WebGlyphFiles final : public GlyphFiles {
  public:
    explicit WebGlyphFiles(std::function<void()> wake) : wake_(std::move(wake)) {}

    void request(int slice, const std::string& name) override {
        const std::string url = "glyphs/" + name;
        emscripten_fetch_attr_t attr;
        emscripten_fetch_attr_init(&attr);
        std::strcpy(attr.requestMethod, "GET");
        attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
        attr.userData = new Pending{this, slice};
        attr.onsuccess = finished;
        attr.onerror = finished;
        attr.timeoutMSecs = 30000;
        emscripten_fetch(&attr, url.c_str());
    }

    std::vector<GlyphFile> take_arrived() override {
        std::vector<GlyphFile> taken;
        taken.swap(arrived_);
        return taken;
    }

  private:
    struct Pending {
        WebGlyphFiles* owner;
        int slice;
    };

    static void finished(emscripten_fetch_t* fetch) {
        auto* pending = static_cast<Pending*>(fetch->userData);
        GlyphFile file;
        file.slice = pending->slice;
        file.ok = fetch->status == 200;
        if (file.ok) {
            const auto* data = reinterpret_cast<const unsigned char*>(fetch->data);
            file.bytes.assign(data, data + fetch->numBytes);
        } else {
            file.problem = "HTTP " + std::to_string(fetch->status) + " for " + fetch->url;
        }
        pending->owner->arrived_.push_back(std::move(file));
        if (pending->owner->wake_) pending->owner->wake_();
        delete pending;
        emscripten_fetch_close(fetch);
    }

    std::function<void()> wake_;
    std::vector<GlyphFile> arrived_;
};

} // namespace

std::unique_ptr<GlyphFiles> make_glyph_files(std::function<void()> wake) {
    return std::make_unique<WebGlyphFiles>(std::move(wake));
}

} // namespace rd
