"""The facts of a customer overview's left column: contact details, roles and relationships.

From :data:`WIDE` pixels of the left column the three share a row (3 : 4 : 4); narrower, contact
details and relationships share the first row and the roles take the whole second one.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QWidget

WIDE = 1100  # from this width of the left column, contact details, roles and relationships share a row


class FactsGrid(QGridLayout):
    def __init__(self, contact: QWidget, roles: QWidget, relations: QWidget) -> None:
        super().__init__()
        self.setSpacing(8)
        self._contact, self._roles, self._relations = contact, roles, relations
        self._wide: bool | None = None
        self.arrange(wide=True)

    def fit(self, width: int) -> None:
        """Arrange the sections for a left column ``width`` pixels wide."""
        self.arrange(wide=width >= WIDE)

    def arrange(self, *, wide: bool) -> None:
        if wide == self._wide:
            return
        self._wide = wide
        for section in (self._contact, self._roles, self._relations):
            self.removeWidget(section)
        for column in range(3):
            self.setColumnStretch(column, 0)
        if wide:
            self.addWidget(self._contact, 0, 0)
            self.addWidget(self._roles, 0, 1)
            self.addWidget(self._relations, 0, 2)
            for column, stretch in enumerate((3, 4, 4)):
                self.setColumnStretch(column, stretch)
        else:
            self.addWidget(self._contact, 0, 0)
            self.addWidget(self._relations, 0, 1)
            self.addWidget(self._roles, 1, 0, 1, 2)
            self.setColumnStretch(0, 1)
            self.setColumnStretch(1, 1)
