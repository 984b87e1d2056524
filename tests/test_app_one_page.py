"""The one-page app view (``make app``, ``make room``) in a real browser.

One page per team visit: following a link swaps in a notebook's section in the same kernel.
Each test starts its own server on 127.0.0.1 on a copy of the demo plan.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from servers import ARTIFACTS, voila
from test_app import (
    PAGE_TIMEOUT,
    VIEWPORT,
    activities_of,
    add_button,
    answer,
    fill_planning_row,
    open_from_start,
    screenshot,
    wait_for_page,
)

from workbook.forms.navigation import NOTEBOOKS

pytestmark = pytest.mark.browser

WHAT_FIELD = ".widget-text:has(> label:text-is('Wat')) input"


def kernels_started(base: str) -> int:
    """How many kernels the server has started (its log, tests/servers.py names it)."""
    port = base.rsplit(":", 1)[1]
    return (ARTIFACTS / f"voila-one-page-{port}.log").read_text().count("Kernel started")


def kernel_id(page) -> str:
    return page.evaluate(
        "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")


def test_links_swap_sections_in_one_kernel_and_the_address_follows(browser, app_environment):
    with voila(app_environment, design="one-page") as base:
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(base + "/")
        wait_for_page(page, "#werkboek-start ol.pages a")
        titles = page.locator("ol.pages .title").all_inner_texts()
        assert titles[0] == "Welkom" and len(titles) == len(NOTEBOOKS)
        assert page.evaluate("document.documentElement.lang") == "nl"
        screenshot(page, "one-page-start")
        assert kernels_started(base) == 1

        open_from_start(page, "Welkom")
        wait_for_page(page, ".wb-section-00-welkom .wb-nav-next")
        assert page.url.endswith("?page=00-welkom")
        page.locator(".wb-nav-next").first.click()  # previous / next links
        wait_for_page(page, ".wb-section-01-waarom .wb-nav")
        page.locator(".wb-app-nav a", has_text="Aan de slag").click()  # the menu
        wait_for_page(page, f".wb-section-04-aan-de-slag {WHAT_FIELD}")
        assert page.locator(".wb-app-nav a[aria-current=page]").inner_text() == "04 Aan de slag"
        assert "from workbook" not in page.content(), "no code in the app view"
        assert kernels_started(base) == 1, "a section started a kernel"

        page.reload(wait_until="commit")  # the address opens the same section again
        wait_for_page(page, f".wb-section-04-aan-de-slag {WHAT_FIELD}")
        # a link in the prose (markdown) swaps the section too
        page.locator(".wb-prose a[href='05-voortgang.ipynb']").first.click()
        wait_for_page(page, ".wb-section-05-voortgang .wb-nav")
        assert "page=05-voortgang" in page.url
        assert not errors, errors
        context.close()


def test_a_planning_row_from_the_one_page_view_is_stored_and_a_bad_one_refused(
        browser, app_environment):
    data = app_environment["WORKBOOK_DATA"]
    before = len(activities_of(data))
    what = "Infoavond in de aula (één pagina, browsertest)"
    with voila(app_environment, design="one-page") as base:
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        page.goto(base + "/?page=04-aan-de-slag")
        wait_for_page(page, WHAT_FIELD)
        fill_planning_row(page, what)
        add_button(page).click()
        page.locator("td", has_text=what).first.wait_for(timeout=20_000)
        fill_planning_row(page, "Ongeldige rij (één pagina)", price="-40")
        add_button(page).click()
        error = page.locator(".wb-error").first
        error.wait_for(timeout=20_000)
        assert "Prijs" in error.inner_text()
        screenshot(page, "one-page-planning-refused", error)
        context.close()
    stored = set(activities_of(data)["what"])
    assert what in stored and "Ongeldige rij (één pagina)" not in stored
    assert len(stored) == before + 1


def test_a_page_being_prepared_says_so_in_the_chosen_language(browser, app_environment):
    app_environment.pop("WORKBOOK_LANG")  # a language fixed for the machine would win
    with voila(app_environment, design="one-page") as base:
        for query, words in (("", "Het werkboek wordt klaargemaakt"),
                             ("?lang=en", "The workbook is being prepared")):
            context = browser.new_context(viewport=VIEWPORT)
            page = context.new_page()
            page.goto(base + "/" + query, wait_until="commit")
            notice = page.locator("#wb-preparing")
            notice.wait_for(timeout=PAGE_TIMEOUT)
            assert words in notice.inner_text()
            assert notice.get_attribute("role") == "status"
            wait_for_page(page, "#werkboek-start")
            notice.wait_for(state="detached", timeout=PAGE_TIMEOUT)
            if query:
                assert page.locator("ol.pages .title").first.inner_text() == "Welcome"
                assert page.evaluate("document.documentElement.lang") == "en"
            context.close()


def test_a_participant_cannot_run_code_in_the_pages_kernel(browser, app_environment,
                                                           tmp_path: Path):
    """Voilà passes only comm and kernel-info messages from the browser to the kernel: an
    execute request sent over the page's own kernel connection is dropped."""
    marker = tmp_path / f"executed-{uuid.uuid4().hex}"
    with voila(app_environment, design="one-page") as base:
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        page.goto(base + "/")
        wait_for_page(page, "#werkboek-start")
        url = base.replace("http", "ws") + f"/api/kernels/{kernel_id(page)}/channels"
        replies = page.evaluate(
            """async ([url, code]) => {
                const socket = new WebSocket(url);
                await new Promise(resolve => socket.addEventListener('open', resolve));
                const replies = [];
                socket.addEventListener('message', event => {
                    const message = JSON.parse(event.data);
                    replies.push(message.msg_type || message.header.msg_type);
                });
                const send = (type, content) => socket.send(JSON.stringify({
                    header: {msg_id: crypto.randomUUID(), msg_type: type, session: 'test',
                             username: '', version: '5.3', date: ''},
                    parent_header: {}, metadata: {}, content, channel: 'shell'}));
                send('execute_request', {code, silent: false, store_history: false,
                                         user_expressions: {}, allow_stdin: false});
                send('kernel_info_request', {});
                await new Promise(resolve => setTimeout(resolve, 3000));
                socket.close();
                return replies;
            }""",
            [url, f"open({str(marker)!r}, 'w').write('x')"],
        )
        context.close()
    assert "kernel_info_reply" in replies, "the connection itself works"
    assert "execute_reply" not in replies and "execute_input" not in replies
    assert not marker.exists()


