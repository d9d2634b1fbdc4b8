# Writes OUT/copyright (Debian's machine-readable format, from packaging/copyright.in and TOP/LICENSE)
# and OUT/changelog.gz (Debian's changelog format, one entry for VERSION) for share/doc/renewdesk.
# cmake -DTOP=... -DOUT=... -DVERSION=... -DMAINTAINER=... -P write_debian_docs.cmake
file(MAKE_DIRECTORY "${OUT}")
set(RD_LICENSE_NAME other)
set(RD_COPYRIGHT "RenewDesk authors")
set(RD_LICENSE_TEXT " No LICENSE file was found when this package was built.")
if(EXISTS "${TOP}/LICENSE")
    file(READ "${TOP}/LICENSE" text)
    if(text MATCHES "MIT License|Permission is hereby granted, free of charge")
        set(RD_LICENSE_NAME Expat)
    elseif(text MATCHES "Apache License")
        set(RD_LICENSE_NAME Apache-2.0)
    endif()
    if(text MATCHES "Copyright (\\([cC]\\) )?([^\n]+)")
        set(RD_COPYRIGHT "${CMAKE_MATCH_2}")
    endif()
    # The licence text as a field's continuation lines: one space in front, an empty line as " .".
    string(REGEX REPLACE "\n+$" "" text "${text}")
    string(REPLACE "\n" "\n " text " ${text}")
    string(REGEX REPLACE "\n [ \t]*\n" "\n .\n" text "${text}")
    string(REGEX REPLACE "\n [ \t]*\n" "\n .\n" text "${text}")
    set(RD_LICENSE_TEXT "${text}")
endif()
configure_file("${TOP}/packaging/copyright.in" "${OUT}/copyright" @ONLY)

string(TIMESTAMP date "%a, %d %b %Y %H:%M:%S +0000" UTC) # SOURCE_DATE_EPOCH, when set
file(WRITE "${OUT}/changelog"
     "renewdesk (${VERSION}) unstable; urgency=medium\n\n  * RenewDesk ${VERSION}.\n\n -- ${MAINTAINER}  ${date}\n")
execute_process(COMMAND gzip -9nc INPUT_FILE "${OUT}/changelog" OUTPUT_FILE "${OUT}/changelog.gz"
                RESULT_VARIABLE failed)
if(failed)
    message(FATAL_ERROR "gzip failed on ${OUT}/changelog")
endif()
