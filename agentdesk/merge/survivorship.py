"""Which value a merge keeps, field by field, and why (:class:`FieldChoice`).

Per field the two customers' values are compared with what their lineage (``field_source``) says
of them: the register that said each side's value and when. The rules
(:class:`~agentdesk.merge.rules.SurvivorshipRules`) rank the registers; the better rank wins, then
the more recent observation; a side without lineage (typed at the desk) ranks after every register.
Equal values, a value only one side has, and no lineage on either side keep the obvious value.
Phone numbers and e-mail addresses are not chosen: the survivor keeps all of both, deduplicated.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from agentdesk.lineage import GROUPS
from agentdesk.merge.rules import FIELDS, SurvivorshipRules
from agentdesk.search.index_writer import current_address
from agentdesk.storage.models import Address, Customer, CustomerIdentifier, FieldSource, IdentifierScheme

SURVIVOR = "survivor"
MERGED = "merged"


@dataclass(frozen=True)
class FieldChoice:
    field: str  # "name", "birth_date", "language", "address", "hetu"
    winner: str  # SURVIVOR or MERGED
    survivor_value: str
    merged_value: str
    register: str  # the register whose value won; "" when no register decided
    observed_at: str  # ISO date of that register's observation; ""
    reason_code: str  # "same", "only_one", "no_lineage", "trusted", "recent", "tie"
    reason: str  # the same in English, for the CLI

    @property
    def value(self) -> str:
        return self.merged_value if self.winner == MERGED else self.survivor_value

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class _Said:
    register: str
    observed_at: dt.datetime


def _address_text(a: Address | None) -> str:
    return f"{a.street}, {a.postal_code} {a.municipality}".strip(", ") if a else ""


def shown_values(c: Customer, addresses: list[Address], today: dt.date) -> dict[str, str]:
    return {
        "name": f"{c.first_names} {c.last_name}".strip(),
        "birth_date": c.birth_date.isoformat() if c.birth_date else "",
        "language": c.preferred_language.value,
        "address": _address_text(current_address(addresses, today)),
    }


def _mask(hetu: str) -> str:
    return hetu[:7] + "****" if len(hetu) == 11 else "****"


def _best(rules: SurvivorshipRules, name: str, said: list[_Said]) -> tuple[int, float, _Said | None]:
    """The sort key of a side (smaller is better) and the observation behind it."""
    if not said:
        return (len(rules.order_for(name)) + 1, 0.0, None)
    best = min(said, key=lambda x: (rules.rank(name, x.register), -x.observed_at.timestamp()))
    return (rules.rank(name, best.register), -best.observed_at.timestamp(), best)


def choose(
    s: Session, survivor: Customer, merged: Customer, rules: SurvivorshipRules, today: dt.date
) -> list[FieldChoice]:
    ids = (survivor.id, merged.id)
    lineage: dict[tuple[int, str], list[_Said]] = {}
    for fs in s.scalars(select(FieldSource).where(FieldSource.customer_id.in_(ids))):
        for group in FIELDS:
            if fs.field in GROUPS[group]:
                lineage.setdefault((fs.customer_id, group), []).append(_Said(fs.register, fs.observed_at))
    addresses = {cid: list(s.scalars(select(Address).where(Address.customer_id == cid))) for cid in ids}
    values = {c.id: shown_values(c, addresses[c.id], today) for c in (survivor, merged)}
    out = []
    for name in FIELDS:
        sv, mv = values[survivor.id][name], values[merged.id][name]
        said_s, said_m = lineage.get((survivor.id, name), []), lineage.get((merged.id, name), [])
        out.append(_choose_field(name, sv, mv, said_s, said_m, rules))
    out.append(_hetu_choice(s, survivor.id, merged.id))
    return out


def _choose_field(
    name: str, sv: str, mv: str, said_s: list[_Said], said_m: list[_Said], rules: SurvivorshipRules
) -> FieldChoice:
    def pick(winner: str, code: str, reason: str, said: _Said | None = None) -> FieldChoice:
        when = said.observed_at.date().isoformat() if said else ""
        return FieldChoice(name, winner, sv, mv, said.register if said else "", when, code, reason)

    if sv == mv:
        return pick(SURVIVOR, "same", "both have the same value")
    if not mv or not sv:
        winner = SURVIVOR if sv else MERGED
        return pick(winner, "only_one", f"only the {winner} customer has a value")
    if not said_s and not said_m:
        return pick(SURVIVOR, "no_lineage", "no register said either value: the survivor's is kept")
    key_s, key_m = _best(rules, name, said_s), _best(rules, name, said_m)
    winner, (key_w, key_l) = (SURVIVOR, (key_s, key_m)) if key_s[:2] <= key_m[:2] else (MERGED, (key_m, key_s))
    said_w, said_l = key_w[2], key_l[2]
    assert said_w is not None  # the winner has lineage: a side without ranks after every register
    if key_w[:2] == key_l[:2]:
        return pick(SURVIVOR, "tie", "both said by the same register at the same time: the survivor's is kept", said_w)
    if said_l is None:
        return pick(winner, "trusted", f"{said_w.register} said it; no register said the other value", said_w)
    if key_w[0] < key_l[0]:
        return pick(winner, "trusted", f"{said_w.register} is trusted before {said_l.register}", said_w)
    return pick(
        winner,
        "recent",
        f"{said_w.register} said it on {said_w.observed_at.date().isoformat()}, "
        f"after {said_l.register} on {said_l.observed_at.date().isoformat()}",
        said_w,
    )


def hetus(s: Session, customer_id: int) -> list[str]:
    return list(
        s.scalars(
            select(CustomerIdentifier.value).where(
                CustomerIdentifier.customer_id == customer_id, CustomerIdentifier.scheme == IdentifierScheme.HETU
            )
        )
    )


def _hetu_choice(s: Session, survivor_id: int, merged_id: int) -> FieldChoice:
    sv, mv = (", ".join(_mask(h) for h in hetus(s, cid)) for cid in (survivor_id, merged_id))
    if mv and not sv:
        return FieldChoice("hetu", MERGED, sv, mv, "", "", "only_one", "only the merged customer has one: it moves")
    code, reason = ("only_one", "only the survivor has one") if sv else ("same", "neither has one")
    return FieldChoice("hetu", SURVIVOR, sv, mv, "", "", code, reason)
