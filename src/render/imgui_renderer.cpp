// ImDrawData -> GL. Modelled on imgui's imgui_impl_opengl3, reduced to the subset shared by WebGL2
// and GL 3.3 core: one program, one VAO, buffers re-filled per command list, no state backup
// (the platform main owns the context and draws nothing else).
#include "render/imgui_renderer.h"

#include "render/gl.h"
#include "shaders.h" // generated: rd::shaders::imgui_vert, rd::shaders::imgui_frag

#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace rd::render {
namespace {

struct RendererState {
    GLuint program = 0;
    GLuint vao = 0;
    GLuint vertex_buffer = 0;
    GLuint index_buffer = 0;
    GLuint font_texture = 0;
    GLint u_projection = -1;
    GLint u_texture = -1;
};

RendererState g;

constexpr GLuint attr_position = 0; // the layout(location = ...) values in shaders/imgui.vert
constexpr GLuint attr_uv = 1;
constexpr GLuint attr_color = 2;

std::string info_log(GLuint object, bool is_program) {
    GLint length = 0;
    if (is_program) glGetProgramiv(object, GL_INFO_LOG_LENGTH, &length);
    else glGetShaderiv(object, GL_INFO_LOG_LENGTH, &length);
    std::string log(length > 1 ? static_cast<size_t>(length) : 0, '\0');
    if (!log.empty()) {
        if (is_program) glGetProgramInfoLog(object, length, nullptr, log.data());
        else glGetShaderInfoLog(object, length, nullptr, log.data());
        log.resize(log.size() - 1); // drop the terminating NUL
    }
    return log;
}

GLuint compile(GLenum type, const char* source, const char* name, std::string* error) {
    GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok == GL_TRUE) return shader;
    if (error) *error = std::string(name) + " does not compile: " + info_log(shader, false);
    glDeleteShader(shader);
    return 0;
}

GLuint link(std::string* error) {
    GLuint vertex = compile(GL_VERTEX_SHADER, shaders::imgui_vert, "shaders/imgui.vert", error);
    if (!vertex) return 0;
    GLuint fragment = compile(GL_FRAGMENT_SHADER, shaders::imgui_frag, "shaders/imgui.frag", error);
    if (!fragment) {
        glDeleteShader(vertex);
        return 0;
    }
    GLuint program = glCreateProgram();
    glAttachShader(program, vertex);
    glAttachShader(program, fragment);
    glLinkProgram(program);
    glDetachShader(program, vertex);
    glDetachShader(program, fragment);
    glDeleteShader(vertex);
    glDeleteShader(fragment);
    GLint ok = GL_FALSE;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (ok == GL_TRUE) return program;
    if (error) *error = "the ImGui program does not link: " + info_log(program, true);
    glDeleteProgram(program);
    return 0;
}

// WebGL2 has no glDrawElementsBaseVertex, so a command's VtxOffset is applied by pointing the
// attributes at that vertex instead: the same code path on both targets.
void point_attributes_at(unsigned int first_vertex) {
    const auto base = static_cast<std::uintptr_t>(first_vertex) * sizeof(ImDrawVert);
    const auto at = [base](std::size_t member) { return reinterpret_cast<const void*>(base + member); };
    constexpr GLsizei stride = sizeof(ImDrawVert);
    glVertexAttribPointer(attr_position, 2, GL_FLOAT, GL_FALSE, stride, at(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(attr_uv, 2, GL_FLOAT, GL_FALSE, stride, at(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(attr_color, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, at(offsetof(ImDrawVert, col)));
}

void set_up_state(const ImDrawData& data, int fb_width, int fb_height) {
    glViewport(0, 0, fb_width, fb_height);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);

    // Orthographic projection of the display rectangle (y down) onto clip space.
    const float l = data.DisplayPos.x;
    const float r = data.DisplayPos.x + data.DisplaySize.x;
    const float t = data.DisplayPos.y;
    const float b = data.DisplayPos.y + data.DisplaySize.y;
    const float projection[4][4] = {
        {2.0f / (r - l), 0.0f, 0.0f, 0.0f},
        {0.0f, 2.0f / (t - b), 0.0f, 0.0f},
        {0.0f, 0.0f, -1.0f, 0.0f},
        {(r + l) / (l - r), (t + b) / (b - t), 0.0f, 1.0f},
    };
    glUseProgram(g.program);
    glUniform1i(g.u_texture, 0);
    glUniformMatrix4fv(g.u_projection, 1, GL_FALSE, &projection[0][0]);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(g.vao);
    glBindBuffer(GL_ARRAY_BUFFER, g.vertex_buffer);
}

} // namespace

bool init(std::string* error) {
    if (g.program) return true;
#ifdef _WIN32
    if (!load_gl_functions(error)) return false;
#endif
    g.program = link(error);
    if (!g.program) return false;
    g.u_projection = glGetUniformLocation(g.program, "u_projection");
    g.u_texture = glGetUniformLocation(g.program, "u_texture");

    glGenVertexArrays(1, &g.vao);
    glGenBuffers(1, &g.vertex_buffer);
    glGenBuffers(1, &g.index_buffer);
    glBindVertexArray(g.vao);
    glBindBuffer(GL_ARRAY_BUFFER, g.vertex_buffer);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.index_buffer); // recorded in the VAO
    glEnableVertexAttribArray(attr_position);
    glEnableVertexAttribArray(attr_uv);
    glEnableVertexAttribArray(attr_color);
    point_attributes_at(0);
    glBindVertexArray(0);

    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "renewdesk_render";
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset; // 16-bit indices, meshes of any size
    upload_font_atlas();
    return true;
}

void upload_font_atlas() {
    ImGuiIO& io = ImGui::GetIO();
    // The atlas is built by GlyphAtlas::build (never through GetTexDataAs*, which may call
    // ImFontAtlas::Build and with it ImGui's built-in font): white texels with the glyphs' coverage as
    // alpha, as ImGui's own RGBA32 conversion makes them.
    const ImFontAtlas& atlas = *io.Fonts;
    const int width = atlas.TexWidth;
    const int height = atlas.TexHeight;
    std::vector<std::uint32_t> texels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
    if (atlas.TexPixelsAlpha8)
        for (std::size_t i = 0; i < texels.size(); ++i)
            texels[i] = IM_COL32(255, 255, 255, atlas.TexPixelsAlpha8[i]);
    const void* pixels = texels.data();
    if (!g.font_texture) glGenTextures(1, &g.font_texture);
    glBindTexture(GL_TEXTURE_2D, g.font_texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(g.font_texture)));
    io.Fonts->ClearTexData(); // the GPU copy is the only one needed
}

