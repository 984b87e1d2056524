"""The facilitator's overview: gathering team plans from a store and from files, combined."""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook
from pg import (  # noqa: F401 (fixtures: every test using a store runs on SQLite and PostgreSQL)
    demo_store_on_both_databases,
    store_on_both_databases,
)

from workbook import facilitator as fac
from workbook.export import PlanData, export_bytes
from workbook.i18n import t
from workbook.importer import ImportRefused
from workbook.model import Goal, Plan
from workbook.session import current_plan_id
from workbook.store import Store
from workbook.tables import planning_columns

TEAMS = Path(__file__).resolve().parents[1] / "data" / "teams"
NAMES = ["Basisschool De Regenboog", "CVO Kempen", "Sint-Jozefscollege Hasselt"]




@pytest.fixture
def teams():
    found, refused = fac.teams_from_files(TEAMS)
    assert refused == {}
    return found


def test_the_sample_folder_holds_three_teams_in_mixed_formats():
    suffixes = sorted(path.suffix for path in fac.team_files(TEAMS))
    assert suffixes == [".csv", ".csv", ".xlsx"]


def test_sample_files_become_one_plan_per_team(teams, store):
    assert [team.team for team in teams] == NAMES
    assert [team.source for team in teams] == [
        "Basisschool_De_Regenboog.csv", "CVO_Kempen.csv", "Sint-Jozefscollege_Hasselt.xlsx"]
    assert teams[2].plan.organisation == "Sint-Jozefscollege, Hasselt"
    assert store.plans().empty  # gathering from files never touches the workbook's store


def test_activities_per_team(teams):
    frame = fac.activities_per_team(teams)
    assert list(frame["Team"]) == NAMES
    assert list(frame["Activiteiten"]) == [7, 6, 8]
    assert frame["Kosten"].sum() == pytest.approx(
        sum(float(t.live_activities()["price"].sum()) for t in teams))
    assert str(frame["Eerste activiteit"].iloc[0].date()) == "2025-10-14"
    assert list(frame["Na het project"]) == [0, 0, 0]  # old files: nothing after the project
    assert list(frame["Licentie van de resultaten"]) == ["", "", ""]


def test_the_overview_shows_licence_after_project_rows_and_chains(demo_store, teams):
    everyone = teams + fac.teams_from_store(demo_store)
    frame = fac.activities_per_team(everyone).set_index("Team")
    demo = frame.loc["Taal zonder grenzen"]
    assert demo["Licentie van de resultaten"] == "CC BY-SA 4.0"
    assert demo["Na het project"] == 2 and demo["Effecten die bij output stoppen"] == 1
    english = fac.activities_per_team(everyone, lang="en").set_index("Team")
    assert english.loc["Taal zonder grenzen", "Effects that stop at output"] == 1
    indicators = fac.all_indicators(everyone)
    steps = dict(zip(indicators["Naam"], indicators["Telt als"], strict=False))
    assert steps["Volgers Instagram-account project"] == "output"  # marked outcome, counts reach
    assert steps["Leerkrachten die CLIL toepassen"] == "outcome"


def test_combined_activities_put_a_team_column_first(teams):
    frame = fac.combined_activities(teams)
    assert list(frame.columns) == ["Team", *planning_columns("nl")]
    assert len(frame) == 21
    assert frame["Team"].value_counts().to_dict() == {NAMES[0]: 7, NAMES[1]: 6, NAMES[2]: 8}
    english = fac.combined_activities(teams, lang="en")
    assert "How / channels" in english.columns


def test_totals_per_context_level_and_channel(teams):
    context = fac.totals_per_context(teams)
    assert list(context.index) == ["Binnen eigen school", "Tussen de projectpartners"]
    assert context["Totaal"].sum() == 21
    assert context.loc["Tussen de projectpartners", "Sint-Jozefscollege Hasselt"] == 4
    cost = fac.totals_per_context(teams, measure="cost")
    assert cost["Totaal"].sum() == pytest.approx(
        fac.activities_per_team(teams)["Kosten"].sum())
    level = fac.totals_per_level(teams)
    assert list(level.index)[:2] == ["intern · micro", "intern · meso"]
    assert level.loc["intern · macro"].sum() == 0
    channel = fac.totals_per_channel(teams)
    assert channel.index[0] in {"Posters", "Personeelsvergadering", "Facebook"}
    assert channel.loc["Gemeentelijk infoblad", "Basisschool De Regenboog"] == 1


