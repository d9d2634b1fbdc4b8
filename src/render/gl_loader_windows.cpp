// Windows: the OpenGL 3.3 functions the renderer calls, looked up in the current context's driver by
// Dear ImGui's loader (imgl3w, compiled here once). gl.h includes its declarations.
#define IMGL3W_IMPL
#include "render/gl.h"

namespace rd::render {

bool load_gl_functions(std::string* error) {
    if (imgl3wInit() == 0) return true; // GL3W_OK
    if (error) *error = "cannot load the OpenGL 3.3 functions from opengl32.dll";
    return false;
}

} // namespace rd::render
