"""``agentdesk smoke-test``: does this installation work? For a freshly built bundle above all.

On a throwaway SQLite database it runs the migrations, seeds synthetic people, searches for one
of them and opens the customer overview through the same core services the desk uses; it reads
every installed plugin's manifest (so entry points and manifests survived freezing) and checks
the given department profiles against them. The desktop part (Qt, translations, the overview
window) is the bundle's ``installer/smoke.py``; the core never imports Qt.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path


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


def run_core_smoke(folder: Path, *, people: int = 500, profiles: Iterable[Path] = (),
                   out: Callable[[str], None] | None = print) -> SmokeReport:
    """Raises SmokeFailure (or the underlying error) at the first step that does not work."""
    from sqlalchemy import select

    from agentdesk.customer_overview import CustomerOverviewService
    from agentdesk.deployment.installed_plugins import installed_plugins
    from agentdesk.deployment.profile import check_profile, read_source
    from agentdesk.population.bulk_load import seed_population
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
        seed_population(db, people, seed=1, histories=0.3)
        report.step(f"seeded {people} synthetic people in {time.monotonic() - started:.1f} s", out)

        with db.session() as s:
            person = s.execute(select(Customer.id, Customer.first_names, Customer.last_name)
                               .where(Customer.kind == CustomerKind.PERSON).order_by(Customer.id).limit(1)).one()
        query = f"{person.first_names.split()[0]} {person.last_name}"
        page = CustomerSearch(db).search(query)
        if person.id not in {h.customer_id for h in page.hits}:
            raise SmokeFailure(f"searching {query!r} did not find customer {person.id} ({page.count_label} hits)")
        report.step(f"search {query!r}: {page.count_label} hit(s), customer {person.id} among them", out)

        overview = CustomerOverviewService(db).open(person.id, actor="smoke-test", purpose="smoke test")
        if overview.header.last_name != person.last_name:
            raise SmokeFailure(f"the overview of customer {person.id} shows {overview.header.display_name!r}")
        report.customer_id = person.id
        report.step(f"overview of customer {person.id}: {overview.header.display_name}, "
                    f"{overview.contact_count} contact(s) on record", out)
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


def temporary_folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="agentdesk-smoke-"))


def remove_folder(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
