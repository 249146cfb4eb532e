"""Walk-in reception: issuing queue tickets and serving visitors at a service point
(:class:`ui.reception.reception_window.ReceptionWindow`)."""
