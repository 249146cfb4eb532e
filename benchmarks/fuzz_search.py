"""Fuzz the search box at scale: generated queries against a seeded population, counting crashes and slow searches.

    python benchmarks/fuzz_search.py --people 200000 --inputs 3000
    python benchmarks/fuzz_search.py --people 1000000 --inputs 10000 --pg-url postgresql://USER@HOST/DB

Seeds (or reuses) a synthetic population of N people in a SQLite file under .tmp/bench (the same file
benchmarks/search.py uses) and, with ``--pg-url``, in that PostgreSQL database (empty or holding N
people), then runs K generated queries through ``CustomerSearch.search`` as the desk calls it. The
queries mix real vocabulary words (as typed, upper case, decomposed, with one typo, run together
many times: ``KolehmainenKolehmainen…``) with initials, numbers, FTS5 and tsquery syntax characters
and keywords, NUL and control characters, lone surrogates, random Unicode and very long words.

Any exception is a crash; a search over one second is slow. The last line printed is one JSON
object: per backend the inputs, crashes, slow, max seconds, p50/p99 milliseconds, how many queries
came back with a problem, by code (limits, invalid identifiers), the five slowest queries (shortened)
and the first crashes; and the totals.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
import traceback
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sqlalchemy import func, select, text

from agentdesk.search.customer_search import CustomerSearch
from agentdesk.storage import schema
from agentdesk.storage.database import Database
from agentdesk.storage.models import Customer, CustomerKind, SyntheticDuplicate

sys.path.insert(0, str(REPO / "benchmarks"))
import calibration

SLOW_SECONDS = 1.0
SPECIAL = [
    '"',
    "*",
    ":",
    "^",
    "(",
    ")",
    "-",
    "+",
    "&",
    "|",
    "!",
    "'",
    "\\",
    "{",
    "}",
    "[",
    "]",
    "/",
    ".",
    ",",
    "@",
    "<",
    ">",
    "~",
    "%",
    "_",
    ";",
    "=",
    "?",
    ":*",
    "<->",
    "<2>",
    "&&",
    "||",
    "!!",
    '""',
    "*:",
]
KEYWORDS = ["NEAR", "AND", "OR", "NOT", "NEAR(", "NEAR/2", "and", "or", "not", "near"]
CONTROL = [
    "\x00",
    "\t",
    "\n",
    "\r",
    "\x0b",
    "\x1b",
    "\x7f",
    "\u00a0",
    "\u200b",
    "\ufeff",
    "\u2028",
    "\ud800",
    "\udcff",
    "\U0001f600",
    "\u0308",
    "\u030a",
]
NORDIC = "äöåÄÖÅéüÆØß"


def open_population(db: Database, people: int, seed: int) -> float | None:
    """Seed ``people`` synthetic people into an empty database; reuse one that holds them."""
    schema.upgrade(db)
    with db.session() as s:
        have = s.scalar(select(func.count()).select_from(Customer).where(Customer.kind == CustomerKind.PERSON)) or 0
        dups = s.scalar(select(func.count()).select_from(SyntheticDuplicate)) or 0
    if have - dups >= people:
        return None
    if have:
        raise SystemExit(f"{db.display_url()} holds {have - dups:,} people, not {people:,}: use another database")
    from agentdesk_demo.population.bulk_load import seed_population
    from agentdesk_demo.progress import ProgressBar

    started = time.perf_counter()
    seed_population(db, people, seed=seed, progress=ProgressBar())
    return time.perf_counter() - started


def vocabulary(db: Database, rng: random.Random, size: int = 3000) -> list[str]:
    """Real words of the index: the most frequent and a random spread of the rest."""
    with db.session() as s:
        common = [
            r[0]
            for r in s.execute(
                text("SELECT term FROM search_term WHERE df > 0 ORDER BY df DESC LIMIT :n"), {"n": size // 2}
            )
        ]
        total = s.scalar(text("SELECT count(*) FROM search_term")) or 0
        spread = []
        for _ in range(20):
            spread += [
                r[0]
                for r in s.execute(
                    text("SELECT term FROM search_term WHERE df > 0 ORDER BY term LIMIT :n OFFSET :o"),
                    {"n": size // 40, "o": rng.randrange(max(1, total - size // 40))},
                )
            ]
    return common + spread or ["virtanen", "anna", "tampere"]


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 2:
        return word
    i = rng.randrange(len(word))
    return rng.choice(
        (
            word[:i] + word[i + 1 :],
            word[:i] + rng.choice("aeiklmnorstuvy") + word[i:],
            word[:i] + rng.choice("aeiklmnorstuv") + word[i + 1 :],
            word[:i] + word[i + 1 : i + 2] + word[i : i + 1] + word[i + 2 :],
        )
    )


def _cased(word: str, rng: random.Random) -> str:
    word = rng.choice((word, word.capitalize(), word.upper()))
    if rng.random() < 0.15:
        word = word.replace("a", "ä").replace("o", "ö")
    return unicodedata.normalize("NFD", word) if rng.random() < 0.15 else word


def _token(words: list[str], rng: random.Random) -> str:
    roll = rng.random()
    word = rng.choice(words)
    if roll < 0.30:
        return _cased(word, rng)
    if roll < 0.42:
        return _cased(_typo(word, rng), rng)
    if roll < 0.50:
        return _cased(word[: rng.randint(1, max(1, len(word)))], rng)  # a prefix while typing
    if roll < 0.60:
        return rng.choice("abcdefghijklmnopqrstuvwxyzäöå").upper()  # an initial
    if roll < 0.66:
        return str(rng.choice((rng.randint(0, 200), rng.randint(1900, 2025), rng.randint(0, 99999))))
    if roll < 0.76:
        return rng.choice(SPECIAL + KEYWORDS)
    if roll < 0.81:
        return rng.choice(CONTROL)
    if roll < 0.86:
        return word.capitalize() * rng.randint(2, 40)  # KolehmainenKolehmainen…
    if roll < 0.91:
        return "".join(
            chr(rng.choice((rng.randint(32, 0x2FF), rng.randint(0x300, 0xFFFF), rng.randint(0, 0x10FFFF))))
            for _ in range(rng.randint(1, 12))
        )
    if roll < 0.95:
        return rng.choice(NORDIC) * rng.randint(1, 60)
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(35, 45)))  # near the limit


def generate(words: list[str], rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.03:  # pasted: one huge word or a page of text
        return rng.choice(("x", "Kolehmainen", "a b ", "ä", '"*', "\x00", rng.choice(words) + " ")) * rng.randint(
            100, 40_000
        )
    if roll < 0.08:  # initials only ("a b", "h i i i g i"), maybe with a number
        initials = [rng.choice("abcdefghijklmnopqrstuvwxyzäöå") for _ in range(rng.randint(1, 8))]
        return rng.choice((" ", ". ", "-")).join(initials + ([str(rng.randint(1, 99))] if rng.random() < 0.3 else []))
    if roll < 0.25:  # what an agent usually types: two or three real words
        return " ".join(_cased(rng.choice(words), rng) for _ in range(rng.randint(1, 3)))
    parts = []
    for _ in range(rng.randint(1, 6) if rng.random() < 0.8 else rng.randint(7, 16)):
        parts.append(_token(words, rng))
        parts.append(rng.choice((" ", " ", " ", "", "-", ", ", "\t", '" ', " *", ":*", "  ")))
    return "".join(parts)


def fuzz(db: Database, queries: list[str]) -> dict:
    search = CustomerSearch(db)
    seconds: list[float] = []
    crashes: dict[str, int] = {}
    examples: list[dict] = []
    problems: dict[str, int] = {}
    timed: list[tuple[float, str]] = []
    for query in queries:
        started = time.perf_counter()
        try:
            page = search.search(query)
        except Exception as exc:  # noqa: BLE001 - counting crashes is the point
            elapsed = time.perf_counter() - started
            key = f"{type(exc).__name__}: {str(exc).splitlines()[0][:120] if str(exc) else ''}"
            crashes[key] = crashes.get(key, 0) + 1
            if len(examples) < 5:
                examples.append(
                    {"query": ascii(query[:120]), "error": key, "at": traceback.extract_tb(exc.__traceback__)[-1].line}
                )
        else:
            elapsed = time.perf_counter() - started
            if page.query.problem is not None:
                problems[page.query.problem.code] = problems.get(page.query.problem.code, 0) + 1
        seconds.append(elapsed)
        timed.append((elapsed, query))
    ordered = sorted(seconds)
    slowest = sorted(timed, key=lambda t: -t[0])[:5]
    return {
        "inputs": len(queries),
        "crashes": sum(crashes.values()),
        "slow": sum(s > SLOW_SECONDS for s in seconds),
        "max_seconds": round(ordered[-1], 3) if ordered else 0.0,
        "p50_ms": round(statistics.median(ordered) * 1000, 1) if ordered else 0.0,
        "p99_ms": round(ordered[int(len(ordered) * 0.99) - 1] * 1000, 1) if len(ordered) >= 100 else None,
        "with_problem": sum(problems.values()),
        "problems": dict(sorted(problems.items())),
        "slowest": [
            [round(t, 3), ascii(q[:80]) + (f"... ({len(q)} chars)" if len(q) > 80 else "")] for t, q in slowest
        ],
        "crash_kinds": crashes,
        "crash_examples": examples,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--people", type=int, default=200_000)
    ap.add_argument("--inputs", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1, help="population seed (the SQLite file is per people and seed)")
    ap.add_argument("--query-seed", type=int, default=15, help="seed of the generated queries")
    ap.add_argument("--pg-url", help="also fuzz this PostgreSQL database (seeded when empty)")
    ap.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    args = ap.parse_args()

    backends: list[tuple[str, Database]] = []
    if not args.no_sqlite:
        folder = REPO / ".tmp" / "bench"
        folder.mkdir(parents=True, exist_ok=True)
        backends.append(("sqlite", Database(f"sqlite:///{folder / f'search-{args.people}-{args.seed}.sqlite3'}")))
    if args.pg_url:
        backends.append(("postgresql", Database(args.pg_url, password_lookup=None)))
    if not backends:
        raise SystemExit("nothing to fuzz: give --pg-url or leave out --no-sqlite")

    results = {}
    for name, db in backends:
        seeded = open_population(db, args.people, args.seed)
        if seeded is not None:
            print(f"{name}: seeded {args.people:,} people in {seeded:.0f} s", file=sys.stderr)
        # The same population seed and query seed give the same queries on every backend.
        words = vocabulary(db, random.Random(args.query_seed))
        rng = random.Random(args.query_seed + 1)
        queries = [generate(words, rng) for _ in range(args.inputs)]
        started = time.perf_counter()
        results[name] = fuzz(db, queries)
        results[name]["wall_seconds"] = round(time.perf_counter() - started, 1)
        line = {k: v for k, v in results[name].items() if k not in ("crash_kinds", "crash_examples", "slowest")}
        print(f"{name}: {line}", file=sys.stderr)
        db.dispose()
    print(
        json.dumps(
            {
                "people": args.people,
                "inputs": sum(r["inputs"] for r in results.values()),
                "crashes": sum(r["crashes"] for r in results.values()),
                "slow": sum(r["slow"] for r in results.values()),
                "max_seconds": max(r["max_seconds"] for r in results.values()),
                "backends": results,
                **calibration.calibrated(
                    calibration.measure(),
                    per_python_loop={"max_search": max(r["max_seconds"] for r in results.values()) * 1000},
                    targets_per_python_loop={"max_search": SLOW_SECONDS * 1000},
                ),
            },
            ensure_ascii=True,
        )
    )


if __name__ == "__main__":
    main()
