"""Calls for ``agentdesk demo``: the loopback AMI simulator rings the demo agent with the number of a
random demo customer (now and then a number nobody has), answers after a few seconds and hangs up
within a minute or two. :class:`DemoCaller` talks to the simulator and the database (no Qt);
:class:`DemoCalls` runs it on the desk's background helper every minute and from the Demo menu.
"""

from __future__ import annotations

import random

from PySide6.QtCore import QObject, QTimer, Slot
from sqlalchemy import func, select

from agentdesk.channels.ami_simulator import AmiSimulator
from agentdesk.identity import format_phone_for_display
from agentdesk.storage.database import Database
from agentdesk.storage.models import ContactKind, ContactPoint, Customer
from ui.background import Background

DEMO_INTERVAL_S = 60
UNKNOWN_EVERY = 5  # every fifth demo call comes from a number that is not in the register


class DemoCaller:
    def __init__(self, simulator: AmiSimulator, db: Database, *, queue: str = "neuvonta",
                 interface: str = "PJSIP/agent1", member_name: str = "Aino Asiakaspalvelija",
                 answer_after: float = 6.0, talk: tuple[float, float] = (40.0, 150.0), seed: int | None = None) -> None:
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
                row = s.execute(select(ContactPoint.value, Customer.last_name, Customer.first_names)
                                .join(Customer, Customer.id == ContactPoint.customer_id)
                                .where(ContactPoint.kind == ContactKind.PHONE, ContactPoint.id >= start)
                                .order_by(ContactPoint.id).limit(1)).first()
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
        call = self.simulator.emit_call(number, name, self.queue, interface=self.interface,
                                        member_name=self.member_name, answer_after=self.answer_after,
                                        hang_up_after=self._rng.uniform(*self.talk))
        return call.uniqueid


class DemoCalls(QObject):
    """The demo's calls on the desk: one every ``DEMO_INTERVAL_S`` and one on ``call_now()``
    (Demo ▸ Simulate incoming call), each emitted off the UI thread."""

    def __init__(self, caller: DemoCaller, background: Background, *, interval_s: float = DEMO_INTERVAL_S,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.caller, self._bg = caller, background
        self.timer = QTimer(self)
        self.timer.setObjectName("demoCalls")
        self.timer.setInterval(int(interval_s * 1000))
        self.timer.timeout.connect(self.call_now)
        self._stopped = False

    def start(self) -> None:
        self.timer.start()

    @Slot()
    def call_now(self) -> None:
        if not self._stopped:
            self._bg.read(self.caller.call)

    def stop(self) -> None:
        self._stopped = True
        self.timer.stop()
