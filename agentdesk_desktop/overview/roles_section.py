"""The overview's box of roles and profiles towards the city, with their periods (ended ones greyed).

Social-services and health roles ("Päihde- ja mielenterveyspalvelut", home care) are not in the overview
the desk first receives: the box says how many are held back and asks the purpose with the desk's one
:class:`~agentdesk_desktop.widgets.purpose_prompt.PurposePrompt`, as a sensitive panel does. The chosen
purpose goes to :meth:`agentdesk.customer_overview.CustomerOverviewService.sensitive_roles` (audited);
the rows it returns are added to the table. A role that may not see them is never told of them at all.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from agentdesk.customer_overview import CustomerOverview, RoleView
from agentdesk_desktop.i18n import fill
from agentdesk_desktop.overview.overview_sections import TableSection, _dim, _item
from agentdesk_desktop.widgets.labels import format_period, role_label
from agentdesk_desktop.widgets.purpose_prompt import PurposePrompt


class RolesSection(TableSection):
    purpose_chosen = Signal(str)  # the agent chose why they need the held-back roles

    def __init__(self, parent: QWidget | None = None) -> None:
        self.sensitive: tuple[RoleView, ...] = ()
        self.sensitive_purpose = ""
        super().__init__("rolesSection", "rolesTable", 3, parent)
        self.prompt = PurposePrompt(self.body)
        self.prompt.setObjectName("sensitiveRolesPrompt")
        self.prompt.chosen.connect(self.purpose_chosen)
        layout = self.body.layout()
        assert layout is not None
        layout.addWidget(self.prompt)
        self.prompt.hide()

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(self.tr("Roles and profiles"))
        self.table.setHorizontalHeaderLabels([self.tr("Role"), self.tr("Department"), self.tr("Period")])
        if self.overview is not None:
            self.set_overview(self.overview)

    @property
    def withheld(self) -> int:
        """Sensitive roles still held back (0 once shown, or when the agent may not see any)."""
        return 0 if self.overview is None or self.sensitive_purpose else self.overview.sensitive_withheld

    def set_overview(self, overview: CustomerOverview) -> None:
        self.overview = overview
        rows = list(overview.roles) + list(self.sensitive)
        held = self.withheld
        if not rows and not held:
            self.show_empty(self.tr("No roles or profiles on record."))
            return
        self.table.setRowCount(len(rows))
        for row, r in enumerate(rows):
            name = role_label(r.role_code, r.description)
            tooltip = fill(self.tr("Reference %1"), r.external_ref) if r.external_ref else ""
            if r in self.sensitive:
                tooltip = fill(self.tr("Shown for: %1"), self._purpose_label(self.sensitive_purpose))
            period = format_period(r.valid_from, r.valid_to)
            if not r.active:
                period = fill(self.tr("%1 (ended)"), period) if period else self.tr("ended")
            cells = [
                _item(name, tooltip=tooltip or name),
                _item(self.department_text(r.department_name)),
                _item(period),
            ]
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, cell if r.active else _dim(cell))
        self.table.setVisible(bool(rows))
        self.prompt.setVisible(held > 0)
        if held:
            self.prompt.text.setText(
                fill(
                    self.tr(
                        "Restricted entries (social or health services) hidden: %1. Choose why you need to see "
                        "them; the access is logged."
                    ),
                    str(held),
                )
            )
        self.show_body()

    def set_sensitive(self, purpose: str, roles: tuple[RoleView, ...]) -> None:
        """The held-back roles, read for ``purpose``: shown in the table from now on for this tab."""
        self.sensitive_purpose, self.sensitive = purpose, roles
        if self.overview is not None:
            self.set_overview(self.overview)

    def _purpose_label(self, purpose: str) -> str:
        return {
            "consent": self.tr("customer consents"),
            "statutory_task": self.tr("statutory task"),
            "emergency": self.tr("emergency"),
        }.get(purpose, purpose)
