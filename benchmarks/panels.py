"""Department panels and the customer overview: does a slow or dead back end cost the agent anything?

    xvfb-run -a python benchmarks/panels.py            # or QT_QPA_PLATFORM=offscreen
    python benchmarks/panels.py --people 5000 --opens 8  # quicker

Seeds a throwaway SQLite demo database (``--people``, default 20,000), starts the three demo back
ends from it (:mod:`agentdesk.demo_backends`), then makes them misbehave: the social-services server
answers every request after 3 s, the FHIR server is stopped (health is down: connection refused),
Open311 answers normally. Then it opens the same customers (demo people with data in every back end)
in two desks, alternating blocks of opens:

- **baseline**: the desk without plugins (``PluginSetup(enabled=False)``);
- **plugins**: the desk with the three panels (they start once the overview has painted); as soon
  as the purpose prompts show, the benchmark chooses a purpose (as an agent who clicks at once), so
  the slow and the dead back end are asked at once. Each tab stays open until every panel has its
  final state, so the panels' loading, error and data are all on screen during the run.

Measured:

- ``paint_ms``: from "open customer" (``MainWindow.open_customer``) to the ``overview.painted id=<n>``
  event, p50/p95 per desk; ``paint_ratio_p50`` = plugins / baseline (target: within 10 %, <= 1.10);
- ``stall_ms``: the longest UI-thread stall while the desks run: a 5 ms QTimer beats on the UI thread;
  a stall is the longest gap between beats minus the 5 ms (target <= 50 ms), per desk and per phase
  (``opening``: open to first paint, the overview's own work; ``panels``: from the first paint until
  every panel has its final state; ``closing``); ``panel_stall_ms`` is the plugins desk's ``panels``
  phase, what the panels themselves cost the UI thread;
- ``panels``: how the panels ended (social data after ~3 s, health error, technical data).

The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

HEARTBEAT_MS = 5
SOCIAL_DELAY_S = 3.0


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def prepare(people: int, folder: Path):
    from agentdesk.demo_backends import start_demo_backends
    from agentdesk.population.bulk_load import seed_population
    from agentdesk.storage import schema
    from agentdesk.storage.database import Database

    db = Database(f"sqlite:///{folder / 'panels.sqlite3'}")
    schema.upgrade(db)
    seed_population(db, people, seed=1, histories=0.3)
    backends = start_demo_backends(db)
    if "health" in backends.unavailable:
        raise SystemExit(f"panels benchmark: the FHIR server is needed: {backends.unavailable['health']}")
    return db, backends


def customers_with_everything(backends, count: int) -> list[int]:
    """Social-services clients with a FHIR patient (the demo gives clients one first)."""
    population = backends.population
    fhir = {p.customer_id for p in population.fhir}
    chosen = [p.customer_id for p in population.social if p.customer_id in fhir]
    chosen += [p.customer_id for p in population.fhir if p.customer_id not in chosen]
    return chosen[:count]


class Run:
    """One desk, opening customers one after another inside its event loop."""

    def __init__(self, db, setup, customers: list[int], *, plugins: bool) -> None:
        self.db, self.setup, self.customers, self.plugins = db, setup, customers, plugins
        self.paint_ms: list[float] = []
        self.stalls: list[tuple[float, str]] = []  # (ms, phase): opening, panels, closing
        self.panels: list[dict[str, str]] = []
        self.errors: list[str] = []

    def run(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        from ui.app import build_app

        desk = build_app(self.db, argv=["agentdesk-bench"], language="fi", install_hooks=False,
                         plugins=self.setup, error_handler=lambda exc: self.errors.append(repr(exc)))
        app = desk.app
        events: dict[str, float] = {}
        waiting: dict[str, object] = {}
        last_beat: list[float] = []
        phase = ["start"]

        def beat() -> None:
            now = time.perf_counter()
            if last_beat:
                self.stalls.append(((now - last_beat[0]) * 1000 - HEARTBEAT_MS, phase[0]))
            last_beat[:] = [now]

        heart = QTimer(app)
        heart.setTimerType(Qt.TimerType.PreciseTimer)
        heart.setInterval(HEARTBEAT_MS)
        heart.timeout.connect(beat)

        class EventTimes(logging.Handler):
            def emit(self, record: logging.LogRecord) -> None:
                message = record.getMessage()
                events[message] = time.perf_counter()
                if message == waiting.get("event"):
                    QTimer.singleShot(0, app, step)

        handler = EventTimes()
        event_log = logging.getLogger("agentdesk.event")
        event_log.setLevel(logging.INFO)
        event_log.addHandler(handler)
        event_log.propagate = False

        def panels_settled(area) -> bool:
            return area is None or (area.customer is not None and all(
                p.state in ("data", "empty", "error") for p in area.panels.values()))

        def script():
            window = desk.window
            window.resize(1920, 1080)
            if self.plugins:
                while not desk.plugins.is_ready:
                    yield 20
            yield 300
            heart.start()
            for cid in self.customers:
                events.pop(f"overview.painted id={cid}", None)
                phase[0] = "opening"
                started = time.perf_counter()
                view = window.open_customer(cid)
                area = getattr(view, "plugin_panel_area", None)
                yield f"overview.painted id={cid}"
                self.paint_ms.append((events[f"overview.painted id={cid}"] - started) * 1000)
                phase[0] = "panels"  # after the first paint: the panels build, load, show
                deadline = time.perf_counter() + 15
                while area is not None and not area.panels and time.perf_counter() < deadline:
                    yield 5  # the panels start once the overview has painted
                if area is not None:  # the agent states a purpose at once
                    for panel in area.panels.values():
                        if panel.spec.sensitive:
                            panel.choose_purpose("consent")
                while not panels_settled(area) and time.perf_counter() < deadline:
                    yield 20
                if area is not None:
                    self.panels.append({k: p.state for k, p in area.panels.items()})
                yield 150
                phase[0] = "closing"
                window.close_current_tab()
                yield 100
            heart.stop()
            app.quit()

        steps = script()

        def step() -> None:
            waiting.clear()
            try:
                wait = next(steps)
            except StopIteration:
                return
            except Exception as exc:  # a broken script must not leave the loop running
                self.errors.append(f"{type(exc).__name__}: {exc}")
                app.quit()
                return
            if isinstance(wait, int):
                QTimer.singleShot(wait, app, step)
            elif wait in events:
                QTimer.singleShot(0, app, step)
            else:
                waiting["event"] = wait

        desk.window_ready.connect(lambda _w: QTimer.singleShot(0, app, step))
        QTimer.singleShot(600_000, app, app.quit)  # never hang a benchmark run
        desk.start(username="agent.aino")
        desk.exec()
        desk.shutdown()
        event_log.removeHandler(handler)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--opens", type=int, default=12, help="customers opened per block (default 12)")
    parser.add_argument("--blocks", type=int, default=2, help="alternating baseline/plugins blocks (default 2)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="agentdesk-bench-panels-"))
    os.environ["AGENTDESK_HOME"] = str(home)
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from ui.errors import qt_message_handler
    from ui.plugins.desk_plugins import PluginSetup

    QApplication.instance() or QApplication(["agentdesk-bench"])
    qInstallMessageHandler(qt_message_handler)
    started = time.perf_counter()
    db, backends = prepare(args.people, home)
    try:
        customers = customers_with_everything(backends, args.opens + 1)
        backends.servers["social"].set_mode("slow", SOCIAL_DELAY_S)
        backends.servers["health"].stop()  # down: connection refused
        with_plugins = PluginSetup(deployment=backends.deployment, secrets=backends.secrets)
        without = PluginSetup(enabled=False)
        runs: dict[str, list[Run]] = {"baseline": [], "plugins": []}
        # A first open warms the caches of both; then the blocks alternate.
        Run(db, without, customers[-1:], plugins=False).run()
        for _block in range(args.blocks):
            for name, setup in (("baseline", without), ("plugins", with_plugins)):
                run = Run(db, setup, customers[:args.opens], plugins=name == "plugins")
                run.run()
                runs[name].append(run)
    finally:
        backends.stop()
        db.dispose()
    result: dict = {"people": args.people, "opens_per_desk": args.opens * args.blocks,
                    "social_delay_s": SOCIAL_DELAY_S, "health": "down", "technical": "normal"}
    for name, group in runs.items():
        paints = [ms for run in group for ms in run.paint_ms]
        stalls = [(ms, phase) for run in group for ms, phase in run.stalls]
        result[name] = {"paint_ms_p50": round(statistics.median(paints), 1),
                        "paint_ms_p95": round(percentile(paints, 95), 1),
                        "stall_ms": round(max((ms for ms, _ in stalls), default=0.0), 1),
                        "stall_ms_by_phase": {p: round(max(ms for ms, q in stalls if q == p), 1)
                                              for p in sorted({q for _, q in stalls})},
                        "errors": [e for run in group for e in run.errors]}
    ratio = result["plugins"]["paint_ms_p50"] / result["baseline"]["paint_ms_p50"]
    finals: dict[str, dict[str, int]] = {}
    for run in runs["plugins"]:
        for states in run.panels:
            for key, state in states.items():
                finals.setdefault(key, {}).setdefault(state, 0)
                finals[key][state] += 1
    result.update({
        "paint_ratio_p50": round(ratio, 3), "paint_within_10_percent": ratio <= 1.10,
        "stall_ms": result["plugins"]["stall_ms"], "stall_within_50_ms": result["plugins"]["stall_ms"] <= 50,
        "panel_stall_ms": result["plugins"]["stall_ms_by_phase"].get("panels", 0.0),
        "panels": finals, "seconds": round(time.perf_counter() - started, 1),
    })
    print(json.dumps(result))


if __name__ == "__main__":
    main()
