"""The widgets every form shares: styles, the feedback area, a checkbox group, a row picker
and an escaped HTML table. Widgets hold no state of their own beyond what they show; a
form that wants rendered rows kept between refreshes owns a :class:`RowCache`.

A form never prints: everything it has to say goes into a widget's value, so the same
form works in JupyterLab, in Voilà and under nbval.
"""

from __future__ import annotations

import html
import itertools
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

import ipywidgets as widgets
import pandas as pd
from IPython.display import display
from ipywidgets.widgets.widget_bool import CheckboxStyle

from .. import i18n
from ..analysis import format_number
from ..i18n import t
from ..model import InvalidRecord
from .texts import texts as texts

OK_STYLE = "border-left:4px solid #2e7d32;background:#edf7ed;padding:4px 10px;margin:4px 0"
BAD_STYLE = "border-left:4px solid #c62828;background:#fdecea;padding:4px 10px;margin:4px 0"
NOTE_STYLE = "border-left:4px solid #ed6c02;background:#fff4e5;padding:4px 10px;margin:4px 0"
INVALID_BORDER = "2px solid #c62828"


def wide() -> widgets.Layout:
    """A layout nearly as wide as the notebook, new for each widget: a shared layout
    would mark every field that uses it when one of them is invalid."""
    return widgets.Layout(width="95%")


LABEL_STYLE = {"description_width": "11em"}


