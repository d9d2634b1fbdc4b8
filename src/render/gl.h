// The one place that picks the OpenGL headers: OpenGL ES 3.0 (WebGL2) under Emscripten, desktop
// OpenGL 3.3 core elsewhere. Everything in src/render is written against the common subset, so
// this is the only #ifdef the renderer needs (besides init()'s loader call on Windows).
#pragma once

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#elif defined(_WIN32)
// Windows' opengl32 exports OpenGL 1.1 only: the 3.3 entry points are looked up once a context is
// current, by Dear ImGui's own loader (gl_loader_windows.cpp, called from init()); it covers every
// function the renderer calls.
#include <cstdio> // the loader's implementation calls sscanf
#include <imgui_impl_opengl3_loader.h>

#include <string>

// The few constants the renderer uses that the loader (cut to ImGui's own needs) does not define.
#ifndef GL_TEXTURE_WRAP_S
#define GL_TEXTURE_WRAP_S 0x2802
#define GL_TEXTURE_WRAP_T 0x2803
#endif
#ifndef GL_CLAMP_TO_EDGE
#define GL_CLAMP_TO_EDGE 0x812F
#endif
#ifndef GL_UNPACK_ALIGNMENT
#define GL_UNPACK_ALIGNMENT 0x0CF5
#endif

namespace rd::render {
bool load_gl_functions(std::string* error); // false: the reason in *error
} // namespace rd::render
#else
#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1 // libGL (glvnd) exports the 3.3 entry points; no loader needed
#endif
#include <GL/gl.h>
#include <GL/glext.h>
#endif
