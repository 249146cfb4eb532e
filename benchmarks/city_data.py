"""The city benchmark's database (benchmarks/city.py): one PostgreSQL database per population size,
built once and reused, and "today" rewritten at every run.

``bench_city_<people>_<contacts>`` holds:

- ``people`` synthetic people seeded with :func:`agentdesk_demo.population.bulk_load.seed_population`
  (COPY on PostgreSQL);
- the demo queues of ``agentdesk demo`` (phone, e-mail, walk-in) and ``agents`` agents of the customer
  service;
- ``contacts`` past contacts spread over the year before today, about 8,000 a day, **COPYed** straight
  into ``work_item`` and ``interaction`` through psycopg (70 % phone, 20 % e-mail, 10 % walk-in; 5 % of
  the calls abandoned, a work item without an interaction). The interaction ids are numbered here and
  the sequence set after the load.

The database is built under ``<name>_partial`` and renamed when complete, so an interrupted build is
never reused. :func:`prepare_today` rewrites today at every run: 8,000 contacts over the last ten
hours, every agent's presence, and the calls waiting for the desks to claim.
"""

from __future__ import annotations

import datetime as dt
import random
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
CONTACTS_PER_DAY = 8_000
TODAY_CONTACTS = 8_000
CHUNK = 200_000

ITEM_COLUMNS = (
    "queue_id, channel, customer_id, external_ref, subject, priority, state, created_at, due_at, claimed_by, "
    "claimed_at, lease_until, answered_at, finished_at, attempts, service_point, interaction_id"
)
INTERACTION_COLUMNS = (
    "id, customer_id, channel, direction, started_at, ended_at, agent_id, department_id, topic, notes, outcome, "
    "case_id, external_ref, version"
)


def progress(text: str) -> None:
    print(f"[city] {text}", file=sys.stderr, flush=True)


def with_database(url: str, name: str) -> str:
    """``url`` with its database replaced by ``name``."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def answers(url: str) -> bool:
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
        return True
    except psycopg.Error:
        return False


def ensure_servers(admin_url: str, bouncer_url: str) -> None:
    """Start PostgreSQL and PgBouncer with the project's scripts unless they already answer."""
    for url, script in ((admin_url, "postgres.sh"), (bouncer_url, "pgbouncer.sh")):
        if answers(url):
            continue
        progress(f"starting {script}")
        subprocess.run(["bash", str(REPO / "scripts" / script), "start"], check=True, stdout=subprocess.DEVNULL)
        if not answers(url):
            raise SystemExit(f"city: {url} does not answer after scripts/{script} start")


def database_name(people: int, contacts: int) -> str:
    return f"bench_city_{people}_{contacts}"


def ensure_database(admin_url: str, people: int, contacts: int, agents: int, seed: int) -> str:
    """The name of the population's database, built first if it does not exist yet."""
    import psycopg

    name = database_name(people, contacts)
    partial = name + "_partial"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
    if found:
        upgrade(with_database(admin_url, name))  # built by an earlier version of the code: migrated
        return name
    with psycopg.connect(admin_url, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (partial,)).fetchone():
            conn.execute(f"CREATE DATABASE {partial}")
    started = time.perf_counter()
    build(with_database(admin_url, partial), people, contacts, agents, seed)
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f"ALTER DATABASE {partial} RENAME TO {name}")
    progress(f"built {name} in {time.perf_counter() - started:.0f} s (reused by later runs)")
    return name


def upgrade(url: str) -> None:
    from agentdesk.storage import schema
    from agentdesk.storage.database import Database

    db = Database(url, password_lookup=None)
    try:
        report = schema.upgrade(db)
        if report.applied:
            progress(report.describe())
    finally:
        db.dispose()