def test_the_room_needs_its_token_on_the_one_page_view(app_environment):
    token = "zaal-een-pagina"
    with voila(app_environment, token=token, design="one-page") as base:
        for query in ("", "?token=geraden", "?page=04-aan-de-slag"):
            status, location = answer(f"{base}/{query}")
            assert status == 302 and location.startswith("/login"), (query, status, location)
        assert answer(f"{base}/?token={token}")[0] == 200


def test_three_teams_at_once_store_every_row():
    """The short version of the room's load run (`make bench` runs 10 and 30 teams)."""
    from benchmarks.roomload import describe, run_room

    run = run_room(3, design="one-page", log_dir=ARTIFACTS)
    (ARTIFACTS / "room-load-3.txt").write_text(describe(run) + "\n")
    assert run.errors == []
    assert run.rows_stored == 3
    assert run.overview_seconds is not None


def test_the_facilitator_overview_refreshes_itself(browser, app_environment):
    data = app_environment["WORKBOOK_DATA"]
    with voila(app_environment, design="one-page") as base:
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        page.goto(base + "/?page=06-overzicht-begeleider")
        page.wait_for_selector(".wb-section-06-overzicht-begeleider .wb-nav", state="visible",
                               timeout=3 * PAGE_TIMEOUT)  # the overview reads every plan
        from workbook import model
        from workbook.store import Store

        store = Store(f"sqlite:///{Path(data) / 'werkboek.sqlite'}")
        try:
            store.add_plan(model.Plan(name="Team Laatkomer"))
        finally:
            store.close()
        page.locator(".widget-html", has_text="Team Laatkomer").first.wait_for(timeout=30_000)
        screenshot(page, "one-page-overview-refreshed")
        context.close()


def test_the_start_page_offers_both_editions_and_english_shows_the_english_notebooks(
        browser, app_environment):
    app_environment.pop("WORKBOOK_LANG")  # the participant's choice decides
    with voila(app_environment, design="one-page") as base:
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        page.goto(base + "/")
        wait_for_page(page, "#werkboek-start .wb-languages a[lang='en']")
        assert page.locator(".wb-languages a[aria-current]").inner_text() == "Nederlands"
        page.locator(".wb-languages a[lang='en']").click()
        page.wait_for_function("(document.querySelector('ol.pages .title') || {}).textContent"
                               " === 'Welcome'", timeout=PAGE_TIMEOUT)
        assert "lang=en" in page.url and kernels_started(base) == 1
        open_from_start(page, "Why?")
        heading = page.locator(".wb-section-01-waarom h1").first
        heading.wait_for(timeout=PAGE_TIMEOUT)
        assert heading.inner_text() == "01 — Why disseminate?"
        wait_for_page(page, ".wb-section-01-waarom .wb-nav-next")
        assert "Next: 02" in page.locator(".wb-section-01-waarom .wb-nav-next").inner_text()
        page.get_by_role("button", name="Add").first.wait_for(timeout=PAGE_TIMEOUT)
        assert page.evaluate("document.documentElement.lang") == "en"
        screenshot(page, "one-page-english-01-waarom")
        page.reload(wait_until="commit")  # the address keeps the page and the edition
        wait_for_page(page, ".wb-section-01-waarom .wb-nav-next")
        assert page.locator(".wb-section-01-waarom h1").first.inner_text() == (
            "01 — Why disseminate?")
        context.close()
