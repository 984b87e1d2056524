"""The base classes of every form: :class:`Form` (build, lay out, wire, refresh) and
:class:`RecordForm` (add, edit, delete records), and the notice that the plan changed.

A form is thin: its value is its widgets' values (:attr:`RecordForm.value`); on submit,
typed numbers and dates are read by :mod:`workbook.values`, the record is validated by the
session (:mod:`workbook.session`) and kept by the store; then the views that show it are
refreshed.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import ipywidgets as widgets
import pandas as pd

from .. import i18n, model
from ..i18n import t
from ..model import InvalidRecord, Problem
from ..session import Session
from ..store import StoreError
from ..values import Unreadable
from .values import number_text, to_date
from .widgets import (
    INVALID_BORDER,
    LABEL_STYLE,
    CheckGroup,
    Feedback,
    RowCache,
    RowPicker,
    show_widget,
    wide,
)

if TYPE_CHECKING:
    from ..model import Record

R = TypeVar("R", bound="Record")
W = TypeVar("W", bound=widgets.Widget)


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

    def field(self, kind: type[W], label: str, placeholder: str | None = None,
              width: str | None = None, **options: Any) -> W:
        """A labelled input of the form (``widgets.Text``, ``Dropdown``, …): ``label`` and
        ``placeholder`` are text keys, ``width`` is ``"wide"`` (the form's width) or CSS."""
        if placeholder is not None:
            options["placeholder"] = self.tr(placeholder)
        if width is not None:
            options["layout"] = wide() if width == "wide" else widgets.Layout(width=width)
        return kind(description=self.tr(label), style=LABEL_STYLE, **options)

    def button(self, key: str, style: str = "") -> widgets.Button:
        """A button with text (no icon only: Voilà offline has no Font Awesome)."""
        return widgets.Button(description=self.tr(key), button_style=style,
                              layout=widgets.Layout(width="auto", align_self="flex-start"))

    #: How typed text becomes record data, per field (the readings of :mod:`workbook.values`).
    readers: Mapping[str, Callable[[Any], Any]] = {}

    def read(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """``values`` with the typed numbers and dates read (:attr:`readers`). A value that
        cannot be read is left out; :meth:`check` shows its problem with the others."""
        data = dict(values)
        self._unreadable: list[Problem] = []
        for name, read in self.readers.items():
            if name in data:
                try:
                    data[name] = read(data[name])
                except Unreadable as unreadable:
                    self._unreadable.append(Problem(name, unreadable.code, unreadable.params))
                    del data[name]
        return data

    def check(self, record: type[R], data: Mapping[str, Any]) -> R | None:
        """Validate ``data``; on problems show them, mark their widgets and return None."""
        problems, self._unreadable = getattr(self, "_unreadable", []), []
        unread = {problem.field for problem in problems}
        try:
            checked = self.session.validate(record, data)
        except InvalidRecord as error:
            problems = problems + [p for p in error.problems if p.field not in unread]
            checked = None
        if problems:
            error = InvalidRecord(problems)
            self.feedback.problems(error, self.lang)
            self.mark(error.fields)
            return None
        self.mark(())
        return checked

    def check_all(self, record: type[R], entries: Iterable[Mapping[str, Any]]) -> list[R] | None:
        """Validate every entry; on a problem in any, show them all and return None (so a
        form that stores several records at once stores none of them)."""
        records, problems = [], []
        for data in entries:
            try:
                records.append(self.session.validate(record, data))
            except InvalidRecord as error:
                problems.extend(error.problems)
        if problems:
            self.feedback.problems(InvalidRecord(problems), self.lang)
            return None
        return records

    def stored(self, action: Callable[[], Any]) -> bool:
        """Run a store action; a refusal of the store is shown instead of raised."""
        try:
            action()
        except StoreError as error:
            self.feedback.error(self.tr("forms.not_saved", reason=str(error)))
            return False
        return True

    def mark(self, fields: Iterable[str]) -> None:
        """Outline the widgets of ``fields`` and tie them to the message (see Feedback)."""
        wrong = set(fields)
        tie = f"wb-describedby-{self.feedback.id}"
        for name, widget in self.fields.items():
            widget.layout.border = INVALID_BORDER if name in wrong else None
            shown = widget if isinstance(widget, widgets.DOMWidget) else widget.widget  # CheckGroup
            for css_class in ("wb-invalid", tie):
                if name in wrong:
                    shown.add_class(css_class)
                elif css_class in shown._dom_classes:
                    shown.remove_class(css_class)

    def on_change(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` after this form changed the store (to refresh other views)."""
        self._listeners.append(callback)

    def changed(self) -> None:
        for callback in getattr(self, "_listeners", ()):
            callback()

    def show(self) -> None:
        show_widget(self.widget, self.display_name)


class RecordClass:
    """``model = RecordClass("Goal")``: a form's record class, named here and imported from
    :mod:`workbook.model` on first use (showing a form needs no pydantic, ~0.1 s)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, instance: object, owner: type | None = None) -> type[Record]:
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
        self.table_rows = RowCache()  # the table's rendered rows, kept between refreshes
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
        self._values_set(values)

    def _values_set(self, values: Mapping[str, Any]) -> None:
        """Called after :attr:`value` was set (a form clears its hints here)."""

    def _label(self, value: str) -> str:
        return self.session.catalog.label_of(value, self.lang)

    def _for_widget(self, widget: widgets.Widget, value: Any) -> Any:
        """``value`` in the form ``widget`` holds: a date for a date picker, a known option
        (else 0, "none") for a dropdown, text for a text field — numbers as people type them."""
        if isinstance(widget, CheckGroup):
            widget.include(value, self._label)  # e.g. an own value of a row being edited
            return tuple(value)
        missing = value is None or (not isinstance(value, str | tuple | list) and pd.isna(value))
        if isinstance(widget, widgets.DatePicker):
            return None if missing else to_date(value)
        if isinstance(widget, widgets.Dropdown):
            keys = [option[1] if isinstance(option, tuple) else option for option in widget.options]
            if not missing and value in keys:
                return keys[keys.index(value)]
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
        """The record data the widgets hold (numbers and dates read, see :meth:`read`)."""
        return self.read(self.value)

    #: The plan's table this form keeps (``store.<rows_of>(plan_id)``) and the store's
    #: verbs for one record (``add_<verb>``, ``update_<verb>``, ``delete_<verb>``,
    #: ``restore_<verb>``): one verb pattern for every form.
    rows_of: str = ""
    verb: str = ""

    def rows(self) -> pd.DataFrame:
        """The plan's live rows of :attr:`rows_of`."""
        return getattr(self.session.store, self.rows_of)(self.session.plan_id)

    def row(self, row_id: int) -> pd.Series:
        rows = self.rows()
        return rows[rows["id"] == row_id].iloc[0]

    def add(self, record: Any) -> int:
        return getattr(self.session.store, f"add_{self.verb}")(self.session.plan_id, record)

    def update(self, row_id: int, record: Any) -> None:
        getattr(self.session.store, f"update_{self.verb}")(row_id, record)

    def remove(self, row_id: int) -> None:
        getattr(self.session.store, f"delete_{self.verb}")(row_id)

    def bring_back(self, row_id: int) -> None:
        getattr(self.session.store, f"restore_{self.verb}")(row_id)

    def load(self, row_id: int) -> dict[str, Any]:  # pragma: no cover
        """The widget values of a stored row."""
        raise NotImplementedError

    #: The field that names a row in the form's messages ("Verwijderd: <what>"): the
    #: record's attribute and the column of :meth:`named_rows`.
    named_by: str = ""

    def named_rows(self) -> pd.DataFrame:
        """The rows :meth:`describe` looks a row up in: the live rows (a form that restores
        rows adds its deleted ones)."""
        return self.rows()

    def describe(self, row_id: int | None, record: Any = None) -> str:
        """How the messages name a row: the record's :attr:`named_by`, else the stored row's,
        else its id."""
        if record is not None:
            return getattr(record, self.named_by)
        rows = self.named_rows()
        found = rows[rows["id"] == row_id]
        return found[self.named_by].iloc[0] if len(found) else str(row_id)

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
