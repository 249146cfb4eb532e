"""Calls for ``agentdesk demo``: the loopback AMI simulator rings the demo agent with the number of a
random demo customer (now and then a number nobody has), answers after a few seconds and hangs up
within a minute or two. :class:`DemoCaller` talks to the simulator and the database (no Qt); the
desk's :class:`agentdesk_desktop.phone.demo_calls.DemoCalls` calls it every minute and from the Demo menu.
"""

from __future__ import annotations

import random

from sqlalchemy import func, select

from agentdesk.identity import format_phone_for_display
from agentdesk.storage.database import Database
from agentdesk.storage.models import ContactKind, ContactPoint, Customer
from agentdesk_demo.simulators.ami_simulator import AmiSimulator

UNKNOWN_EVERY = 5  # every fifth demo call comes from a number that is not in the register


class DemoCaller:
    def __init__(
        self,
        simulator: AmiSimulator,
        db: Database,
        *,
        queue: str = "neuvonta",
        interface: str = "PJSIP/agent1",
        member_name: str = "Aino Asiakaspalvelija",
        answer_after: float = 6.0,
        talk: tuple[float, float] = (40.0, 150.0),
        seed: int | None = None,
    ) -> None:
        self.simulator, self._db = simulator, db
        self.queue, self.interface, self.member_name = queue, interface, member_name
        self.answer_after, self.talk = answer_after, talk
        self._rng = random.Random(seed)
        self.calls = 0

    def random_caller(self) -> tuple[str, str]:
        """(number as a trunk sends it, caller name) of a random customer with a phone number."""
        with self._db.session() as s:
            count = s.scalar(select(func.max(ContactPoint.id))) or 0
            row = None
            if count:
                start = self._rng.randint(1, count)
                row = s.execute(
                    select(ContactPoint.value, Customer.last_name, Customer.first_names)
                    .join(Customer, Customer.id == ContactPoint.customer_id)
                    .where(ContactPoint.kind == ContactKind.PHONE, ContactPoint.id >= start)
                    .order_by(ContactPoint.id)
                    .limit(1)
                ).first()
        if row is None:
            return self.unknown_number(), ""
        number, last, first = row
        return format_phone_for_display(number).replace(" ", ""), f"{last} {first}".strip().upper()

    def unknown_number(self) -> str:
        return f"0{self._rng.choice(['44', '45', '50'])}9{self._rng.randint(0, 999_999):06d}"

    def call(self, number: str | None = None, name: str = "") -> str:
        """Ring the demo agent; the call's unique id. Every fifth call is from an unknown number."""
        self.calls += 1
        if number is None:
            number, name = (self.unknown_number(), "") if self.calls % UNKNOWN_EVERY == 0 else self.random_caller()
        call = self.simulator.emit_call(
            number,
            name,
            self.queue,
            interface=self.interface,
            member_name=self.member_name,
            answer_after=self.answer_after,
            hang_up_after=self._rng.uniform(*self.talk),
        )
        return call.uniqueid
