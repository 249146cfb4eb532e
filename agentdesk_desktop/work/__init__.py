"""The agent's work: presence in the status bar and the one inbox across channels (Next, transfer,
wrap-up codes). Made by :class:`agentdesk_desktop.desk_windows.DeskWindows`; the phone drives the
presence through the screen pop's ``answered`` / ``hung_up`` signals there (this package and the phone
do not import each other)."""
