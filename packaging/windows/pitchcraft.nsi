; Pitchcraft's Windows installer (NSIS, built on Linux by scripts/build-windows.sh
; --installer). Per user, without administrator rights: the program in
; %LOCALAPPDATA%\Programs\Pitchcraft, a Start menu entry, brand documents (.brand.ron) opening
; in Pitchcraft, and an entry in Apps & features whose uninstaller removes the program and
; keeps the person's documents, backups and settings.
;
; makensis -DVERSION=0.2.0 -DEXE=/path/pitchcraft.exe -DOUT=/path/pitchcraft-setup-0.2.0.exe pitchcraft.nsi

; The program is 64-bit, and so is its installer (Wine without 32-bit support runs it too).
Target amd64-unicode
!include "MUI2.nsh"

!ifndef VERSION
  !error "-DVERSION=... is needed"
!endif
!ifndef EXE
  !error "-DEXE=path/to/pitchcraft.exe is needed"
!endif
!ifndef OUT
  !define OUT "pitchcraft-setup-${VERSION}.exe"
!endif

!define APP "Pitchcraft"
!define PROGID "Pitchcraft.BrandDocument"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Pitchcraft"

Name "${APP}"
OutFile "${OUT}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "Software\${APP}" "InstallDir"
SetCompressor /SOLID lzma
!define MUI_ICON "pitchcraft.ico"
!define MUI_UNICON "pitchcraft.ico"

VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APP}"
VIAddVersionKey "FileDescription" "Pitchcraft installer"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "LegalCopyright" "MIT OR Apache-2.0"

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\pitchcraft.exe"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Dutch"

Section "Pitchcraft"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "/oname=pitchcraft.exe" "${EXE}"
  File "pitchcraft.ico"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\pitchcraft.exe" "" "$INSTDIR\pitchcraft.ico"
  WriteRegStr HKCU "Software\${APP}" "InstallDir" "$INSTDIR"

  ; Brand documents. Windows knows a file by its last extension only (.ron): Pitchcraft is
  ; offered under "Open with" for every .ron, and opens them on a double-click only where
  ; no other program has claimed .ron already.
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "Pitchcraft brand document"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\pitchcraft.ico"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\pitchcraft.exe" "%1"'
  WriteRegStr HKCU "Software\Classes\.ron\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "Software\Classes\Applications\pitchcraft.exe\shell\open\command" "" '"$INSTDIR\pitchcraft.exe" "%1"'
  WriteRegStr HKCU "Software\Classes\Applications\pitchcraft.exe\SupportedTypes" ".ron" ""
  ReadRegStr $0 HKCU "Software\Classes\.ron" ""
  StrCmp $0 "" 0 +3
    WriteRegStr HKCU "Software\Classes\.ron" "" "${PROGID}"
    WriteRegStr HKCU "Software\${APP}" "ClaimedRon" "1"

  ; Apps & features.
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "Pitchcraft"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\pitchcraft.ico"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

; The person's documents (in Documents or wherever they saved them), their backups beside
; them, the settings in %APPDATA% and the recordings stay: only the program goes.
Section "Uninstall"
  SetShellVarContext current
  Delete "$INSTDIR\pitchcraft.exe"
  Delete "$INSTDIR\pitchcraft.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APP}.lnk"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegValue HKCU "Software\Classes\.ron\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty HKCU "Software\Classes\.ron\OpenWithProgids"
  DeleteRegKey HKCU "Software\Classes\Applications\pitchcraft.exe"
  ReadRegStr $0 HKCU "Software\${APP}" "ClaimedRon"
  StrCmp $0 "1" 0 +2
    DeleteRegValue HKCU "Software\Classes\.ron" ""
  DeleteRegKey /ifempty HKCU "Software\Classes\.ron"
  DeleteRegKey HKCU "Software\${APP}"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
