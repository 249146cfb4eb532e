"""Walk-in reception: issuing queue tickets and serving visitors at a service point
(:class:`agentdesk_desktop.reception.reception_window.ReceptionWindow`)."""
