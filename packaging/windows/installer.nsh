; Khidma NSIS additions (electron-builder `nsis.include`). Kiosks start the shell at logon of the
; kiosk account; COM ports (ID reader, printer, payment terminal) need no extra rights on Windows,
; their names go in C:\ProgramData\Khidma\khidma.config.json (devices.*.path = "COM3" …).
!macro customInstall
  CreateDirectory "$COMMONPROGRAMDATA\Khidma"
  WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\Run" "Khidma" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}"'
!macroend

!macro customUnInstall
  DeleteRegValue HKLM "Software\Microsoft\Windows\CurrentVersion\Run" "Khidma"
!macroend