def test_coverage_gaps_name_the_teams_that_miss_something(teams):
    gaps = fac.coverage_gaps(teams)
    assert gaps.loc["intern · meso", "Ontbreekt bij"] == "CVO Kempen"
    eprp = next(label for label in gaps.index if label.startswith("verplicht kanaal"))
    assert gaps.loc[eprp, "Ontbreekt bij"] == "Basisschool De Regenboog, CVO Kempen"
    assert gaps.loc["extern · meso", "Ontbreekt bij"] == "—"


def test_all_indicators_with_measured_values(demo_store, teams):
    frame = fac.all_indicators(teams + fac.teams_from_store(demo_store))
    demo = frame[frame["Team"] == "Taal zonder grenzen"].set_index("Naam")
    assert demo.loc["Deelnemers infosessies", "Gemeten"] == 121  # 52 + 28 + 41
    assert demo.loc["Volgers Instagram-account project", "Gemeten"] == 430  # last reading
    assert demo.loc["Volgers Instagram-account project", "Behaald (%)"] == 108
    assert set(frame["Team"]) == {*NAMES, "Taal zonder grenzen"}


def test_teams_from_the_live_store(demo_store):
    fac.import_team_files(demo_store, TEAMS)
    teams = fac.teams_from_store(demo_store)
    assert [team.team for team in teams] == ["Taal zonder grenzen", *NAMES]
    assert {team.source for team in teams} == {"werkboek"}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_room_lists_teams_by_name_without_the_facilitators_empty_plan(store, lang):
    """The plan that opening the workbook without a team makes is no team while empty."""
    for name in ("Team 10", "Team 2", "team 1"):
        store.add_plan(Plan(name=name))
    unnamed = store.add_plan(Plan(name=t("store.default_plan_name", lang)))
    assert [team.team for team in fac.room_teams(store)] == ["team 1", "Team 2", "Team 10"]
    store.add_goal(unnamed, Goal(title="Meer scholen doen mee", level="impact"))
    assert t("store.default_plan_name", lang) in [team.team for team in fac.room_teams(store)]


def test_import_team_files_names_plans_uniquely_and_reports_refusals(store, tmp_path):
    folder = tmp_path / "teams"
    shutil.copytree(TEAMS, folder)
    (folder / "Kapot_team.csv").write_bytes(b"Wat;Naar wie;Wanneer\nX;Ouders;ooit\n")
    (folder / "~$lock.xlsx").write_bytes(b"lock")
    results, refused = fac.import_team_files(store, folder)
    assert [r.plan_name for r in results] == NAMES
    assert list(refused) == ["Kapot_team.csv"]
    assert isinstance(refused["Kapot_team.csv"], ImportRefused)
    assert "rij 2, kolom Wanneer" in refused["Kapot_team.csv"].report()
    again, _ = fac.import_team_files(store, [folder / "CVO_Kempen.csv"])
    assert again[0].plan_name == "CVO Kempen (2)"


def test_uploaded_files_and_exports_of_the_workbook(demo_store):
    exported = export_bytes(PlanData.from_store(demo_store), ".xlsx")
    kempen = (TEAMS / "CVO_Kempen.csv").read_bytes()
    upload = [("export.xlsx", exported), ("CVO_Kempen.csv", kempen)]
    teams, refused = fac.teams_from_files(upload)
    assert refused == {}
    assert [team.team for team in teams] == ["Taal zonder grenzen", "CVO Kempen"]
    assert len(teams[0].tables["measurements"]) == 27


def test_team_name_from_plan_sheet_or_file_name():
    assert fac.team_name({"name": "GO! Atheneum"}, "x.xlsx") == "GO! Atheneum"
    assert fac.team_name({}, "Team_Brugge_2025.csv") == "Team Brugge 2025"


def test_overview_xlsx_has_a_sheet_per_frame(teams):
    book = load_workbook(io.BytesIO(fac.overview_xlsx_bytes(teams)))
    assert book.sheetnames == ["Teams", "Activiteiten", "Per context", "Per niveau",
                               "Per kanaal", "Hiaten", "Indicatoren"]
    assert book["Activiteiten"].max_row == 22
    assert book["Teams"].freeze_panes == "A2"
    english = load_workbook(io.BytesIO(fac.overview_xlsx_bytes(teams, lang="en")))
    assert "Per level" in english.sheetnames


