"""WCAG 2.1 AA in the app view (issue 15), in a real browser.

axe-core (tests/axe.py) runs on the start page and every notebook page of the app view, in
both designs (one-page, the room's; pages, the hub's), in every language the workbook has
(``?lang=``), on the demo plan; and again
after a form shows a validation error. What axe cannot judge is checked here too: each
chart's text alternative is its status line, the page's ``lang``, the prose at 200 % zoom on
a 1280 px screen (640 CSS px wide) without sideways scrolling, and a planning row added with
the keyboard only. Screenshots of each language go to test-artifacts/.

One server per design serves the whole module (a kernel per page visit; run one test file at
a time: the machine is shared).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe import report, run_axe, serious
from servers import ARTIFACTS, voila
from test_app import PAGE_TIMEOUT, VIEWPORT, activities_of

from workbook import config
from workbook.forms.app import PAGES, START
from workbook.i18n import t

pytestmark = pytest.mark.browser

LANGUAGES = config.LANGUAGES
TODAY = "2026-03-15"  # the fixed date of every test (tests/conftest.py)
# The template's script has caught up with the widgets: every chart drawn has its words in
# alt, every scrolling box is a named region (it runs 50 ms after the page last changed).
SCRIPT_DONE = """() =>
    [...document.querySelectorAll('img.wb-chart')].every(image => !image.src || image.alt) &&
    [...document.querySelectorAll('.wb-scroll')].every(box => box.getAttribute('role'))"""
ZOOMED = {"width": 640, "height": 900}  # 1280 px at 200 %: 640 CSS px, two device px each


@pytest.fixture(scope="module")
def app(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """The one-page app view on a copy of the demo plan; no WORKBOOK_LANG, so ``?lang=``
    decides the language of each visit."""
    folder = tmp_path_factory.mktemp("a11y-data")
    shutil.copy(demo_template, folder / "werkboek.sqlite")
    environment = {"WORKBOOK_DATA": str(folder), "WORKBOOK_TODAY": TODAY}
    with voila(environment, design="one-page") as base:
        yield {"base": base, "data": str(folder)}


def address(base: str, page: str, lang: str) -> str:
    return f"{base}/?" + (f"page={page}&" if page != START else "") + f"lang={lang}"


def ready_selector(page: str) -> str:
    return "#werkboek-start" if page == START else f".wb-section-{page} .wb-nav"


def open_page(browser, base: str, page: str, lang: str, **context_options):
    context = browser.new_context(viewport=VIEWPORT, locale="en-US", **context_options)
    tab = context.new_page()
    tab.goto(address(base, page, lang), wait_until="commit", timeout=PAGE_TIMEOUT)
    # the facilitator's overview reads every plan: slow on a busy machine
    tab.wait_for_selector(ready_selector(page), state="visible", timeout=5 * PAGE_TIMEOUT)
    tab.wait_for_function(SCRIPT_DONE, timeout=PAGE_TIMEOUT)
    return context, tab


def shoot(tab, name: str, full_page: bool = True) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"a11y-{name}.png"
    tab.screenshot(path=str(path), full_page=full_page)
    return path


def sideways_overflow(tab) -> list[str]:
    """What makes the page, or a block of prose, scroll sideways (empty: nothing)."""
    return tab.evaluate("""() => {
        const found = [];
        const root = document.scrollingElement;
        if (root.scrollWidth > root.clientWidth + 1) {
            found.push(`page ${root.scrollWidth} > ${root.clientWidth}`);
        }
        const prose = '.wb-prose, .jp-RenderedMarkdown, #werkboek-start, .wb-app-nav';
        document.querySelectorAll(prose).forEach(block => {
            if (block.scrollWidth > block.clientWidth + 1) {
                found.push(`${block.className} ${block.scrollWidth} > ${block.clientWidth}`);
            }
        });
        return found;
    }""")


# ----- axe on every page, in every language ----------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_no_serious_axe_findings_and_prose_fits_at_200_percent(browser, app, page, lang):
    context, tab = open_page(browser, app["base"], page, lang)
    try:
        assert tab.evaluate("document.documentElement.lang") == lang
        findings = run_axe(tab)
        assert not serious(findings), report(serious(findings))
        charts = tab.locator("img.wb-chart[src]")
        for i in range(charts.count()):
            assert len(charts.nth(i).get_attribute("alt") or "") > 20, "a chart without words"
        if page in (START, "04-aan-de-slag"):
            shoot(tab, f"{lang}-{page}")
        tab.set_viewport_size(ZOOMED)
        tab.wait_for_timeout(300)
        assert sideways_overflow(tab) == []
        if page in (START, "04-aan-de-slag"):
            shoot(tab, f"{lang}-{page}-zoom200", full_page=False)
    finally:
        context.close()


@pytest.fixture(scope="module")
def pages_app(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The ``pages`` design (a kernel per notebook page: Binder, the hub)."""
    folder = tmp_path_factory.mktemp("a11y-pages-data")
    shutil.copy(demo_template, folder / "werkboek.sqlite")
    with voila({"WORKBOOK_DATA": str(folder), "WORKBOOK_TODAY": TODAY}, design="pages") as base:
        yield base


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_no_serious_axe_findings_in_the_pages_design(browser, pages_app, page, lang):
    context = browser.new_context(viewport=VIEWPORT)
    tab = context.new_page()
    try:
        edition = "" if lang == "nl" else f"{lang}/"  # notebooks/en: the English edition
        url = (f"{pages_app}/voila/tree" + ("/en" if lang == "en" else "") if page == START
               else f"{pages_app}/voila/render/{edition}{page}.ipynb")
        tab.goto(url, wait_until="commit", timeout=PAGE_TIMEOUT)
        tab.wait_for_selector("#werkboek-start" if page == START else ".wb-nav",
                              state="visible", timeout=5 * PAGE_TIMEOUT)
        tab.wait_for_function(SCRIPT_DONE, timeout=PAGE_TIMEOUT)
        assert tab.evaluate("document.documentElement.lang") == lang
        findings = run_axe(tab)
        assert not serious(findings), report(serious(findings))
        tab.set_viewport_size(ZOOMED)
        tab.wait_for_timeout(300)
        assert sideways_overflow(tab) == []
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_refused_planning_row_is_announced_and_tied_to_its_fields(browser, app, lang):
    context, tab = open_page(browser, app["base"], "04-aan-de-slag", lang)
    try:
        add = tab.get_by_role("button", name=t("forms.add", lang), exact=True)
        add.filter(visible=True).first.click()
        error = tab.locator(".wb-section-04-aan-de-slag .wb-error").first
        error.wait_for(timeout=20_000)
        assert error.get_attribute("role") == "alert"
        message_id = error.get_attribute("id")
        tab.wait_for_selector("[aria-invalid=true]", timeout=10_000)
        invalid = tab.locator("[aria-invalid=true]")
        assert invalid.count() >= 1
        for i in range(invalid.count()):
            assert invalid.nth(i).get_attribute("aria-describedby") == message_id
        what = tab.locator(f".widget-text:has(> label:text-is('{t('field.what', lang)}')) input")
        assert what.get_attribute("aria-invalid") == "true", "the empty 'what' is named"
        findings = run_axe(tab)
        assert not serious(findings), report(serious(findings))
        shoot(tab, f"{lang}-04-refused", full_page=False)
    finally:
        context.close()


