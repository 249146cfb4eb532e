"""A report as CSV, XLSX (openpyxl) or a printable PDF (fpdf2, pure Python: no display, so the
``agentdesk report`` command makes PDFs on a server and in a scheduled job).

Every format holds the same table: one row per figure and channel (``total`` first) with this period's
value, the previous period's and the change (the feedback figures per ``total``, ``queue:<code>`` and
``agent:<username>`` in the channel column); then the chart series. Labels default to the core's English;
the desk passes its translated ones (``labels``, figure code → text).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Literal

from agentdesk.reports.figures import CASE_FIGURES, CONTACT_FIGURES, FEEDBACK_FIGURES, Report
from agentdesk.storage.kinds import Channel

Format = Literal["csv", "xlsx", "pdf"]
FORMATS: tuple[Format, ...] = ("csv", "xlsx", "pdf")
HEADER = ("figure", "label", "channel", "value", "previous", "change")
TITLE = "Contact centre report"
Row = tuple[str, str, str, float | int | None, float | int | None, float | int | None]


def figure_rows(report: Report, labels: Mapping[str, str] | None = None) -> Iterator[Row]:
    names = {**CONTACT_FIGURES, **CASE_FIGURES, **FEEDBACK_FIGURES, **(labels or {})}
    for code in CONTACT_FIGURES:
        for channel in (None, *Channel):
            t = report.trend(code, channel)
            yield code, names[code], channel.value if channel else "total", t.value, t.previous, t.change
    for code in CASE_FIGURES:
        t = report.trend(code)
        yield code, names[code], "total", t.value, t.previous, t.change
    groups = report.feedback_group_names()
    for code in FEEDBACK_FIGURES:
        for group in groups:  # "total", then "queue:<code>" and "agent:<username>"
            t = report.feedback_trend(code, group)
            yield code, names[code], group, t.value, t.previous, t.change


# The series' columns as they were before SMS (migration 0020); channels added later come after them,
# so that a reader of the earlier columns by position is not broken.
_SERIES_FIRST = (Channel.PHONE, Channel.EMAIL, Channel.WALK_IN, Channel.WEB)
_SERIES_ADDED = tuple(c for c in Channel if c not in _SERIES_FIRST)


def series_rows(report: Report) -> Iterator[tuple[str, ...]]:
    yield (
        "period_start",
        *(c.value for c in _SERIES_FIRST),
        "total",
        "service_level",
        *(c.value for c in _SERIES_ADDED),
    )
    for p in report.series:
        sl = "" if p.service_level is None else f"{p.service_level:.4f}"
        yield (
            p.start.isoformat(),
            *(str(p.contacts[c]) for c in _SERIES_FIRST),
            str(p.total),
            sl,
            *(str(p.contacts[c]) for c in _SERIES_ADDED),
        )


def _period_line(report: Report) -> str:
    q = report.query
    return f"{q.start.isoformat()} - {q.end.isoformat()} (previous {report.previous.start} - {report.previous.end})"


def to_csv(report: Report, labels: Mapping[str, str] | None = None) -> str:
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(HEADER)
    for row in figure_rows(report, labels):
        w.writerow(["" if v is None else v for v in row])
    w.writerow([])
    w.writerows(series_rows(report))
    return out.getvalue()


def to_xlsx(report: Report, labels: Mapping[str, str] | None = None) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Figures"
    ws.append([TITLE, _period_line(report)])
    ws.append(list(HEADER))
    for row in figure_rows(report, labels):
        ws.append(list(row))
    series = wb.create_sheet("Series")
    for i, srow in enumerate(series_rows(report)):
        series.append([v if i == 0 or j == 0 else (float(v) if v else None) for j, v in enumerate(srow)])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def to_pdf(report: Report, labels: Mapping[str, str] | None = None, title: str = TITLE) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_title(title)
    pdf.set_creator("AgentDesk")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, _latin(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 6, _latin(_period_line(report)), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    widths = (95, 30, 40, 40, 40)
    pdf.set_font("Helvetica", "B", 9)
    for text, width in zip(("Figure", "Channel", "Value", "Previous", "Change"), widths, strict=True):
        pdf.cell(width, 6, text, border=1)
    pdf.ln()
    pdf.set_font("Helvetica", "", 9)
    for _code, label, channel, value, previous, change in figure_rows(report, labels):
        if channel not in (
            "total",
            Channel.PHONE.value,
            Channel.EMAIL.value,
            Channel.WALK_IN.value,
            Channel.WEB.value,
            Channel.SMS.value,
        ):
            continue
        cells = (label, channel, _shown(value), _shown(previous), _shown(change))
        for text, width in zip(cells, widths, strict=True):
            pdf.cell(width, 5, _latin(text), border=1)
        pdf.ln()
    _chart(pdf, report)
    return bytes(pdf.output())


def _chart(pdf: object, report: Report) -> None:
    """Contacts per day or week as bars (a new page)."""
    from fpdf import FPDF

    assert isinstance(pdf, FPDF)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 8, f"Contacts per {report.granularity}", new_x="LMARGIN", new_y="NEXT")
    top, height, left, width = 30.0, 120.0, 20.0, 250.0
    most = max((p.total for p in report.series), default=0) or 1
    step = width / max(len(report.series), 1)
    pdf.set_fill_color(40, 100, 170)
    for i, p in enumerate(report.series):
        h = height * p.total / most
        pdf.rect(left + i * step, top + height - h, max(step * 0.8, 0.3), h, style="F")
    pdf.set_font("Helvetica", "", 8)
    pdf.text(left, top + height + 6, report.series[0].start.isoformat() if report.series else "")
    pdf.text(left + width - 20, top + height + 6, report.series[-1].start.isoformat() if report.series else "")
    pdf.text(left, top - 2, f"max {most}")


def _shown(value: float | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, int):
        return str(value)
    return f"{value:.3f}"


def _latin(text: str) -> str:
    # The PDF core fonts are Latin-1 (Finnish and Swedish letters included); anything else becomes "?".
    return text.encode("latin-1", "replace").decode("latin-1")


def write(report: Report, fmt: Format, path: Path, labels: Mapping[str, str] | None = None) -> None:
    if fmt == "csv":
        path.write_text(to_csv(report, labels), encoding="utf-8", newline="")
    elif fmt == "xlsx":
        path.write_bytes(to_xlsx(report, labels))
    else:
        path.write_bytes(to_pdf(report, labels))
