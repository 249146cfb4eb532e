"""A search whose result list is audited: what was searched, its kind, how many and which customers
were shown, under the staff user (or command-line account) who saw it (:func:`agentdesk.audit.record_search`).

The desk's search box and ``agentdesk search`` go through here; the application log never carries
the words searched (a henkilötunnus among them), only the audit table does.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from agentdesk import audit
from agentdesk.need_to_know import Viewer, viewer_of
from agentdesk.search.customer_search import CustomerSearch, SearchPage
from agentdesk.search.query_kinds import QueryKind
from agentdesk.staff import StaffMember

if TYPE_CHECKING:
    from agentdesk.storage.database import Database


def audited_search(
    search: CustomerSearch,
    db: Database,
    query: str,
    *,
    actor: str,
    limit: int = 50,
    offset: int = 0,
    today: dt.date | None = None,
    staff: StaffMember | Viewer | None = None,
) -> SearchPage:
    """One page of ``search.search(query, ...)``, audited in a transaction of its own (an empty query
    shows nothing and is not). A restricted customer ``staff`` may not open is listed only as restricted."""
    viewer = viewer_of(staff) if staff is not None else None
    page = search.search(query, limit=limit, offset=offset, today=today, viewer=viewer)
    if page.query.kind is not QueryKind.EMPTY:
        with db.session() as s, s.begin():
            audit.record_search(
                s,
                actor=actor,
                kind=page.query.kind.value,
                query=query.strip(),
                shown_ids=[h.customer_id for h in page.hits],
            )
    return page
