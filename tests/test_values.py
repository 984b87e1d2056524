"""One reading of numbers, amounts and dates: the planning form and the importer, fed the
same table of typed prices, store the same value or say the same thing."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import Workbook

from workbook.forms.planning import PlanningForm
from workbook.i18n import t
from workbook.importer import ImportRefused, parse_plan
from workbook.session import current_plan_id
from workbook.values import Unreadable, as_date, parse_amount, parse_date, parse_number

AMBIGUOUS = "'{text}' is dubbelzinnig"
NOT_A_NUMBER = "'{text}' is geen bedrag of getal"
NEGATIVE = "mag niet negatief zijn"

#: Typed prices and what they are: a value, or the start of the message about them.
PRICES: list[tuple[str, float | str]] = [
    ("1.250", 1250.0),
    ("12,5", 12.5),
    ("1.250,50", 1250.5),
    ("1,250.50", 1250.5),
    ("€ 1.250,50", 1250.5),
    ("€1.250,50", 1250.5),
    ("1.250,50 €", 1250.5),
    ("1 250", 1250.0),
    ("1\u00a0250,50", 1250.5),
    ("1 250 EUR", 1250.0),
    ("1250 euro", 1250.0),
    ("$1,250.50", 1250.5),
    ("1.000.000", 1_000_000.0),
    ("1,000,000", 1_000_000.0),
    ("0,125", 0.125),
    ("1.25", 1.25),
    ("12.50", 12.5),
    ("1250,5", 1250.5),
    ("1250.5", 1250.5),
    (",5", 0.5),
    ("250", 250.0),
    ("0", 0.0),
    ("  45,50  ", 45.5),
    ("+20", 20.0),
    ("", 0.0),
    ("   ", 0.0),
    ("-", 0.0),
    ("1,250", AMBIGUOUS),
    ("12,500", AMBIGUOUS),
    ("€ 2,500", AMBIGUOUS),
    ("-5", NEGATIVE),
    ("−12,5", NEGATIVE),
    ("-1.250,50", NEGATIVE),
    ("gratis", NOT_A_NUMBER),
    ("veel geld", NOT_A_NUMBER),
    ("12,5x", NOT_A_NUMBER),
    ("1.25.0", NOT_A_NUMBER),
    ("€", NOT_A_NUMBER),
    ("12,5 %", NOT_A_NUMBER),
    ("1,2,3", NOT_A_NUMBER),
]


def _expected(text: str, outcome: float | str) -> float | str:
    return outcome.format(text=text.strip()) if isinstance(outcome, str) else outcome


def _through_the_form(text: str) -> float | str:
    form = PlanningForm()
    form.context.value = "binnen_school"
    form.what.value = "Infoavond"
    form.target_groups.value = ["ouders"]
    form.when.value = date(2026, 4, 20)
    form.price.value = text
    if form.submit():
        store = form.session.store
        rows = store.activities(current_plan_id(store))
        return float(rows.loc[rows["id"].idxmax(), "price"])
    return form.feedback.text.split("Prijs: ", 1)[1]


def _through_the_importer(texts: list[str]) -> list[float | str]:
    book = Workbook()
    book.active.append(["Wat", "Naar wie", "Wanneer", "Prijs"])
    for text in texts:
        book.active.append(["Infoavond", "Ouders", "20/04/2026", text or None])
    buffer = io.BytesIO()
    book.save(buffer)
    try:
        parsed = parse_plan(buffer.getvalue(), filename="plan.xlsx")
    except ImportRefused as refused:
        lines = refused.messages()
        parsed = None
    found: list[float | str] = []
    for row in range(2, len(texts) + 2):
        if parsed is not None:
            found.append(parsed.activities[row - 2].activity.price)
            continue
        said = [line for line in lines if line.startswith(f"rij {row}, kolom Prijs: ")]
        if said:
            found.append(said[0].split("kolom Prijs: ", 1)[1])
        else:  # the row itself is fine: read it alone
            found.append(_through_the_importer([texts[row - 2]])[0])
    return found


def test_the_table_has_enough_spellings():
    assert len(PRICES) >= 30
    assert len({text for text, _ in PRICES}) == len(PRICES)


def test_the_form_and_the_importer_read_every_price_alike(demo_store):
    imported = _through_the_importer([text for text, _ in PRICES])
    for (text, outcome), from_file in zip(PRICES, imported, strict=True):
        from_form = _through_the_form(text)
        expected = _expected(text, outcome)
        if isinstance(expected, float):
            assert from_form == from_file == expected, text
        else:
            assert from_form == from_file, text  # the same message, word for word
            assert from_form.startswith(expected) or expected in from_form, (text, from_form)


def test_an_ambiguous_number_names_both_readings():
    with pytest.raises(Unreadable) as refused:
        parse_number("1,250")
    message = t(f"error.{refused.value.code}", "nl", **refused.value.params)
    assert message == ("'1,250' is dubbelzinnig: 1,25 (met decimale komma) of 1250? "
                       "Typ 1,25 of 1250.")
    english = t(f"error.{refused.value.code}", "en", **refused.value.params)
    assert english == ("'1,250' is ambiguous: 1,25 (with a decimal comma) or 1250? "
                       "Type 1,25 or 1250.")


def test_a_files_decimal_mark_settles_what_would_be_ambiguous():
    assert parse_number("1,250", ".") == 1250.0
    assert parse_number("1,250", ",") == 1.25
    assert parse_amount("€ 1.250", ".") == 1.25


@pytest.mark.parametrize(("value", "expected"), [
    ("2026-03-15", date(2026, 3, 15)), ("15/03/2026", date(2026, 3, 15)),
    ("maart 2026", date(2026, 3, 1)), (date(2026, 3, 15), date(2026, 3, 15)),
    ("2026-03-15T10:30", date(2026, 3, 15)), (None, None), ("", None),
])
def test_one_reading_of_dates(value, expected):
    assert parse_date(value) == expected
    assert as_date(value) == expected


def test_what_is_no_date_is_named_or_shown_as_nothing():
    with pytest.raises(Unreadable) as refused:
        parse_date("31/02/2026")
    assert t("error.not_a_date", "nl", **refused.value.params).startswith("'31/02/2026' is geen")
    assert as_date("morgen") is None
