"""Notebook *hoe*: per chosen target group, the methods and channels that reach it.

A group without a choice yet starts from the catalog's suggestions (preselected, not yet
stored): the participant adjusts them and saves. Also here: the catalog's methods with
their explanation, as a static overview.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML, display

from .. import api, model
from ..i18n import register, t
from .common import (
    NOTE_STYLE,
    CheckGroup,
    Form,
    catalog_options,
    esc,
    heading,
    html_table,
    labels,
)

TEXTS: dict[str, dict[str, str]] = {
    "channels.group": {"nl": "Doelgroep", "en": "Target group"},
    "channels.methods": {"nl": "Methodes", "en": "Methods"},
    "channels.channels": {"nl": "Kanalen", "en": "Channels"},
    "channels.own_methods": {"nl": "Eigen methode(s)", "en": "Other method(s)"},
    "channels.own_channels": {"nl": "Eigen kanaal/kanalen", "en": "Other channel(s)"},
    "channels.own_placeholder": {
        "nl": "gescheiden door komma's, bv. podcast, open klasdag",
        "en": "separated by commas, e.g. podcast, open classroom day",
    },
    "channels.suggested": {
        "nl": "Voorstel uit de catalogus voor {group}: pas aan en klik op Bewaren.",
        "en": "Suggestion from the catalogue for {group}: adjust it and click Save.",
    },
    "channels.no_groups": {
        "nl": "Kies eerst doelgroepen in notebook 02 (wat) en voer dit notebook daarna opnieuw "
        "uit.",
        "en": "Choose target groups in notebook 02 (what) first, then run this notebook again.",
    },
    "channels.overview": {
        "nl": "Jouw keuzes per doelgroep",
        "en": "Your choices per target group",
    },
    "channels.none_yet": {"nl": "(nog niets gekozen)", "en": "(nothing chosen yet)"},
    "channels.explanation": {"nl": "Wanneer gebruiken?", "en": "When to use it?"},
}
register(TEXTS)


def _split(text: str) -> list[str]:
    return [part.strip() for part in str(text or "").split(",") if part.strip()]


class ChannelsForm(Form):
    """Methods and channels per target group.

    ``value`` keys: ``group`` (the group shown), ``methods``, ``channels`` (tuples of ids),
    ``own_methods``, ``own_channels`` (comma-separated own entries).
    """

    display_name = "hoe: methodes en kanalen"

    def _build(self) -> None:
        catalog = self.session.catalog
        self.group = self.field(widgets.Dropdown, "channels.group", options=[], width="70%")
        self.methods = CheckGroup(catalog_options(catalog.methods, self.lang), columns=3)
        self.channels = CheckGroup(catalog_options(catalog.channels, self.lang), columns=3)
        self.own_methods = self.field(widgets.Text, "channels.own_methods",
                                      "channels.own_placeholder", "wide")
        self.own_channels = self.field(widgets.Text, "channels.own_channels",
                                       "channels.own_placeholder", "wide")
        self.hint = widgets.HTML()
        self.save_button = self.button("forms.save", "primary")
        self.overview = widgets.HTML()
        self.fields = {
            "group": self.group,
            "methods": self.methods.widget,
            "channels": self.channels.widget,
        }

    def _layout(self) -> widgets.Widget:
        return widgets.VBox(
            [
                self.group,
                self.hint,
                heading(self.tr("channels.methods"), 5),
                self.methods.widget,
                self.own_methods,
                heading(self.tr("channels.channels"), 5),
                self.channels.widget,
                self.own_channels,
                self.save_button,
                self.feedback.widget,
                heading(self.tr("channels.overview")),
                self.overview,
            ]
        )

    def _wire(self) -> None:
        self.group.observe(lambda _change: self.load_group(), names="value")
        self.save_button.on_click(self.submit)

    # ----- state ------------------------------------------------------------------------

    @property
    def value(self) -> dict[str, Any]:
        return {
            "group": self.group.value,
            "methods": self.methods.value,
            "channels": self.channels.value,
            "own_methods": self.own_methods.value,
            "own_channels": self.own_channels.value,
        }

    @value.setter
    def value(self, values: dict[str, Any]) -> None:
        if "group" in values and values["group"] != self.group.value:
            self.group.value = values["group"]
        for key, boxes in (("methods", self.methods), ("channels", self.channels)):
            if key in values:
                boxes.value = values[key]
        for key, widget in (("own_methods", self.own_methods),
                            ("own_channels", self.own_channels)):
            if key in values:
                widget.value = values[key]

    def chosen(self) -> pd.DataFrame:
        return self.session.store.target_groups(self.session.plan_id)

    # ----- actions ----------------------------------------------------------------------

    def load_group(self) -> None:
        """Show the stored choice of the selected group, or the catalog's suggestion."""
        group = self.group.value
        self.hint.value = ""
        self.mark(())
        if not group:
            return
        catalog = self.session.catalog
        chosen = self.chosen()
        row = chosen[chosen["group"] == group].iloc[0]
        methods, channels = tuple(row["methods"]), tuple(row["channels"])
        if not methods and not channels:
            methods = tuple(catalog.suggested_methods(group))
            channels = tuple(catalog.suggested_channels(group))
            name = catalog.label_of(group, self.lang)
            self.hint.value = (
                f'<div style="{NOTE_STYLE}">{esc(self.tr("channels.suggested", group=name))}</div>'
            )
        self._set_options(methods, channels)
        self.own_methods.value = ", ".join(m for m in methods if m not in catalog.methods)
        self.own_channels.value = ", ".join(c for c in channels if c not in catalog.channels)

    def _set_options(self, methods: tuple[str, ...], channels: tuple[str, ...]) -> None:
        catalog = self.session.catalog
        self.methods.value = [m for m in methods if m in catalog.methods]
        self.channels.value = [c for c in channels if c in catalog.channels]

    def submit(self, _button: Any = None) -> bool:
        """Validate and store the methods and channels of the selected group."""
        group = self.group.value
        if not group:
            self.feedback.error(self.tr("channels.no_groups"))
            return False
        chosen = self.chosen()
        row = chosen[chosen["group"] == group].iloc[0]
        record = self.check(
            model.TargetGroupChoice,
            {
                "group": group,
                "scope": row["scope"],
                "level": row["level"],
                "methods": [*self.methods.value, *_split(self.own_methods.value)],
                "channels": [*self.channels.value, *_split(self.own_channels.value)],
            },
        )
        if record is None:
            return False
        self.session.store.set_target_group(self.session.plan_id, record)
        self.hint.value = ""
        name = self.session.catalog.label_of(group, self.lang)
        self.feedback.success(self.tr("forms.saved", what=name))
        self.refresh()
        self.changed()
        return True

    # ----- views ------------------------------------------------------------------------

    def refresh(self) -> None:
        catalog = self.session.catalog
        chosen = self.chosen()
        options = [(catalog.label_of(group, self.lang), group) for group in chosen["group"]]
        current = self.group.value
        self.group.options = options
        keys = [key for _, key in options]
        if current in keys:
            self.group.value = current
        elif keys:
            self.group.value = keys[0]
        if not keys:
            text = esc(self.tr("channels.no_groups"))
            self.hint.value = f'<div style="{NOTE_STYLE}">{text}</div>'
        none_yet = self.tr("channels.none_yet")
        shown = pd.DataFrame(
            {
                self.tr("channels.group"): [label for label, _ in options],
                self.tr("channels.methods"): [
                    labels(v, catalog, self.lang) or none_yet for v in chosen["methods"]
                ],
                self.tr("channels.channels"): [
                    labels(v, catalog, self.lang) or none_yet for v in chosen["channels"]
                ],
            }
        )
        self.overview.value = html_table(shown, empty=self.tr("channels.no_groups"))


def methods_html(lang: str | None = None) -> str:
    """The catalog's methods with when to use them (a static overview for the notebook)."""
    catalog = api.catalog()
    methods = list(catalog.methods.values())
    frame = pd.DataFrame(
        {
            t("channels.methods", lang): [m.label(lang) for m in methods],
            t("channels.explanation", lang): [m.explanation(lang) for m in methods],
        }
    )
    return html_table(frame)


def show_methods() -> None:
    """Notebook *hoe*: the overview of the methods (static HTML, same on every run)."""
    api.store()  # apply the saved language
    display(HTML(methods_html()))


def show() -> None:
    """Notebook *hoe*: methods and channels per target group of the current plan."""
    ChannelsForm().show()
