// RenewDesk's UI font: Inter Regular (Debian's fonts-inter, SIL OFL 1.1), subset at build time to
// Latin (Basic, Latin-1, Extended-A) and a few symbols (dashes, quotes, bullet, ellipsis, euro,
// arrows, check marks) and embedded in the binary, so the web page and the desktop app draw the
// same crisp text without loading files. Other scripts come as glyph slices on demand
// (glyph_atlas.h).
// Needs only ImGui (no GL): headless UI tests may use it too.
//
//   ImFont* font = rd::render::add_ui_font(*ImGui::GetIO().Fonts, 15.0f * pixel_ratio);
#pragma once

#include <imgui.h> // ImWchar

#include <cstdint>

struct ImFont;
struct ImFontAtlas;

namespace rd::render {

// Adds the font at `pixel_size` pixels. The atlas does not own (and never frees) the font bytes.
// `ranges` (ImGui glyph ranges, living as long as the atlas uses them): a subset of the embedded
// ones, e.g. only what headings show; null: all of them.
ImFont* add_ui_font(ImFontAtlas& atlas, float pixel_size, const ImWchar* ranges = nullptr);

// Merges into the font just added the few CJK glyphs the English UI shows too: the language
// switch's "中文" (Noto Sans CJK SC, embedded), so the English page never fetches a slice for it.
void add_endonym_glyphs(ImFontAtlas& atlas, float pixel_size);

// A hash of the embedded font bytes (the UI font and the language names' glyphs): part of the key of a
// baked atlas (render/baked_atlas.h).
std::uint64_t ui_font_fingerprint();

} // namespace rd::render
