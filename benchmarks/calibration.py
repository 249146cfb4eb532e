"""Calibration figures measured in the same run as a benchmark, so that its results read the same on a
slower or busier machine: each target figure is also given as a ratio to one of these.

- ``python_loop_ms``: a fixed pure-Python workload (integer arithmetic, string building, dict
  updates: what the core and the UI code do between library calls), best of 5; about 50 ms on the
  2-core development machine.
- ``bare_paint_ms`` (Qt benchmarks): painting a fixed bare widget tree of the customer overview's
  size offscreen — 1920 × 1080, about 60 labels, buttons and fields, four small tables and a 6 × 40
  timeline table — into a QImage through ``QWidget.render``, best of 9. Nothing of AgentDesk's is in
  it: what it measures is the machine, the Qt build and the offscreen platform.

A ratio is ``figure / calibration`` (``open_p95_per_bare_paint`` = open p95 in bare paints). The
targets were set on the development machine, so ``REFERENCE`` holds its calibration (idle, best of
runs) and :func:`target_ratios` turns each target into the ratio a machine must stay under.

    python benchmarks/calibration.py [--qt]     # the figures alone, as one JSON line
"""

from __future__ import annotations

import argparse
import json
import os
import time

LOOP_ITERATIONS = 80_000
LOOP_REPEATS = 5
PAINT_REPEATS = 9
SCREEN = (1920, 1080)
# The development machine's calibration, the machine the targets were set on (2 cores). Provisional: the
# CPU time of both on that machine under load (idle wall time is close to it); re-measure when it is idle.
REFERENCE = {"python_loop_ms": 48.0, "bare_paint_ms": 18.0}


def _workload(n: int) -> int:
    total = 0
    counts: dict[str, int] = {}
    for i in range(n):
        total += (i * i) % 7
        key = "k" + str(i & 1023)
        counts[key] = counts.get(key, 0) + 1
    return total + len(counts)


def python_loop_ms(repeats: int = LOOP_REPEATS) -> float:
    """The fixed pure-Python workload, best of ``repeats``, in milliseconds."""
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        _workload(LOOP_ITERATIONS)
        best = min(best, time.perf_counter() - started)
    return round(best * 1000, 2)


def _bare_tree():
    """A widget tree of the overview's size: header labels, sections with small tables, a timeline."""
    from PySide6.QtWidgets import (
        QComboBox,
        QGridLayout,
        QGroupBox,
        QHBoxLayout,
        QLabel,
        QPlainTextEdit,
        QPushButton,
        QTableWidget,
        QTableWidgetItem,
        QVBoxLayout,
        QWidget,
    )

    def table(rows: int, columns: int, parent: QWidget) -> QTableWidget:
        widget = QTableWidget(rows, columns, parent)
        for r in range(rows):
            for c in range(columns):
                widget.setItem(r, c, QTableWidgetItem(f"Solu {r + 1}.{c + 1} tekstiä"))
        return widget

    root = QWidget()
    root.resize(*SCREEN)
    columns = QHBoxLayout(root)
    left, right = QVBoxLayout(), QVBoxLayout()
    columns.addLayout(left, 3)
    columns.addLayout(right, 1)
    header = QGridLayout()
    for i in range(24):  # name, identity code, alerts, contact points
        header.addWidget(QLabel(f"Otsikko {i}: arvo {i * 37}", root), i // 4, i % 4)
    left.addLayout(header)
    for title in ("Roolit", "Suhteet", "Asiat", "Yhteystiedot"):
        box = QGroupBox(title, root)
        inner = QVBoxLayout(box)
        inner.addWidget(table(6, 5, box))
        left.addWidget(box)
    left.addWidget(table(40, 6, root), 2)  # the contact timeline
    for i in range(12):  # the contact form and the department panels
        right.addWidget(QLabel(f"Kenttä {i}", root))
        right.addWidget(QComboBox(root) if i % 3 == 0 else QPushButton(f"Painike {i}", root))
    right.addWidget(QPlainTextEdit("Muistiinpano " * 40, root))
    for i in range(12):
        right.addWidget(QLabel(f"Paneelin rivi {i}: tieto {i * 11}", root))
    return root


def bare_paint_ms(repeats: int = PAINT_REPEATS) -> float:
    """Paint the bare overview-sized tree into a QImage, best of ``repeats``, in milliseconds. Needs
    (or creates) a QApplication; set QT_QPA_PLATFORM=offscreen first where there is no display."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["agentdesk-calibration"])
    tree = _bare_tree()
    tree.show()
    app.processEvents()  # layout and polish once, outside the measurement
    image = QImage(tree.size(), QImage.Format.Format_ARGB32_Premultiplied)

    def paint() -> float:
        started = time.perf_counter()
        tree.render(image)
        return time.perf_counter() - started

    paint()  # warm-up: fonts, glyph caches, style pixmaps
    best = min(paint() for _ in range(repeats))
    tree.close()
    tree.deleteLater()
    app.processEvents()
    return round(best * 1000, 2)


def measure(*, qt: bool = False) -> dict[str, float]:
    """The calibration figures for this run: the Python loop, and with ``qt`` the bare paint."""
    figures = {"python_loop_ms": python_loop_ms()}
    if qt:
        figures["bare_paint_ms"] = bare_paint_ms()
    return figures


def ratios(figures: dict[str, float | None], calibration: dict[str, float], per: str) -> dict[str, float | None]:
    """``{"<name>_per_<per minus _ms>": figure / calibration[per]}`` for each figure (None stays None)."""
    unit = calibration[per]
    suffix = per.removesuffix("_ms")
    return {
        f"{name}_per_{suffix}": (round(value / unit, 3) if value is not None and unit else None)
        for name, value in figures.items()
    }


def target_ratios(targets: dict[str, float], per: str) -> dict[str, float]:
    """Each target as the ratio it is on the reference machine: the bound a ratio of this run must meet."""
    suffix = per.removesuffix("_ms")
    return {f"{name}_per_{suffix}": round(value / REFERENCE[per], 3) for name, value in targets.items()}


Figures = dict[str, "float | None"]


def calibrated(
    calibration: dict[str, float],
    *,
    per_bare_paint: Figures | None = None,
    per_python_loop: Figures | None = None,
    targets_per_bare_paint: dict[str, float] | None = None,
    targets_per_python_loop: dict[str, float] | None = None,
) -> dict:
    """The keys a benchmark adds to its JSON line: ``calibration``, ``ratios`` (this run's figures per
    calibration figure) and ``target_ratios`` (the targets per the reference machine's figure)."""
    out: dict = {"calibration": calibration, "ratios": {}, "target_ratios": {}}
    for per, figures, targets in (
        ("bare_paint_ms", per_bare_paint, targets_per_bare_paint),
        ("python_loop_ms", per_python_loop, targets_per_python_loop),
    ):
        if per not in calibration:
            continue
        out["ratios"].update(ratios(figures or {}, calibration, per))
        out["target_ratios"].update(target_ratios(targets or {}, per))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--qt", action="store_true", help="also the bare widget tree's paint")
    args = parser.parse_args()
    print(json.dumps({"benchmark": "calibration", **measure(qt=args.qt)}))


if __name__ == "__main__":
    main()
