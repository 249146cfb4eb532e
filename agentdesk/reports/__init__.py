"""Management reports over any period (Qt-free): figures per channel and in total, the trend against the
previous period, a chart series, the channel strategy (share and cost per contact), and exports.

- :mod:`agentdesk.reports.query` — :class:`ReportQuery`: a period of Helsinki days and filters;
- :mod:`agentdesk.reports.figures` — :class:`Report` and its figures, with their definitions;
- :mod:`agentdesk.reports.service` — :class:`Reports`: the report from a few GROUP BY queries
  (:mod:`agentdesk.reports.aggregates`);
- :mod:`agentdesk.reports.exports` — CSV, XLSX (openpyxl) and PDF (fpdf2);
- :mod:`agentdesk.reports.commands` — ``agentdesk report``.
"""

from agentdesk.reports.figures import CaseFigures, ContactFigures, PeriodFigures, Report, SeriesPoint, Trend
from agentdesk.reports.query import ReportQuery, ReportQueryError
from agentdesk.reports.service import ReportOptions, Reports

__all__ = [
    "CaseFigures",
    "ContactFigures",
    "PeriodFigures",
    "Report",
    "ReportOptions",
    "ReportQuery",
    "ReportQueryError",
    "Reports",
    "SeriesPoint",
    "Trend",
]