def test_the_status_line_and_the_chart_say_the_same(browser, app):
    """An indicator's chart says in words what its status line says (one function)."""
    context, tab = open_page(browser, app["base"], "05-voortgang", "nl")
    try:
        lines = tab.locator(".wb-status")
        panels = tab.locator(".wb-indicator-grid img.wb-chart")
        assert lines.count() == panels.count() > 0
        for i in range(lines.count()):
            words = " ".join(lines.nth(i).inner_text().split())
            alt = " ".join(panels.nth(i).get_attribute("alt").split())
            badge = " ".join(lines.nth(i).locator("span").first.inner_text().split())
            assert words.removeprefix(badge).strip() in alt and badge in alt, (words, alt)
    finally:
        context.close()


# ----- the keyboard only -----------------------------------------------------------------


def focused(tab) -> dict:
    """What has the keyboard focus: its tag, role and accessible label as a person sees it."""
    return tab.evaluate("""() => {
        const e = document.activeElement;
        const box = e.closest('.widget-inline-hbox, .widget-checkbox, .widget-toggle-buttons');
        const label = box && box.querySelector(':scope > label');
        return {tag: e.tagName.toLowerCase(), type: e.type || '', text: (e.innerText ||
                e.value || '').trim(), label: label ? label.innerText.trim() : '',
                box: e.closest('.widget-checkbox') ?
                     e.closest('.widget-checkbox').innerText.trim() : ''};
    }""")