def test_overview_html_is_escaped_and_self_contained(teams):
    evil = b"Wat;Naar wie;Wanneer\n<script>alert(1)</script>;Ouders;2026-01-10\n"
    more, _ = fac.teams_from_files([("<b>Team<b>.csv", evil)])
    html = fac.overview_html(teams + more, charts=[("Grafiek", b"\x89PNG")])
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;b&gt;Team&lt;b&gt;" in html
    assert "Overzicht van de teams" in html and "data:image/png;base64," in html
    for name in NAMES:
        assert name in html


def _through_a_store(sources) -> list[fac.TeamPlan]:
    """Team plans as teams_from_files made them before: written into an in-memory store
    and read back from it."""
    memory = Store("sqlite://")
    try:
        results, _ = fac.import_team_files(memory, sources)
        by_id = {r.plan_id: r.source for r in results}
        return [
            fac.TeamPlan(team.team, by_id[int(plan_id)], team.plan, team.tables)
            for plan_id, team in zip(memory.plans()["id"], fac.teams_from_store(memory),
                                     strict=True)
        ]
    finally:
        memory.engine.dispose()


def test_team_frames_built_from_records_equal_a_stores(demo_store):
    exported = export_bytes(PlanData.from_store(demo_store), ".xlsx")
    own = (
        b"Context;Wat;Naar wie;Hoe / kanalen;Wanneer;Indicator;Streefwaarde;Prijs;Status\n"
        b"Tussen;Nieuwsbrief;Ouders / Oud-leerlingen;Eigen kanaal;2026-03-01;Bereik;;;\n"
        b"Binnen;Infoavond;Leerkrachten;Infosessie, Schoolwebsite;14/10/2025;bereik;40;"
        b"1.250,50;klaar\n"
        b"Binnen;Poster;Leerlingen;Posters;14/10/2025;;;12;geannuleerd\n"
    )
    no_targets = b"Wat;Naar wie;Wanneer\nFolder;Ouders;oktober 2025\n"
    sources = [
        *[(path.name, path.read_bytes()) for path in fac.team_files(TEAMS)],
        ("export.xlsx", exported),
        ("CVO_Kempen.csv", (TEAMS / "CVO_Kempen.csv").read_bytes()),
        ("Kapot.csv", b"Wat;Naar wie;Wanneer\nX;Ouders;ooit\n"),
        ("Eigen.csv", own),
        ("Zonder.csv", no_targets),
    ]
    direct, refused = fac.teams_from_files(sources)
    assert list(refused) == ["Kapot.csv"]
    stored = _through_a_store(sources)
    assert [t.team for t in direct] == [t.team for t in stored] == [
        *NAMES, "Taal zonder grenzen", "CVO Kempen (2)", "Eigen", "Zonder"]
    for mine, theirs in zip(direct, stored, strict=True):
        assert (mine.team, mine.source, mine.plan) == (theirs.team, theirs.source, theirs.plan)
        assert list(mine.tables) == list(theirs.tables)
        for key, frame in theirs.tables.items():
            pd.testing.assert_frame_equal(mine.tables[key], frame, check_exact=True,
                                          obj=f"{mine.team}: {key}")
    assert len(direct[3].tables["measurements"]) == 27
    assert direct[5].tables["activities"]["target_value"].isna().tolist() == [False, True, True]


def test_combined_activities_equal_each_teams_planning_table(demo_store, teams):
    plan_id = current_plan_id(demo_store)
    demo_store.delete_activity(int(demo_store.activities(plan_id)["id"].iloc[0]))
    everyone = teams + fac.teams_from_store(demo_store)  # ids repeat between the sources
    for lang in ("nl", "en"):
        frames = []
        for team in everyone:
            table = team.data().planning(lang)
            table.insert(0, "Team", team.team)
            frames.append(table)
        expected = pd.concat(frames, ignore_index=True)
        pd.testing.assert_frame_equal(fac.combined_activities(everyone, lang=lang), expected,
                                      check_exact=True)
    assert fac.combined_activities(everyone)["Indicator"].ne("").sum() > 10


