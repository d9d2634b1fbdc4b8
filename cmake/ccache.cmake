# ccache (Debian's), when installed, for every build: g++, clang (sanitize, fuzz) and em++ (ccache
# caches em++ calls like any GCC-like compiler; measured: the web core library from 80 s to under 1 s on
# a second build). Paths relative to the checkout and the build folder not hashed, so another clone or
# build folder hits the same cache (~/.cache/ccache). RD_TOP: the checkout's top folder.
find_program(RENEWDESK_CCACHE ccache)
if(RENEWDESK_CCACHE)
    set(launcher env CCACHE_BASEDIR=${RD_TOP} CCACHE_NOHASHDIR=1 ${RENEWDESK_CCACHE})
    set(CMAKE_C_COMPILER_LAUNCHER ${launcher})
    set(CMAKE_CXX_COMPILER_LAUNCHER ${launcher})
endif()
