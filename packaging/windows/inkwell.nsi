; Inkwell for Windows: a per-user installer (no administrator rights), made from the PyInstaller folder.
;
;   makensis /DVERSION=0.1.0 /DPAYLOAD=dist\Inkwell /DOUTFILE=dist\Inkwell-0.1.0-windows-x86_64-setup.exe packaging\windows\inkwell.nsi
;
; Installs to %LOCALAPPDATA%\Programs\Inkwell, adds a Start-menu entry, "Open with Inkwell" for .md and .txt files and
; an entry in Settings > Apps. Running a newer installer upgrades in place. The uninstaller removes the program only:
; documents, settings, conversations and downloaded models (kept by Inkwell in %LOCALAPPDATA%\Inkwell) stay.
; Silent: Setup.exe /S [/D=C:\path]   (/D must be last and unquoted, as NSIS requires).

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
SetCompressorDictSize 64

!ifndef VERSION
  !error "VERSION is not defined: makensis /DVERSION=x.y.z (from app.__version__)"
!endif
!ifndef PAYLOAD
  !define PAYLOAD "..\..\dist\Inkwell"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\Inkwell-${VERSION}-windows-x86_64-setup.exe"
!endif
!ifndef ICON
  !define ICON "..\..\resources\icons\inkwell.ico"
!endif

!define APP "Inkwell"
!define EXE "Inkwell.exe"
!define CLI "inkwell-cli.exe"
!define UNINSTALLER "Uninstall Inkwell.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Inkwell"
!define PROGID "Inkwell.Document"

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP}"
; An upgrade goes where the previous version is.
InstallDirRegKey HKCU "Software\${APP}" "InstallDir"
BrandingText "${APP} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APP}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${APP} installer"
VIAddVersionKey "LegalCopyright" "The Inkwell team, Apache-2.0"

!include "MUI2.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Start ${APP}"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "${APP} will be removed from this computer. Your documents, settings, conversations and downloaded models are not removed: they stay in $LOCALAPPDATA\${APP} (delete that folder yourself if you want them gone)."

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "..\..\packaging\windows\license.txt"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "SimpChinese"

Section "Inkwell" SecMain
  SectionIn RO
  SetShellVarContext current

  ; Upgrade in place: the previous version's program files go first, so no library of the old version is left
  ; beside the new ones. Only the program's own files: never the folder as a whole (the user may have picked one
  ; that holds other things), never the user's data, which lives elsewhere.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\${CLI}"

  SetOutPath "$INSTDIR"
  File /r "${PAYLOAD}\*.*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"
  WriteRegStr HKCU "Software\${APP}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "Software\${APP}" "Version" "${VERSION}"

  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  ; "Open with" for Markdown and text files, per user (HKCU\Software\Classes): offered, never taken as the default.
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "${APP} document"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  WriteRegStr HKCU "Software\Classes\.md\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "Software\Classes\.markdown\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "Software\Classes\.txt\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}" "FriendlyAppName" "${APP}"
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}\SupportedTypes" ".md" ""
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}\SupportedTypes" ".markdown" ""
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}\SupportedTypes" ".txt" ""

  ; Settings > Apps: name, version, size, and a quiet uninstall for scripts.
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "The Inkwell team"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"

  ; Explorer re-reads file associations.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  ; The program only (see the top of this file): the user's data in $LOCALAPPDATA\Inkwell stays.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\${CLI}"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APP}.lnk"

  DeleteRegValue HKCU "Software\Classes\.md\OpenWithProgids" "${PROGID}"
  DeleteRegValue HKCU "Software\Classes\.markdown\OpenWithProgids" "${PROGID}"
  DeleteRegValue HKCU "Software\Classes\.txt\OpenWithProgids" "${PROGID}"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegKey HKCU "Software\Classes\Applications\${EXE}"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${APP}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  IfSilent +2
    MessageBox MB_OK|MB_ICONINFORMATION "${APP} was removed. Your documents, settings, conversations and downloaded models were kept in $LOCALAPPDATA\${APP}."
SectionEnd
