"""Exports: xlsx, csv, ics and html, the round trip back through the importer, and safety."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date

import pandas as pd
import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from workbook.cellsafety import neutralise, restore
from workbook.export import ExportError, PlanData, export_bytes, export_plan, filename_for
from workbook.export.csvfile import csv_bytes
from workbook.export.ics import ics_bytes
from workbook.export.report import Chart, report_html
from workbook.export.xlsx import xlsx_bytes
from workbook.importer import import_plan
from workbook.model import Activity, validate
from workbook.session import current_plan_id
from workbook.store import Store
from workbook.tables import planning_columns

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)
DANGEROUS = ["=HYPERLINK(\"http://x\")", "+31 leerlingen", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)",
             "\tverborgen", "\rterug"]
# The model trims what people type, so only these reach an export from the store.
STORED = DANGEROUS[:4]


@pytest.fixture
def demo(demo_store) -> PlanData:
    return PlanData.from_store(demo_store)


def add_row(store: Store, catalog, **fields) -> int:
    values = {"context": "binnen_school", "what": "X", "target_groups": ["ouders"],
              "when": "2026-04-01", **fields}
    return store.add_activity(current_plan_id(store), validate(Activity, values, catalog=catalog))


def roundtrip(content: bytes, filename: str) -> pd.DataFrame:
    target = Store("sqlite://")
    result = import_plan(target, content, filename=filename)
    return PlanData.from_store(target, result.plan_id).planning()


# ----- xlsx ---------------------------------------------------------------------------


def test_xlsx_sheets_headings_and_layout(demo):
    book = load_workbook(io.BytesIO(xlsx_bytes(demo)))
    assert book.sheetnames == ["Planning", "Indicatoren", "Metingen", "Plan", "Effecten",
                               "Reflectie"]
    chains = [[c.value for c in row] for row in book["Effecten"].iter_rows()]
    assert chains[0] == ["Beoogd effect", "Niveau", "Output", "Outcome", "Impact (in woorden)",
                         "Keten"]
    assert chains[2][0] == "Project zichtbaar bij ouders en buurt"
    assert chains[2][-1] == "stopt bij output"
    reflection = [[c.value for c in row] for row in book["Reflectie"].iter_rows()]
    assert reflection[0] == ["Moment", "Vraag", "Antwoord"] and len(reflection) == 7
    assert reflection[-1][0] == "tussentijdse evaluatie"
    sheet = book["Planning"]
    assert [c.value for c in sheet[1]] == planning_columns("nl")
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref.startswith("A1:N")
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width > 8
    assert sheet["L2"].number_format == "[$€-813] #,##0.00"
    assert sheet["I1"].value == "Periode" and sheet["I2"].value == "tijdens het project"
    indicators = [c.value for c in book["Indicatoren"][1]]
    assert indicators[-2:] == ["Niveau", "Welke verandering toont ze, bij wie?"]
    facts = {row[0].value: row[1].value for row in book["Plan"].iter_rows()}
    assert facts["Licentie van de resultaten"] == "CC BY-SA 4.0 (naamsvermelding, gelijk delen)"
    assert "KlasCement" in facts["Wie onderhoudt het, en waar blijft het beschikbaar?"]
    assert sheet["H2"].number_format == "dd/mm/yyyy" and sheet["H2"].is_date
    assert sheet["D1"].value == "Kernboodschap" and sheet["D2"].value
    assert sheet.max_row == len(demo.planning()) + 1
    assert book["Indicatoren"]["D2"].number_format == "dd/mm/yyyy"
    assert book["Plan"]["B1"].value == "Taal zonder grenzen"
    english = load_workbook(io.BytesIO(xlsx_bytes(demo, "en")))
    assert english.sheetnames == ["Planning", "Indicators", "Measurements", "Plan", "Effects",
                                  "Reflection"]
    assert [c.value for c in english["Planning"][1]] == planning_columns("en")


def test_xlsx_never_holds_a_formula(store, catalog):
    for text in STORED:
        add_row(store, catalog, what=text, responsible=text, message=text)
    content = xlsx_bytes(PlanData.from_store(store))
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert "<f>" not in archive.read(name).decode()
    sheet = load_workbook(io.BytesIO(content))["Planning"]
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert not any(cell.data_type == "f" for cell in cells)
    whats = {c.value: c for c in sheet["B"][1:]}
    assert set(whats) == set(STORED)
    assert all(cell.quotePrefix for cell in whats.values())


# ----- csv ----------------------------------------------------------------------------


def test_csv_flemish_dialect_by_default(demo):
    content = csv_bytes(demo)
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == planning_columns("nl")
    by_what = {row[1]: row for row in rows[1:]}
    row = by_what["Multiplier event in Gent voor scholen uit de regio en de scholengroep"]
    assert row[7] == "18/03/2027" and row[11] == "2500" and row[10] == "15"
    assert row[8] == "tijdens het project"
    after = by_what["Lespakketten bijwerken en een nieuwe vakgroep op weg helpen, een schooljaar "
                    "na het project"]
    assert after[7] == "01/02/2028" and after[8] == "na het project"
    assert row[5] == "presentatie (slides)" and row[6] == "nee"
    assert row[3].startswith("Taalgericht vakonderwijs met CLIL")
    assert content.decode("utf-8-sig").count("\r\n") == len(rows)


def test_csv_comma_option_and_decimal_marks(store, catalog):
    add_row(store, catalog, price=1250.5, target_value=12.5, what="Infoavond, met drankje")
    data = PlanData.from_store(store)
    flemish = csv_bytes(data).decode("utf-8-sig")
    assert ";1250,5;" in flemish and ";12,5;" in flemish and "01/04/2026" in flemish
    comma = csv_bytes(data, comma=True).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(comma)))
    assert rows[1][1] == "Infoavond, met drankje"
    assert rows[1][7] == "2026-04-01" and rows[1][10] == "12.5" and rows[1][11] == "1250.5"
    assert not csv_bytes(data, bom=False).startswith(b"\xef\xbb\xbf")


def test_csv_neutralises_formulas(store, catalog):
    for text in STORED:
        add_row(store, catalog, what=text)
    rows = list(csv.reader(io.StringIO(csv_bytes(PlanData.from_store(store)).decode("utf-8-sig")),
                           delimiter=";"))
    whats = [row[1] for row in rows[1:]]
    assert sorted(whats) == sorted("'" + text for text in STORED)
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r"))
                   for row in rows for cell in row)


@pytest.mark.parametrize(
    "text", [*DANGEROUS, "gewoon", "'apostrof", "'=al beschermd", "''+twee", "'", ""]
)
def test_neutralise_and_restore_are_inverse(text):
    assert restore(neutralise(text)) == text


# ----- the round trip -----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    ("suffix", "comma"), [(".xlsx", False), (".csv", False), (".csv", True)]
)
def test_round_trip_gives_the_same_planning_table(demo, suffix, comma, lang):
    content = export_bytes(demo, suffix, lang, comma=comma)
    pd.testing.assert_frame_equal(roundtrip(content, f"plan{suffix}"), demo.planning())


def test_round_trip_keeps_formula_text_own_entries_and_cents(store, catalog):
    add_row(store, catalog, what="=1+1", target_groups=["Oud-leerlingen / alumni", "ouders"],
            methods=["Podcast", "workshop"], channels=["Eigen blog", "instagram"],
            price=0.35, target_value=1.255, responsible="-Jan-", status="bezig")
    add_row(store, catalog, what="Twee", context="tussen_partners", when="2026-04-01")
    data = PlanData.from_store(store)
    for suffix in (".xlsx", ".csv"):
        pd.testing.assert_frame_equal(roundtrip(export_bytes(data, suffix), f"p{suffix}"),
                                      data.planning())


def test_xlsx_round_trip_brings_indicators_and_measurements(demo):
    target = Store("sqlite://")
    result = import_plan(target, xlsx_bytes(demo), filename="plan.xlsx")
    assert result.draft_indicators == []
    original, copied = demo.tables["indicators"], target.indicators(result.plan_id)
    columns = ["name", "unit", "target", "deadline", "kind"]
    pd.testing.assert_frame_equal(original[columns], copied[columns])
    assert len(target.measurements(result.plan_id)) == len(demo.tables["measurements"])
    copy = PlanData.from_store(target, result.plan_id)
    pd.testing.assert_frame_equal(copy.measurement_table(), demo.measurement_table())


# ----- ics ----------------------------------------------------------------------------


def test_ics_parses_back_with_every_activity_and_the_erasmus_events(demo, demo_store, catalog):
    cancelled = add_row(demo_store, catalog, what="Afgelast", status="geannuleerd")
    data = PlanData.from_store(demo_store)
    calendar = Calendar.from_ical(ics_bytes(data))
    assert calendar["VERSION"] == "2.0" and "PRODID" in calendar
    events = list(calendar.walk("VEVENT"))
    live = data.tables["activities"]
    live = live[(~live["deleted"]) & (live["status"] != "geannuleerd")]
    summaries = [str(e["SUMMARY"]) for e in events]
    assert "Afgelast" not in summaries and cancelled
    activity_events = [e for e in events if "Erasmus+" not in e.get("CATEGORIES").cats]
    assert len(activity_events) == len(live)
    occurrences = catalog.events_between(data.plan.start, data.plan.end)
    assert len(events) == len(live) + len(occurrences)
    assert data.years() == [2025, 2026, 2027, 2028]  # a row after the project, in 2028
    moments = [e for e in events if "Erasmus+" in e.get("CATEGORIES").cats]
    # only the events within the plan's period (2025-09-01 to 2027-08-31)
    assert all(e.decoded("DTSTART") <= data.plan.end for e in moments)
    assert all(e.decoded("DTEND") > data.plan.start for e in moments)
    assert not [e for e in moments if e.decoded("DTSTART") == date(2027, 9, 26)]
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    for event in events:
        assert "DTSTAMP" in event and "UID" in event
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert isinstance(start, date) and end > start
    pitch = next(e for e in events if str(e["SUMMARY"]).startswith("Elevator pitch"))
    assert pitch.decoded("DTSTART") == date(2025, 9, 4)
    assert pitch.decoded("DTEND") == date(2025, 9, 5)
    assert "Leerkrachten / vakcollega's" in str(pitch["DESCRIPTION"])
    erasmusdays = [e for e in events if str(e["SUMMARY"]) == "Erasmus+: ERASMUSDAYS"]
    assert erasmusdays[0].decoded("DTSTART") == date(2025, 10, 13)
    assert "exacte dagen" in str(erasmusdays[-1]["DESCRIPTION"])  # 2026: only the month
    assert len(erasmusdays) == 2  # October 2027 lies after the plan's end
    languages = [e for e in moments if "Dag van de Talen" in str(e["SUMMARY"])]
    assert languages and all(str(e["SUMMARY"]).startswith("Raad van Europa") for e in languages)
    assert ics_bytes(data) == ics_bytes(data)  # stable UIDs and DTSTAMP for a fixed today


def test_ics_uids_stay_the_same_between_exports(demo):
    first = [str(e["UID"]) for e in Calendar.from_ical(ics_bytes(demo)).walk("VEVENT")]
    second = [str(e["UID"]) for e in Calendar.from_ical(ics_bytes(demo, "en")).walk("VEVENT")]
    assert first == second


def test_ics_without_events_and_in_english(demo):
    calendar = Calendar.from_ical(ics_bytes(demo, "en", events=False))
    events = list(calendar.walk("VEVENT"))
    assert all("Erasmus+" not in e["CATEGORIES"].cats for e in events)
    assert "To whom:" in str(events[0]["DESCRIPTION"])


# ----- html ---------------------------------------------------------------------------


def test_html_escapes_everything_typed(store, catalog):
    add_row(store, catalog, what="<script>alert('x')</script>", responsible="<b>Jan</b> & co",
            target_groups=["<img src=x onerror=alert(1)>"])
    html = report_html(PlanData.from_store(store), charts=False, check=False)
    assert "<script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "&lt;b&gt;Jan&lt;/b&gt; &amp; co" in html


def test_html_report_holds_tables_check_and_embedded_charts(demo):
    html = report_html(demo, charts=[("Mijn <grafiek>", PNG), Chart("Tweede", PNG)],
                       check=[(True, "EPRP gepland"), (False, "Logo <ontbreekt>")])
    assert html.startswith("<!DOCTYPE html>") and 'lang="nl"' in html
    assert "Voortgangsrapport disseminatie: Taal zonder grenzen" in html
    for heading in planning_columns("nl"):
        assert f"<th>{heading}</th>" in html
    assert html.count("data:image/png;base64,") == 2
    assert "Mijn &lt;grafiek&gt;" in html and "Logo &lt;ontbreekt&gt;" in html
    assert "€ 2.500" in html and "18/03/2027" in html
    assert "http://" not in html and "https://" not in html.split("<body>")[1].split("youtu")[0]
    assert "@media print" in html


def test_html_report_holds_the_impact_chain_and_the_reflection_answers(demo):
    html = report_html(demo, charts=False, check=False)
    chains = html.split('<section id="chains">')[1].split("</section>")[0]
    assert "<th>Output</th>" in chains and "<th>Keten</th>" in chains
    assert "stopt bij output" in chains and "volledig" in chains
    assert "Taalgericht vakonderwijs wordt een gewone werkvorm" in chains
    reflection = html.split('<section id="reflection">')[1].split("</section>")[0]
    assert "<h3>Bij de start</h3>" in reflection
    assert "<h3>Tussentijdse evaluatie</h3>" in reflection
    assert "Hoe zul je merken dat die verandering begint?" in reflection
    assert "Vertalen verdelen over de partners" in reflection
    english = report_html(demo, "en", charts=False, check=False)
    assert "<h3>Mid-term review</h3>" in english and "Reflection" in english
    plan = demo.plan_facts("nl")
    assert ("Licentie van de resultaten", "CC BY-SA 4.0 (naamsvermelding, gelijk delen)") in plan
    checked = report_html(demo, charts=False)
    assert "Open licentie: de resultaten worden gedeeld onder CC BY-SA 4.0." in checked


def test_html_in_english_without_charts(demo):
    html = report_html(demo, "en", charts=False, check=[])
    assert "Dissemination progress report" in html and "data:image" not in html
    assert "<th>How / channels</th>" in html


def test_html_looks_up_charts_and_plan_check_when_available(demo):
    pytest.importorskip("workbook.charts")
    html = report_html(demo)
    assert html.count("data:image/png;base64,") >= 1 + len(demo.tables["indicators"])
    checks = pytest.importorskip("workbook.checks")
    if hasattr(checks, "plan_check"):
        assert 'id="check"' in html


# ----- files by extension -------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".ics", ".html"])
def test_export_plan_writes_the_format_of_the_extension(demo_store, tmp_path, suffix):
    path = export_plan(demo_store, tmp_path / "out" / f"plan{suffix}")
    content = path.read_bytes()
    assert content
    assert not list((tmp_path / "out").glob(".*part"))


def test_unknown_extension_is_refused(demo, demo_store, tmp_path):
    with pytest.raises(ExportError, match=r"\.pdf"):
        export_plan(demo_store, tmp_path / "plan.pdf")
    assert not (tmp_path / "plan.pdf").exists()
    assert filename_for(demo, ".xlsx") == "Taal-zonder-grenzen.xlsx"


def test_report_has_a_printable_model_consent_in_both_languages_with_sources(demo):
    page = report_html(demo, charts=False)
    assert 'id="consent"' in page
    assert "Toestemming voor beeldmateriaal van leerlingen" in page
    assert "Consent for images of pupils" in page
    # taking and publishing are separate; kind of image, where and why; withdrawable
    assert "1. Beelden maken" in page and "2. Beelden publiceren (dit is een aparte" in page
    assert "Welke beelden" in page and "Waarom" in page and "intrekken" in page
    assert "withdraw this consent at any time" in page
    assert "Gegevensbeschermingsautoriteit" in page  # its sources, from data/bronnen.csv
    assert 'id="consent"' not in report_html(demo, charts=False, consent=False)
