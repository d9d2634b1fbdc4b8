// RenewDesk's UI font: Inter Regular (Debian's fonts-inter, SIL OFL 1.1), subset at build time to
// Latin (Basic, Latin-1, Extended-A) and a few symbols (dashes, quotes, bullet, ellipsis, euro,
// arrows, check marks), so the web page and the desktop app draw the same crisp text. The desktop
// app and the tests embed it; the web page restores a baked atlas at start (render/baked_atlas.h)
// and fetches the font from glyphs/ only when it must rasterise (ui_font_ready, provide_ui_font).
// Other scripts come as glyph slices on demand (glyph_atlas.h).
// Needs only ImGui (no GL): headless UI tests may use it too.
//
//   if (rd::render::ui_font_ready())
//       ImFont* font = rd::render::add_ui_font(*ImGui::GetIO().Fonts, 15.0f * pixel_ratio);
#pragma once

#include <imgui.h> // ImWchar

#include <cstdint>
#include <vector>

struct ImFont;
struct ImFontAtlas;

namespace rd::render {

// Whether add_ui_font has the font's bytes: always where they are embedded; on the web page once
// provide_ui_font took them.
bool ui_font_ready();

// The UI font's file under glyphs/ (its fingerprint in its name), for a program that fetches it.
const char* ui_font_file();

// The fetched font file: kept when its bytes are the ones this build subset (the fingerprint), else
// false (an error page, another build's font). Where the font is embedded: true, nothing to take.
bool provide_ui_font(std::vector<unsigned char> bytes);

// Adds the font at `pixel_size` pixels (ui_font_ready() must be true). The atlas does not own (and never
// frees) the font bytes. `ranges` (ImGui glyph ranges, living as long as the atlas uses them): a subset of
// the embedded ones, e.g. only what headings show; null: all of them.
ImFont* add_ui_font(ImFontAtlas& atlas, float pixel_size, const ImWchar* ranges = nullptr);

// Merges into the font just added the few CJK glyphs the English UI shows too: the language
// switch's "中文" (Noto Sans CJK SC, embedded), so the English page never fetches a slice for it.
void add_endonym_glyphs(ImFontAtlas& atlas, float pixel_size);

// A hash of the font bytes (the UI font and the language names' glyphs), computed at build time (so
// known before the font is here): part of the key of a baked atlas (render/baked_atlas.h).
std::uint64_t ui_font_fingerprint();

} // namespace rd::render
