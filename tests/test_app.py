"""The app view (Voilà) in a real browser: what a participant and a facilitator see and do.

Each test starts its own server on 127.0.0.1 (tests/servers.py) on a copy of the demo plan,
drives Debian's Chromium through Playwright and saves a screenshot in test-artifacts/.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from servers import ARTIFACTS, voila

from workbook.demo import read_demo
from workbook.forms.navigation import NOTEBOOKS
from workbook.store import Store

pytestmark = pytest.mark.browser

PAGE_TIMEOUT = 60_000  # ms: a Voilà page runs its notebook before it shows the widgets
VIEWPORT = {"width": 1280, "height": 900}


# ----- helpers ---------------------------------------------------------------------------


def page_url(base: str, stem: str, query: str = "") -> str:
    return f"{base}/voila/render/{stem}.ipynb{query}"


def wait_for_page(page, ready: str) -> None:
    """Wait until Voilà has run the notebook and ``ready`` (a selector) is visible."""
    page.wait_for_selector(ready, state="visible", timeout=PAGE_TIMEOUT)


def screenshot(page, name: str, focus=None) -> Path:
    """Save what the participant sees (``focus`` scrolled into view) under test-artifacts/."""
    ARTIFACTS.mkdir(exist_ok=True)
    if focus is not None:
        focus.scroll_into_view_if_needed()
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def open_from_start(page, title: str) -> None:
    """On the start page, click the notebook with this title."""
    page.locator(f"ol.pages a:has(.title:text-is('{title}'))").click()


def field(page, kind: str, label: str, element: str):
    """An ipywidgets 8 control by its label: ``field(page, "text", "Wat", "input")``."""
    return page.locator(f".widget-{kind}:has(> label:text-is('{label}')) {element}").first


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def answer(url: str) -> tuple[int, str]:
    """The server's first answer to ``url`` (status and Location), redirects not followed."""
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(url, timeout=30) as response:
            return response.status, ""
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location", "")


def open_store(folder: str | Path) -> Store:
    return Store(f"sqlite:///{Path(folder) / 'werkboek.sqlite'}")


def activities_of(folder: str | Path, plan: str | None = None):
    store = open_store(folder)
    try:
        plan_id = store.plan_id(plan) if plan else int(store.plans()["id"].iloc[0])
        assert plan_id is not None, f"no plan {plan!r} in the store"
        return store.activities(plan_id)
    finally:
        store.engine.dispose()


def fill_planning_row(page, what: str, price: str = "250",
                      indicator: str | None = "Deelnemers infosessies") -> None:
    """Fill the planning form of *aan de slag* the way a participant does."""
    page.get_by_role("button", name="Tussen de projectpartners", exact=True).click()
    field(page, "text", "Wat", "input").fill(what)
    page.get_by_role("checkbox", name="Ouders", exact=True).check()
    page.get_by_role("checkbox", name="Infosessie", exact=True).check()
    page.get_by_role("checkbox", name="Schoolwebsite", exact=True).check()
    field(page, "datepicker", "Wanneer", "input[type=date]").fill("2026-05-12")
    if indicator:  # a new team has no indicators yet
        choose(field(page, "dropdown", "Indicator", "select"), indicator)
    field(page, "text", "Prijs (€)", "input").fill(price)
    field(page, "text", "Verantwoordelijke", "input").fill("Projectcoördinator")
    field(page, "dropdown", "Status", "select").select_option(label="bezig")


def choose(select, starting: str) -> None:
    """Choose the option of a dropdown whose text starts with ``starting``."""
    labels = select.evaluate("element => [...element.options].map(option => option.text)")
    # ipywidgets shows spaces in option texts as no-break spaces
    labels = [label.replace("\xa0", " ") for label in labels]
    select.select_option(index=next(i for i, label in enumerate(labels)
                                    if label.startswith(starting)))


def add_button(page):
    return page.get_by_role("button", name="Toevoegen", exact=True).first


