"""``agentdesk register import FILE --register NAME --mapping MAPPING.toml [--db URL]``.

Prints each row that could not be imported (file, row, reason), then the report: rows read,
created, updated, flagged, rejected and the flags by rule. A progress bar on a terminal, plain
progress lines otherwise (a log file, a scheduled job). Exit status: 0 when something was
imported, 1 when nothing could be (every row rejected, or the file unreadable), 2 when the mapping
is wrong (each problem as ``FILE: KEY: message``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

REGISTER_NAME_MAX = 64


class ProgressBar:
    """A progress bar on a terminal; a plain line per tenth of the file otherwise."""

    def __init__(self, stream: TextIO, label: str) -> None:
        self._stream, self._label = stream, label
        self._tty = stream.isatty()
        self._last_tenth = -1

    def __call__(self, done: int, total: int) -> None:
        fraction = done / total if total else 1.0
        if self._tty:
            width = 30
            filled = int(width * fraction)
            bar = "#" * filled + "-" * (width - filled)
            self._stream.write(f"\r{self._label} [{bar}] {done}/{total} rows")
            if done >= total:
                self._stream.write("\n")
            self._stream.flush()
            return
        tenth = int(fraction * 10)
        if tenth > self._last_tenth:
            self._last_tenth = tenth
            print(f"{self._label}: {done}/{total} rows", file=self._stream, flush=True)


def _cmd_register_import(args: argparse.Namespace) -> int:
    from agentdesk.register_import.importer import RegisterImport
    from agentdesk.register_import.mapping import MappingError, load_mapping
    from agentdesk.register_import.reading import ImportFileError
    from agentdesk.storage import schema
    from agentdesk.storage.database import Database

    register = args.register.strip()
    if not register or len(register) > REGISTER_NAME_MAX:
        print(f"agentdesk: --register must be a name of 1-{REGISTER_NAME_MAX} characters", file=sys.stderr)
        return 2
    try:
        mapping = load_mapping(Path(args.mapping))
    except MappingError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 2
    db = Database(args.db)
    schema.check_current(db)
    path = Path(args.file)
    try:
        report = RegisterImport(db).run(path, register, mapping, progress=ProgressBar(sys.stderr, path.name))
    except ImportFileError as exc:
        print(exc, file=sys.stderr)
        return 1
    for line in report.lines():
        print(line)
    return report.exit_code


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    reg = sub.add_parser("register", help="the customer register's data from the city's registers")
    reg_sub = reg.add_subparsers(dest="register_command", metavar="ACTION", required=True)
    imp = reg_sub.add_parser(
        "import",
        help="import a register's CSV or XLSX file (re-importing updates the same customers)",
        description="Import a register's CSV or XLSX file through a TOML mapping of its columns.",
    )
    imp.add_argument("file", metavar="FILE", help="the register's .csv or .xlsx file")
    imp.add_argument("--register", required=True, metavar="NAME", help='the register\'s name, e.g. "population data"')
    imp.add_argument("--mapping", required=True, metavar="MAPPING.toml", help="which column holds which field")
    imp.add_argument(
        "--db",
        metavar="URL",
        help="sqlite:///PATH or postgresql://USER@HOST:PORT/DB (password from the OS keyring); "
        "default: the embedded database",
    )
    imp.set_defaults(func=_cmd_register_import)
