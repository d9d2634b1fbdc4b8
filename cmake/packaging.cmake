# CPack over cmake/install.cmake's tree (native builds only; tools/release runs it):
#   renewdesk_<version>_amd64.deb          installs under /usr; Depends from dpkg-shlibdeps
#   renewdesk-<version>-linux-amd64.tar.gz the same tree under renewdesk-<version>-linux-amd64/
#                                          (bin/, share/): unpack anywhere, run bin/renewdesk
# Binaries are stripped (CPACK_STRIP_FILES). Homepage and maintainer are placeholders.
#
# lintian (Debian 12's 2.116, tools/release runs it with --display-info; errors fail the release) on the
# .deb: no errors, no warnings. The informational tags left, and why they stay:
#   font-in-non-font-package, font-outside-font-dir (324 each): the glyph slices in share/renewdesk/glyphs
#     are subsets cut at build time for this program only (docs/architecture.md), not fonts for the system.
#   arch-dep-package-has-big-usr-share: those slices (8.8 MB); a renewdesk-data package is not worth it yet.
#   hardening-no-fortify-functions, hardening-no-bindnow: the release build takes the native preset's flags
#     (so tools/test's ccache reuses its objects), not dpkg-buildflags'.
#   binary-has-unneeded-section .comment: CPack's strip keeps it (harmless: the compiler's version).
#   extra-license-file usr/share/doc/renewdesk/LICENSE: the tarball has no copyright file; --version
#     --verbose points there too.
#   spelling-error-in-binary: "an other order" is the sandbox's term (an "other order", tools/sandbox);
#     "ment" is lintian reading part of a longer string.
set(CPACK_PACKAGE_NAME renewdesk)
set(CPACK_PACKAGE_VENDOR "RenewDesk")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "renew Yeastar Remote Management through the Partner Portal API")
set(CPACK_PACKAGE_DESCRIPTION # lines under 80 characters (lintian)
    "RenewDesk renews Yeastar Remote Management (product 15) through the
Yeastar Partner Portal OpenAPI: sign in with a Client ID and Client Secret,
look up subordinate users, plans and billing contacts, review the exact
order, confirm, and keep the receipt. This package has the desktop app
(renewdesk), the command line for shells and cron (renewdesk-cli) and a
local stand-in of the API for trying it out (renewdesk-sandbox).")
set(CPACK_PACKAGE_CONTACT "${RD_MAINTAINER}")
set(CPACK_PACKAGE_FILE_NAME "renewdesk-${PROJECT_VERSION}-linux-amd64")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_THREADS 0) # every core for the compression

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # renewdesk_<version>_amd64.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${RD_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://renewdesk.example.com/")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "ca-certificates") # TLS verification with the system's CAs
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

include(CPack)
