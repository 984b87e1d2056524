"""Notebooks *waarom* and *voortgang*: the reflection questions of one moment (at the start,
at the mid-term review), answered in words and kept with the plan; the progress report shows
them (:mod:`workbook.export.report`)."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from .. import model
from ..i18n import register
from ..model import Moment
from ..reflection import questions_of
from ..sources import load_sources
from .common import Form, esc, heading, wide

TEXTS: dict[str, dict[str, str]] = {
    "reflection.heading.start": {
        "nl": "Reflectie bij de start",
        "en": "Reflection at the start",
    },
    "reflection.heading.tussentijds": {
        "nl": "Reflectie bij de tussentijdse evaluatie",
        "en": "Reflection at the mid-term review",
    },
    "reflection.placeholder": {
        "nl": "Een paar zinnen in jullie eigen woorden",
        "en": "A few sentences in your own words",
    },
    "reflection.saved": {
        "nl": "Reflectie bewaard: {answered} van {total} vragen beantwoord.",
        "en": "Reflection saved: {answered} of {total} questions answered.",
    },
    "reflection.source": {"nl": "Naar", "en": "After"},
}
register(TEXTS)


class ReflectionForm(Form):
    """One text box per question of ``moment`` and a save button.

    ``value``: ``{question_id: answer}`` for every question of the moment.
    """

    display_name = "reflectie"

    def __init__(self, moment: str = Moment.START.value, session: Any = None) -> None:
        self.moment = Moment(moment).value
        super().__init__(session)

    def _build(self) -> None:
        self.answers: dict[str, widgets.Textarea] = {}
        self.blocks = []
        sources = load_sources()
        for question in questions_of(self.moment):
            box = widgets.Textarea(placeholder=self.tr("reflection.placeholder"),
                                   layout=widgets.Layout(width="95%", height="4em"))
            self.answers[question.id] = box
            source = sources.get(question.source)
            cited = (f" <small>({esc(self.tr('reflection.source'))}: "
                     f"{esc(source.short_citation())})</small>" if source else "")
            self.blocks.append(widgets.VBox([
                widgets.HTML(f"<b>{esc(question.text(self.lang))}</b>{cited}", layout=wide()),
                box,
            ]))
        self.fields = {"answer": widgets.VBox(list(self.answers.values()))}
        self.save_button = self.button("forms.save", "primary")

    def _layout(self) -> widgets.Widget:
        return widgets.VBox([heading(self.tr(f"reflection.heading.{self.moment}")),
                             *self.blocks, self.save_button, self.feedback.widget])

    def _wire(self) -> None:
        self.save_button.on_click(self.submit)

    @property
    def value(self) -> dict[str, str]:
        return {key: box.value for key, box in self.answers.items()}

    @value.setter
    def value(self, values: dict[str, str]) -> None:
        for key, answer in values.items():
            if key in self.answers:
                self.answers[key].value = str(answer or "")

    def submit(self, _button: Any = None) -> bool:
        """Validate every answer, then keep them all (none when one is wrong)."""
        records = self.check_all(model.Reflection, ({"question": key, "answer": answer}
                                                     for key, answer in self.value.items()))
        if records is None:
            return False
        for record in records:
            self.session.store.set_reflection(self.session.plan_id, record)
        answered = sum(bool(record.answer) for record in records)
        self.feedback.success(self.tr("reflection.saved", answered=answered,
                                      total=len(records)))
        self.changed()
        return True

    def refresh(self) -> None:
        stored = self.session.store.reflections(self.session.plan_id)
        self.value = dict(zip(stored["question"], stored["answer"], strict=True))



def show(moment: str = Moment.START.value) -> None:
    """The reflection questions of ``moment`` (``start`` or ``tussentijds``) for the plan."""
    ReflectionForm(moment).show()


__all__ = ["ReflectionForm", "show"]
