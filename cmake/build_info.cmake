# renewdesk_build_info: the one version (project(... VERSION ...)), the git commit and the build type,
# for --version, the page and the logs (src/core/build_info.h). The commit is read at every build
# (write_build_info.cmake rewrites the source only when it changed, so nothing relinks otherwise); a
# tree without git (a source tarball) says "unknown".
set(RD_BUILD_INFO_CPP ${CMAKE_BINARY_DIR}/generated/build_info_values.cpp)
add_custom_target(renewdesk_build_info_source
    COMMAND ${CMAKE_COMMAND} -DOUT=${RD_BUILD_INFO_CPP} -DTOP=${CMAKE_SOURCE_DIR}
            -DVERSION=${PROJECT_VERSION} -DBUILD_TYPE=${CMAKE_BUILD_TYPE}
            -P ${CMAKE_SOURCE_DIR}/cmake/write_build_info.cmake
    BYPRODUCTS ${RD_BUILD_INFO_CPP}
    COMMENT "" VERBATIM)
add_library(renewdesk_build_info STATIC ${RD_BUILD_INFO_CPP})
add_dependencies(renewdesk_build_info renewdesk_build_info_source)
target_include_directories(renewdesk_build_info PUBLIC ${CMAKE_SOURCE_DIR}/src)
