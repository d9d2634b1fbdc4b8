# Windows x64 programs from Debian with MinGW-w64 (tools/bootstrap installs g++-mingw-w64-x86-64 and
# wine64): the `windows` preset. The -posix compilers: GCC 12's win32 thread model has no std::thread
# or std::mutex, which the platform library and the app use. Tests run under Wine (tools/wine-run) as
# the crosscompiling emulator, so ctest and gtest_discover_tests need nothing else.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(RD_MINGW x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${RD_MINGW}-gcc-posix)
set(CMAKE_CXX_COMPILER ${RD_MINGW}-g++-posix)
set(CMAKE_RC_COMPILER ${RD_MINGW}-windres)

# Only the MinGW sysroot is searched for libraries, headers and packages: nothing of Linux's /usr
# (cmake/third_party_windows.cmake exposes the few header-only Debian packages one by one).
set(CMAKE_FIND_ROOT_PATH /usr/${RD_MINGW})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# MinGW's time.h declares localtime_r and gmtime_r (over localtime_s/gmtime_s), which the UI and the
# CLI use, only when asked for the POSIX thread-safe functions.
set(CMAKE_C_FLAGS_INIT "-D_POSIX_THREAD_SAFE_FUNCTIONS")
set(CMAKE_CXX_FLAGS_INIT "-D_POSIX_THREAD_SAFE_FUNCTIONS")

# Static runtime: the .exe files need no MinGW DLL beside them (libstdc++, libgcc, winpthread).
# --no-insert-timestamp: the PE header's link time would make every link of the same objects differ
# (tools/release's .zip and installer are reproducible).
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static -static-libgcc -static-libstdc++ -Wl,--no-insert-timestamp")

set(CMAKE_CROSSCOMPILING_EMULATOR "${CMAKE_CURRENT_LIST_DIR}/../tools/wine-run")
