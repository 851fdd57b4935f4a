; Briefmap's Windows installer (NSIS 3): a per-user install that needs no
; administrator rights. Built by `make package-windows-installer`:
;
;   makensis -WX -DVERSION=0.1.0 -DEXE=dist/Briefmap.exe -DICON=briefmap.ico \
;     -DLICENSE=LICENSE.txt -DCOPYRIGHT=COPYRIGHT.txt \
;     -DOUTFILE=dist/Briefmap-0.1.0-setup.exe packaging/windows/briefmap.nsi
;
; It installs Briefmap.exe into %LOCALAPPDATA%\Programs\Briefmap, adds a
; Start-menu shortcut, opens *.briefmap files with "Briefmap.exe open FILE",
; and registers an uninstaller under Settings > Apps (the HKCU Uninstall
; key). "/S" installs or uninstalls silently; "/D=DIR" (last argument)
; installs elsewhere.

!macro Require NAME
  !ifndef ${NAME}
    !error "define ${NAME} with -D${NAME}=… (see the header)"
  !endif
!macroend
!insertmacro Require VERSION
!insertmacro Require EXE
!insertmacro Require ICON
!insertmacro Require LICENSE
!insertmacro Require COPYRIGHT
!insertmacro Require OUTFILE

!define APPID "io.github.briefmap.briefmap"
!define PROGID "Briefmap.Briefing"
!define MIMETYPE "application/vnd.briefmap.briefing+zip"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPID}"
!define UNINSTALLER "Uninstall Briefmap.exe"
!define PUBLISHER "The Briefmap developers"
!define HOMEPAGE "https://github.com/briefmap/briefmap"
; SHChangeNotify(SHCNE_ASSOCCHANGED): Explorer rereads the associations.
!define ASSOC_CHANGED "System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'"

Unicode true
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma
; The installed files get the time of the install, not of the build: the
; same inputs give the same installer bytes.
SetDateSave off
Name "Briefmap"
Caption "Briefmap ${VERSION} setup"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Briefmap"
; Installing again (an upgrade) goes where the last install went.
InstallDirRegKey HKCU "${UNINSTKEY}" "InstallLocation"
BrandingText "Briefmap ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "Briefmap"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "Briefmap ${VERSION} setup"
VIAddVersionKey "CompanyName" "${PUBLISHER}"
VIAddVersionKey "LegalCopyright" "Copyright (c) 2026 The Briefmap authors, MIT licence"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\Briefmap.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Open Briefmap"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${LICENSE}"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "Briefmap needs a 64-bit (x64) edition of Windows." /SD IDOK
    Abort
  ${EndIf}
FunctionEnd

Section "Briefmap"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "/oname=Briefmap.exe" "${EXE}"
  File "/oname=LICENSE.txt" "${LICENSE}"
  File "/oname=COPYRIGHT.txt" "${COPYRIGHT}"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  CreateShortcut "$SMPROGRAMS\Briefmap.lnk" "$INSTDIR\Briefmap.exe" "" "$INSTDIR\Briefmap.exe" 0 \
    SW_SHOWNORMAL "" "Offline map briefings with every claim traced to its source"

  ; *.briefmap opens in Briefmap, for this user.
  WriteRegStr HKCU "Software\Classes\.briefmap" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\.briefmap" "Content Type" "${MIMETYPE}"
  WriteRegStr HKCU "Software\Classes\.briefmap\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "Briefmap briefing"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" '"$INSTDIR\Briefmap.exe",0'
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\Briefmap.exe" open "%1"'
  WriteRegStr HKCU "Software\Classes\Applications\Briefmap.exe" "FriendlyAppName" "Briefmap"
  WriteRegStr HKCU "Software\Classes\Applications\Briefmap.exe\SupportedTypes" ".briefmap" ""
  WriteRegStr HKCU "Software\Classes\Applications\Briefmap.exe\shell\open\command" "" '"$INSTDIR\Briefmap.exe" open "%1"'

  ; Settings > Apps lists it, and can remove it.
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "Briefmap"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" '"$INSTDIR\Briefmap.exe",0'
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegStr HKCU "${UNINSTKEY}" "URLInfoAbout" "${HOMEPAGE}"
  WriteRegStr HKCU "${UNINSTKEY}" "HelpLink" "${HOMEPAGE}/issues"
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" "$0"

  ${ASSOC_CHANGED}
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\Briefmap.lnk"
  Delete "$INSTDIR\Briefmap.exe"
  Delete "$INSTDIR\LICENSE.txt"
  Delete "$INSTDIR\COPYRIGHT.txt"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"

  ; The association, where it is still ours (another program may have
  ; taken .briefmap since).
  ReadRegStr $0 HKCU "Software\Classes\.briefmap" ""
  ${If} $0 == "${PROGID}"
    DeleteRegValue HKCU "Software\Classes\.briefmap" ""
    DeleteRegValue HKCU "Software\Classes\.briefmap" "Content Type"
  ${EndIf}
  DeleteRegValue HKCU "Software\Classes\.briefmap\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty HKCU "Software\Classes\.briefmap\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "Software\Classes\.briefmap"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegKey HKCU "Software\Classes\Applications\Briefmap.exe"
  DeleteRegKey HKCU "${UNINSTKEY}"

  ${ASSOC_CHANGED}
SectionEnd
