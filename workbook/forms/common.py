"""Pieces every form shares: the session (store, plan, catalog), the feedback widget, option
lists in the chosen language, value conversion, a checkbox group, and an escaped HTML table.

A form never prints: everything it has to say goes into a widget's value, so the same
form works in JupyterLab, in Voilà and under nbval.
"""

from __future__ import annotations

import html
import math
import re
import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

import ipywidgets as widgets
import pandas as pd
from IPython.display import display
from ipywidgets.widgets.widget_bool import CheckboxStyle

from .. import i18n
from ..analysis import format_number
from ..catalog import Catalog, Entry
from ..i18n import register, t
from ..model import InvalidRecord
from ..session import Session as Session
from ..store import StoreError

if TYPE_CHECKING:
    from ..model import Record

R = TypeVar("R", bound="Record")

TEXTS: dict[str, dict[str, str]] = {
    "forms.add": {"nl": "Toevoegen", "en": "Add"},
    "forms.save": {"nl": "Bewaren", "en": "Save"},
    "forms.save_changes": {"nl": "Wijziging bewaren", "en": "Save changes"},
    "forms.edit": {"nl": "Bewerken", "en": "Edit"},
    "forms.delete": {"nl": "Verwijderen", "en": "Delete"},
    "forms.restore": {"nl": "Herstellen", "en": "Restore"},
    "forms.clear": {"nl": "Leegmaken", "en": "Clear"},
    "forms.cancel_edit": {"nl": "Stoppen met bewerken", "en": "Stop editing"},
    "forms.none": {"nl": "(geen)", "en": "(none)"},
    "forms.choose_row": {"nl": "Kies een rij", "en": "Choose a row"},
    "forms.row": {"nl": "Rij", "en": "Row"},
    "forms.no_rows": {"nl": "Nog niets ingevuld.", "en": "Nothing entered yet."},
    "forms.deleted_mark": {"nl": "(verwijderd)", "en": "(deleted)"},
    "forms.saved": {"nl": "Bewaard: {what}.", "en": "Saved: {what}."},
    "forms.updated": {"nl": "Gewijzigd: {what}.", "en": "Changed: {what}."},
    "forms.deleted": {"nl": "Verwijderd: {what}.", "en": "Deleted: {what}."},
    "forms.deleted_restorable": {
        "nl": "Verwijderd: {what}. Met Herstellen haal je het terug.",
        "en": "Deleted: {what}. Restore brings it back.",
    },
    "forms.restored": {"nl": "Hersteld: {what}.", "en": "Restored: {what}."},
    "forms.editing": {
        "nl": "Je bewerkt: {what}. Pas aan en klik op 'Wijziging bewaren'.",
        "en": "You are editing: {what}. Change it and click 'Save changes'.",
    },
    "forms.not_saved": {"nl": "Niet bewaard: {reason}", "en": "Not saved: {reason}"},
    "forms.fallback": {
        "nl": "[formulier {name}: open dit notebook in JupyterLab of Voilà om het in te vullen]",
        "en": "[form {name}: open this notebook in JupyterLab or Voilà to fill it in]",
    },
    "forms.pick_first": {
        "nl": "Kies eerst een rij in de keuzelijst.",
        "en": "Choose a row in the list first.",
    },
}
register(TEXTS)

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


# ----- session ---------------------------------------------------------------------------


# ----- views that follow the plan --------------------------------------------------------

_subscribers: list[weakref.WeakMethod] = []


def subscribe(method: Callable[[], None]) -> None:
    """Call the bound ``method`` after :func:`store_changed` (held weakly: no leak)."""
    _subscribers.append(weakref.WeakMethod(method))


def store_changed() -> None:
    """Tell every live view that the plan changed outside it (e.g. an imported file)."""
    alive = []
    for reference in _subscribers:
        method = reference()
        if method is not None:
            alive.append(reference)
            method()
    _subscribers[:] = alive


# ----- values ----------------------------------------------------------------------------


