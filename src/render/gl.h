// The one place that picks the OpenGL headers: OpenGL ES 3.0 (WebGL2) under Emscripten, desktop
// OpenGL 3.3 core elsewhere. Everything in src/render is written against the common subset, so
// this is the only #ifdef the renderer needs.
#pragma once

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1 // libGL (glvnd) exports the 3.3 entry points; no loader needed
#endif
#include <GL/gl.h>
#include <GL/glext.h>
#endif
