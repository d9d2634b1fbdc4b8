# Dear ImGui as static libraries (sources from IMGUI_DIR, installed by tools/bootstrap):
#   imgui       the core and the std::string helpers: no window system (the UI and its headless tests)
#   imgui_glfw  the GLFW platform backend, for the two shells (the renderer is ours: src/render).
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
)
# SYSTEM: third-party headers must not trip our warning flags.
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/misc/cpp)
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
if(EMSCRIPTEN)
    # The page never opens ImGui's metrics window or debug log; their hooks in NewFrame and the log
    # calls across ImGui would otherwise be linked into the page (page weight, issue 12).
    target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_DEBUG_TOOLS)
endif()

add_library(imgui_glfw STATIC ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp)
target_include_directories(imgui_glfw SYSTEM PUBLIC ${IMGUI_DIR}/backends)
target_link_libraries(imgui_glfw PUBLIC imgui)
if(EMSCRIPTEN)
    # Emscripten's sysroot has the GLFW 3 headers; the shell links its JS GLFW (-sUSE_GLFW=3, src/app).
else()
    find_package(glfw3 3.3 QUIET)
    if(TARGET glfw)
        target_link_libraries(imgui_glfw PUBLIC glfw)
    else()
        find_package(PkgConfig REQUIRED)
        pkg_check_modules(GLFW3 REQUIRED IMPORTED_TARGET glfw3)
        target_link_libraries(imgui_glfw PUBLIC PkgConfig::GLFW3)
    endif()
endif()
