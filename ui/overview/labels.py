"""Moved to :mod:`ui.widgets.labels` (shared by the overview, logging, the customer form, the dashboard
and the reception); kept so that imports of the old name keep working while branches merge."""

from ui.widgets.labels import *
