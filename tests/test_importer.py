"""Importing a planning table typed by hand: every accepted spelling, every refusal."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

import pandas as pd
import pytest
from openpyxl import Workbook
from pg import (  # noqa: F401 (fixtures: every test using a store runs on SQLite and PostgreSQL)
    demo_store_on_both_databases,
    dump_rows,
    store_on_both_databases,
)

from workbook.importer import (
    _REFUSED,
    ImportProblem,
    ImportRefused,
    ParsedPlan,
    _each_distinct,
    heading_key,
    import_plan,
    new_plan,
    parse_amount,
    parse_date,
    parse_plan,
    plan_tables,
    split_values,
    write_plan,
)
from workbook.model import Indicator, InvalidRecord, Problem, validate
from workbook.session import current_plan_id

HEADER = (
    "Context;Wat;Naar wie;Hoe / kanalen;Wanneer;Indicator;Streefwaarde;Prijs;"
    "Verantwoordelijke;Status"
)
ROW = (
    "Binnen eigen school;Infoavond;Ouders;Infosessie, Schoolwebsite;14/10/2025;Deelnemers;60;"
    "250;Directie;gepland"
)


def csv_bytes(*lines: str, encoding: str = "utf-8") -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def xlsx_bytes(rows: list[list], title: str = "Blad1", extra: dict | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for name, sheet_rows in (extra or {}).items():
        other = book.create_sheet(name)
        for row in sheet_rows:
            other.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


dump = dump_rows  # every row of the store, to prove a refusal changed nothing




def only(source: bytes, filename: str = "plan.csv", **kwargs):
    parsed = parse_plan(source, filename=filename, **kwargs)
    assert len(parsed.activities) == 1
    return parsed.activities[0].activity


# ----- cell values --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-10-14", date(2025, 10, 14)),
        ("14/10/2025", date(2025, 10, 14)),
        ("14-10-2025", date(2025, 10, 14)),
        ("14.10.2025", date(2025, 10, 14)),
        ("4/9/2025", date(2025, 9, 4)),
        ("2025-10-14 00:00:00", date(2025, 10, 14)),
        ("oktober 2025", date(2025, 10, 1)),
        ("Oktober 2025", date(2025, 10, 1)),
        ("okt. 2025", date(2025, 10, 1)),
        ("October 2025", date(2025, 10, 1)),
        ("Oct 2025", date(2025, 10, 1)),
        ("maart 2026", date(2026, 3, 1)),
        ("mei 2026", date(2026, 5, 1)),
        (datetime(2025, 10, 14, 0, 0), date(2025, 10, 14)),
        (date(2025, 10, 14), date(2025, 10, 14)),
        ("", None),
        (None, None),
    ],
)
def test_dates_in_every_accepted_spelling(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text", ["31/02/2025", "volgend jaar", "2025-13-01", "14/10", "brumaire 2025"]
)
def test_what_is_not_a_date_raises(text):
    with pytest.raises(ValueError):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "decimal", "expected"),
    [
        ("1250.5", None, 1250.5),
        ("1250,5", None, 1250.5),
        ("1.250,50", None, 1250.5),
        ("€ 1.250,50", None, 1250.5),
        ("€1.250,50", None, 1250.5),
        ("1 250,50 EUR", None, 1250.5),
        ("1\u00a0250,50 €", None, 1250.5),
        ("1,250.50", None, 1250.5),
        ("1.250", None, 1250.0),
        ("1.250", ",", 1250.0),
        ("1.250", ".", 1.25),
        ("1,250", ".", 1250.0),
        ("1.000.000", None, 1_000_000.0),
        ("0", None, 0.0),
        ("007,07", ".", 7.07),
        ("12,5", ".", 12.5),
        ("12.50", ",", 12.5),
        ("1,25", None, 1.25),
        (" 12,50 ", None, 12.5),
        ("-", None, 0.0),
        (250, None, 250.0),
        (12.5, None, 12.5),
        ("", None, None),
    ],
)
def test_amounts_in_every_accepted_spelling(text, decimal, expected):
    assert parse_amount(text, decimal) == expected


@pytest.mark.parametrize("text", ["gratis", "250 euro's extra", "1,2,3,x", "€", "12,5x"])
def test_what_is_not_an_amount_raises(text):
    with pytest.raises(ValueError):
        parse_amount(text)


@pytest.mark.parametrize(
    "heading",
    ["Hoe / kanalen", "hoe/kanalen", "HOE KANALEN", "Hoe", "How / channels", "how/channels"],
)
def test_heading_spellings_fold_to_one_key(heading):
    assert heading_key(heading) in {"hoekanalen", "hoe", "howchannels"}


def test_heading_key_ignores_accents_case_spaces_and_slashes():
    assert heading_key(" Verantwoordélijke ") == "verantwoordelijke"
    assert heading_key("Naar  Wie") == heading_key("naar/wie") == "naarwie"


# ----- several values per cell --------------------------------------------------------


def test_catalog_entries_with_a_slash_stay_whole(catalog):
    found = split_values("Leerlingen / vrienden, ouders/lkrn", catalog.match_target_group)
    assert [f for _, f in found] == ["leerlingen", "ouders", "leerkrachten"]


def test_own_values_are_kept_and_slashes_split_only_known_parts(catalog):
    found = split_values(
        "Oud-leerlingen / alumni; ouders / grootouders", catalog.match_target_group
    )
    assert found == [("Oud-leerlingen / alumni", None), ("ouders", "ouders"), ("grootouders", None)]


@pytest.mark.parametrize("separator", [", ", "; ", " / ", "/", "\n"])
def test_target_groups_split_on_every_separator(separator, catalog):
    line = f'Wat;Naar wie;Wanneer\nInfoavond;"Ouders{separator}Directie";2025-10-14'
    activity = only(line.encode())
    assert activity.target_groups == ("ouders", "directie")


def test_how_column_sorts_methods_and_channels_and_keeps_own(catalog):
    line = (
        "Wat;Naar wie;Hoe / kanalen;Wanneer\n"
        'X;Ouders;"Podcast, Workshop, Gemeenteblad, Insta, Twitter / X";2025-10-14'
    )
    activity = only(line.encode())
    assert activity.methods == ("Podcast", "workshop")
    assert activity.channels == ("Gemeenteblad", "instagram", "twitter")


def test_separate_method_and_channel_columns(catalog):
    line = (
        "Wat;Naar wie;Methode;Kanalen;Wanneer\n"
        "X;Ouders;Infosessie;Smartschool, Eigen blog;2025-10-14"
    )
    activity = only(line.encode())
    assert activity.methods == ("infosessie",)
    assert activity.channels == ("nieuwsbrief_ouders", "Eigen blog")


def test_labels_without_their_bracketed_part_match(catalog):
    line = "Wat;Naar wie;Wanneer\nX;Project partners, Projectpartners;2025-10-14"
    assert only(line.encode()).target_groups == ("projectpartners",)


# ----- headings, contexts, statuses, dialects, encodings -----------------------------


def test_the_decks_headings_in_dutch(catalog):
    activity = only(csv_bytes(HEADER, ROW))
    assert activity.context == "binnen_school"
    assert activity.what == "Infoavond"
    assert activity.target_groups == ("ouders",)
    assert activity.methods == ("infosessie",) and activity.channels == ("schoolwebsite",)
    assert activity.when == date(2025, 10, 14)
    assert activity.target_value == 60 and activity.price == 250
    assert activity.responsible == "Directie" and activity.status == "gepland"


def test_english_headings_and_labels(catalog):
    source = csv_bytes(
        "Context,What,To whom,How / channels,When,Indicator,Target value,Cost,Responsible,Status",
        "Between the project partners,Logo contest,Pupils / friends,Competition,2025-10-07,,,150.5,"
        "Liceo Bari,in progress",
    )
    activity = only(source)
    assert activity.context == "tussen_partners" and activity.status == "bezig"
    assert activity.target_groups == ("leerlingen",) and activity.price == 150.5


@pytest.mark.parametrize(
    "headings",
    [
        "wat;NAAR WIE;hoe/kanalen;wanneer;prijs",
        "Wat ;Naar  wie;Hoe kanalen;Wanneer;Prijs",
        "Activiteit;Doelgroep;Hoe;Datum;Kostprijs",
        "What;Target groups;How;Date;Price",
        "Wat;Naar wie;Hoe / kanalen;Wanneer;Budget",
    ],
)
def test_heading_variants(headings):
    activity = only(csv_bytes(headings, "X;Ouders;Infosessie;14/10/2025;€ 1.250,50"))
    assert activity.price == 1250.5 and activity.methods == ("infosessie",)


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        ("Binnen eigen school", "binnen_school"),
        ("binnen", "binnen_school"),
        ("Within our own school", "binnen_school"),
        ("binnen_school", "binnen_school"),
        ("Tussen de projectpartners", "tussen_partners"),
        ("tussen", "tussen_partners"),
        ("Between the project partners", "tussen_partners"),
        ("", "binnen_school"),
    ],
)
def test_context_labels(context, expected):
    assert (
        only(csv_bytes("Context;Wat;Naar wie;Wanneer", f"{context};X;Ouders;2025-10-14")).context
        == expected
    )


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("gepland", "gepland"),
        ("", "gepland"),
        ("Planned", "gepland"),
        ("bezig", "bezig"),
        ("in progress", "bezig"),
        ("uitgevoerd", "uitgevoerd"),
        ("done", "uitgevoerd"),
        ("klaar", "uitgevoerd"),
        ("geannuleerd", "geannuleerd"),
        ("cancelled", "geannuleerd"),
    ],
)
def test_status_labels(status, expected):
    assert (
        only(csv_bytes("Wat;Naar wie;Wanneer;Status", f"X;Ouders;2025-10-14;{status}")).status
        == expected
    )


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_encodings(encoding):
    source = csv_bytes(
        "Wat;Naar wie;Wanneer", "Oudercafé met crème brûlée;Ouders;14/10/2025", encoding=encoding
    )
    assert only(source).what == "Oudercafé met crème brûlée"


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_dialects(delimiter):
    lines = [
        "Wat|Naar wie|Hoe / kanalen|Wanneer|Prijs",
        'Infoavond|"Ouders, Directie"|Infosessie|14/10/2025|"1250,5"',
    ]
    source = csv_bytes(*(line.replace("|", delimiter) for line in lines))
    activity = only(source)
    assert activity.target_groups == ("ouders", "directie") and activity.price == 1250.5


def test_excel_sep_line_is_understood():
    source = csv_bytes("sep=,", "Wat,Naar wie,Wanneer,Prijs", "X,Ouders,14/10/2025,1250.5")
    assert only(source).price == 1250.5


def test_semicolon_file_reads_dot_thousands_and_comma_file_dot_decimals():
    assert only(csv_bytes("Wat;Naar wie;Wanneer;Prijs", "X;Ouders;2025-10-14;1.250")).price == 1250
    assert only(csv_bytes("Wat,Naar wie,Wanneer,Prijs", "X,Ouders,2025-10-14,1.250")).price == 1.25


def test_xlsx_with_a_title_row_real_dates_and_numbers():
    source = xlsx_bytes(
        [
            ["Disseminatieplan"],
            [],
            ["Wat", "Naar wie", "Hoe / kanalen", "Wanneer", "Prijs (€)", "Opmerking"],
            ["Infoavond", "Ouders", "Infosessie", datetime(2025, 10, 14), 250, "ok"],
            [None, None, None, None, None, None],
            ["Posters", "Leerlingen", "Posters", "oktober 2025", "€ 1.250,50", None],
        ]
    )
    parsed = parse_plan(source, filename="plan.xlsx")
    assert [p.row for p in parsed.activities] == [4, 6]
    assert parsed.activities[1].activity.price == 1250.5
    assert parsed.ignored_columns == ["Opmerking"]


def test_formula_protection_is_removed_again():
    source = csv_bytes("Wat;Naar wie;Wanneer", "'=1+1 leerlingen;Ouders;2025-10-14")
    assert only(source).what == "=1+1 leerlingen"


# ----- indicators ---------------------------------------------------------------------


def test_known_indicator_names_link_ignoring_case_and_accents(store, catalog):
    plan_id = current_plan_id(store)
    indicator_id = store.add_indicator(
        plan_id,
        validate(
            Indicator,
            {
                "name": "Deelnemers infosessies",
                "unit": "deelnemers",
                "target": 200,
                "deadline": "2026-06-30",
            },
        ),
    )
    source = csv_bytes(
        "Wat;Naar wie;Wanneer;Indicator", "X;Ouders;2025-10-14;deelnemers  INFOSESSIES"
    )
    result = import_plan(store, source, filename="p.csv")
    activities = store.activities(plan_id)
    assert list(activities["indicator_id"]) == [indicator_id]
    assert result.new_indicators == [] and len(store.indicators(plan_id)) == 1


def test_unknown_indicator_names_become_draft_indicators(store):
    source = csv_bytes(
        "Wat;Naar wie;Wanneer;Indicator;Streefwaarde",
        "A;Ouders;2025-10-14;Bezoekers website;100",
        "B;Ouders;2026-02-01;bezoekers website;50",
        "C;Ouders;2025-12-01;;",
    )
    result = import_plan(store, source, filename="p.csv")
    indicators = store.indicators(result.plan_id)
    assert list(indicators["name"]) == ["Bezoekers website"]
    row = indicators.iloc[0]
    assert row["unit"] == "aantal" and row["target"] == 150
    assert row["deadline"].date() == date(2026, 2, 1)
    assert result.draft_indicators == ["Bezoekers website"]
    assert "Vul eenheid, streefwaarde en datum aan" in result.summary()
    assert "Add the unit, target and date" in result.summary("en")


def test_plan_tables_equal_what_a_store_gives_after_writing(store):
    indicators = [["Naam", "Eenheid", "Streefwaarde", "Doel bereikt op", "Soort"],
                  ["Bezoekers", "bezoekers", 500, date(2026, 6, 30), "stand"],
                  ["Deelnemers", "deelnemers", 80, date(2026, 5, 31), ""]]
    measurements = [["Indicator", "Datum", "Waarde", "Opmerking"],
                    ["Bezoekers", date(2026, 2, 1), 120, "na nieuwsbrief"],
                    ["bezoekers", date(2025, 11, 1), 40, ""],
                    ["Deelnemers", date(2025, 11, 1), 12, ""]]
    planning = [["Context", "Wat", "Naar wie", "Hoe / kanalen", "Wanneer", "Indicator",
                 "Streefwaarde", "Prijs", "Verantwoordelijke", "Status"],
                ["Tussen", "Nieuwsbrief", "Ouders; Oud-leerlingen / alumni", "Eigen kanaal",
                 date(2026, 3, 1), "Bezoekers", None, None, "", ""],
                ["Binnen", "Infoavond", "Leerkrachten", "Infosessie, Schoolwebsite",
                 "14/10/2025", "deelnemers", 40, "1.250,50", "Directie", "klaar"],
                ["Binnen", "Folder", "Ouders", "", "oktober 2025", "Folders verspreid", 300,
                 12, "", "geannuleerd"]]
    parsed = parse_plan(xlsx_bytes(planning, "Planning", {"Indicatoren": indicators,
                                                           "Metingen": measurements}),
                        filename="team.xlsx")
    store.add_plan(new_plan("Eerder"))  # so the compared plan is not plan 1
    written = write_plan(store, parsed, plan_name="Team")
    tables = plan_tables(parsed, plan_id=written.plan_id,
                         first_ids={"indicators": 1, "activities": 1, "measurements": 1})
    for key, frame in store.plan_tables(written.plan_id).items():
        pd.testing.assert_frame_equal(tables[key], frame, check_exact=True, obj=key)
    assert list(tables["indicators"]["name"]) == ["Bezoekers", "Deelnemers", "Folders verspreid"]
    assert list(tables["activities"]["what"]) == ["Folder", "Infoavond", "Nieuwsbrief"]
    assert list(tables["measurements"]["indicator_id"]) == [1, 2, 1]
    later = plan_tables(parsed, plan_id=7, first_ids={"activities": 10})
    assert sorted(later["activities"]["id"]) == [10, 11, 12]
    assert set(later["activities"]["plan_id"]) == {7}


def test_plan_tables_of_nothing_equal_an_empty_plans(store):
    plan_id = store.add_plan(new_plan("Leeg"))
    tables = plan_tables(ParsedPlan("leeg.csv", [], [], [], [], {}, []), plan_id=plan_id)
    for key, frame in store.plan_tables(plan_id).items():
        pd.testing.assert_frame_equal(tables[key], frame, check_exact=True, obj=key)
    tables["goals"].loc[0] = [1, plan_id, "Doel", "outcome", "", "", "", ""]
    assert plan_tables(ParsedPlan("leeg.csv", [], [], [], [], {}, []))["goals"].empty


def test_plan_sheet_values_keep_their_place_for_a_later_refusal():
    planning = [["Wat", "Naar wie", "Wanneer"], ["Folder", "Ouders", "2026-01-10"]]
    plan = [["Project", "Taal"], [], ["Naam", "Team Gent"], ["Start", "1/9/2025"]]
    parsed = parse_plan(xlsx_bytes(planning, "Planning", {"Plan": plan}), filename="t.xlsx")
    assert parsed.plan == {"project": "Taal", "name": "Team Gent", "start": date(2025, 9, 1)}
    assert parsed.plan_places == {"project": ("Plan", 1), "name": ("Plan", 3),
                                  "start": ("Plan", 4)}
    problem = ImportProblem("", sheet="Plan", row=3, fact="name",
                            problem=Problem("name", "control_chars"))
    assert problem.message() == (
        "blad Plan, rij 3, veld Naam: bevat onzichtbare stuurtekens; typ de tekst opnieuw.")
    assert problem.message("en") == ("sheet Plan, row 3, field Name: contains invisible "
                                     "control characters; please retype the text.")


PLANNING = [["Wat", "Naar wie", "Wanneer"], ["Folder", "Ouders", "2026-01-10"]]


def plan_sheet(organisation: str = "Sint-Jozefscollege, Hasselt", start: object = date(2025, 9, 1),
               end: object = date(2027, 8, 31)) -> list[list]:
    return [["Naam", "Team Hasselt"], ["Project", "Taal zonder grenzen"],
            ["Organisatie", organisation], ["Start project", start], ["Einde project", end]]


def with_plan_sheet(rows: list[list], planning: list[list] = PLANNING) -> bytes:
    return xlsx_bytes(planning, "Planning", {"Plan": rows})


@pytest.mark.parametrize("rows, lang, expected", [
    (plan_sheet(organisation="Sint-Jozef\x7fcollege"), "nl",
     "blad Plan, rij 3, veld Organisatie: bevat onzichtbare stuurtekens; typ de tekst opnieuw."),
    (plan_sheet(organisation="Sint-Jozef\x7fcollege"), "en",
     "sheet Plan, row 3, field Organisation: contains invisible control characters; "
     "please retype the text."),
    (plan_sheet(start=date(2027, 9, 1), end=date(2025, 8, 31)), "nl",
     "blad Plan, rij 5, veld Einde project: het einde ligt vóór de start."),
    (plan_sheet(start=date(2027, 9, 1), end=date(2025, 8, 31)), "en",
     "sheet Plan, row 5, field Project end: the end date is before the start date."),
    (plan_sheet(start="ooit"), "nl",
     "blad Plan, rij 4, veld Start project: 'ooit' is geen datum; verwacht bv. 14/10/2025, "
     "2025-10-14 of oktober 2025."),
    (plan_sheet(end=date(1999, 12, 31), start=None), "en",
     "sheet Plan, row 5, field Project end: expected a date between 2000-01-01 and 2100-12-31."),
])
def test_a_plan_sheet_that_is_no_valid_plan_is_refused_whole(store, monkeypatch, rows, lang,
                                                              expected):
    monkeypatch.setenv("WORKBOOK_LANG", lang)
    store.add_plan(new_plan("Eerder"))
    before, revisions = dump(store), store.revisions()
    with pytest.raises(ImportRefused) as refused:
        import_plan(store, with_plan_sheet(rows), filename="hasselt.xlsx", plan_name="Hasselt")
    assert refused.value.messages() == [expected]
    assert refused.value.report().splitlines()[0] == {
        "nl": "Niets geïmporteerd uit hasselt.xlsx: pas het bestand aan en probeer opnieuw.",
        "en": "Nothing imported from hasselt.xlsx: please correct the file and try again.",
    }[lang]
    assert store.revisions() == revisions
    assert dump(store) == before
    assert store.plan_id("Hasselt") is None


def test_plan_sheet_problems_are_listed_with_the_planning_tables():
    planning = [*PLANNING, ["Affiche", "Ouders", "31/02/2026"]]
    rows = plan_sheet(organisation="X\x7fY", start="ooit")
    with pytest.raises(ImportRefused) as refused:
        parse_plan(with_plan_sheet(rows, planning), filename="t.xlsx")
    assert refused.value.messages() == [
        "blad Planning, rij 3, kolom Wanneer: '31/02/2026' is geen datum; verwacht bv. "
        "14/10/2025, 2025-10-14 of oktober 2025.",
        "blad Plan, rij 4, veld Start project: 'ooit' is geen datum; verwacht bv. "
        "14/10/2025, 2025-10-14 of oktober 2025.",
        "blad Plan, rij 3, veld Organisatie: bevat onzichtbare stuurtekens; typ de tekst "
        "opnieuw.",
    ]


def test_a_valid_plan_sheet_fills_every_field_of_a_new_plan(store):
    parsed = parse_plan(with_plan_sheet(plan_sheet()), filename="t.xlsx")
    result = write_plan(store, parsed, plan_name="Team Hasselt", plan_details=parsed.plan)
    assert store.plan(result.plan_id) == new_plan("Team Hasselt", parsed.plan)
    assert store.plan(result.plan_id).model_dump() == {
        "name": "Team Hasselt", "project": "Taal zonder grenzen",
        "organisation": "Sint-Jozefscollege, Hasselt", "start": date(2025, 9, 1),
        "end": date(2027, 8, 31), "action_type": None, "budget": None, "licence": None,
        "exploitation": "", "maintenance": ""}


def test_import_into_a_new_plan_keeps_the_plan_sheet_and_an_existing_plan_its_own(store):
    source = with_plan_sheet(plan_sheet())
    created = import_plan(store, source, filename="t.xlsx", plan_name="Team Hasselt")
    assert store.plan(created.plan_id).organisation == "Sint-Jozefscollege, Hasselt"
    assert store.plan(created.plan_id).end == date(2027, 8, 31)
    existing = store.add_plan(new_plan("Team Genk", {"organisation": "Atheneum Genk"}))
    import_plan(store, source, filename="t.xlsx", plan_name="Team Genk")
    assert store.plan(existing).organisation == "Atheneum Genk"


def test_new_plan_refuses_details_that_are_no_plan(store):
    with pytest.raises(InvalidRecord) as invalid:
        new_plan("Team", {"organisation": "X\x7fY"})
    assert invalid.value.fields == ["organisation"]
    with pytest.raises(InvalidRecord) as invalid:
        new_plan("Team", {"start": date(2027, 1, 1), "end": date(2026, 1, 1)})
    assert invalid.value.fields == ["end"]
    parsed = parse_plan(with_plan_sheet(plan_sheet()), filename="t.xlsx")
    revisions = store.revisions()
    with pytest.raises(InvalidRecord):
        write_plan(store, parsed, plan_name="Team", plan_details={"organisation": "X\x7fY"})
    assert store.revisions() == revisions and store.plans().empty


# ----- writing ------------------------------------------------------------------------


def test_import_into_a_named_new_plan(store):
    result = import_plan(store, csv_bytes(HEADER, ROW), filename="p.csv", plan_name="Team Gent")
    assert result.created_plan and store.plan(result.plan_id).name == "Team Gent"
    assert "Nieuw plan 'Team Gent'" in result.summary()
    assert "1 activiteiten toegevoegd" in result.summary()


def test_import_appends_to_the_current_plan(demo_store):
    plan_id = current_plan_id(demo_store)
    before = len(demo_store.activities(plan_id))
    result = import_plan(demo_store, csv_bytes(HEADER, ROW), filename="p.csv")
    assert result.plan_id == plan_id and not result.created_plan
    assert len(demo_store.activities(plan_id)) == before + 1


# ----- refusals -----------------------------------------------------------------------

BAD_ROWS = csv_bytes(
    "Wat;Naar wie;Hoe / kanalen;Wanneer;Prijs;Context;Status",
    "Infoavond;Ouders;Infosessie;31/02/2025;250;binnen;gepland",
    ";Ouders;Infosessie;14/10/2025;veel;binnen;gepland",
    "Posters;;Posters;14/10/2025;-20;ergens;half",
    "Goed;Ouders;Posters;14/10/2025;10;binnen;gepland",
)


def test_repeated_cells_are_judged_in_every_row():
    source = xlsx_bytes([
        ["Wat", "Naar wie", "Wanneer", "Prijs", "Status"],
        ["A", "Ouders", "ooit", 1, "misschien"],
        ["B", "Ouders", "ooit", True, "misschien"],
        ["C", "Ouders", "2025-10-14", 1, "gepland"],
    ])
    with pytest.raises(ImportRefused) as refused:
        parse_plan(source, filename="p.xlsx")
    report = refused.value.report()
    for row in (2, 3):
        assert f"rij {row}, kolom Wanneer: 'ooit' is geen datum" in report
        assert f"rij {row}, kolom Status: 'misschien' is geen status" in report
    assert "rij 3, kolom Prijs: 'True' is geen bedrag" in report
    assert "rij 2, kolom Prijs" not in report and "rij 4" not in report


def test_each_distinct_cell_is_interpreted_once():
    seen = []

    def interpret(cell):
        seen.append(cell)
        if cell == "x":
            raise ValueError(cell)
        return cell

    cells = ["a", 1, "a", True, 1.0, "x", None, 1, "x"]
    found = _each_distinct(cells, interpret, (ValueError,))
    assert found == ["a", 1, "a", True, 1.0, _REFUSED, None, 1, _REFUSED]
    assert [type(v) for v in found[1:5]] == [int, str, bool, float]
    assert seen == ["a", 1, True, 1.0, "x", None]
    assert _each_distinct([["a"], ["a"]], tuple) == [("a",), ("a",)]  # unhashable: one by one


def test_every_problem_is_listed_with_row_and_column(store):
    with pytest.raises(ImportRefused) as refused:
        parse_plan(BAD_ROWS, filename="fout.csv")
    lines = refused.value.messages()
    assert "rij 2, kolom Wanneer: '31/02/2025' is geen datum" in lines[0]
    assert any(line.startswith("rij 3, kolom Wat: vul dit in") for line in lines)
    assert any(line.startswith("rij 3, kolom Prijs: 'veel' is geen bedrag") for line in lines)
    assert any(line.startswith("rij 4, kolom Naar wie: kies er minstens één") for line in lines)
    assert any(line.startswith("rij 4, kolom Prijs: mag niet negatief zijn") for line in lines)
    assert any(line.startswith("rij 4, kolom Context: 'ergens' is geen context") for line in lines)
    assert any(line.startswith("rij 4, kolom Status: 'half' is geen status") for line in lines)
    assert not any("rij 5" in line for line in lines)
    english = refused.value.messages("en")
    assert english[0].startswith("row 2, column Wanneer: '31/02/2025' is not a date")
    assert any("choose from: planned, in progress, done, cancelled" in line for line in english)
    assert refused.value.report().startswith("Niets geïmporteerd uit fout.csv")


NOT_A_ZIP = b"PK\x03\x04" + b"\x00garbage" * 20


def _zip_without_workbook() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("filename", "content", "expected"),
    [
        ("fout.csv", BAD_ROWS, "rij 2, kolom Wanneer"),
        ("leeg.csv", b"", "Het bestand is leeg"),
        ("spaties.csv", b"  \r\n \r\n", "Het bestand is leeg"),
        ("koppen.csv", csv_bytes("Wat;Naar wie;Wanneer"), "geen ingevulde rijen"),
        ("brief.txt", b"Beste collega,\nhierbij ons plan.\n", "Geen planningstabel"),
        ("mist.csv", csv_bytes("Wat;Naar wie;Prijs", "X;Ouders;5"), "kolommen ontbreken: Wanneer"),
        (
            "dubbel.csv",
            csv_bytes("Wat;Wat;Naar wie;Wanneer", "X;Y;Ouders;2025-10-14"),
            "de kolom Wat staat er twee keer in",
        ),
        ("foto.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "type .png"),
        ("upload", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "geen tekst- of rekenbladbestand"),
        ("binair.csv", b"Wat;Naar wie\x00\x01\x02\xff\xfe", "geen tekst- of rekenbladbestand"),
        ("oud.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 50, "Oude Excel-bestanden"),
        ("kapot.xlsx", NOT_A_ZIP, "geen leesbaar Excel-bestand"),
        ("zip.xlsx", _zip_without_workbook(), "geen leesbaar Excel-bestand"),
        ("tekst.xlsx", b"Wat;Naar wie;Wanneer\nX;Y;2025-10-14\n", "geen leesbaar Excel-bestand"),
        ("plan.pdf", b"%PDF-1.4 ...", "Bestanden van het type .pdf"),
        ("leeg.xlsx", xlsx_bytes([]), "Geen planningstabel"),
    ],
)
def test_refused_files_leave_the_store_unchanged(store, filename, content, expected):
    current_plan_id(store)
    before = dump(store)
    with pytest.raises(ImportRefused) as refused:
        import_plan(store, content, filename=filename, plan_name="Nieuw team")
    assert expected in refused.value.report()
    assert dump(store) == before
    assert store.plan_id("Nieuw team") is None


def test_a_refused_file_does_not_create_the_default_plan(store):
    with pytest.raises(ImportRefused):
        import_plan(store, BAD_ROWS, filename="fout.csv")
    assert store.plans().empty


def test_unknown_indicator_on_the_measurements_sheet_is_refused(store):
    source = xlsx_bytes(
        [["Wat", "Naar wie", "Wanneer", "Indicator"], ["X", "Ouders", "2025-10-14", "Bezoekers"]],
        title="Planning",
        extra={"Metingen": [["Indicator", "Datum", "Waarde"], ["Volgers", "2025-11-01", 10]]},
    )
    before = dump(store)
    with pytest.raises(ImportRefused) as refused:
        import_plan(store, source, filename="p.xlsx")
    assert refused.value.messages()[0].startswith(
        "blad Metingen, rij 2, kolom Indicator: indicator 'Volgers' staat niet in het bestand"
    )
    assert dump(store) == before


def test_a_file_path_is_read_too(tmp_path, store):
    path = tmp_path / "plan.csv"
    path.write_bytes(csv_bytes(HEADER, ROW))
    assert len(import_plan(store, path).activity_ids) == 1
    with pytest.raises(ImportRefused, match="kan niet gelezen"):
        import_plan(store, tmp_path / "bestaat-niet.csv")


def test_key_message_column_is_optional_and_read_when_present(catalog):
    old = only(b"Wat;Naar wie;Wanneer\nInfoavond;Ouders;2025-10-14")
    assert old.message == ""  # files from before the column still import
    for heading in ("Kernboodschap", "Boodschap", "Key message"):
        line = f'Wat;Naar wie;{heading};Wanneer\nInfoavond;Ouders;"Uw kind durft meer";2025-10-14'
        assert only(line.encode()).message == "Uw kind durft meer"


def test_a_too_long_key_message_is_refused_naming_the_column(catalog):
    line = f"Wat;Naar wie;Kernboodschap;Wanneer\nInfoavond;Ouders;{'x' * 301};2025-10-14"
    with pytest.raises(ImportRefused) as refused:
        parse_plan(line.encode(), filename="plan.csv")
    message = " ".join(refused.value.messages())
    assert "Kernboodschap" in message and "300" in message


def test_product_and_recognisable_pupils_columns(catalog):
    old = only(b"Wat;Naar wie;Wanneer\nInfoavond;Ouders;2025-10-14")
    assert old.product == "geen" and old.pupils_recognisable is False
    line = ("Wat;Naar wie;Product;Leerlingen herkenbaar;Wanneer\n"
            "Interview;Ouders;persbericht;ja;2025-10-14")
    activity = only(line.encode())
    assert activity.product == "artikel" and activity.pupils_recognisable is True
    english = only(b"What;To whom;Product;Pupils recognisable;When\n"
                   b"Clip;Parents;video;no;2025-10-14")
    assert english.product == "video" and english.pupils_recognisable is False


def test_a_bad_product_or_yes_no_names_the_column():
    line = ("Wat;Naar wie;Product;Leerlingen herkenbaar;Wanneer\n"
            "Interview;Ouders;ruimteschip;misschien;2025-10-14")
    with pytest.raises(ImportRefused) as refused:
        parse_plan(line.encode(), filename="plan.csv")
    message = " ".join(refused.value.messages())
    assert "'ruimteschip' is geen product" in message
    assert "'misschien' is geen ja of nee" in message


def test_plan_sheet_reads_action_type_and_budget_and_a_file_without_them_still_imports(store):
    planning = [["Wat", "Naar wie", "Wanneer"], ["Folder", "Ouders", "2026-01-10"]]
    plan = [["Naam", "Team Gent"], ["Soort partnerschap", "KA210 — kleinschalig partnerschap"],
            ["Subsidiebedrag (€)", "60.000"]]
    parsed = parse_plan(xlsx_bytes(planning, "Planning", {"Plan": plan}), filename="t.xlsx")
    assert parsed.plan["budget"] == 60_000
    written = write_plan(store, parsed, plan_name="Team Gent", plan_details=parsed.plan)
    made = store.plan(written.plan_id)
    assert made.action_type == "KA210" and made.budget == 60_000
    old = parse_plan(xlsx_bytes(planning, "Planning", {"Plan": [["Naam", "Oud"]]}),
                     filename="oud.xlsx")
    assert "budget" not in old.plan and "action_type" not in old.plan


def test_a_bad_budget_on_the_plan_sheet_is_named():
    plan = [["Naam", "Team Gent"], ["Subsidiebedrag", "veel"]]
    with pytest.raises(ImportRefused) as refused:
        parse_plan(xlsx_bytes(PLANNING, "Planning", {"Plan": plan}), filename="t.xlsx")
    assert "rij 2" in " ".join(refused.value.messages())


# ----- the impact chain and after the project (optional columns and rows) ---------------


def test_the_new_columns_are_optional_and_read_when_present(catalog):
    old = parse_plan(with_plan_sheet(plan_sheet()), filename="oud.xlsx")
    assert old.activities[0].activity.period == "tijdens" and "licence" not in old.plan
    planning = [["Wat", "Naar wie", "Wanneer", "Periode"],
                ["Folder", "Ouders", "2026-01-10", "tijdens het project"],
                ["Pakketten bijwerken", "Leerkrachten", "2028-02-01", "na het project"],
                ["Nieuwsbericht", "Ouders", "2028-03-01", "After the project"]]
    indicators = [["Naam", "Eenheid", "Streefwaarde", "Doel bereikt op", "Niveau", "Verandering"],
                  ["Deelnemers", "deelnemers", 60, "2026-06-30", "output", ""],
                  ["Leerkrachten met CLIL", "leerkrachten", 15, "2027-06-30", "outcome",
                   "Vakleerkrachten gebruiken CLIL"]]
    plan = [*plan_sheet(), ["Licentie van de resultaten", "CC BY-SA 4.0"],
            ["Na het project: wat blijft gebruikt, en door wie?", "De lespakketten"],
            ["Onderhoud", "Het kernteam"]]
    parsed = parse_plan(xlsx_bytes(planning, "Planning", {"Indicatoren": indicators,
                                                          "Plan": plan}), filename="t.xlsx")
    assert [p.activity.period for p in parsed.activities] == ["tijdens", "na", "na"]
    assert [(i.level, i.change) for i in parsed.indicators] == [
        ("output", ""), ("outcome", "Vakleerkrachten gebruiken CLIL")]
    assert parsed.plan["licence"] == "CC BY-SA 4.0"
    assert parsed.plan["exploitation"] == "De lespakketten"
    assert parsed.plan["maintenance"] == "Het kernteam"
    assert new_plan("Team", parsed.plan).licence == "cc_by_sa"


def test_bad_new_values_are_named_with_their_cell(monkeypatch):
    planning = [["Wat", "Naar wie", "Wanneer", "Periode"],
                ["Folder", "Ouders", "2026-01-10", "straks"]]
    indicators = [["Naam", "Eenheid", "Streefwaarde", "Doel bereikt op", "Niveau"],
                  ["Scholen", "scholen", 3, "2027-06-30", "impact"]]
    plan = [*plan_sheet(), ["Licentie", "MIT"]]
    with pytest.raises(ImportRefused) as refused:
        parse_plan(xlsx_bytes(planning, "Planning", {"Indicatoren": indicators, "Plan": plan}),
                   filename="t.xlsx")
    messages = refused.value.messages()
    assert any("rij 2, kolom Periode" in m and "tijdens het project, na het project" in m
               for m in messages), messages
    assert any("kolom Niveau" in m and "impact is geen indicator" in m for m in messages)
    assert any("veld Licentie van de resultaten" in m and "CC BY 4.0" in m for m in messages)
    monkeypatch.setenv("WORKBOOK_LANG", "en")
    assert any("impact is not an indicator" in m for m in refused.value.messages())
