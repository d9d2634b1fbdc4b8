# Dear ImGui as a static library `imgui`: the core, std::string helpers and the GLFW platform
# backend (the renderer is ours: src/render). Sources come from IMGUI_DIR (tools/bootstrap).
# GLFW is Emscripten's built-in JS implementation on the web, Debian's libglfw3 on the desktop.
if(NOT EXISTS "${IMGUI_DIR}/imgui.cpp")
    message(FATAL_ERROR "Dear ImGui sources not found in IMGUI_DIR=${IMGUI_DIR}: run tools/bootstrap")
endif()

add_library(imgui STATIC
    ${IMGUI_DIR}/imgui.cpp
    ${IMGUI_DIR}/imgui_draw.cpp
    ${IMGUI_DIR}/imgui_tables.cpp
    ${IMGUI_DIR}/imgui_widgets.cpp
    ${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp
    ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp
)
# SYSTEM: third-party headers must not trip our warning flags.
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends ${IMGUI_DIR}/misc/cpp)
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS)

if(EMSCRIPTEN)
    # Emscripten's sysroot has the GLFW 3 headers; -sUSE_GLFW=3 links its built-in JS GLFW
    # (em++ ignores the flag when compiling, with a warning, so it is a link option only).
    target_link_options(imgui PUBLIC -sUSE_GLFW=3)
    target_compile_options(imgui PRIVATE $<$<NOT:$<CONFIG:Debug>>:-Os>) # the page's biggest part: size first
else()
    find_package(glfw3 3.3 QUIET)
    if(TARGET glfw)
        target_link_libraries(imgui PUBLIC glfw)
    else()
        find_package(PkgConfig REQUIRED)
        pkg_check_modules(GLFW3 REQUIRED IMPORTED_TARGET glfw3)
        target_link_libraries(imgui PUBLIC PkgConfig::GLFW3)
    endif()
endif()
