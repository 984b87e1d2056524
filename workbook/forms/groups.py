"""Notebook *wat*: choose the plan's target groups, add your own, see the coverage.

Ticking a catalog group adds it to the plan at once (unticking removes it); an own group
needs intern/extern and micro/meso/macro. The coverage view (intern/extern ×
micro/meso/macro) follows every change and names the empty cells.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import pandas as pd

from .. import checks, model
from ..i18n import register, t
from ..model import Scope, Tier
from .common import (
    CELL_STYLE,
    HEAD_STYLE,
    NOTE_STYLE,
    OK_STYLE,
    TABLE_STYLE,
    CheckGroup,
    Form,
    enum_options,
    esc,
    heading,
    labels,
)

TEXTS: dict[str, dict[str, str]] = {
    "groups.intern": {"nl": "Intern", "en": "Internal"},
    "groups.extern": {"nl": "Extern", "en": "External"},
    "groups.own": {"nl": "Eigen doelgroepen", "en": "Your own target groups"},
    "groups.add_own": {"nl": "Eigen doelgroep toevoegen", "en": "Add a target group of your own"},
    "groups.own_placeholder": {"nl": "bv. Oud-leerlingen", "en": "e.g. Alumni"},
    "groups.coverage": {
        "nl": "Dekking: intern/extern × micro/meso/macro",
        "en": "Coverage: internal/external × micro/meso/macro",
    },
    "groups.added": {"nl": "Toegevoegd aan je plan: {what}.", "en": "Added to your plan: {what}."},
    "groups.removed": {
        "nl": "Uit je plan gehaald: {what}.",
        "en": "Taken out of your plan: {what}.",
    },
    "groups.chosen": {
        "nl": "{count} doelgroepen gekozen.",
        "en": "{count} target groups chosen.",
    },
}
register(TEXTS)


class GroupsForm(Form):
    """The target groups of the plan.

    ``value`` keys: ``groups`` (tuple of ticked groups: catalog ids and own names),
    ``own_group``, ``own_scope``, ``own_level`` (the own-group fields). Setting ``groups``
    adds and removes groups in the store, as ticking does.
    """

    display_name = "wat"

    def _build(self) -> None:
        catalog = self.session.catalog
        self.scope_boxes: dict[str, CheckGroup] = {}
        for scope in checks.SCOPES:
            options = [
                (f"{entry.label(self.lang)} · {self.tr(f'tier.{entry.level}')}", key)
                for key, entry in catalog.target_groups.items()
                if entry.scope == scope
            ]
            self.scope_boxes[scope] = CheckGroup(options, columns=3)
        self.own_boxes = CheckGroup([], columns=3)
        self.own_name = self.field(widgets.Text, "field.group", "groups.own_placeholder")
        self.own_scope = self.field(widgets.Dropdown, "field.scope",
                                    options=enum_options(Scope, "scope", self.lang),
                                    value=Scope.EXTERN.value)
        self.own_level = self.field(widgets.Dropdown, "field.level",
                                    options=enum_options(Tier, "tier", self.lang),
                                    value=Tier.MICRO.value)
        self.add_button = self.button("forms.add", "primary")
        self.coverage = widgets.HTML()
        self.fields = {"group": self.own_name, "scope": self.own_scope, "level": self.own_level}
        self._own: list[tuple[str, str]] = []
        self._busy = False

    def _layout(self) -> widgets.Widget:
        return widgets.VBox(
            [
                heading(self.tr("groups.intern"), 5),
                self.scope_boxes["intern"].widget,
                heading(self.tr("groups.extern"), 5),
                self.scope_boxes["extern"].widget,
                heading(self.tr("groups.own"), 5),
                self.own_boxes.widget,
                heading(self.tr("groups.add_own"), 5),
                self.own_name,
                self.own_scope,
                self.own_level,
                self.add_button,
                self.feedback.widget,
                heading(self.tr("groups.coverage")),
                self.coverage,
            ]
        )

    def _wire(self) -> None:
        for boxes in (*self.scope_boxes.values(), self.own_boxes):
            boxes.observe(lambda _value: self._ticked())
        self.add_button.on_click(self.submit)

    # ----- state ------------------------------------------------------------------------

    @property
    def value(self) -> dict[str, Any]:
        return {
            "groups": self.ticked(),
            "own_group": self.own_name.value,
            "own_scope": self.own_scope.value,
            "own_level": self.own_level.value,
        }

    @value.setter
    def value(self, values: dict[str, Any]) -> None:
        for key, widget in (
            ("own_group", self.own_name),
            ("own_scope", self.own_scope),
            ("own_level", self.own_level),
        ):
            if key in values:
                widget.value = values[key]
        if "groups" in values:
            wanted = set(values["groups"])
            self._busy = True
            try:
                for boxes in (*self.scope_boxes.values(), self.own_boxes):
                    boxes.value = [key for _, key in boxes.options if key in wanted]
            finally:
                self._busy = False
            self._ticked()

    def ticked(self) -> tuple[str, ...]:
        return tuple(
            key
            for boxes in (*self.scope_boxes.values(), self.own_boxes)
            for key in boxes.value
        )

    def chosen(self) -> pd.DataFrame:
        return self.session.store.target_groups(self.session.plan_id)

    # ----- actions ----------------------------------------------------------------------

    def _ticked(self) -> None:
        """Bring the store in line with the ticked boxes."""
        if self._busy:
            return
        store, plan_id = self.session.store, self.session.plan_id
        before = list(self.chosen()["group"])
        now = self.ticked()
        added = [group for group in now if group not in before]
        removed = [group for group in before if group not in now]
        for group in added:
            own = dict(self._own)
            data = {"group": group}
            if group in own:
                data.update(zip(("scope", "level"), own[group].split("|"), strict=True))
            record = self.check(model.TargetGroupChoice, data)
            if record is not None:
                store.set_target_group(plan_id, record)
        for group in removed:
            store.remove_target_group(plan_id, group)
        catalog = self.session.catalog
        parts = []
        if added:
            names = labels(added, catalog, self.lang)
            parts.append(self.tr("groups.added", what=names))
        if removed:
            names = labels(removed, catalog, self.lang)
            parts.append(self.tr("groups.removed", what=names))
        if parts:
            self.feedback.success(" ".join(parts))
        self.refresh()
        self.changed()

    def submit(self, _button: Any = None) -> bool:
        """Add the own target group typed in the fields (a catalog name ticks that group)."""
        record = self.check(
            model.TargetGroupChoice,
            {
                "group": self.own_name.value,
                "scope": self.own_scope.value,
                "level": self.own_level.value,
            },
        )
        if record is None:
            return False
        if record.group not in self.ticked():  # a group already chosen stays as it is
            self.session.store.set_target_group(self.session.plan_id, record)
        name = self.session.catalog.label_of(record.group, self.lang)
        self.feedback.success(self.tr("groups.added", what=name))
        self.own_name.value = ""
        self.refresh()
        self.changed()
        return True

    # ----- views ------------------------------------------------------------------------

    def refresh(self) -> None:
        chosen = self.chosen()
        catalog = self.session.catalog
        own = [
            (row["group"], f"{row['scope']}|{row['level']}")
            for _, row in chosen.iterrows()
            if row["group"] not in catalog.target_groups
        ]
        for group, tags in own:
            if group not in dict(self._own):
                self._own.append((group, tags))
        self._busy = True
        try:
            groups = set(chosen["group"])
            for boxes in self.scope_boxes.values():
                boxes.value = [key for _, key in boxes.options if key in groups]
            self.own_boxes.set_options(
                [(self._own_label(group, tags), group) for group, tags in self._own],
                value=[group for group, _ in self._own if group in groups],
            )
        finally:
            self._busy = False
        self.coverage.value = coverage_html(chosen, catalog, self.lang)


    def _own_label(self, group: str, tags: str) -> str:
        scope, tier = tags.split("|")
        return f"{group} · {self.tr(f'scope.{scope}')} · {self.tr(f'tier.{tier}')}"


def coverage_html(target_groups: pd.DataFrame, catalog: Any, lang: str | None = None) -> str:
    """The coverage grid: chosen groups per intern/extern × micro/meso/macro, empty cells red."""
    cells = checks.group_coverage(target_groups)
    head = "".join(
        f'<th style="{HEAD_STYLE}">{esc(t(f"tier.{tier}", lang))}</th>' for tier in checks.TIERS
    )
    rows = []
    for scope in checks.SCOPES:
        tds = []
        for tier in checks.TIERS:
            groups = cells[(scope, tier)]
            names = "<br>".join(esc(catalog.label_of(group, lang)) for group in groups)
            colour = "#edf7ed" if groups else "#fff4e5"
            text = f"<b>{len(groups)}</b><br>{names}" if groups else "<b>0</b>"
            tds.append(f'<td style="{CELL_STYLE};background:{colour};min-width:12em">{text}</td>')
        rows.append(
            f'<tr><th style="{HEAD_STYLE}">{esc(t(f"scope.{scope}", lang))}</th>{"".join(tds)}</tr>'
        )
    sentence = checks.describe_coverage(cells, lang)
    style = OK_STYLE if not checks.empty_cells(cells) else NOTE_STYLE
    return (
        f'<table class="wb-coverage" style="{TABLE_STYLE}"><thead><tr><th style="{HEAD_STYLE}">'
        f"</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f'<div style="{style}">{esc(sentence)}</div>'
    )


def show() -> None:
    """Notebook *wat*: the target groups of the current plan and their coverage."""
    GroupsForm().show()