def test_live_activities_follow_the_frame_and_are_the_callers_own(teams):
    team = teams[0]
    live = team.live_activities()
    live.loc[live.index[0], "what"] = "veranderd"
    assert "veranderd" not in set(team.live_activities()["what"])
    activities = team.tables["activities"]
    team.tables["activities"] = activities.assign(status="geannuleerd")
    assert team.live_activities().empty
    team.tables["activities"] = activities
    assert len(team.live_activities()) == 7


def test_equal_team_names_stay_apart_in_every_frame(store, teams):
    fac.import_team_files(store, TEAMS)  # the same three plans in the store and in files
    everyone = fac.teams_from_store(store) + teams
    frames = fac.overview_frames(everyone)
    twice = [*NAMES, *(f"{name} (2)" for name in NAMES)]
    assert list(frames["teams"]["Team"]) == twice
    assert list(frames["teams"]["Bron"]) == ["werkboek"] * 3 + [t.source for t in teams]
    gaps = frames["gaps"].set_index("Wat")
    assert gaps.loc["intern · meso", "Ontbreekt bij"] == "CVO Kempen, CVO Kempen (2)"
    context = frames["context"].set_index("Context")
    assert list(context.columns) == [*twice, "Totaal"]
    assert context["Totaal"].sum() == 2 * 21  # counted once per team, not merged by name
    assert context["CVO Kempen"].sum() == context["CVO Kempen (2)"].sum() == 6
    assert frames["activities"]["Team"].value_counts()["CVO Kempen (2)"] == 6
    assert set(frames["indicators"]["Team"]) <= set(twice)
    assert [team.team for team in everyone] == [*NAMES, *NAMES]  # the callers' own stay
    load_workbook(io.BytesIO(fac.overview_xlsx_bytes(everyone)))
    assert "CVO Kempen (2)" in fac.overview_html(everyone)


def test_a_team_named_like_a_heading_keeps_its_own_column(teams):
    totaal = [fac.TeamPlan("Totaal", "totaal.csv", teams[0].plan, teams[0].tables), teams[1]]
    assert [team.team for team in fac.distinct_teams(totaal)] == ["Totaal (2)", "CVO Kempen"]
    gaps = fac.coverage_gaps(totaal)
    assert gaps.loc["intern · meso", "Ontbreekt bij"] == "CVO Kempen"
    context = fac.totals_per_context(totaal)
    assert context["Totaal"].sum() == 13 and context["Totaal (2)"].sum() == 7
    assert fac.distinct_teams(teams) == teams


def _with_plan_sheet(name: str, *more: list) -> bytes:
    book = Workbook()
    planning = book.active
    planning.title = "Planning"
    planning.append(["Wat", "Naar wie", "Wanneer"])
    planning.append(["Folder", "Ouders", "2026-01-10"])
    plan = book.create_sheet("Plan")
    plan.append(["Project", "Taal zonder grenzen"])
    plan.append(["Naam", name])
    for row in more:
        plan.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("lang, expected", [
    ("nl", "blad Plan, rij 2, veld Naam: bevat onzichtbare stuurtekens"),
    ("en", "sheet Plan, row 2, field Name: contains invisible control characters"),
])
def test_a_team_name_that_is_no_plan_name_refuses_only_that_file(store, monkeypatch, lang,
                                                                   expected):
    monkeypatch.setenv("WORKBOOK_LANG", lang)
    sources = [
        ("brugge.xlsx", _with_plan_sheet("Team\x7fBrugge")),
        ("CVO_Kempen.csv", (TEAMS / "CVO_Kempen.csv").read_bytes()),
        ("Team\x9b.csv", b"Wat;Naar wie;Wanneer\nFolder;Ouders;2026-01-10\n"),
    ]
    teams, refused = fac.teams_from_files(sources)
    assert [team.team for team in teams] == ["CVO Kempen"]
    assert list(refused) == ["brugge.xlsx", "Team\x9b.csv"]
    assert expected in refused["brugge.xlsx"].report()
    assert "brugge.xlsx" in refused["brugge.xlsx"].report().splitlines()[0]
    name_of_file = {"nl": "bestandsnaam (de naam van het team): bevat onzichtbare",
                    "en": "file name (the team's name): contains invisible"}[lang]
    assert name_of_file in refused["Team\x9b.csv"].report()
    results, refused = fac.import_team_files(store, sources)
    assert [r.plan_name for r in results] == ["CVO Kempen"]
    assert list(store.plans()["name"]) == ["CVO Kempen"]
    assert expected in refused["brugge.xlsx"].report()


