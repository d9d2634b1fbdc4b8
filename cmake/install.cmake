# cmake --install (and cmake/packaging.cmake, which packs the same tree). Native builds only:
#   bin/                                  renewdesk, renewdesk-cli, renewdesk-sandbox
#   share/renewdesk/glyphs/<hash>/        the glyph slices (src/platform/desktop/glyph_files_from_disk.cpp)
#   share/renewdesk/sandbox-fixtures/     the sandbox's data (tools/sandbox/fixture_data.cpp)
#   share/man/man1/                       man pages, help2man from each program's --help
#   share/applications/, share/icons/hicolor/scalable/apps/   the desktop entry and its icon
#   share/bash-completion/completions/    renewdesk-cli's completion
#   share/doc/renewdesk/                  LICENSE, THIRD-PARTY-NOTICES, copyright (Debian's format), changelog.gz
# The programs find their data beside themselves (the build tree) or at ../share/renewdesk from their
# own place (/proc/self/exe), so the installed tree can move: nothing of the build machine is compiled
# in. That holds while bin/ and share/ are siblings (the default GNUInstallDirs).
if(EMSCRIPTEN)
    return() # the page is packed by tools/release (renewdesk-web-<version>.tar.gz)
endif()
if(WIN32)
    return() # tools/release packs bin/ itself: the .zip and the NSIS installer (packaging/windows/)
endif()
include(GNUInstallDirs)
set(rd_share "${CMAKE_INSTALL_DATADIR}/renewdesk")
set(rd_doc "${CMAKE_INSTALL_DATADIR}/doc/renewdesk")
set(rd_packaging "${PROJECT_SOURCE_DIR}/packaging")

install(TARGETS renewdesk_desktop renewdesk-cli renewdesk-sandbox RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# (Not the UI font's file, glyphs/ui-<fingerprint>.otf: the desktop app embeds it; only the web page
# fetches it. The ui-zh slice, in the slices' folder, stays.)
install(DIRECTORY "${CMAKE_RUNTIME_OUTPUT_DIRECTORY}/glyphs" DESTINATION ${rd_share}
        REGEX "/glyphs/ui-[0-9a-f]+\\.otf$" EXCLUDE)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/tools/sandbox/fixtures/" DESTINATION "${rd_share}/sandbox-fixtures"
        FILES_MATCHING PATTERN "*.json")

install(FILES "${rd_packaging}/renewdesk.desktop" DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
install(FILES "${rd_packaging}/renewdesk.svg" DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps")
install(FILES "${rd_packaging}/renewdesk-cli.bash-completion" RENAME renewdesk-cli
        DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions")

# Man pages: help2man over each program's --help. --version-string: help2man does not run --version.
find_program(RD_HELP2MAN help2man)
if(RD_HELP2MAN)
    set(rd_man_pages)
    foreach(pair "renewdesk_desktop|renewdesk|renew Yeastar Remote Management (desktop app)"
                 "renewdesk-cli|renewdesk-cli|renew Yeastar Remote Management from a shell or cron"
                 "renewdesk-sandbox|renewdesk-sandbox|local stand-in of the Yeastar Partner Portal OpenAPI")
        string(REPLACE "|" ";" pair "${pair}")
        list(GET pair 0 target)
        list(GET pair 1 program)
        list(GET pair 2 what)
        set(page "${CMAKE_BINARY_DIR}/man/${program}.1")
        add_custom_command(OUTPUT "${page}.gz"
            COMMAND "${RD_HELP2MAN}" --no-info --no-discard-stderr "--version-string=${PROJECT_VERSION}"
                    --section=1 "--name=${what}" --output=${page} "$<TARGET_FILE:${target}>"
            COMMAND gzip -9nf "${page}"
            DEPENDS ${target} COMMENT "Writing the man page of ${program} (help2man)" VERBATIM)
        list(APPEND rd_man_pages "${page}.gz")
    endforeach()
    add_custom_target(renewdesk_man ALL DEPENDS ${rd_man_pages})
    install(FILES ${rd_man_pages} DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
else()
    message(WARNING "No help2man: no man pages are installed (tools/bootstrap --build-only installs it)")
endif()

# Licences. The copyright file in Debian's machine-readable format, with LICENSE's text in it.
if(EXISTS "${PROJECT_SOURCE_DIR}/LICENSE")
    install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION ${rd_doc})
endif()
if(TARGET renewdesk_notices)
    install(FILES "${RD_THIRD_PARTY_NOTICES}" DESTINATION ${rd_doc})
endif()
set(RD_MAINTAINER "RenewDesk maintainers <renewdesk@example.com>") # placeholder, also in the .deb
set(rd_copyright "${CMAKE_BINARY_DIR}/packaging/copyright")
set(rd_license_depends)
if(EXISTS "${PROJECT_SOURCE_DIR}/LICENSE")
    set(rd_license_depends "${PROJECT_SOURCE_DIR}/LICENSE")
endif()
set(rd_changelog "${CMAKE_BINARY_DIR}/packaging/changelog.gz")
add_custom_command(OUTPUT "${rd_copyright}" "${rd_changelog}"
    COMMAND ${CMAKE_COMMAND} -DTOP=${PROJECT_SOURCE_DIR} -DOUT=${CMAKE_BINARY_DIR}/packaging
            -DVERSION=${PROJECT_VERSION} "-DMAINTAINER=${RD_MAINTAINER}" -P "${PROJECT_SOURCE_DIR}/cmake/write_debian_docs.cmake"
    DEPENDS "${PROJECT_SOURCE_DIR}/cmake/write_debian_docs.cmake" "${rd_packaging}/copyright.in" ${rd_license_depends}
    COMMENT "Writing copyright and changelog.gz" VERBATIM)
add_custom_target(renewdesk_debian_docs ALL DEPENDS "${rd_copyright}" "${rd_changelog}")
install(FILES "${rd_copyright}" "${rd_changelog}" DESTINATION ${rd_doc})

include(${CMAKE_CURRENT_LIST_DIR}/packaging.cmake) # CPack: the .deb and the .tar.gz of this tree
