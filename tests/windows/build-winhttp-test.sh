#!/usr/bin/env bash
# Builds tests/windows/winhttp_transport_test.exe with MinGW-w64 (no CMake: the Windows preset is
# made elsewhere) and runs it under Wine against the loopback server (winhttp_test_driver.py).
#   tests/windows/build-winhttp-test.sh [--build-only]
# Needs: g++-mingw-w64-x86-64 wine64 python3 openssl. OUT (default build/winhttp-test) holds the .exe;
# WINEPREFIX defaults to a Wine profile of its own under OUT.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
top="$(cd "$here/../.." && pwd)"
out="${OUT:-$top/build/winhttp-test}"
mkdir -p "$out/include"
# core/text.h includes <nlohmann/json.hpp>: expose that folder alone, never all of /usr/include.
ln -sfn /usr/include/nlohmann "$out/include/nlohmann"

sources=(
  src/platform/windows/winhttp_transport.cpp
  src/platform/windows/winhttp_failure.cpp
  src/platform/windows/winhttp_text.cpp
  tests/windows/winhttp_transport_test.cpp
)
cd "$top"
nice -n 5 x86_64-w64-mingw32-g++ -std=c++20 -O1 -static -Wall -Wextra -Wno-missing-field-initializers -Werror \
  -Isrc -I. -isystem "$out/include" "${sources[@]}" -lwinhttp -o "$out/winhttp_transport_test.exe"
echo "built $out/winhttp_transport_test.exe"
[ "${1:-}" = "--build-only" ] && exit 0

wine="$(command -v wine64 || true)"
# Debian's wine64 package puts its launcher in Wine's library folder, not on PATH.
[ -n "$wine" ] || wine="$(dpkg -L wine64 2>/dev/null | grep -E '/wine64$' | head -n1 || true)"
[ -x "$wine" ] || { echo "wine64 not found: apt-get install wine64"; exit 1; }
export WINEPREFIX="${WINEPREFIX:-$out/wine-prefix}" WINEDEBUG="${WINEDEBUG:--all}"
# No proxy from the environment between the program and the loopback server.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
python3 "$here/winhttp_test_driver.py" "$out/winhttp_transport_test.exe" --wine "$wine"
