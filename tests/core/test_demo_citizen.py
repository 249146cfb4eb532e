"""The demo's citizens' side on a small demo population (real SQLite): the self-service queue with
its waiting updates for the customer service's agents, and the citizens' web service on loopback."""

from __future__ import annotations

import requests
from agentdesk_demo.demo_citizen import seed_self_service, start_citizen_web
from agentdesk_demo.demo_queues import seed_demo_queues
from agentdesk_demo.population import seed_population

from agentdesk.citizen.updates import SelfServiceUpdates
from agentdesk.queues import QueueDirectory, WorkQueue
from agentdesk.storage import schema
from agentdesk.storage.database import Database
from agentdesk.storage.models import Channel, StaffUser


def test_the_demo_has_updates_waiting_and_the_web_service_takes_more(tmp_path):
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    db = Database(url)
    schema.upgrade(db)
    seed_population(db, 300, seed=3)
    queues = seed_demo_queues(db, seed=3)
    assert seed_self_service(db, queues, seed=3) == 3
    assert seed_self_service(db, queues, seed=3) == 0, "a second run adds nothing"
    directory = QueueDirectory(db)
    queue = directory.by_code("self_service")
    with db.session() as s:
        aino = s.query(StaffUser).filter_by(username="agent.aino").one().id
    assert aino in directory.members(queue.id)
    updates = SelfServiceUpdates(db)
    waiting = updates.open_items()
    assert [kind for _id, _ref, kind, _at in waiting] == ["phone", "address", "language"]
    views = [updates.view(i, actor="agent.aino") for i, *_ in waiting]
    assert [v.customer_id is not None for v in views] == [True, True, False], "the last sender is unknown"
    items = [WorkQueue(db).find(f"self-service:{i}", Channel.WEB) for i, *_ in waiting]
    assert all(i is not None and i.queue_id == queue.id for i in items)

    web = start_citizen_web(url)
    try:
        page = requests.get(f"{web.url}/update", timeout=5)
        assert page.status_code == 200 and 'id="hetu"' in page.text
        form = {"kind": "email", "hetu": "131052-308T", "last_name": "Aalto", "email": "aino@example.fi"}
        assert requests.post(f"{web.url}/api/v1/updates", json=form, timeout=5).status_code == 202
        bad = requests.post(f"{web.url}/api/v1/updates", json={**form, "email": "aino@"}, timeout=5)
        assert bad.status_code == 422 and "email" in bad.json()["errors"]
        assert len(updates.open_items()) == 4
    finally:
        web.stop()
    db.dispose()
