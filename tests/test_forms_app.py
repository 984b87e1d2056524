"""The one-page app view without a browser: sections, the team switch, the page's commands."""

from __future__ import annotations

import json
import re

import pytest

from workbook import i18n
from workbook.forms import app
from workbook.forms.navigation import NOTEBOOKS


@pytest.fixture
def in_app_view(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SERVER_SOFTWARE", "voila/0.5")
    monkeypatch.setenv("QUERY_STRING", "")


def state(workbook_app: app.WorkbookApp) -> dict[str, str]:
    found = re.search(r"data-state='([^']*)'", workbook_app.state.value)
    assert found, workbook_app.state.value
    import html

    return json.loads(html.unescape(found.group(1)))


def send(workbook_app: app.WorkbookApp, **command: str) -> None:
    workbook_app.command.value = json.dumps(command)


def test_the_start_section_lists_every_notebook_in_order_with_its_time(in_app_view, store):
    shown = app.WorkbookApp()
    html = shown.sections["start"].value
    links = re.findall(r'<a href="([^"]+)\.ipynb">', html)
    assert links == list(NOTEBOOKS)
    assert 'id="werkboek-start"' in html and "40 min" in html
    assert state(shown) == {"page": "start", "plan": "", "lang": "nl"}
    assert 'aria-current="page">Start<' in shown.menu.value


def test_opening_a_notebook_builds_its_section_and_closes_the_previous_one(in_app_view,
                                                                           demo_store):
    shown = app.WorkbookApp("00-welkom")
    first = shown.sections["00-welkom"]
    owned = set(shown._owned["00-welkom"])
    assert owned and first in shown.body.children
    send(shown, page="04-aan-de-slag")
    assert shown.page == "04-aan-de-slag"
    assert list(shown.sections) == ["04-aan-de-slag"]
    assert "wb-section-04-aan-de-slag" in shown.body.children[0]._dom_classes
    from ipywidgets.widgets import widget as registry

    assert not owned & set(registry._instances), "the widgets of 00 were not closed"
    assert state(shown)["page"] == "04-aan-de-slag"
    assert shown.command.value == "", "a command is consumed, so the same one can come again"


def test_a_command_to_work_as_a_team_creates_its_plan_and_keeps_it_in_the_address(
        in_app_view, store):
    shown = app.WorkbookApp("00-welkom")
    send(shown, page="00-welkom", plan="Team Gent")
    assert store.plan_id("Team Gent") is not None
    assert state(shown) == {"page": "00-welkom", "plan": "Team Gent", "lang": "nl"}
    assert "Team “Team Gent”" in shown.menu.value
    send(shown, page="00-welkom", plan="")
    assert state(shown)["plan"] == ""


@pytest.mark.parametrize("text", ["not json", "[1, 2]", '{"page": "../../etc/passwd"}',
                                  '{"page": 4}'])
def test_a_command_that_is_no_page_of_the_workbook_shows_the_start_page(in_app_view, store,
                                                                        text):
    shown = app.WorkbookApp("00-welkom")
    shown.command.value = text
    assert shown.page in ("start", "00-welkom")
    assert shown.command.value == ""


def test_a_command_naming_no_valid_team_changes_nothing(in_app_view, store):
    shown = app.WorkbookApp("00-welkom")
    before = len(store.plans())
    send(shown, page="04-aan-de-slag", plan="x" * 500)
    assert shown.page == "00-welkom" and len(store.plans()) == before
    assert state(shown)["plan"] == ""


def test_a_fault_in_a_call_shows_a_notice_in_the_participants_language(in_app_view, store,
                                                                       monkeypatch,
                                                                       capsys):
    from workbook import sections

    broken = (sections.Cell("html", "<h1>x</h1>"), sections.Cell("code", "1 / 0"))
    monkeypatch.setattr(sections, "page_cells", lambda stem, lang=None: broken)
    i18n.set_language("en")
    shown = app.WorkbookApp("01-waarom")
    assert shown.page == "01-waarom"
    printed = capsys.readouterr().out
    assert "Part of this page could not be shown" in printed
    assert "ZeroDivisionError" not in printed


def test_english_on_request_through_the_address(in_app_view, store, monkeypatch):
    monkeypatch.setenv("QUERY_STRING", "lang=en&page=04-aan-de-slag")
    shown_widgets = []
    monkeypatch.setattr(app, "display", shown_widgets.append)
    app.show()
    widget = shown_widgets[-1]  # the app; the section's prose and forms came before it
    assert "wb-app" in widget._dom_classes
    menu = widget.children[0].value
    assert "Getting started" in menu and "Aan de slag" not in menu
    prose = [shown.value for shown in shown_widgets if "wb-prose" in shown._dom_classes]
    assert prose[0].startswith("<h1>04 — Getting started: your planning table</h1>")
    assert not any("Wat ga je doen" in text for text in prose)  # the English edition's cells
    assert i18n.language() == "en"  # and the forms, after they opened the store, too


def test_the_start_page_offers_both_editions_and_a_choice_switches_the_edition(in_app_view,
                                                                               store):
    shown = app.WorkbookApp()
    start = shown.sections["start"].value
    assert 'data-wb-lang="en"' in start and 'data-wb-lang="nl"' in start
    assert 'aria-current="true">Nederlands' in start
    send(shown, page="start", lang="en")
    assert state(shown) == {"page": "start", "plan": "", "lang": "en"}
    assert "Welcome" in shown.sections["start"].value
    assert 'aria-current="true">English' in shown.sections["start"].value
    assert store.setting("lang") is None  # a choice of this visit, not saved for every team


def test_the_welcome_pages_language_choice_decides_the_edition_of_the_following_pages(
        in_app_view, store, monkeypatch):
    from workbook import api

    shown_widgets = []
    monkeypatch.setattr(app, "display", shown_widgets.append)
    shown = app.WorkbookApp("00-welkom")
    api.set_language("en")  # what the welcome form does when English is chosen and saved
    shown_widgets.clear()
    send(shown, page="01-waarom")
    prose = [widget.value for widget in shown_widgets if "wb-prose" in widget._dom_classes]
    assert prose[0].startswith("<h1>01 — Why disseminate?</h1>")
    assert state(shown) == {"page": "01-waarom", "plan": "", "lang": "en"}
