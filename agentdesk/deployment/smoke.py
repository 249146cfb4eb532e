"""``agentdesk smoke-test``: does this installation work? For a freshly built bundle above all.

On a throwaway SQLite database it runs the migrations, registers synthetic people (test-range
identity codes) through the customer register the desk uses, searches for one of them and opens
the customer overview through the same core services the desk uses; it reads every installed
plugin's manifest (so entry points and manifests survived freezing) and checks the given
department profiles against them. The desktop part (Qt, translations, the overview
window) is the bundle's ``installer/smoke.py``; the core never imports Qt.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from agentdesk.storage.database import Database


class SmokeFailure(RuntimeError):
    pass


@dataclass
class SmokeReport:
    steps: list[str] = field(default_factory=list)
    customer_id: int | None = None
    database_url: str = ""

    def step(self, text: str, out: Callable[[str], None] | None) -> None:
        self.steps.append(text)
        if out:
            out(f"smoke-test: ok: {text}")


def run_core_smoke(
    folder: Path,
    *,
    people: int = 500,
    profiles: Iterable[Path] = (),
    out: Callable[[str], None] | None = print,
    seed: Callable[[Any, int], object] | None = None,
) -> SmokeReport:
    """Raises SmokeFailure (or the underlying error) at the first step that does not work.

    ``seed(db, people)`` fills the throwaway database (the bundle's smoke passes the demo
    population, whose staff the desktop part signs in as); by default :func:`register_smoke_people`."""
    from sqlalchemy import select

    from agentdesk.customer_overview import CustomerOverviewService
    from agentdesk.deployment.installed_plugins import installed_plugins
    from agentdesk.deployment.profile import check_profile, read_source
    from agentdesk.search.customer_search import CustomerSearch
    from agentdesk.storage import schema
    from agentdesk.storage.database import Database
    from agentdesk.storage.models import Customer, CustomerKind

    report = SmokeReport()
    report.database_url = f"sqlite:///{folder / 'smoke.sqlite3'}"
    db = Database(report.database_url)
    try:
        upgraded = schema.upgrade(db)
        schema.check_current(db)
        report.step(f"migrations: {upgraded.describe()}", out)

        started = time.monotonic()
        (seed or register_smoke_people)(db, people)
        report.step(f"seeded {people} synthetic people in {time.monotonic() - started:.1f} s", out)

        with db.session() as s:
            person = s.execute(
                select(Customer.id, Customer.first_names, Customer.last_name)
                .where(Customer.kind == CustomerKind.PERSON)
                .order_by(Customer.id)
                .limit(1)
            ).one()
        query = f"{person.first_names.split()[0]} {person.last_name}"
        page = CustomerSearch(db).search(query)
        if person.id not in {h.customer_id for h in page.hits}:
            raise SmokeFailure(f"searching {query!r} did not find customer {person.id} ({page.count_label} hits)")
        report.step(f"search {query!r}: {page.count_label} hit(s), customer {person.id} among them", out)

        overview = CustomerOverviewService(db).open(person.id, actor="smoke-test", purpose="smoke test")
        if overview.header.last_name != person.last_name:
            raise SmokeFailure(f"the overview of customer {person.id} shows {overview.header.display_name!r}")
        report.customer_id = person.id
        report.step(
            f"overview of customer {person.id}: {overview.header.display_name}, "
            f"{overview.contact_count} contact(s) on record",
            out,
        )
    finally:
        db.dispose()

    installed = installed_plugins()
    if installed.broken:
        raise SmokeFailure("plugin manifests unusable: " + "; ".join(f"{k}: {v}" for k, v in installed.broken.items()))
    listing = ", ".join(p.label() for p in installed.plugins.values()) or "none"
    report.step(f"plugins installed: {listing}", out)

    for path in profiles:
        problems = check_profile(read_source(path), str(path), installed=installed)
        if problems:
            raise SmokeFailure("profile problems:\n" + "\n".join(str(p) for p in problems))
        report.step(f"profile {Path(path).name}: OK", out)

    import keyring

    backend = type(keyring.get_keyring())
    report.step(f"keyring backend: {backend.__module__}.{backend.__name__}", out)
    return report


_FIRST = ("Aino", "Eino", "Helmi", "Onni", "Siiri", "Väinö", "Kerttu", "Leevi", "Elli", "Toivo")
_LAST = (
    "Smoketest",
    "Koeajo",
    "Testaaja",
    "Kokeilu",
    "Tarkistus",
    "Savutesti",
    "Mallinen",
    "Esimerkki",
    "Kokeinen",
    "Testinen",
)


def register_smoke_people(db: Database, people: int) -> None:
    """``people`` persons through :class:`CustomerRegister` (the desk's own write path), with
    identity codes from the test range (individual numbers 900-999), never a real person's."""
    import datetime as dt

    from agentdesk.customer_register import CustomerDraft, CustomerRegister
    from agentdesk.identity import hetu_check_char

    register = CustomerRegister(db)
    for i in range(people):
        born = dt.date(1950, 1, 1) + dt.timedelta(days=i // 100)
        digits = f"{born:%d%m%y}{900 + i % 100:03d}"
        hetu = f"{digits[:6]}{'-' if born.year < 2000 else 'A'}{digits[6:]}{hetu_check_char(digits)}"
        register.create(
            CustomerDraft(
                first_names=_FIRST[i % 10], last_name=_LAST[(i // 10) % 10], hetu=hetu, municipality="Tampere"
            ),
            actor="smoke-test",
        )


def temporary_folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="agentdesk-smoke-"))


def remove_folder(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