# ----- the start page and the links ------------------------------------------------------


def test_start_page_lists_the_notebooks_in_order_and_links_keep_the_plan(browser,
                                                                         app_environment):
    with voila(app_environment) as base:
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        page.goto(base + "/?plan=Team%20Gent")
        wait_for_page(page, "#werkboek-start")
        links = page.locator("ol.pages a")
        hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
        assert [re.search(r"render/([^?]+)\.ipynb", h).group(1) for h in hrefs] == list(NOTEBOOKS)
        assert all("plan=Team%20Gent" in h for h in hrefs), hrefs
        assert page.locator("#werkboek-team").inner_text().startswith("Je werkt als team")
        screenshot(page, "app-start")
        # No code in the app view: Voilà strips the sources.
        open_from_start(page, "Waarom?")
        wait_for_page(page, ".wb-nav")
        assert page.locator(".jp-CodeCell .jp-InputArea, .jp-InputArea-editor").count() == 0
        assert "from workbook" not in page.content()
        # previous / next keep the team's plan
        assert "plan=Team" in page.url
        nav = page.locator(".wb-nav")
        assert "00-welkom.ipynb?plan=Team+Gent" in nav.locator("a").first.get_attribute("href")
        assert "Team “Team Gent”" in nav.inner_text()
        # a plain link in the prose (markdown) keeps the plan too
        page.locator("#rendered_cells a[href='02-wat.ipynb']").first.click()
        page.wait_for_url(re.compile(r"02-wat\.ipynb\?plan=Team"), timeout=PAGE_TIMEOUT)
        context.close()


def test_the_pages_design_serves_the_english_edition_in_english(browser, app_environment):
    app_environment.pop("WORKBOOK_LANG")  # the edition's folder decides, as in JupyterLab
    with voila(app_environment) as base:
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        page.goto(base + "/?plan=Team%20Gent")
        wait_for_page(page, "#werkboek-start .wb-languages")
        page.locator(".wb-languages a[lang='en']").click()
        page.wait_for_url(re.compile(r"/voila/tree/en\?plan=Team"), timeout=PAGE_TIMEOUT)
        assert page.locator("ol.pages .title").first.inner_text() == "Welcome"
        assert page.locator("#werkboek-team").inner_text().startswith("You are working as team")
        open_from_start(page, "Why?")
        page.wait_for_url(re.compile(r"render/en/01-waarom\.ipynb\?plan=Team"),
                          timeout=PAGE_TIMEOUT)
        wait_for_page(page, ".wb-nav")
        assert page.locator("#rendered_cells h1").first.inner_text().startswith(
            "01 — Why disseminate?")
        page.get_by_role("button", name="Add").first.wait_for(timeout=PAGE_TIMEOUT)
        contents = page.locator(".wb-nav-contents")
        assert contents.inner_text() == "All pages"
        contents.click()
        page.wait_for_url(re.compile(r"/voila/tree/en\?plan=Team"), timeout=PAGE_TIMEOUT)
        screenshot(page, "app-start-english")
        context.close()


# ----- aan de slag -----------------------------------------------------------------------