def esc(value: Any) -> str:
    """``value`` as text that is safe inside HTML (None and NaN become empty)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return html.escape(str(value))


class Feedback:
    """The message area next to a form: a confirmation, or every problem naming its field.

    Screen readers announce it (an error is ``role=alert``, a confirmation ``role=status``),
    and a field with a problem points to it: :meth:`Form.mark` gives the field's widget the
    classes ``wb-invalid`` and ``wb-describedby-<id>``, which the app view's template turns
    into ``aria-invalid`` and ``aria-describedby`` on its controls (ipywidgets has no ARIA
    traits for that)."""

    _made = itertools.count(1)

    def __init__(self) -> None:
        self.id = f"wb-feedback-{next(self._made)}"
        self.widget = widgets.HTML(value="", layout=widgets.Layout(width="95%"))
        self.widget.add_class("wb-feedback")

    @property
    def value(self) -> str:
        return self.widget.value

    @property
    def text(self) -> str:
        """The message as plain text (tags removed, entities decoded), for tests and logs."""
        plain = html.unescape(re.sub(r"<[^>]+>", " ", self.widget.value))
        return " ".join(plain.split())

    def clear(self) -> None:
        self.widget.value = ""

    def success(self, text: str) -> None:
        self.widget.value = (f'<div class="wb-ok" id="{self.id}" role="status" '
                             f'style="{OK_STYLE}">✓ {esc(text)}</div>')

    def error(self, text: str) -> None:
        self.widget.value = (f'<div class="wb-error" id="{self.id}" role="alert" '
                             f'style="{BAD_STYLE}">{esc(text)}</div>')

    def problems(self, error: InvalidRecord, lang: str | None = None) -> None:
        items = "".join(f"<li>{esc(message)}</li>" for message in error.messages(lang))
        self.widget.value = (
            f'<div class="wb-error" id="{self.id}" role="alert" style="{BAD_STYLE}">'
            f"<b>{esc(t('error.record_invalid', lang))}</b><ul>{items}</ul></div>"
        )


def scroll_box(content: widgets.Widget, max_height: str = "24em") -> widgets.Box:
    """``content`` in a box that scrolls when it is taller than ``max_height``; keyboard
    users reach it with Tab (``tabbable``) and scroll it with the arrow keys. The app view's
    template names it (``role=region``, ``aria-label`` from the heading above it)."""
    box = widgets.Box([content], tabbable=True, layout=widgets.Layout(
        max_height=max_height, overflow="auto", width="95%"))
    box.add_class("wb-scroll")
    return box


def notes_html(lines: Iterable[tuple[bool, str]]) -> str:
    """A checklist: ✓ for points in order, ⚠ for points that need attention."""
    items = []
    for ok, text in lines:
        style = OK_STYLE if ok else NOTE_STYLE
        mark = "✓" if ok else "⚠"
        items.append(f'<div style="{style}">{mark} {esc(text)}</div>')
    return "".join(items)


class CheckGroup:
    """Checkboxes for a list of (label, id) options; ``value`` is the tuple of ticked ids."""

    def __init__(
        self, options: Sequence[tuple[str, str]] = (), value: Iterable[str] = (), columns: int = 3
    ) -> None:
        self.widget = widgets.GridBox(
            layout=widgets.Layout(
                grid_template_columns=f"repeat({columns}, minmax(0, 1fr))", width="95%"
            )
        )
        self._boxes: dict[str, widgets.Checkbox] = {}
        self._built: dict[tuple, dict[str, widgets.Checkbox]] = {}
        # One layout and one style for all boxes: each is a widget of its own, and a
        # group of 40 boxes would send 80 of them (~1.5 ms each in a kernel) for nothing.
        self._box_layout = widgets.Layout(width="auto")
        self._box_style = CheckboxStyle()
        self._callbacks: list[Callable[[tuple[str, ...]], None]] = []
        self._quiet = False
        self.set_options(options, value)

    @property
    def options(self) -> list[tuple[str, str]]:
        return [(box.description, key) for key, box in self._boxes.items()]

    @property
    def layout(self) -> widgets.Layout:
        """The group's layout (a form marks an invalid group's border on it)."""
        return self.widget.layout

    def include(self, values: Iterable[str], label: Callable[[str], str]) -> None:
        """Offer ``values`` that the options lack yet, labelled by ``label``."""
        known = set(self._boxes)
        missing = [value for value in values if value not in known]
        if missing:
            self.set_options(self.options + [(label(value), value) for value in missing],
                             self.value)

    @property
    def value(self) -> tuple[str, ...]:
        return tuple(key for key, box in self._boxes.items() if box.value)

    @value.setter
    def value(self, values: Iterable[str]) -> None:
        wanted = set(values)
        self._quiet = True
        try:
            for key, box in self._boxes.items():
                box.value = key in wanted
        finally:
            self._quiet = False
        self._changed()

    def set_options(self, options: Sequence[tuple[str, str]], value: Iterable[str] = ()) -> None:
        """Show these options, ticked as ``value`` says (no change callback fires).

        The boxes of an option list shown before are reused: a form that toggles between
        a few lists (all channels / the channels of the ticked groups) would otherwise build
        some 30 new widgets, ~35 ms, on every click.
        """
        wanted = set(value)
        signature = tuple(options)
        boxes = self._built.get(signature)
        if boxes is None:
            if len(self._built) >= 16:
                self._built.clear()
            boxes = {}
            for text, key in options:
                box = widgets.Checkbox(
                    value=key in wanted,
                    description=text,
                    indent=False,
                    layout=self._box_layout,
                    style=self._box_style,
                )
                box.observe(lambda _change: self._changed(), names="value")
                boxes[key] = box
            self._built[signature] = boxes
        self._quiet = True
        try:
            for key, box in boxes.items():
                box.value = key in wanted
        finally:
            self._quiet = False
        if boxes is not self._boxes:
            self._boxes = boxes
            self.widget.children = tuple(boxes.values())

    def observe(self, callback: Callable[[tuple[str, ...]], None]) -> None:
        self._callbacks.append(callback)

    def _changed(self) -> None:
        if self._quiet:
            return
        for callback in self._callbacks:
            callback(self.value)


TABLE_STYLE = "border-collapse:collapse;font-size:13px;margin:4px 0"
CELL_STYLE = (
    "border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top;line-height:1.35"
)
HEAD_STYLE = CELL_STYLE + ";background:#f0f4f8"


class RowCache:
    """Rendered ``<tr>`` rows of one table, reused while a row's values stay the same.

    A table of 1,000 planning rows changes one row per click; keyed by the row's index
    value and cell values, only new or changed rows are rendered again. The owner passes
    the same formatters on every call (the cache cannot compare functions); a change of
    columns, index heading, ``nowrap`` or language empties it.
    """

    def __init__(self) -> None:
        self.signature: tuple = ()
        self.rows: dict[tuple, str] = {}


def html_table(
    frame: pd.DataFrame,
    formatters: Mapping[str, Callable[[Any], str]] | None = None,
    index: str | None = None,
    empty: str | None = None,
    muted: Iterable[Any] = (),
    nowrap: Iterable[str] = (),
    cache: RowCache | None = None,
) -> str:
    """``frame`` as a plain HTML table with every cell escaped (no pandas Styler: no uuids).

    ``index`` names a first column holding the frame's index; ``muted`` lists index values
    shown greyed out (e.g. deleted rows); ``nowrap`` names columns kept on one line (dates,
    amounts); ``cache``, owned by the caller, keeps rendered rows between calls (see
    :class:`RowCache`).
    """
    if frame.empty:
        return f"<p><i>{esc(empty if empty is not None else t('forms.no_rows'))}</i></p>"
    formatters = formatters or {}
    muted = set(muted)
    nowrap = set(nowrap)
    columns = list(frame.columns)
    head = "".join(f'<th style="{HEAD_STYLE}">{esc(name)}</th>' for name in columns)
    if index is not None:
        head = f'<th style="{HEAD_STYLE}">{esc(index)}</th>' + head
    cell_open = [
        f'<td style="{CELL_STYLE}' + (';white-space:nowrap">' if name in nowrap else '">')
        for name in columns
    ]
    render = [formatters.get(name, _cell) for name in columns]
    previous: dict[tuple, str] = {}
    kept: dict[tuple, str] = {}
    # numbers without a formatter follow the current language (see _cell)
    signature = (tuple(columns), index, tuple(sorted(nowrap)), i18n.language())
    if cache is not None:
        if cache.signature == signature:
            previous = cache.rows
        cache.signature = signature
    rows = []
    for key, values in zip(frame.index, _row_values(frame), strict=True):
        mute = key in muted
        cache_key: tuple | None = (key, mute, *values)
        try:
            html_row = previous.get(cache_key)
        except TypeError:  # an unhashable cell (a list) or an ambiguous comparison (pd.NA)
            cache_key, html_row = None, None
        if html_row is None:
            cells = [f'<td style="{CELL_STYLE}">{esc(key)}</td>'] if index is not None else []
            cells += [
                f"{opening}{esc(show(value))}</td>"
                for opening, show, value in zip(cell_open, render, values, strict=True)
            ]
            style = ' style="color:#999;text-decoration:line-through"' if mute else ""
            html_row = f"<tr{style}>{''.join(cells)}</tr>"
        if cache_key is not None:
            kept[cache_key] = html_row
        rows.append(html_row)
    if cache is not None:
        cache.rows = kept  # rows no longer shown are forgotten: the cache stays table-sized
    # a wide plan scrolls sideways inside its box instead of losing its last columns
    return (
        '<div style="overflow-x:auto;max-width:100%">'
        f'<table class="wb-table" style="{TABLE_STYLE}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _row_values(frame: pd.DataFrame) -> Iterable[Sequence[Any]]:
    """The cell values row by row, as ``DataFrame.iterrows`` hands them out (one common
    dtype per row, Timestamps for dates) without building a Series per row."""
    if any(
        pd.api.types.is_object_dtype(dtype) or isinstance(dtype, pd.StringDtype)
        for dtype in frame.dtypes
    ):
        # The common dtype is object: each column's values are those iterrows gives.
        return list(zip(*(frame[name].tolist() for name in frame.columns), strict=True))
    values = frame.to_numpy()
    if values.dtype.kind in "mM":
        values = frame.astype(object).to_numpy()
    if values.dtype == object:
        return values.tolist()
    return list(values)


def _cell(value: Any) -> str:
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    if isinstance(value, pd.Timestamp | datetime):
        return value.date().isoformat()
    if isinstance(value, float):
        return format_number(value, decimals=0 if value.is_integer() else 2)
    if isinstance(value, tuple | list):
        return ", ".join(str(item) for item in value)
    return str(value)


def show_widget(widget: widgets.Widget, name: str) -> None:
    """Display ``widget`` with a short, stable plain-text stand-in.

    A widget's own text form repeats every child's value; a notebook viewer without a
    kernel (and nbval) sees this one line instead.
    """
    bundle = widget._repr_mimebundle_()
    bundle["text/plain"] = t("forms.fallback", name=name)
    display(bundle, raw=True)


def heading(text: str, level: int = 4) -> widgets.HTML:
    return widgets.HTML(f"<h{level}>{esc(text)}</h{level}>")


class RowPicker:
    """A dropdown of rows with Bewerken / Verwijderen (and optionally Herstellen) buttons."""

    def __init__(self, lang: str | None = None, restore: bool = False) -> None:
        self.lang = lang
        self.dropdown = widgets.Dropdown(
            description=t("forms.row", lang), options=[], layout=widgets.Layout(width="60%")
        )
        self.edit_button = widgets.Button(description=t("forms.edit", lang))
        self.delete_button = widgets.Button(description=t("forms.delete", lang),
                                            button_style="warning")
        self.restore_button = widgets.Button(description=t("forms.restore", lang))
        buttons = [self.edit_button, self.delete_button]
        if restore:
            buttons.append(self.restore_button)
        self.widget = widgets.HBox([self.dropdown, *buttons])
        self.deleted: set[int] = set()
        self._choices: list[tuple[str, int]] = []
        self.dropdown.observe(lambda _change: self._enable(), names="value")

    @property
    def value(self) -> int | None:
        return self.dropdown.value or None

    @value.setter
    def value(self, row_id: int | None) -> None:
        self.dropdown.value = row_id or 0

    def set_rows(self, options: Sequence[tuple[str, int]], deleted: Iterable[int] = ()) -> None:
        self.deleted = set(deleted)
        current = self.dropdown.value
        marked = [
            (f"{text} {t('forms.deleted_mark', self.lang)}" if key in self.deleted else text, key)
            for text, key in options
        ]
        choices = [(t("forms.choose_row", self.lang), 0), *marked]
        if choices != self._choices:  # 1,000 options cost ~10 ms to send again
            self._choices = choices
            self.dropdown.options = choices
        self.dropdown.value = current if current in {key for _, key in choices} else 0
        self._enable()

    def _enable(self) -> None:
        row = self.dropdown.value
        self.edit_button.disabled = not row or row in self.deleted
        self.delete_button.disabled = not row or row in self.deleted
        self.restore_button.disabled = not row or row not in self.deleted
