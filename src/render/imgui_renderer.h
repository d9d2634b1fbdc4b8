// rd::render: draws Dear ImGui's ImDrawData with one GL program, on WebGL2 (GLSL ES 3.00) and on
// desktop OpenGL 3.3 core. The shader sources live in shaders/ and are embedded at build time.
//
//   rd::render::init(&error);        // after the GL context is current and the fonts are added
//   each frame: ... ImGui::Render(); rd::render::draw(ImGui::GetDrawData());
//   after changing the fonts (e.g. a new device pixel ratio): rd::render::upload_font_atlas();
//   rd::render::shutdown();          // before the GL context goes away
//
// draw() sets the GL state it needs, leaves blending on and scissoring off, and clears nothing:
// the caller clears the framebuffer.
#pragma once

#include <string>

struct ImDrawData;

namespace rd::render {

// Compiles the program, creates the buffers and uploads the font atlas. On failure returns false
// and writes the GL info log to *error (if given).
bool init(std::string* error);

// Rebuilds the font atlas (if the fonts changed) and replaces the font texture.
void upload_font_atlas();

void draw(ImDrawData* draw_data);

void shutdown();

} // namespace rd::render