def test_planning_row_added_survives_reload_and_invalid_row_is_refused(browser, app_environment):
    data = app_environment["WORKBOOK_DATA"]
    before = len(activities_of(data))
    what = "Infoavond voor ouders in de aula (browsertest)"
    with voila(app_environment) as base:
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        page.goto(page_url(base, "04-aan-de-slag"))
        wait_for_page(page, ".widget-text:has(> label:text-is('Wat')) input")
        assert page.locator(".jp-CodeCell .jp-InputArea, .jp-InputArea-editor").count() == 0

        fill_planning_row(page, what)
        add_button(page).click()
        page.locator(".wb-ok").filter(has_text="Bewaard").first.wait_for(timeout=20_000)
        row = page.locator("td", has_text=what).first
        row.wait_for(timeout=20_000)
        screenshot(page, "app-planning-added", row)

        page.reload()
        wait_for_page(page, ".widget-text:has(> label:text-is('Wat')) input")
        row = page.locator("td", has_text=what).first
        row.wait_for(timeout=20_000)
        screenshot(page, "app-planning-after-reload", row)

        # An invalid row: a negative price. The form says so and stores nothing.
        fill_planning_row(page, "Ongeldige rij (browsertest)", price="-40")
        add_button(page).click()
        error = page.locator(".wb-error").first
        error.wait_for(timeout=20_000)
        assert "Prijs" in error.inner_text()
        screenshot(page, "app-planning-refused", error)
        context.close()

    stored = activities_of(data)
    assert len(stored) == before + 1
    assert what in set(stored["what"])
    assert "Ongeldige rij (browsertest)" not in set(stored["what"])


# ----- voortgang -------------------------------------------------------------------------


def test_measurement_changes_status_and_chart(browser, app_environment):
    indicator = "Gedeelde CLIL-lespakketten"  # demo: 3 of 12, behind schedule
    with voila(app_environment) as base:
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        page.goto(page_url(base, "05-voortgang"))
        status = page.locator(".wb-status", has_text=indicator).first
        status.wait_for(timeout=PAGE_TIMEOUT)
        before = status.inner_text()
        assert "achter op schema" in before
        panels = page.locator(".wb-indicator-grid img.wb-chart")
        assert panels.count() == len(read_demo()["indicators"])  # one per demo indicator
        grid = page.locator(".wb-indicator-grid img.wb-indicator-3")  # Gedeelde CLIL-…
        detail = page.locator(
            ".widget-html:has(h4:text-is('Eén indicator in het groot')) ~ img.widget-image").first
        grid_before = grid.get_attribute("src")

        choose(field(page, "dropdown", "Indicator", "select"), indicator)
        # the indicator to measure is shown full size before anything is saved
        chooser = page.locator(".widget-html:has(h4:text-is('Eén indicator in het groot')) ~ "
                               ".widget-dropdown select").first
        page.wait_for_function("e => e.options[e.selectedIndex].text.includes('CLIL-les')",
                               arg=chooser.element_handle(), timeout=20_000)
        page.wait_for_timeout(300)
        detail_before = detail.get_attribute("src")
        field(page, "datepicker", "Datum", "input[type=date]").fill("2026-03-10")
        field(page, "text", "Waarde", "input").fill("9")
        field(page, "text", "Opmerking", "input").fill("Lespakketten op KlasCement (browsertest)")
        add_button(page).click()
        page.locator(".wb-ok").first.wait_for(timeout=20_000)
        page.wait_for_function(
            "([name, old]) => [...document.querySelectorAll('.wb-status')]"
            ".some(e => e.innerText.includes(name) && e.innerText !== old)",
            arg=[indicator, before], timeout=20_000)
        after = status.inner_text()
        assert "12 van 12" in after and "behaald" in after, after
        # the charts are drawn again: its panel in the grid and the full-size chart
        for image, old in ((grid, grid_before), (detail, detail_before)):
            page.wait_for_function("([e, old]) => e.getAttribute('src') !== old",
                                   arg=[image.element_handle(), old], timeout=20_000)
        assert chooser.evaluate("e => e.options[e.selectedIndex].text").replace(
            "\xa0", " ") == indicator
        page.wait_for_timeout(300)  # the new picture is decoded
        screenshot(page, "app-progress-status", status)
        screenshot(page, "app-progress-grid", page.locator(".wb-indicator-grid"))
        # the list under the form shows the measurements of the chosen indicator only
        listed = page.locator(".widget-html:has(h4:text-is('Je metingen')) + * .wb-table")
        assert "Lespakketten op KlasCement (browsertest)" in listed.inner_text()
        assert "Instagram" not in listed.inner_text()
        screenshot(page, "app-progress-list", listed)
        screenshot(page, "app-progress-chart", detail)
        context.close()


