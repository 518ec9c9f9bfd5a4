; Included by electron-builder's NSIS installer (electron-builder.yml nsis.include).
; electron-builder registers link protocols on macOS and Linux but not in NSIS installers, so
; doum:// is registered here for the installing user (the installer is per user, so
; SHELL_CONTEXT is HKCU) and removed on uninstall — but not when an update reinstalls the app.
; The app registers itself again at start (app.setAsDefaultProtocolClient) to repair it.

!macro customInstall
  WriteRegStr SHELL_CONTEXT "Software\Classes\doum" "" "URL:Doum help link"
  WriteRegStr SHELL_CONTEXT "Software\Classes\doum" "URL Protocol" ""
  WriteRegStr SHELL_CONTEXT "Software\Classes\doum\DefaultIcon" "" "$appExe,0"
  ; "--" ends the switches: a crafted link is never read as one (doum://x" --inspect=…).
  WriteRegStr SHELL_CONTEXT "Software\Classes\doum\shell\open\command" "" '"$appExe" -- "%1"'
!macroend

!macro customUnInstall
  ${ifNot} ${isUpdated}
    DeleteRegKey SHELL_CONTEXT "Software\Classes\doum"
  ${endIf}
!macroend