def tab_until(tab, wanted, limit: int = 400, backwards: bool = False) -> dict:
    """Press Tab (or Shift+Tab) until ``wanted(focused)`` holds; fail after ``limit`` keys."""
    for _ in range(limit):
        tab.keyboard.press("Shift+Tab" if backwards else "Tab")
        now = focused(tab)
        if wanted(now):
            return now
    raise AssertionError(f"never reached by keyboard (last focus: {now})")


def test_a_planning_row_added_with_the_keyboard_only(browser, app):
    what = "Ouderavond met enkel het toetsenbord"
    before = len(activities_of(app["data"]))
    context, tab = open_page(browser, app["base"], "04-aan-de-slag", "nl")
    try:
        tab.keyboard.press("Tab")  # into the page; from here on only keys
        order = []
        tab_until(tab, lambda f: f["tag"] == "button" and f["text"] == "Tussen de projectpartners")
        order.append("context")
        tab.keyboard.press("Space")
        # Shift+Tab goes back to the first context, Tab forward again: the order holds
        tab_until(tab, lambda f: f["text"] == "Binnen eigen school", limit=5, backwards=True)
        tab_until(tab, lambda f: f["text"] == "Tussen de projectpartners", limit=5)
        tab_until(tab, lambda f: f["tag"] == "input" and f["label"] == "Wat", limit=10)
        order.append("what")
        tab.keyboard.type(what)
        for name in ("Ouders", "Infosessie", "Schoolwebsite"):
            tab_until(tab, lambda f, name=name: f["type"] == "checkbox" and f["box"] == name)
            order.append(name)
            tab.keyboard.press("Space")
        tab_until(tab, lambda f: f["type"] == "date" and f["label"] == "Wanneer")
        order.append("when")
        tab.keyboard.type("05122026")  # en-US: month, day, year
        tab_until(tab, lambda f: f["tag"] == "select" and f["label"] == "Indicator", limit=10)
        order.append("indicator")
        tab.keyboard.type("Deelnemers infosessies")
        tab_until(tab, lambda f: f["tag"] == "input" and f["label"].startswith("Prijs"), limit=10)
        order.append("price")
        tab.keyboard.type("180")
        tab_until(tab, lambda f: f["label"] == "Verantwoordelijke", limit=5)
        tab.keyboard.type("Directie")
        tab_until(tab, lambda f: f["tag"] == "select" and f["label"] == "Status", limit=5)
        tab.keyboard.type("bezig")
        tab_until(tab, lambda f: f["tag"] == "button" and f["text"] == "Toevoegen", limit=5)
        order.append("add")
        outline = tab.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", "the focused button shows where the keyboard is"
        shoot(tab, "nl-04-keyboard-focus", full_page=False)
        tab.keyboard.press("Enter")
        tab.locator(".wb-section-04-aan-de-slag .wb-ok").first.wait_for(timeout=20_000)
        tab.locator("td", has_text=what).first.wait_for(timeout=20_000)
        assert order == ["context", "what", "Ouders", "Infosessie", "Schoolwebsite", "when",
                         "indicator", "price", "add"]
    finally:
        context.close()
    stored = activities_of(app["data"])
    assert len(stored) == before + 1
    row = stored[stored["what"] == what].iloc[0]
    assert row["context"] == "tussen_partners" and float(row["price"]) == 180.0
    assert str(row["when"])[:10] == "2026-05-12" and row["responsible"] == "Directie"
