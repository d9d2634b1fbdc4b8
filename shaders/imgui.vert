// ImGui vertices -> clip space. No #version line: the build prefixes "#version 300 es" (WebGL2)
// or "#version 330 core" (desktop GL 3.3); the body is valid in both.
precision highp float;

layout(location = 0) in vec2 a_position; // ImDrawVert::pos, display coordinates
layout(location = 1) in vec2 a_uv;       // ImDrawVert::uv
layout(location = 2) in vec4 a_color;    // ImDrawVert::col, RGBA8 normalised

uniform mat4 u_projection; // orthographic: display rectangle -> [-1, 1]

out vec2 v_uv;
out vec4 v_color;

void main() {
    v_uv = a_uv;
    v_color = a_color;
    gl_Position = u_projection * vec4(a_position, 0.0, 1.0);
}