def to_date(value: Any) -> date | None:
    """A plain date from a date, datetime, Timestamp or ISO text; None for blanks."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp | datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def to_number(text: Any) -> Any:
    """A number typed the Dutch or English way ('1.250,50', '1250.5', '€ 300') as float.

    Blank gives None; text that is no number is returned unchanged, so validation names it.
    """
    if text is None or isinstance(text, int | float):
        return text
    raw = str(text).strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
    if not raw:
        return None
    cleaned = raw
    if "," in cleaned and "." in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif "," in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        return float(cleaned)
    except ValueError:
        return str(text)


def number_text(value: Any, lang: str | None = None) -> str:
    """A stored number as a participant types it: '250', '1250,5' in Dutch."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    value = float(value)
    text = str(int(value)) if value.is_integer() else f"{value:g}"
    return text.replace(".", ",") if i18n.language(lang) == "nl" else text


# ----- option lists ----------------------------------------------------------------------


def catalog_options(entries: Mapping[str, Entry], lang: str | None = None) -> list[tuple[str, str]]:
    """(label, id) pairs of catalog entries, in the catalog's order."""
    return [(entry.label(lang), key) for key, entry in entries.items()]


def enum_options(enum: type[StrEnum], prefix: str, lang: str | None = None) -> list[tuple]:
    """(label, value) pairs of an enum, labelled with the texts ``prefix.value``."""
    return [(t(f"{prefix}.{member.value}", lang), member.value) for member in enum]


def labels(values: Iterable[str], catalog: Catalog, lang: str | None = None) -> str:
    return ", ".join(catalog.label_of(value, lang) for value in values)


# ----- feedback --------------------------------------------------------------------------


class Feedback:
    """The message area next to a form: a confirmation, or every problem naming its field."""

    def __init__(self) -> None:
        self.widget = widgets.HTML(value="", layout=widgets.Layout(width="95%"))

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
        self.widget.value = f'<div class="wb-ok" style="{OK_STYLE}">✓ {esc(text)}</div>'

    def error(self, text: str) -> None:
        self.widget.value = f'<div class="wb-error" style="{BAD_STYLE}">{esc(text)}</div>'

    def problems(self, error: InvalidRecord, lang: str | None = None) -> None:
        items = "".join(f"<li>{esc(message)}</li>" for message in error.messages(lang))
        self.widget.value = (
            f'<div class="wb-error" style="{BAD_STYLE}">'
            f"<b>{esc(t('error.record_invalid', lang))}</b><ul>{items}</ul></div>"
        )


def notes_html(lines: Iterable[tuple[bool, str]]) -> str:
    """A checklist: ✓ for points in order, ⚠ for points that need attention."""
    items = []
    for ok, text in lines:
        style = OK_STYLE if ok else NOTE_STYLE
        mark = "✓" if ok else "⚠"
        items.append(f'<div style="{style}">{mark} {esc(text)}</div>')
    return "".join(items)


# ----- a group of checkboxes with one value ----------------------------------------------


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


# ----- an escaped HTML table -------------------------------------------------------------

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


_SHARED_ROWS: dict[tuple, RowCache] = {}


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
    amounts); ``cache`` keeps rendered rows between calls (see :class:`RowCache`).
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
    if cache is None and not formatters:
        # Without formatters a row's HTML follows from its values alone: keep the rows of
        # the tables shown lately (10,000 measurements re-render in a tenth of the time).
        cache = _SHARED_ROWS.pop(signature, None) or RowCache()
        _SHARED_ROWS[signature] = cache
        while len(_SHARED_ROWS) > 8:
            del _SHARED_ROWS[next(iter(_SHARED_ROWS))]
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


# ----- the base of every form ------------------------------------------------------------


