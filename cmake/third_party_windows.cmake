# The Windows build's (cmake/mingw-w64.cmake) third-party targets, under the names the rest of the
# build uses on Linux: nlohmann_json::nlohmann_json, GTest::gtest(_main), glfw, PkgConfig::UTF8PROC.
# Nothing is taken from Linux's /usr as a whole: header-only packages are exposed one folder at a time,
# and what has code is compiled here with MinGW-w64 from sources (Debian's packages, tools/bootstrap).
set(GLFW_DIR "${CMAKE_SOURCE_DIR}/.cache/glfw-3.3.8" CACHE PATH "GLFW 3.3.8 sources (Windows build)")
set(UTF8PROC_DIR "${CMAKE_SOURCE_DIR}/.cache/utf8proc-2.8.0" CACHE PATH "utf8proc 2.8.0 sources (Windows build)")
foreach(dir GLFW_DIR UTF8PROC_DIR)
    if(NOT EXISTS "${${dir}}/CMakeLists.txt")
        message(FATAL_ERROR "${dir}=${${dir}} not found: run tools/bootstrap")
    endif()
endforeach()

rd_nlohmann_json_from_debian() # nlohmann/json: cmake/third_party.cmake

# GoogleTest from Debian's sources (googletest package), its own CMake project.
set(INSTALL_GTEST OFF CACHE BOOL "" FORCE)
set(BUILD_GMOCK OFF CACHE BOOL "" FORCE)
set(gtest_force_shared_crt OFF CACHE BOOL "" FORCE)
add_subdirectory(/usr/src/googletest "${CMAKE_BINARY_DIR}/third_party/googletest" EXCLUDE_FROM_ALL SYSTEM)
if(NOT TARGET GTest::gtest) # GoogleTest 1.11+ names its own
    add_library(GTest::gtest ALIAS gtest)
    add_library(GTest::gtest_main ALIAS gtest_main)
endif()

# GLFW (target `glfw`, found by cmake/imgui.cmake), static, its Win32 backend; opengl32 and gdi32 come
# with it.
set(GLFW_BUILD_DOCS OFF CACHE BOOL "" FORCE)
set(GLFW_BUILD_TESTS OFF CACHE BOOL "" FORCE)
set(GLFW_BUILD_EXAMPLES OFF CACHE BOOL "" FORCE)
set(GLFW_INSTALL OFF CACHE BOOL "" FORCE)
set(BUILD_SHARED_LIBS OFF)
add_subdirectory("${GLFW_DIR}" "${CMAKE_BINARY_DIR}/third_party/glfw" EXCLUDE_FROM_ALL SYSTEM)

# utf8proc (renewdesk-cli's display widths), static: UTF8PROC_STATIC keeps its declarations free of
# dllimport. Named as Linux's pkg-config target so src/cli links it unchanged.
add_library(rd_utf8proc STATIC "${UTF8PROC_DIR}/utf8proc.c")
target_include_directories(rd_utf8proc SYSTEM PUBLIC "${UTF8PROC_DIR}")
target_compile_definitions(rd_utf8proc PUBLIC UTF8PROC_STATIC)
add_library(PkgConfig::UTF8PROC ALIAS rd_utf8proc)
