# The licence notices. renewdesk_notices (built by default) runs tools/notices, which reads the
# installed sources of truth (.cache/imgui-1.90.1, /usr/share/doc/<package>/copyright) and fails the
# build naming any that is missing:
#   RD_THIRD_PARTY_NOTICES  ${CMAKE_BINARY_DIR}/THIRD-PARTY-NOTICES: the file to install (native: the
#                           desktop package's, renewdesk + renewdesk-cli + renewdesk-sandbox; web: the page's;
#                           Windows: the two .exe files' with what they link statically, GLFW and utf8proc
#                           from cmake/third_party_windows.cmake's sources and the MinGW-w64 runtime)
#   bin/THIRD-PARTY-NOTICES.txt  the same, beside the programs (their --version --verbose finds it) and
#                           beside index.html (the page's Licences item opens it)
# renewdesk_about (native): what --version prints in the three programs (src/about/about.h).
find_program(RD_PYTHON3 python3 REQUIRED)
set(rd_notices_sources)
if(EMSCRIPTEN)
    set(rd_notices_for web)
elseif(WIN32)
    set(rd_notices_for windows)
    set(rd_notices_sources --glfw "${GLFW_DIR}" --utf8proc "${UTF8PROC_DIR}")
else()
    set(rd_notices_for desktop)
endif()
set(RD_THIRD_PARTY_NOTICES "${CMAKE_BINARY_DIR}/THIRD-PARTY-NOTICES")
set(rd_notices_beside "${CMAKE_RUNTIME_OUTPUT_DIRECTORY}/THIRD-PARTY-NOTICES.txt")
add_custom_command(OUTPUT "${RD_THIRD_PARTY_NOTICES}" "${rd_notices_beside}"
    COMMAND "${RD_PYTHON3}" "${CMAKE_SOURCE_DIR}/tools/notices" --for ${rd_notices_for} --imgui "${IMGUI_DIR}"
            ${rd_notices_sources} "${RD_THIRD_PARTY_NOTICES}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_RUNTIME_OUTPUT_DIRECTORY}"
    COMMAND ${CMAKE_COMMAND} -E copy "${RD_THIRD_PARTY_NOTICES}" "${rd_notices_beside}"
    DEPENDS "${CMAKE_SOURCE_DIR}/tools/notices" "${IMGUI_DIR}/LICENSE.txt"
    COMMENT "Writing THIRD-PARTY-NOTICES (tools/notices --for ${rd_notices_for})" VERBATIM)
add_custom_target(renewdesk_notices ALL DEPENDS "${RD_THIRD_PARTY_NOTICES}" "${rd_notices_beside}")

if(NOT EMSCRIPTEN)
    add_library(renewdesk_about STATIC "${CMAKE_SOURCE_DIR}/src/about/about.cpp")
    target_include_directories(renewdesk_about PUBLIC "${CMAKE_SOURCE_DIR}/src")
    target_link_libraries(renewdesk_about PUBLIC renewdesk_build_info PRIVATE rd_warnings)
endif()
