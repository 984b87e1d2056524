"""Notebook *hoe*: the points of attention (privacy, proportionaliteit, logo's, disclaimer,
EPRP, open licence) — what each asks, whether it is in order, and a note."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from .. import model
from ..i18n import register
from ..model import InvalidRecord
from .common import Form, esc, wide

TEXTS: dict[str, dict[str, str]] = {
    "attention.done": {"nl": "In orde", "en": "In order"},
    "attention.note_placeholder": {
        "nl": "Wat is geregeld, wat moet nog? (bv. toestemmingsformulier uitgedeeld in september)",
        "en": "What is arranged, what is still to do? (e.g. consent form handed out in September)",
    },
    "attention.saved": {
        "nl": "Aandachtspunten bewaard: {done} van {total} in orde.",
        "en": "Points of attention saved: {done} of {total} in order.",
    },
}
register(TEXTS)


class AttentionForm(Form):
    """One row per point of attention: explanation, 'in orde' tick box and a note.

    ``value``: ``{point_id: {"done": bool, "note": str}}`` for every catalog point.
    """

    display_name = "hoe: aandachtspunten"

    def _build(self) -> None:
        self.rows: dict[str, tuple[widgets.Checkbox, widgets.Textarea]] = {}
        self.blocks = []
        for key, point in self.session.catalog.attention_points.items():
            done = widgets.Checkbox(description=self.tr("attention.done"), indent=False)
            note = widgets.Textarea(
                placeholder=self.tr("attention.note_placeholder"),
                layout=widgets.Layout(width="95%", height="3.5em"),
            )
            self.rows[key] = (done, note)
            self.blocks.append(
                widgets.VBox(
                    [
                        widgets.HTML(
                            f"<b>{esc(point.label(self.lang))}</b><br>"
                            f"<small>{esc(point.explanation(self.lang))}</small>",
                            layout=wide(),
                        ),
                        widgets.HBox([done, note], layout=wide()),
                    ],
                    layout=widgets.Layout(border_bottom="1px solid #ddd", padding="4px 0"),
                )
            )
        self.save_button = self.button("forms.save", "primary")

    def _layout(self) -> widgets.Widget:
        return widgets.VBox([*self.blocks, self.save_button, self.feedback.widget])

    def _wire(self) -> None:
        self.save_button.on_click(self.submit)

    @property
    def value(self) -> dict[str, dict[str, Any]]:
        return {
            key: {"done": done.value, "note": note.value}
            for key, (done, note) in self.rows.items()
        }

    @value.setter
    def value(self, values: dict[str, dict[str, Any]]) -> None:
        for key, entry in values.items():
            if key in self.rows:
                done, note = self.rows[key]
                done.value = bool(entry.get("done", done.value))
                note.value = str(entry.get("note", note.value) or "")

    def submit(self, _button: Any = None) -> bool:
        """Validate every point, then store them all (nothing is stored when one is wrong)."""
        records = []
        problems = []
        for key, entry in self.value.items():
            try:
                records.append(self.session.validate(model.AttentionCheck, {"point": key, **entry}))
            except InvalidRecord as error:
                problems.extend(error.problems)
        if problems:
            self.feedback.problems(InvalidRecord(problems), self.lang)
            return False
        for record in records:
            self.session.store.set_attention(self.session.plan_id, record)
        done = sum(record.done for record in records)
        self.feedback.success(self.tr("attention.saved", done=done, total=len(records)))
        self.changed()
        return True

    def refresh(self) -> None:
        stored = self.session.store.attention(self.session.plan_id)
        self.value = {
            row["point"]: {"done": bool(row["done"]), "note": row["note"]}
            for _, row in stored.iterrows()
        }


def show() -> None:
    """Notebook *hoe*: the points of attention of the current plan."""
    AttentionForm().show()
