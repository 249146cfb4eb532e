"""What need-to-know costs on PostgreSQL: opening a customer with row-level security and the audit hash
chain on, against both off.

    python benchmarks/rls.py [--people 20000] [--opens 300]

Seeds a fresh schema on the test server (``AGENTDESK_BENCH_PG_URL`` or ``AGENTDESK_TEST_PG_URL``) with a
synthetic population: every person an address and a water-utility role, 4 % a social-services role,
2 % a home-care role, 0.5 % a turvakielto, 0.2 % restricted. Then it times
``CustomerOverviewService.open`` (the desk's audited open: the overview's reads and the audit entry in
one transaction) for randomly drawn unrestricted people, alternating between

- **on**: the desk as a customer-service agent's own login (row-level security applies: the
  policies of migration 0014, for a login who may see social and health roles), audit entries chained;
- **off**: the tables' owner (row-level security does not apply), audit entries inserted without the
  chain (its head row neither read nor moved: ``audit_chain.append`` replaced for this run only).

A third series, ``rls_only``, is the login with the chain off (what row-level security alone costs).
The last line is one JSON object: p50/p95 of each in milliseconds, ``p95_ratio`` (on / off; the target
is at most 1.10), the calibration of :mod:`calibration` and the load average while it ran.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import calibration
import psycopg
from sqlalchemy import insert, select

from agentdesk import audit_chain
from agentdesk.customer_overview import CustomerOverviewService
from agentdesk.db_grants import apply_grants, sync_logins
from agentdesk.need_to_know import Viewer
from agentdesk.storage import schema
from agentdesk.storage.database import Database
from agentdesk.storage.kinds import StaffRole
from agentdesk.storage.models import (
    Address,
    Alert,
    AuditEntry,
    Customer,
    CustomerRestriction,
    CustomerRole,
    Department,
    utcnow,
)


def _seed(db: Database, people: int, rng: random.Random) -> list[int]:
    now = utcnow()
    with db.session() as s, s.begin():
        depts = {c: Department(code=c, name=c.title()) for c in ("social", "health", "technical", "customer_service")}
        s.add_all(depts.values())
        s.flush()
        dept_ids = {c: d.id for c, d in depts.items()}
    conn_rows = [
        {"id": i, "kind": "person", "first_names": f"Etu{i}", "last_name": f"Suku{i % 997}", "version": 1,
         "preferred_language": "fi", "created_at": now, "updated_at": now}
        for i in range(1, people + 1)
    ]  # fmt: skip
    addresses = [
        {"customer_id": i, "street": f"Katu {i % 400} A {i % 50}", "postal_code": "33100", "municipality": "Tampere",
         "country": "FI"}
        for i in range(1, people + 1)
    ]  # fmt: skip
    roles, alerts, restricted = [], [], []
    for i in range(1, people + 1):
        roles.append({"customer_id": i, "role_code": "water_customer", "department_id": dept_ids["technical"],
                      "description": "Vesihuollon asiakas", "external_ref": ""})  # fmt: skip
        r = rng.random()
        if r < 0.04:
            roles.append({"customer_id": i, "role_code": "social_services_client", "department_id": dept_ids["social"],
                          "description": "Päihde- ja mielenterveyspalvelut", "external_ref": ""})  # fmt: skip
        elif r < 0.06:
            roles.append({"customer_id": i, "role_code": "home_care_client", "department_id": dept_ids["health"],
                          "description": "Säännöllinen kotihoito", "external_ref": ""})  # fmt: skip
        if rng.random() < 0.005:
            alerts.append({"customer_id": i, "kind": "protected_address", "note": "Turvakielto"})
        if rng.random() < 0.002:
            restricted.append({"customer_id": i, "reason": "staff member", "allowed_roles": "supervisor",
                               "set_by": "bench", "set_at": now})  # fmt: skip
    with db.session() as s, s.begin():
        for table, rows in ((Customer, conn_rows), (Address, addresses), (CustomerRole, roles), (Alert, alerts)):
            for start in range(0, len(rows), 5000):
                s.execute(insert(table), rows[start : start + 5000])
        if restricted:
            s.execute(insert(CustomerRestriction), restricted)
        s.execute(
            insert(AuditEntry),  # some history: the open appends after it
            [{"at": now, "actor": "bench", "action": "customer.view", "purpose": "", "detail": ""}] * 2000,
        )
    with db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    closed = {r["customer_id"] for r in restricted}
    return [i for i in range(1, people + 1) if i not in closed]


def _unchained(session, *, at, actor, subject_customer_id, action, purpose, detail, workstation=None):  # type: ignore[no-untyped-def]
    entry = AuditEntry(
        at=at,
        actor=actor,
        subject_customer_id=subject_customer_id,
        action=action,
        purpose=purpose,
        detail=detail,
        workstation=workstation,
    )
    session.add(entry)
    return entry


def _time_open(service: CustomerOverviewService, cid: int, viewer: Viewer) -> float:
    start = time.perf_counter()
    service.open(cid, actor=viewer.username, viewer=viewer)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--opens", type=int, default=300)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    base = os.environ.get("AGENTDESK_BENCH_PG_URL") or os.environ.get("AGENTDESK_TEST_PG_URL")
    if not base:
        raise SystemExit("set AGENTDESK_BENCH_PG_URL or AGENTDESK_TEST_PG_URL (source /work/wt/servers.env)")
    rng = random.Random(args.seed)
    name = "bench_rls_" + uuid.uuid4().hex[:8]
    login = name + "_agent"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
        conn.execute(f'CREATE ROLE "{login}" LOGIN')
    sep = "&" if "?" in base else "?"
    url = f"{base}{sep}options=-csearch_path%3D{name}"
    owner = Database(url, password_lookup=None)
    desk = Database(url, password_lookup=None)
    load_before = os.getloadavg()
    try:
        schema.upgrade(owner)
        ids = _seed(owner, args.people, rng)
        apply_grants(owner)
        sync_logins(owner, [(login, StaffRole.AGENT, "customer_service")])
        desk.switch_login(login, None)
        viewer = Viewer(login, StaffRole.AGENT, "customer_service")
        on_service, off_service = CustomerOverviewService(desk), CustomerOverviewService(owner)
        chained = audit_chain.append
        picks = [rng.choice(ids) for _ in range(args.opens + 20)]
        on_ms: list[float] = []
        off_ms: list[float] = []
        rls_ms: list[float] = []
        for n, cid in enumerate(picks):
            warm = n < 20  # connections, statement caches
            audit_chain.append = chained  # type: ignore[assignment]
            t_on = _time_open(on_service, cid, viewer)
            audit_chain.append = _unchained  # type: ignore[assignment]
            t_off = _time_open(off_service, cid, viewer)
            t_rls = _time_open(on_service, cid, viewer)  # row-level security alone (no chain)
            if not warm:
                on_ms.append(t_on)
                off_ms.append(t_off)
                rls_ms.append(t_rls)
        audit_chain.append = chained  # type: ignore[assignment]
        with owner.session() as s:
            seen = s.scalar(select(Customer.id).limit(1))
        assert seen is not None
    finally:
        desk.dispose()
        owner.dispose()
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {name} CASCADE")
            conn.execute(f'DROP OWNED BY "{login}"')
            conn.execute(f'DROP ROLE "{login}"')

    def p(values: list[float], q: float) -> float:
        return round(statistics.quantiles(values, n=100)[int(q) - 1], 2)

    cal = calibration.python_loop_ms()
    on95, off95 = p(on_ms, 95), p(off_ms, 95)
    result = {
        "benchmark": "rls_open",
        "people": args.people,
        "opens": args.opens,
        "on": {"p50_ms": p(on_ms, 50), "p95_ms": on95},
        "off": {"p50_ms": p(off_ms, 50), "p95_ms": off95},
        "rls_only": {"p50_ms": p(rls_ms, 50), "p95_ms": p(rls_ms, 95)},
        "p95_ratio": round(on95 / off95, 3),
        "target_ratio": 1.10,
        "calibration": {"python_loop_ms": round(cal, 1), "reference": calibration.REFERENCE},
        "loadavg": {"before": [round(x, 2) for x in load_before], "after": [round(x, 2) for x in os.getloadavg()]},
        "cpu_count": os.cpu_count(),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
