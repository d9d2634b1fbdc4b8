// renewdesk_bake_atlas OUT_DIR PERCENT...: the web page's baked font atlases (issue 26). For each pixel
// scale (device pixels per CSS pixel, in percent: 100, 125, ...) it builds the atlas the page's Frame
// builds at start for that scale and writes it as OUT_DIR/atlas-PERCENT.bin (render/baked_atlas.h).
// The page's shell fetches the one for its screen beside the wasm, and main() restores it instead of
// rasterising the fonts before its first frame.
// Built with em++ and run under node by the web build (src/app/CMakeLists.txt): the same compiler, the
// same Frame and the same ImGui as the page, so the bytes are the page's own build, to the bit.
#include "app/frame.h"

#include <imgui.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: renewdesk_bake_atlas OUT_DIR PERCENT...\n");
        return 2;
    }
    ImGui::CreateContext();
    rd::app::Frame frame({});
    for (int i = 2; i < argc; ++i) {
        const int percent = std::atoi(argv[i]);
        if (percent < 50 || percent > 400) {
            std::fprintf(stderr, "renewdesk_bake_atlas: %s is not a scale in percent (50-400)\n", argv[i]);
            return 2;
        }
        const std::vector<unsigned char> bytes = frame.bake_atlas(static_cast<float>(percent) / 100.0f);
        const std::string path = std::string(argv[1]) + "/atlas-" + std::to_string(percent) + ".bin";
        std::FILE* file = std::fopen(path.c_str(), "wb");
        const bool written = file && std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
        if (!file || std::fclose(file) != 0 || !written) {
            std::fprintf(stderr, "renewdesk_bake_atlas: cannot write %s\n", path.c_str());
            return 1;
        }
        std::printf("renewdesk_bake_atlas: %s, %zu bytes\n", path.c_str(), bytes.size());
    }
    ImGui::DestroyContext();
    return 0;
}
