; AgentDesk installer for Windows (NSIS 3). Build the one-folder bundle first with the same spec
; (installer/agentdesk.spec, see installer/README.md), then from the repository root:
;
;   makensis /DVERSION=0.1.0 installer\windows\agentdesk.nsi
;   -> dist\AgentDesk-0.1.0-setup.exe
;
; Silent installation (software distribution, e.g. Intune or SCCM):
;
;   AgentDesk-0.1.0-setup.exe /S /DEPARTMENT=health [/PROFILE=\\fileserver\it\agentdesk\health.toml] [/D=C:\Apps\AgentDesk]
;
; /DEPARTMENT picks one of the profiles bundled in profiles\ (customer_service, health, technical,
; social, education); /PROFILE gives a file or http(s) URL instead. The chosen profile is checked against the
; plugins in this bundle (agentdesk profile check) and copied to %ProgramData%\AgentDesk\department.toml,
; from where each user's first `agentdesk profile apply` takes it. A profile that fails the check aborts
; a silent install with exit code 2. /D must be the last switch (NSIS rule).
; Uninstall silently: "%ProgramFiles%\AgentDesk\uninstall.exe" /S

Unicode true
!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef DIST
  !define DIST "..\..\dist\agentdesk"
!endif
!define APP "AgentDesk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\AgentDesk"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"

Name "${APP} ${VERSION}"
OutFile "..\..\dist\AgentDesk-${VERSION}-setup.exe"
InstallDir "$PROGRAMFILES64\${APP}"
InstallDirRegKey HKLM "${UNINSTALL_KEY}" "InstallLocation"
RequestExecutionLevel admin
SetCompressor /SOLID lzma
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APP}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "LegalCopyright" "EUPL-1.2"
VIAddVersionKey "FileDescription" "${APP} installer"

Var DepartmentCode
Var ProfileSource

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Finnish"
!insertmacro MUI_LANGUAGE "Swedish"
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "AgentDesk needs 64-bit Windows." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  ${GetParameters} $R0
  ${GetOptions} $R0 "/DEPARTMENT=" $DepartmentCode
  ${GetOptions} $R0 "/PROFILE=" $ProfileSource
FunctionEnd

Section "AgentDesk" SecMain
  SectionIn RO
  SetShellVarContext all  ; Start menu for all users; $APPDATA is %ProgramData%
  SetOutPath "$INSTDIR"
  ; The whole one-folder bundle: agentdesk.exe (console, IT commands), AgentDesk.exe (the desk),
  ; _internal\ (Python, Qt, plugins, migrations, translations, profiles\).
  File /r "${DIST}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\AgentDesk.exe" "" "$INSTDIR\AgentDesk.exe" 0
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "City customer service"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" $0

  ; The department profile: /PROFILE wins over /DEPARTMENT; none given: IT applies one later.
  ${If} $ProfileSource == ""
  ${AndIf} $DepartmentCode != ""
    StrCpy $ProfileSource "$INSTDIR\_internal\profiles\$DepartmentCode.toml"
  ${EndIf}
  ${If} $ProfileSource != ""
    nsExec::ExecToLog '"$INSTDIR\agentdesk.exe" profile check "$ProfileSource"'
    Pop $0
    ${If} $0 != 0
      MessageBox MB_ICONSTOP "The department profile $ProfileSource does not fit this AgentDesk (see the log)." /SD IDOK
      SetErrorLevel 2
      Abort
    ${EndIf}
    CreateDirectory "$APPDATA\${APP}"
    nsExec::ExecToLog 'powershell -NoProfile -Command "if (\"$ProfileSource\" -match \"^https?://\") { Invoke-WebRequest -UseBasicParsing -TimeoutSec 20 -Uri \"$ProfileSource\" -OutFile \"$APPDATA\${APP}\department.toml\" } else { Copy-Item -LiteralPath \"$ProfileSource\" -Destination \"$APPDATA\${APP}\department.toml\" -Force }"'
    Pop $0
    ${If} $0 != 0
      SetErrorLevel 2
      Abort
    ${EndIf}
  ${EndIf}
SectionEnd

Section "Uninstall"
  SetRegView 64
  SetShellVarContext all
  Delete "$SMPROGRAMS\${APP}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\agentdesk.exe"
  Delete "$INSTDIR\AgentDesk.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  ; Users' settings, profiles and keyring entries stay: they are the users', not the program's.
SectionEnd