def test_an_empty_name_on_the_plan_sheet_names_the_team_after_its_file():
    teams, refused = fac.teams_from_files([("Team_Brugge.xlsx", _with_plan_sheet(" "))])
    assert refused == {} and [team.team for team in teams] == ["Team Brugge"]


@pytest.mark.parametrize("rows, lang, expected", [
    ([["Organisatie", "Stedelijk\x7fLyceum"]], "nl",
     "blad Plan, rij 3, veld Organisatie: bevat onzichtbare stuurtekens; typ de tekst opnieuw."),
    ([["Organisatie", "Stedelijk\x7fLyceum"]], "en",
     "sheet Plan, row 3, field Organisation: contains invisible control characters; "
     "please retype the text."),
    ([["Start", date(2027, 9, 1)], ["Einde", date(2025, 8, 31)]], "nl",
     "blad Plan, rij 4, veld Einde project: het einde ligt vóór de start."),
    ([["Start", date(2027, 9, 1)], ["Einde", date(2025, 8, 31)]], "en",
     "sheet Plan, row 4, field Project end: the end date is before the start date."),
])
def test_a_plan_sheet_that_is_no_valid_plan_refuses_only_that_file(store, monkeypatch, rows,
                                                                    lang, expected):
    monkeypatch.setenv("WORKBOOK_LANG", lang)
    sources = [("brugge.xlsx", _with_plan_sheet("Team Brugge", *rows)),
               ("CVO_Kempen.csv", (TEAMS / "CVO_Kempen.csv").read_bytes())]
    teams, refused = fac.teams_from_files(sources)
    assert [team.team for team in teams] == ["CVO Kempen"]
    assert list(refused) == ["brugge.xlsx"] and refused["brugge.xlsx"].messages() == [expected]
    revisions = store.revisions()
    results, refused = fac.import_team_files(store, sources[:1])
    assert results == [] and refused["brugge.xlsx"].messages() == [expected]
    assert store.revisions() == revisions and store.plans().empty


def test_a_valid_plan_sheet_gives_the_team_plan_every_field(store):
    source = _with_plan_sheet("Team Brugge", ["Organisatie", "Stedelijk Lyceum"],
                              ["Start", date(2025, 9, 1)], ["Einde", "31/08/2027"],
                              ["Soort partnerschap", "KA220"], ["Subsidiebedrag", 250000])
    expected = {"name": "Team Brugge", "project": "Taal zonder grenzen",
                "organisation": "Stedelijk Lyceum", "start": date(2025, 9, 1),
                "end": date(2027, 8, 31), "action_type": "KA220", "budget": 250000.0,
                "licence": None, "exploitation": "", "maintenance": ""}
    teams, refused = fac.teams_from_files([("brugge.xlsx", source)])
    assert refused == {} and teams[0].plan.model_dump() == expected
    results, refused = fac.import_team_files(store, [("brugge.xlsx", source)])
    assert refused == {} and store.plan(results[0].plan_id).model_dump() == expected


def test_thirty_teams_become_a_row_each_on_the_projector(teams):
    facilitator = fac
    teams = [fac.TeamPlan(f"Team {n:02d}", "x.csv", teams[n % len(teams)].plan,
                          teams[n % len(teams)].tables) for n in range(1, 31)]
    frames = facilitator.overview_frames(teams)
    fitted = facilitator.for_projector(frames, teams)
    assert list(fitted["context"]["Team"]) == [f"Team {n:02d}" for n in range(1, 31)]
    assert "Team 07" not in fitted["channel"].columns and "Teams" in fitted["channel"].columns
    assert "Team 07" not in fitted["gaps"].columns
    assert fitted["level"]["Totaal"].sum() == frames["level"]["Totaal"].sum()
    few = teams[:3]
    assert facilitator.for_projector(facilitator.overview_frames(few), few) is not None
    assert "Team 02" in facilitator.for_projector(facilitator.overview_frames(few), few)[
        "context"].columns