def build(url: str, people: int, contacts: int, agents: int, seed: int) -> None:
    """Build the database in steps; a step already done (an interrupted build's) is not done again."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS bench_city_step (step text PRIMARY KEY)")
        done = {r[0] for r in conn.execute("SELECT step FROM bench_city_step")}
    if "population" not in done:
        seed_people(url, people, seed)
        mark(url, "population")
    with psycopg.connect(url) as conn:
        add_agents(conn, agents)
        conn.commit()
        conn.execute("TRUNCATE work_item, interaction CASCADE")  # an interrupted load's rows
        conn.commit()
        copy_contacts(conn, contacts, random.Random(seed), helsinki_today())
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE work_item")
        conn.execute("VACUUM ANALYZE interaction")
        conn.execute("DROP TABLE bench_city_step")


def mark(url: str, step: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("INSERT INTO bench_city_step VALUES (%s) ON CONFLICT DO NOTHING", (step,))


def seed_people(url: str, people: int, seed: int) -> None:
    from agentdesk_demo.demo_queues import seed_demo_queues
    from agentdesk_demo.population.bulk_load import seed_population

    from agentdesk.storage import schema
    from agentdesk.storage.database import Database

    db = Database(url, password_lookup=None)
    try:
        schema.upgrade(db)
        with db.engine.begin() as conn:  # an interrupted seeding's people
            conn.exec_driver_sql("TRUNCATE customer, customer_search, search_term CASCADE")
        progress(f"seeding {people:,} people into {db.url.database}")
        t0 = time.perf_counter()
        seed_population(
            db,
            people,
            seed=seed,
            progress=lambda done, total: (
                progress(f"  {done:,} / {total:,} people, {time.perf_counter() - t0:.0f} s")
                if done % 100_000 == 0
                else None
            ),
        )
        seed_demo_queues(db, seed=seed)
    finally:
        db.dispose()


def helsinki_today() -> dt.datetime:
    from agentdesk.queues import HELSINKI

    return dt.datetime.combine(dt.datetime.now(HELSINKI).date(), dt.time(0), HELSINKI).astimezone(dt.UTC)


def add_agents(conn, agents: int) -> None:
    dept = conn.execute("SELECT id FROM department WHERE code = 'customer_service'").fetchone()[0]
    with conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO staff_user (username, display_name, role, department_id, active) "
            "VALUES (%s, %s, 'agent', %s, true) ON CONFLICT DO NOTHING",
            [(f"city.agent{i:03d}", f"Agentti {i:03d}", dept) for i in range(agents)],
        )


def context(conn) -> tuple[list[tuple[int, str, int]], int, list[int], int]:
    """The demo queues (id, channel, target seconds), the customer service's id, its agents, the
    largest customer id."""
    queues = conn.execute(
        "SELECT id, channel, target_seconds FROM queue WHERE code IN ('neuvonta', 'sahkoposti', 'palvelupiste') "
        "ORDER BY channel DESC"
    ).fetchall()
    dept = conn.execute("SELECT id FROM department WHERE code = 'customer_service'").fetchone()[0]
    agents = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM staff_user WHERE department_id = %s AND role = 'agent' AND active ORDER BY id", (dept,)
        )
    ]
    customers = conn.execute("SELECT COALESCE(max(id), 1) FROM customer").fetchone()[0]
    return queues, dept, agents, customers


def contact_rows(rng: random.Random, ctx, arrived: dt.datetime, ref: str, interaction_id: int):
    """One finished contact: its work item and its interaction (None: the caller gave up)."""
    queues, dept, agents, customers = ctx
    roll = rng.random()
    queue_id, channel, target = queues[0] if roll < 0.7 else queues[1] if roll < 0.9 else queues[2]
    wait = rng.expovariate(1 / 15) if channel == "phone" else rng.uniform(60, 3 * 3600 if channel == "email" else 1200)
    answered = arrived + dt.timedelta(seconds=wait)
    finished = answered + dt.timedelta(seconds=rng.uniform(60, 600))
    agent = rng.choice(agents)
    customer = rng.randint(1, customers) if rng.random() < 0.9 else None
    due = arrived + dt.timedelta(seconds=target)
    if channel == "phone" and rng.random() < 0.05:
        item = (queue_id, channel, customer, ref, "", 5, "abandoned", arrived, due, None, None, None, None, finished)
        return (*item, 0, "", None), None
    outcome = rng.choices(("resolved_first_contact", "forwarded", "unresolved"), (75, 13, 12))[0]
    item = (queue_id, channel, customer, ref, "", 5, "done", arrived, due, agent, answered, None, answered, finished)
    interaction = (
        interaction_id,
        customer,
        channel,
        "inbound",
        answered,
        finished,
        agent,
        dept,
        "general.advice",
        "",
        outcome,
        None,
        ref,
        1,
    )
    return (*item, 1, "", interaction_id), interaction


def _copy(cur, table: str, columns: str, rows: list[tuple]) -> None:
    with cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def copy_contacts(conn, contacts: int, rng: random.Random, end: dt.datetime) -> None:
    """``contacts`` logged contacts before ``end``, about 8,000 a day back from it, with COPY; the
    interactions are written before the work items that point at them."""
    ctx = context(conn)
    # As the population loader does: no foreign-key triggers (the rows are consistent by construction)
    # and the secondary indexes built once at the end, not maintained row by row.
    conn.execute("SET session_replication_role = replica")
    indexes = conn.execute(
        "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
        "JOIN pg_class t ON t.oid = x.indrelid WHERE t.relname IN ('work_item', 'interaction') "
        "AND NOT x.indisunique AND NOT x.indisprimary"
    ).fetchall()
    for index_name, _definition in indexes:
        conn.execute(f'DROP INDEX "{index_name}"')
    conn.commit()
    next_id = conn.execute("SELECT COALESCE(max(id), 0) + 1 FROM interaction").fetchone()[0]
    first = end - dt.timedelta(days=contacts / CONTACTS_PER_DAY)
    step = (end - first).total_seconds() / contacts
    made, n, t0 = 0, 0, time.perf_counter()
    while made < contacts:
        items, interactions = [], []
        while len(interactions) < CHUNK and made + len(interactions) < contacts:
            arrived = first + dt.timedelta(seconds=min(n, contacts - 1) * step + rng.uniform(0, step))
            item, interaction = contact_rows(rng, ctx, arrived, f"b{n}", next_id)
            n += 1
            items.append(item)
            if interaction is not None:
                interactions.append(interaction)
                next_id += 1
        with conn.cursor() as cur:
            _copy(cur, "interaction", INTERACTION_COLUMNS, interactions)
            _copy(cur, "work_item", ITEM_COLUMNS, items)
        conn.commit()
        made += len(interactions)
        progress(f"  {made:,} / {contacts:,} contacts, {time.perf_counter() - t0:.0f} s")
    conn.execute("SELECT setval(pg_get_serial_sequence('interaction', 'id'), %s, false)", (next_id,))
    progress(f"  building {len(indexes)} indexes")
    conn.execute("SET maintenance_work_mem = '256MB'")
    for _index_name, definition in indexes:
        conn.execute(definition)
    conn.execute("RESET session_replication_role")
    conn.commit()


def prepare_today(url: str, waiting: int, agents: int, seed: int) -> dict[str, int]:
    """Rewrite today: 8,000 contacts over the last ten hours, every agent's presence (``agents`` of
    them at least), and ``waiting`` calls and e-mails waiting for the desks (arrived over the last
    few minutes)."""
    import psycopg

    with psycopg.connect(url) as conn:
        add_agents(conn, agents)

    now = dt.datetime.now(dt.UTC)
    day_start = helsinki_today()
    start = max(day_start, now - dt.timedelta(hours=10))
    rng = random.Random(seed)
    with psycopg.connect(url) as conn:
        ctx = context(conn)
        queues, _dept, agents, _customers = ctx
        # No foreign-key triggers while rewriting today: deleting an interaction would otherwise look for
        # work items pointing at it (work_item.interaction_id has no index: millions of rows, per row).
        conn.execute("SET session_replication_role = replica")
        conn.execute(
            "UPDATE work_item SET interaction_id = NULL WHERE interaction_id IN "
            "(SELECT id FROM interaction WHERE started_at >= %s)",
            (day_start,),
        )
        conn.execute("DELETE FROM work_item WHERE created_at >= %s", (day_start,))
        conn.execute("DELETE FROM interaction WHERE started_at >= %s", (day_start,))
        next_id = conn.execute("SELECT COALESCE(max(id), 0) + 1 FROM interaction").fetchone()[0]
        span = max(60.0, (now - start).total_seconds() - 900)
        items, interactions = [], []
        for i in range(TODAY_CONTACTS):
            arrived = start + dt.timedelta(seconds=rng.uniform(0, span))
            item, interaction = contact_rows(rng, ctx, arrived, f"t{i}", next_id)
            items.append(item)
            if interaction is not None:
                interactions.append(interaction)
                next_id += 1
        for i in range(waiting):  # phone and e-mail, in arrival order over the last five minutes
            queue_id, channel, target = queues[i % 2]
            arrived = now - dt.timedelta(seconds=300 * (waiting - i) / waiting)
            due = arrived + dt.timedelta(seconds=target)
            waiting_item = (queue_id, channel, None, f"w{i}", "", 5, "waiting", arrived, due, None, None, None)
            items.append((*waiting_item, None, None, 0, "", None))
        with conn.cursor() as cur:
            _copy(cur, "interaction", INTERACTION_COLUMNS, interactions)
            _copy(cur, "work_item", ITEM_COLUMNS, items)
        conn.execute("SELECT setval(pg_get_serial_sequence('interaction', 'id'), %s, false)", (next_id,))
        conn.execute("DELETE FROM presence_change WHERE staff_id = ANY(%s)", (agents,))
        conn.execute("DELETE FROM agent_presence WHERE staff_id = ANY(%s)", (agents,))
        conn.execute("RESET session_replication_role")
        states = ("available", "busy", "busy", "busy", "wrap_up", "break", "offline")
        presence = [(a, rng.choice(states), now - dt.timedelta(seconds=rng.randint(10, 7200))) for a in agents]
        with conn.cursor() as cur:
            cur.executemany("INSERT INTO agent_presence (staff_id, state, since) VALUES (%s, %s, %s)", presence)
            cur.executemany("INSERT INTO presence_change (staff_id, state, started_at) VALUES (%s, %s, %s)", presence)
        conn.commit()
        counts = {
            "contacts": conn.execute("SELECT count(*) FROM interaction").fetchone()[0],
            "customers": conn.execute("SELECT count(*) FROM customer").fetchone()[0],
            "agents": len(agents),
            "waiting": waiting,
        }
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("ANALYZE work_item")
    return counts


def sample_customers(url: str, count: int, seed: int) -> list[tuple[int, str, str]]:
    """(id, what an agent types to find them, henkilötunnus or '') of random customers."""
    import psycopg

    rng = random.Random(seed)
    with psycopg.connect(url) as conn:
        top = conn.execute("SELECT max(id) FROM customer").fetchone()[0]
        ids = list({rng.randint(1, top) for _ in range(count * 2)})
        rows = conn.execute(
            "SELECT c.id, c.last_name, c.first_names, COALESCE(i.value, '') FROM customer c "
            "LEFT JOIN customer_identifier i ON i.customer_id = c.id AND i.scheme = 'hetu' "
            "WHERE c.id = ANY(%s) ORDER BY c.id",
            (ids,),
        ).fetchall()
    out = [(cid, f"{last} {first.split()[0]}" if first else last, hetu) for cid, last, first, hetu in rows]
    rng.shuffle(out)
    return out[:count]