void draw(ImDrawData* data) {
    if (!data || !g.program) return;
    const ImVec2 scale = data->FramebufferScale;
    const int fb_width = static_cast<int>(data->DisplaySize.x * scale.x);
    const int fb_height = static_cast<int>(data->DisplaySize.y * scale.y);
    if (fb_width <= 0 || fb_height <= 0) return;

    set_up_state(*data, fb_width, fb_height);
    const ImVec2 origin = data->DisplayPos;
    constexpr GLenum index_type = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;

    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList* list = data->CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size) * sizeof(ImDrawVert),
                     list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER,
                     static_cast<GLsizeiptr>(list->IdxBuffer.Size) * sizeof(ImDrawIdx), list->IdxBuffer.Data,
                     GL_STREAM_DRAW);
        unsigned int pointed_at = std::numeric_limits<unsigned int>::max();

        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                if (cmd.UserCallback == ImDrawCallback_ResetRenderState)
                    set_up_state(*data, fb_width, fb_height);
                else cmd.UserCallback(list, &cmd);
                pointed_at = std::numeric_limits<unsigned int>::max();
                continue;
            }
            // Clip rectangle in framebuffer pixels; GL's scissor origin is the bottom-left corner.
            const ImVec2 clip_min((cmd.ClipRect.x - origin.x) * scale.x,
                                  (cmd.ClipRect.y - origin.y) * scale.y);
            const ImVec2 clip_max((cmd.ClipRect.z - origin.x) * scale.x,
                                  (cmd.ClipRect.w - origin.y) * scale.y);
            if (clip_max.x <= clip_min.x || clip_max.y <= clip_min.y) continue;
            glScissor(static_cast<GLint>(clip_min.x), static_cast<GLint>(fb_height - clip_max.y),
                      static_cast<GLsizei>(clip_max.x - clip_min.x),
                      static_cast<GLsizei>(clip_max.y - clip_min.y));

            if (cmd.VtxOffset != pointed_at) {
                point_attributes_at(cmd.VtxOffset);
                pointed_at = cmd.VtxOffset;
            }
            glBindTexture(GL_TEXTURE_2D,
                          static_cast<GLuint>(reinterpret_cast<std::intptr_t>(cmd.GetTexID())));
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), index_type,
                           reinterpret_cast<const void*>(static_cast<std::uintptr_t>(cmd.IdxOffset) *
                                                         sizeof(ImDrawIdx)));
        }
    }
    glDisable(GL_SCISSOR_TEST); // so the caller's next glClear covers the whole framebuffer
    glBindVertexArray(0);
}

void shutdown() {
    if (g.font_texture) glDeleteTextures(1, &g.font_texture);
    if (g.vertex_buffer) glDeleteBuffers(1, &g.vertex_buffer);
    if (g.index_buffer) glDeleteBuffers(1, &g.index_buffer);
    if (g.vao) glDeleteVertexArrays(1, &g.vao);
    if (g.program) glDeleteProgram(g.program);
    g = RendererState{};
    if (ImGui::GetCurrentContext()) {
        ImGuiIO& io = ImGui::GetIO();
        io.Fonts->SetTexID(ImTextureID{});
        io.BackendRendererName = nullptr;
        io.BackendFlags &= ~ImGuiBackendFlags_RendererHasVtxOffset;
    }
}

} // namespace rd::render
