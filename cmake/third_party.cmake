# Imported targets for the Debian-packaged libraries, on every target (Linux, the web, Windows).
# Under Emscripten the sysroot hides /usr/include, so header-only packages are exposed through a
# private include folder holding links to exactly the package folders we need.

# nlohmann/json (header-only, Debian's nlohmann-json3-dev) for a compiler whose sysroot hides Linux's
# /usr/include (Emscripten, MinGW-w64): a private include folder holding a link to exactly
# /usr/include/nlohmann, never the whole of /usr/include.
function(rd_nlohmann_json_from_debian)
    set(include "${CMAKE_BINARY_DIR}/third_party/include")
    file(MAKE_DIRECTORY "${include}")
    if(NOT EXISTS "${include}/nlohmann")
        file(CREATE_LINK /usr/include/nlohmann "${include}/nlohmann" SYMBOLIC)
    endif()
    add_library(nlohmann_json INTERFACE)
    target_include_directories(nlohmann_json SYSTEM INTERFACE "${include}")
    add_library(nlohmann_json::nlohmann_json ALIAS nlohmann_json)
endfunction()

if(EMSCRIPTEN)
    rd_nlohmann_json_from_debian()
    # The web build never catches a C++ exception (Emscripten's default: a throw aborts the page), so
    # nlohmann/json's throws are compiled as that abort directly: no exception objects or messages
    # are built for them (3.5 KB of wasm, 1.5 KB gzip). The product parses with exceptions off
    # (parse(..., nullptr, false)) and checks types before it reads, on every platform.
    target_compile_definitions(nlohmann_json INTERFACE JSON_NOEXCEPTION)

    # GoogleTest compiled from Debian's sources with em++.
    set(_gt /usr/src/googletest/googletest)
    add_library(rd_gtest STATIC ${_gt}/src/gtest-all.cc)
    target_include_directories(rd_gtest SYSTEM PUBLIC ${_gt}/include PRIVATE ${_gt})
    add_library(rd_gtest_main STATIC ${_gt}/src/gtest_main.cc)
    target_link_libraries(rd_gtest_main PUBLIC rd_gtest)
    add_library(GTest::gtest ALIAS rd_gtest)
    add_library(GTest::gtest_main ALIAS rd_gtest_main)
elseif(WIN32)
    include(${CMAKE_CURRENT_LIST_DIR}/third_party_windows.cmake) # MinGW-w64: the same names, from sources
else()
    find_package(nlohmann_json 3.11 REQUIRED)
    find_package(GTest REQUIRED)
    find_package(CURL REQUIRED)
    find_package(PkgConfig REQUIRED)
    pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
endif()
