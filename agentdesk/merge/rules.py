"""Survivorship rules: which register's value a merge keeps, per field.

A department profile may set them::

    [survivorship]
    trust = ["population data", "water-utility", "daycare"]   # most trusted first, every field
    [survivorship.fields]                                     # optional, per field
    language = ["daycare", "population data"]

The fields are ``name``, ``birth_date``, ``language`` and ``address``. A value said by a register
earlier in the list wins; registers not listed come after every listed one; between equals (the
same register, or two unlisted ones) the most recent observation (lineage ``observed_at``) wins.
Without a profile table, identity (name, birth date) and address come from the population register
first (:data:`POPULATION`); the language is the most recent. Register names compare case-insensitively.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

FIELDS = ("name", "birth_date", "language", "address")
IDENTITY_AND_ADDRESS = ("name", "birth_date", "address")
# The register names a city gives its population data import (``--register``).
POPULATION = ("population", "population data", "population register", "dvv", "väestötiedot")


class RulesError(ValueError):
    """A ``[survivorship]`` table that cannot be used; ``key`` is the dotted key at fault."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"{key}: {message}")
        self.key = key
        self.message = message


@dataclass(frozen=True)
class SurvivorshipRules:
    trust: tuple[str, ...] = ()
    fields: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def order_for(self, name: str) -> tuple[str, ...]:
        return self.fields.get(name, self.trust)

    def rank(self, name: str, register: str) -> int:
        """0 for the most trusted register of this field; every unlisted register ranks last."""
        order = [r.casefold() for r in self.order_for(name)]
        key = register.casefold()
        return order.index(key) if key in order else len(order)

    def as_dict(self) -> dict[str, Any]:
        return {"trust": list(self.trust), "fields": {k: list(v) for k, v in sorted(self.fields.items())}}


DEFAULT_RULES = SurvivorshipRules(fields=dict.fromkeys(IDENTITY_AND_ADDRESS, POPULATION))


def _register_list(value: object, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RulesError(key, 'expected a list of register names, e.g. ["population data", "water-utility"]')
    names = tuple(v.strip() for v in value)
    seen = {n.casefold() for n in names}
    if len(seen) != len(names):
        raise RulesError(key, "a register is listed twice")
    return names


def parse_rules(table: Mapping[str, Any] | None) -> SurvivorshipRules:
    """The rules of a profile's ``[survivorship]`` table; :data:`DEFAULT_RULES` when there is none.

    ``trust`` given alone applies to every field (it replaces the population default)."""
    if table is None:
        return DEFAULT_RULES
    unknown = sorted(set(table) - {"trust", "fields"})
    if unknown:
        raise RulesError(f"survivorship.{unknown[0]}", "unknown key (known here: trust, fields)")
    trust = _register_list(table["trust"], "survivorship.trust") if "trust" in table else ()
    per_field = table.get("fields", {})
    if not isinstance(per_field, Mapping):
        raise RulesError("survivorship.fields", "expected a table of field = [registers]")
    fields: dict[str, tuple[str, ...]] = {}
    for name, value in per_field.items():
        if name not in FIELDS:
            raise RulesError(f"survivorship.fields.{name}", f"unknown field; known: {', '.join(FIELDS)}")
        fields[name] = _register_list(value, f"survivorship.fields.{name}")
    if not trust and not fields:
        return DEFAULT_RULES
    if not trust:  # only some fields set: the others keep the default
        fields = {**{k: v for k, v in DEFAULT_RULES.fields.items() if k not in fields}, **fields}
    return SurvivorshipRules(trust, fields)


def rules_from_lists(trust: Sequence[str]) -> SurvivorshipRules:
    """Rules from a plain trust list (the CLI's ``--trust``)."""
    return parse_rules({"trust": list(trust)})
