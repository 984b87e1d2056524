"""Previous/next links and the team chooser, without a browser: in JupyterLab plain links,
in the app view (Voilà) links that keep the team's ``?plan=``."""

from __future__ import annotations

import pytest

from workbook.forms import navigation


@pytest.fixture
def app_view(monkeypatch: pytest.MonkeyPatch):
    def open_page(query: str = "") -> None:
        monkeypatch.setenv("SERVER_SOFTWARE", "voila/0.5.13")
        monkeypatch.setenv("QUERY_STRING", query)

    return open_page


def test_jupyterlab_links_are_plain_and_the_chooser_shows_nothing(demo_store):
    html = navigation.navigation_html("03-hoe")
    assert 'href="02-wat.ipynb"' in html and 'href="04-aan-de-slag.ipynb"' in html
    assert "?plan" not in html and "../tree" not in html
    assert not navigation.in_app_view()
    navigation.choose_team()  # displays nothing outside Voilà


def test_first_and_last_have_one_neighbour():
    assert "wb-nav-previous" not in navigation.navigation_html("00-welkom")
    assert "wb-nav-next" not in navigation.navigation_html("06-overzicht-begeleider")
    with pytest.raises(ValueError):
        navigation.navigation_html("07-bestaat-niet")


def test_app_view_links_keep_the_plan(app_view, demo_store):
    app_view("plan=Team%20Gent&token=x")
    html = navigation.navigation_html("04-aan-de-slag")
    assert 'href="03-hoe.ipynb?plan=Team+Gent"' in html
    assert 'href="05-voortgang.ipynb?plan=Team+Gent"' in html
    assert 'href="../tree?plan=Team+Gent"' in html
    assert "token" not in html


def test_an_english_page_of_the_pages_design_links_to_the_english_list(app_view, demo_store,
                                                                      monkeypatch):
    from workbook import config

    app_view("plan=Team%20Gent")
    monkeypatch.chdir(config.edition_dir("en"))  # Voilà runs the kernel in the notebook's folder
    html = navigation.navigation_html("04-aan-de-slag")
    assert 'href="../../tree/en?plan=Team+Gent"' in html
    assert 'href="05-voortgang.ipynb?plan=Team+Gent"' in html  # same stems in both editions
    assert "Next: 05 — Progress" in html


def test_team_chooser_creates_a_plan_and_offers_its_link(app_view, demo_store):
    app_view()
    chooser = navigation.TeamChooser()
    assert "Taal zonder grenzen" in chooser.teams.value
    assert "Nog geen team gekozen" in chooser.current.value
    chooser.name.value = "  "
    assert not chooser.create()
    assert "wb-error" in chooser.feedback.value
    assert demo_store.plan_id("") is None
    chooser.name.value = "Atheneum Brugge"
    assert chooser.create()
    assert demo_store.plan_id("Atheneum Brugge") is not None
    assert 'href="00-welkom.ipynb?plan=Atheneum+Brugge"' in chooser.feedback.value
    assert "Atheneum Brugge" in chooser.teams.value
    assert chooser.create()  # the same name again: no second plan, the same link
    assert "bestaat al" in chooser.feedback.value
    assert list(demo_store.plans()["name"]).count("Atheneum Brugge") == 1


def test_team_chooser_with_a_plan_in_the_address_creates_it(app_view, demo_store):
    app_view("plan=Nieuw%20team")
    chooser = navigation.TeamChooser()
    assert demo_store.plan_id("Nieuw team") is not None
    assert "Nieuw team" in chooser.current.value
    assert 'href="00-welkom.ipynb?plan="' in chooser.current.value  # choose another team
