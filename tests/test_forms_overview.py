"""The facilitator's overview: store plans and team files side by side, combined, exported."""

from __future__ import annotations

import base64
import io
import re

from openpyxl import load_workbook

from workbook.forms.common import Session
from workbook.forms.overview import FacilitatorOverview, sample_folder
from workbook.model import Plan

SAMPLE_TEAMS = ["Basisschool De Regenboog", "CVO Kempen", "Sint-Jozefscollege Hasselt"]


def test_store_plan_and_sample_teams_side_by_side(demo_store):
    plans_before = len(demo_store.plans())
    overview = FacilitatorOverview(folder=sample_folder())
    teams = [team.team for team in overview.teams()]
    assert teams == ["Taal zonder grenzen", *SAMPLE_TEAMS]
    assert "4 teams: Taal zonder grenzen, Basisschool De Regenboog" in overview.message.value
    # one column per team and a total, side by side
    for key in ("context", "level", "channel"):
        header = overview.sections[key].value.split("</thead>")[0]
        assert all(name in header for name in teams) and "Totaal" in header
    assert "Binnen eigen school" in overview.sections["context"].value
    assert "intern · macro" in overview.sections["gaps"].value
    assert "Ontbreekt bij" in overview.sections["gaps"].value
    assert "verplicht kanaal: Erasmus+ Project Results Platform (EPRP)" in (
        overview.sections["gaps"].value)
    assert "Teachers using the digital toolkit" in overview.sections["indicators"].value
    assert "€ 1.996" in overview.sections["teams"].value
    assert "14 oktober 2025" in overview.sections["teams"].value
    assert overview.activities.get_title(0) == "Alle activiteiten (45)"
    assert bytes(overview.coverage.value).startswith(b"\x89PNG")
    # reading files never writes the workbook's store
    assert len(demo_store.plans()) == plans_before


def test_only_files_and_live_store(demo_store):
    overview = FacilitatorOverview(folder=sample_folder(), include_store=False)
    assert [team.team for team in overview.teams()] == SAMPLE_TEAMS
    overview.include_store.value = True
    demo_store.add_plan(Plan(name="Team Brugge"))
    overview.refresh_button.click()
    assert "Team Brugge" in overview.message.value
    assert "Team Brugge" in overview.sections["teams"].value
    overview.forget_button.click()
    assert [team.team for team in overview.teams()] == ["Taal zonder grenzen", "Team Brugge"]


def test_uploaded_files_and_a_refused_one(store):
    overview = FacilitatorOverview(include_store=False)
    assert "Nog geen plannen" in overview.message.value
    good = (sample_folder() / "CVO_Kempen.csv").read_bytes()
    bad = good.replace(b"2025", b"20x5", 1)
    assert overview.add_files([("CVO_Kempen.csv", good), ("kapot.csv", bad)]) == 1
    assert [team.team for team in overview.teams()] == ["CVO Kempen"]
    assert "Niets geïmporteerd uit kapot.csv" in overview.problems.value
    assert "rij 2, kolom When" in overview.problems.value
    # the same file again replaces, it does not double
    overview.add_files([("CVO_Kempen.csv", good)])
    assert [team.team for team in overview.teams()] == ["CVO Kempen"]


def test_folder_that_does_not_exist(store, tmp_path):
    overview = FacilitatorOverview(include_store=False)
    overview.folder.value = str(tmp_path / "nergens")
    overview.read_button.click()
    assert "Map niet gevonden" in overview.message.value
    overview.folder.value = str(tmp_path)
    assert overview.read_folder() is False
    assert "Geen .xlsx- of .csv-bestanden" in overview.message.value


def test_equal_team_names_stay_apart(demo_store):
    overview = FacilitatorOverview(folder=sample_folder())
    teams = overview.teams()
    overview.file_teams["twice"] = teams  # the same teams read again, e.g. a second folder
    twice = overview.teams()
    assert [team.team for team in twice][len(teams):] == [
        f"{team.team} (2)" for team in teams]


def test_downloads_of_the_combined_overview(demo_store):
    overview = FacilitatorOverview(folder=sample_folder())
    bar = overview.downloads
    bar.buttons[".xlsx"].click()
    found = re.search(r'download="([^"]+)" href="data:[^;]+;base64,([^"]+)"', bar.link.value)
    assert found.group(1) == "overzicht-teams.xlsx"
    book = load_workbook(io.BytesIO(base64.b64decode(found.group(2))))
    assert book.sheetnames[:2] == ["Teams", "Activiteiten"]
    bar.buttons[".html"].click()
    found = re.search(r'download="([^"]+)" href="data:[^;]+;base64,([^"]+)"', bar.link.value)
    assert found.group(1) == "overzicht-teams.html"
    page = base64.b64decode(found.group(2)).decode("utf-8")
    assert all(name in page for name in SAMPLE_TEAMS)
    assert "Welke doelgroepen bereiken alle teams samen?" in page


def test_in_english(demo_store, monkeypatch):
    monkeypatch.setenv("WORKBOOK_LANG", "en")
    overview = FacilitatorOverview(folder=sample_folder())
    assert overview.read_button.description == "Read folder"
    assert "Within our own school" in overview.sections["context"].value
    assert "4 teams:" in overview.message.value


def test_the_overview_follows_the_room_when_a_team_saves(demo_store):
    from workbook.store import Store

    overview = FacilitatorOverview(session=Session.open(demo_store))
    assert not overview.refresh_if_changed(), "nothing saved since it was drawn"
    other = Store(demo_store.url)  # another team's kernel
    try:
        other.add_plan(Plan(name="Team Laatkomer"))
    finally:
        other.close()
    assert overview.refresh_if_changed()
    assert "Team Laatkomer" in overview.sections["teams"].value
    assert not overview.refresh_if_changed()
    assert overview.auto_refresh.value and "elke 5 s" in overview.auto_refresh.description
