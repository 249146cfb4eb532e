"""``agentdesk bundle-smoke``: the built bundle's smoke test (only in a frozen bundle; see entry.py).

1. the core smoke test (agentdesk.deployment.smoke): migrations, seeding, search, the customer
   overview, every bundled plugin's manifest, the bundled profiles against those plugins;
2. the desktop, when the bundle has it: the Qt application with the offscreen platform, the
   Finnish translations, start-up on the seeded database, sign-in, the main window, and one
   customer opened in a tab until its summary has loaded.

Runs in a throwaway AGENTDESK_HOME, so it never touches the workstation's settings. Exit 0 when
everything worked; any failure is printed on stderr, as is any WARNING the application logs.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

log = logging.getLogger("agentdesk.bundle_smoke")


def bundle_root() -> Path:
    return Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[1]))


def _profiles(given: list[str]) -> list[Path]:
    if given:
        return [Path(p) for p in given]
    folder = bundle_root() / "profiles"
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


def desktop_smoke(
    database_url: str, customer_id: int, *, timeout_ms: int, settle_ms: int = 2000, language: str = "fi"
) -> str:
    """Start the desk offscreen, sign in, open the customer; the tab title when it has loaded."""
    try:
        import agentdesk_desktop.app  # noqa: F401 - is the desktop in this bundle?
    except ImportError as exc:
        raise SystemExit(f"bundle-smoke: the desktop is not in this bundle: {exc}") from None
    from PySide6.QtCore import QTimer

    from agentdesk_desktop import i18n
    from agentdesk_desktop.app import build_app

    qm = i18n.translations_dir() / f"agentdesk_{language}.qm"
    if not qm.is_file():
        raise RuntimeError(f"translations missing: {qm}")
    desk = build_app(database_url, argv=["agentdesk"], language=language, install_hooks=False)
    outcome: dict[str, str] = {}

    def finish(key: str, value: str) -> None:
        outcome.setdefault("language", desk.translations.language)
        outcome.setdefault(key, value)
        desk.app.exit(0 if key == "title" else 1)

    def opened(window) -> None:
        view = window.open_customer(customer_id)
        signal = getattr(view, "title_changed", None)
        if signal is None:
            finish("failure", f"the customer view {type(view).__name__} has no title_changed signal")
            return
        # Once the title is there, let the rest of the overview (timeline, panels) load before
        # stopping: quitting mid-load would test shutdown, not the overview.
        signal.connect(lambda text: QTimer.singleShot(settle_ms, lambda: finish("title", text)) if text else None)

    desk.window_ready.connect(opened)
    desk.start_failed.connect(lambda reason: finish("failure", f"the desk did not start: {reason}"))
    QTimer.singleShot(timeout_ms, lambda: finish("failure", f"nothing happened within {timeout_ms} ms"))
    desk.start(username="agent.aino")
    try:
        desk.exec()
    finally:
        desk.shutdown()
    if "title" not in outcome:
        raise RuntimeError(outcome.get("failure", "the desk stopped without opening the customer"))
    if outcome["language"] != language:
        raise RuntimeError(f"the desk ran in language {outcome['language']!r} instead of {language!r}")
    return outcome["title"]


def _demo_population(db, people: int) -> None:
    """The demo distribution's synthetic population (with its staff: the desktop part signs in as agent.aino)."""
    from agentdesk_demo.population.bulk_load import seed_population

    seed_population(db, people, seed=1, histories=0.3)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="agentdesk bundle-smoke")
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument(
        "--profile",
        action="append",
        default=[],
        metavar="FILE",
        help="profiles to check (default: every profile bundled in profiles/)",
    )
    parser.add_argument("--core-only", action="store_true", help="skip the desktop part")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds for the desktop part")
    parser.add_argument("--keep", action="store_true", help="keep the throwaway folder (its path is printed)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")

    from agentdesk.deployment.smoke import SmokeFailure, remove_folder, run_core_smoke, temporary_folder

    folder = temporary_folder()
    os.environ["AGENTDESK_HOME"] = str(folder / "home")
    try:
        report = run_core_smoke(folder, people=args.people, profiles=_profiles(args.profile), seed=_demo_population)
        if not args.core_only:
            title = desktop_smoke(report.database_url, report.customer_id or 0, timeout_ms=int(args.timeout * 1000))
            print(
                f"smoke-test: ok: desktop (offscreen): signed in, opened customer {report.customer_id} "
                f"in a tab titled {title!r}"
            )
        crashes = sorted((folder / "home").rglob("crash-*.txt"))
        if crashes:
            raise SmokeFailure("crash reports written:\n" + "\n".join(c.read_text(encoding="utf-8") for c in crashes))
    except (SmokeFailure, RuntimeError) as exc:
        print(f"bundle-smoke: FAILED: {exc}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"bundle-smoke: kept {folder}")
        else:
            remove_folder(folder)
    print("bundle-smoke: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
