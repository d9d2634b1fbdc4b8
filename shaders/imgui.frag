// ImGui fragments: vertex colour times the bound texture (the font atlas or a user texture).
// No #version line: the build prefixes "#version 300 es" or "#version 330 core".
precision mediump float;

uniform sampler2D u_texture;

in vec2 v_uv;
in vec4 v_color;

layout(location = 0) out vec4 o_color;

void main() {
    o_color = v_color * texture(u_texture, v_uv);
}