class Form:
    """One exercise: builds its widgets, lays them out, wires the handlers and loads the plan.

    Subclasses fill in :meth:`_build`, :meth:`_layout`, :meth:`_wire` and :meth:`refresh`;
    ``fields`` maps record fields to the widgets that hold them, so a problem can mark its
    widget. The whole form is ``widget``; :meth:`show` displays it.
    """

    display_name = "form"

    def __init__(self, session: Session | None = None) -> None:
        self.session = session or Session.open()
        self.lang = i18n.language()
        self.feedback = Feedback()
        self.fields: dict[str, widgets.Widget] = {}
        self._listeners: list[Callable[[], None]] = []
        self._build()
        self.widget = self._layout()
        self._wire()
        self.refresh()

    # hooks
    def _build(self) -> None:  # pragma: no cover - every form overrides it
        raise NotImplementedError

    def _layout(self) -> widgets.Widget:  # pragma: no cover
        raise NotImplementedError

    def _wire(self) -> None:
        pass

    def refresh(self) -> None:
        """Reload what the form shows from the store."""

    # helpers
    def tr(self, key: str, **params: Any) -> str:
        return t(key, self.lang, **params)

    def button(self, key: str, style: str = "") -> widgets.Button:
        """A button with text (no icon only: Voilà offline has no Font Awesome)."""
        return widgets.Button(description=self.tr(key), button_style=style,
                              layout=widgets.Layout(width="auto", align_self="flex-start"))

    def check(self, model: type[R], data: Mapping[str, Any]) -> R | None:
        """Validate ``data``; on problems show them, mark their widgets and return None."""
        try:
            record = self.session.validate(model, data)
        except InvalidRecord as error:
            self.feedback.problems(error, self.lang)
            self.mark(error.fields)
            return None
        self.mark(())
        return record

    def stored(self, action: Callable[[], Any]) -> bool:
        """Run a store action; a refusal of the store is shown instead of raised."""
        try:
            action()
        except StoreError as error:
            self.feedback.error(self.tr("forms.not_saved", reason=str(error)))
            return False
        return True

    def mark(self, fields: Iterable[str]) -> None:
        wrong = set(fields)
        for name, widget in self.fields.items():
            widget.layout.border = INVALID_BORDER if name in wrong else None

    def on_change(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` after this form changed the store (to refresh other views)."""
        self._listeners.append(callback)

    def changed(self) -> None:
        for callback in getattr(self, "_listeners", ()):
            callback()

    def show(self) -> None:
        show_widget(self.widget, self.display_name)


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


# ----- forms that add, edit and delete records -------------------------------------------


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


class RecordClass:
    """``model = RecordClass("Goal")``: a form's record class, named here and imported from
    :mod:`workbook.model` on first use (showing a form needs no pydantic, ~0.1 s)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, instance: object, owner: type | None = None) -> type[Record]:
        from .. import model

        return getattr(model, self.name)


class RecordForm(Form):
    """A form that adds records, loads one into its widgets to edit, and deletes them.

    ``value`` is the whole state of the widgets as a dict (raw, as typed); subclasses say
    how it becomes record data (:meth:`data`) and which store calls keep it.
    """

    model: type[Record]
    restorable = False

    def _build(self) -> None:
        self.editing: int | None = None
        self.submit_button = self.button("forms.add", "primary")
        self.cancel_button = self.button("forms.cancel_edit")
        self.cancel_button.layout.display = "none"
        self.picker = RowPicker(self.lang, restore=self.restorable)
        self.table = widgets.HTML()
        self._build_fields()

    def _wire(self) -> None:
        self.submit_button.on_click(self.submit)
        self.cancel_button.on_click(lambda _button: self.reset())
        self.picker.edit_button.on_click(lambda _button: self.edit(self.picker.value))
        self.picker.delete_button.on_click(lambda _button: self.delete(self.picker.value))
        self.picker.restore_button.on_click(lambda _button: self.restore(self.picker.value))

    def buttons(self) -> widgets.HBox:
        return widgets.HBox([self.submit_button, self.cancel_button])

    # ----- what subclasses provide ------------------------------------------------------

    def _build_fields(self) -> None:  # pragma: no cover
        raise NotImplementedError

    @property
    def value(self) -> dict[str, Any]:
        """The widgets' values as they stand (raw, as typed)."""
        return {name: widget.value for name, widget in self.fields.items()}

    @value.setter
    def value(self, values: Mapping[str, Any]) -> None:
        """Put stored or typed values into the widgets; keys not given stay as they are."""
        for name, widget in self.fields.items():
            if name in values:
                widget.value = self._for_widget(widget, values[name])

    def _for_widget(self, widget: widgets.Widget, value: Any) -> Any:
        """``value`` in the form ``widget`` holds: a date for a date picker, a known option
        (else 0, "none") for a dropdown, text for a text field — numbers as people type them."""
        missing = value is None or (not isinstance(value, str | tuple | list) and pd.isna(value))
        if isinstance(widget, widgets.DatePicker):
            return None if missing else to_date(value)
        if isinstance(widget, widgets.Dropdown):
            keys = [option[1] if isinstance(option, tuple) else option for option in widget.options]
            if not missing and value in keys:
                return value
            if not missing and str(value).lstrip("-").isdigit() and int(value) in keys:
                return int(value)
            return 0 if 0 in keys else widget.value
        if isinstance(widget, widgets.Text | widgets.Textarea):
            if missing:
                return ""
            return value if isinstance(value, str) else number_text(value, self.lang)
        return value

    def blank(self) -> dict[str, Any]:  # pragma: no cover
        raise NotImplementedError

    def data(self) -> dict[str, Any]:
        """The record data the widgets hold (numbers parsed, dates as dates)."""
        return dict(self.value)

    def add(self, record: Any) -> int:  # pragma: no cover
        raise NotImplementedError

    def update(self, row_id: int, record: Any) -> None:  # pragma: no cover
        raise NotImplementedError

    def remove(self, row_id: int) -> None:  # pragma: no cover
        raise NotImplementedError

    def bring_back(self, row_id: int) -> None:
        raise NotImplementedError

    def load(self, row_id: int) -> dict[str, Any]:  # pragma: no cover
        """The widget values of a stored row."""
        raise NotImplementedError

    def describe(self, row_id: int | None, record: Any = None) -> str:  # pragma: no cover
        raise NotImplementedError

    # ----- actions ----------------------------------------------------------------------

    def submit(self, _button: Any = None) -> bool:
        """Validate and store the widgets' values; True when stored."""
        record = self.check(self.model, self.data())
        if record is None:
            return False
        editing = self.editing
        if editing is None:
            done = self.stored(lambda: self.add(record))
        else:
            done = self.stored(lambda: self.update(editing, record))
        if not done:
            return False
        self.reset()
        key = "forms.saved" if editing is None else "forms.updated"
        self.feedback.success(self.tr(key, what=self.describe(editing, record)))
        self.refresh()
        self.changed()
        return True

    def reset(self) -> None:
        """Empty the form and leave edit mode (the message stays)."""
        self.editing = None
        self.value = self.blank()
        self.mark(())
        self.submit_button.description = self.tr("forms.add")
        self.cancel_button.layout.display = "none"

    def edit(self, row_id: int | None) -> bool:
        if not row_id:
            self.feedback.error(self.tr("forms.pick_first"))
            return False
        self.value = self.load(row_id)
        self.editing = row_id
        self.mark(())
        self.submit_button.description = self.tr("forms.save_changes")
        self.cancel_button.layout.display = None
        self.feedback.success(self.tr("forms.editing", what=self.describe(row_id)))
        return True

    def delete(self, row_id: int | None) -> bool:
        if not row_id:
            self.feedback.error(self.tr("forms.pick_first"))
            return False
        what = self.describe(row_id)
        if not self.stored(lambda: self.remove(row_id)):
            return False
        if self.editing == row_id:
            self.reset()
        key = "forms.deleted_restorable" if self.restorable else "forms.deleted"
        self.feedback.success(self.tr(key, what=what))
        self.refresh()
        self.changed()
        return True

    def restore(self, row_id: int | None) -> bool:
        if not row_id:
            self.feedback.error(self.tr("forms.pick_first"))
            return False
        if not self.stored(lambda: self.bring_back(row_id)):
            return False
        self.feedback.success(self.tr("forms.restored", what=self.describe(row_id)))
        self.refresh()
        self.changed()
        return True