# ----- room mode -------------------------------------------------------------------------


def _choose_team(page, base: str, token: str, team: str) -> None:
    """On the welcome page: create the team and follow the link that continues in its plan."""
    page.goto(f"{base}/?token={token}")
    wait_for_page(page, "#werkboek-start")
    open_from_start(page, "Welkom")
    name = page.get_by_placeholder("bv. Gent of Atheneum Brugge")
    name.wait_for(timeout=PAGE_TIMEOUT)
    name.fill(team)
    page.get_by_role("button", name="Team aanmaken").click()
    page.get_by_role("link", name=f"Ga verder als team “{team}” →").last.click()
    page.wait_for_url(re.compile(r"plan=" + re.escape(quote(team).replace("%20", "+"))),
                      timeout=PAGE_TIMEOUT)
    page.locator(".wb-team-current").wait_for(timeout=PAGE_TIMEOUT)


def test_room_two_teams_write_their_own_plans_and_the_overview_shows_both(browser,
                                                                          app_environment):
    data = app_environment["WORKBOOK_DATA"]
    token = "zaal-test-code"
    teams = {"Team Gent": "Ouderavond Gent (browsertest)",
             "Team Brugge": "Logowedstrijd Brugge (browsertest)"}
    with voila(app_environment, token=token) as base:
        # refused without the token (or with a wrong one): sent to the login page
        for query in ("", "?token=geraden"):
            status, location = answer(page_url(base, "00-welkom", query))
            assert status == 302 and location.startswith("/login"), (status, location)
        assert answer(f"{base}/?token={token}")[0] == 200
        stranger = browser.new_context(viewport=VIEWPORT)
        page = stranger.new_page()
        page.goto(page_url(base, "06-overzicht-begeleider"))
        assert "/login" in page.url
        assert page.locator(".widget-button").count() == 0
        screenshot(page, "room-without-token")
        stranger.close()

        for number, (team, what) in enumerate(teams.items()):
            context = browser.new_context(viewport=VIEWPORT)
            page = context.new_page()
            _choose_team(page, base, token, team)
            if number == 0:
                screenshot(page, "room-team-chosen", page.locator(".wb-team-current"))
                # via the start page: the plan travels in the links
                page.locator(".wb-nav-contents").click()
                wait_for_page(page, "#werkboek-start")
                open_from_start(page, "Aan de slag")
            else:  # the next link, then the start page
                page.locator(".wb-nav-next").click()
                page.wait_for_url(re.compile(r"01-waarom\.ipynb\?plan=Team"))
                wait_for_page(page, ".wb-nav")
                page.locator(".wb-nav-contents").click()
                wait_for_page(page, "#werkboek-start")
                open_from_start(page, "Aan de slag")
            wait_for_page(page, ".widget-text:has(> label:text-is('Wat')) input")
            assert "plan=Team" in page.url
            fill_planning_row(page, what, indicator=None)
            add_button(page).click()
            page.locator("td", has_text=what).first.wait_for(timeout=20_000)
            if number == 1:
                screenshot(page, "room-team-row-added", page.locator("td", has_text=what).first)
            context.close()

        facilitator = browser.new_context(viewport=VIEWPORT)
        page = facilitator.new_page()
        page.goto(f"{base}/?token={token}")
        wait_for_page(page, "#werkboek-start")
        open_from_start(page, "Overzicht voor de begeleider")
        teams_table = page.locator(".widget-html", has_text="Team Brugge").first
        teams_table.wait_for(timeout=PAGE_TIMEOUT)
        text = page.locator("#rendered_cells").inner_text()
        assert "Team Gent" in text and "Team Brugge" in text
        screenshot(page, "room-facilitator-overview", teams_table)
        facilitator.close()

    for team, what in teams.items():
        assert list(activities_of(data, team)["what"]) == [what]

