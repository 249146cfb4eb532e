"""Moved to :mod:`agentdesk_desktop.widgets.labels` (shared by the overview, logging, the customer form, the dashboard
and the reception); kept so that imports of the old name keep working while branches merge."""

from agentdesk_desktop.widgets.labels import *
