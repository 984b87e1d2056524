"""Notebook *hoe*: the points of attention (privacy, proportionaliteit, logo's, disclaimer,
EPRP, open licence) — what each asks, whether it is in order, and a note."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
from IPython.display import HTML, display

from .. import model
from ..i18n import register, t
from ..sources import official_text, text_sources
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
    "attention.official_heading": {
        "nl": "De officiële teksten (kopieer ze; de tekst in je subsidieovereenkomst gaat voor)",
        "en": "The official wordings (copy them; the text in your grant agreement prevails)",
    },
    "attention.official_disclaimer": {"nl": "Disclaimer", "en": "Disclaimer"},
    "attention.official_emblem": {
        "nl": "Vermelding naast het EU-embleem",
        "en": "Statement beside the EU emblem",
    },
    "attention.official_lang": {"nl": "{name}:", "en": "{name}:"},
    "attention.lang_nl": {"nl": "Nederlands", "en": "Dutch"},
    "attention.lang_en": {"nl": "Engels", "en": "English"},
    "attention.sources": {"nl": "Bron", "en": "Source"},
    "attention.unchecked": {"nl": "te controleren", "en": "to be checked"},
}
register(TEXTS)

#: The official wordings shown under the points of attention (keys of ``data/teksten.yaml``).
OFFICIAL_TEXTS = ("disclaimer", "emblem")


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
            official = ""
            if key in OFFICIAL_TEXTS:  # the wording itself, from its one place
                official = f"<br><small><q>{esc(official_text(key, self.lang))}</q></small>"
            self.blocks.append(
                widgets.VBox(
                    [
                        widgets.HTML(
                            f"<b>{esc(point.label(self.lang))}</b><br>"
                            f"<small>{esc(point.explanation(self.lang))}</small>{official}",
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
        records = self.check_all(model.AttentionCheck, ({"point": key, **entry}
                                                          for key, entry in self.value.items()))
        if records is None:
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


def official_texts_html(lang: str | None = None) -> str:
    """The disclaimer and the emblem statement in Dutch and English, each with its sources
    (:mod:`workbook.sources`); a source still to be checked says so."""
    parts = [f"<h4>{esc(t('attention.official_heading', lang))}</h4>"]
    for key in OFFICIAL_TEXTS:
        parts.append(f"<p><b>{esc(t(f'attention.official_{key}', lang))}</b></p><ul>")
        for text_lang in ("nl", "en"):
            name = t("attention.official_lang", lang, name=t(f"attention.lang_{text_lang}", lang))
            parts.append(f"<li>{esc(name)} <q>{esc(official_text(key, text_lang))}</q></li>")
        parts.append("</ul>")
        cited = []
        for source in text_sources(key):
            note = "" if source.checked else f" ({t('attention.unchecked', lang)})"
            cited.append(esc(source.citation() + note))
        parts.append(f"<p><small>{esc(t('attention.sources', lang))}: "
                     f"{'; '.join(cited)}</small></p>")
    return "\n".join(parts)


def show_official_texts() -> None:
    """Notebook *hoe*: the official disclaimer and emblem wording (static, same every run)."""
    display(HTML(official_texts_html()))


def show() -> None:
    """Notebook *hoe*: the points of attention of the current plan."""
    AttentionForm().show()
