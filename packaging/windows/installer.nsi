; The Windows installer: renewdesk-<version>-windows-x64-setup.exe (tools/release runs makensis, Debian's
; nsis package). It installs the folder tools/release stages for the .zip (renewdesk.exe,
; renewdesk-cli.exe, glyphs\, LICENSE.txt, THIRD-PARTY-NOTICES.txt, README.txt) for the current user:
; no administrator rights, into %LOCALAPPDATA%\Programs\RenewDesk (where per-user programs go), a
; Start-menu shortcut, and an uninstaller registered under HKCU so Settings > Apps lists it.
; Silent: setup.exe /S [/D=C:\other\folder] (/D last, unquoted, as NSIS wants); Uninstall.exe /S.
; The user's settings (%APPDATA%\RenewDesk) are never touched, not even by the uninstaller.
;
; makensis -DVERSION=1.2.3 -DSTAGE=<staged folder> -DOUTFILE=<setup.exe> installer.nsi
!ifndef VERSION | STAGE | OUTFILE
  !error "give -DVERSION=, -DSTAGE= and -DOUTFILE= (tools/release does)"
!endif

Unicode true
SetCompressor /SOLID lzma
; The x64 programs only: the 64-bit Program Files view and registry, never the 32-bit redirection.
Target amd64-unicode

!define NAME "RenewDesk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${NAME}"

Name "${NAME} ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${NAME}"
; A second install (an update) goes where the first one went.
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
ShowInstDetails nevershow
ShowUninstDetails nevershow

VIProductVersion "${VERSION}.0"
VIFileVersion "${VERSION}.0"
VIAddVersionKey /LANG=1033 "ProductName" "${NAME}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileDescription" "${NAME} ${VERSION} setup"
VIAddVersionKey /LANG=1033 "LegalCopyright" "MIT licence (LICENSE.txt)"

Page license
Page directory
Page instfiles
UninstPage uninstConfirm
UninstPage instfiles
LicenseData "${STAGE}/LICENSE.txt"

Section "RenewDesk"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; An update: glyph slices are named by their contents' hash, so old ones would pile up.
  RMDir /r "$INSTDIR\glyphs"
  File /r "${STAGE}/*"
  WriteUninstaller "$INSTDIR\Uninstall.exe"
  CreateShortCut "$SMPROGRAMS\${NAME}.lnk" "$INSTDIR\renewdesk.exe" "" "$INSTDIR\renewdesk.exe" 0
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\renewdesk.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

; Only what the installer put there: $INSTDIR may be a folder the user chose (/D=) that holds more.
Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${NAME}.lnk"
  Delete "$INSTDIR\renewdesk.exe"
  Delete "$INSTDIR\renewdesk-cli.exe"
  Delete "$INSTDIR\LICENSE.txt"
  Delete "$INSTDIR\THIRD-PARTY-NOTICES.txt"
  Delete "$INSTDIR\README.txt"
  RMDir /r "$INSTDIR\glyphs"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
