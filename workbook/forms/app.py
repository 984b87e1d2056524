"""The app view as one page: every notebook is a section of it, in one kernel per team.

A Voilà page costs a kernel start (≈4 s here, more when teams arrive together), so a room
of teams that opened a kernel for every notebook waited on each other. This page is opened
once per visit: it shows the start page, and following a link to a notebook swaps in that
notebook's section — its prose and the results of its calls, read from the notebook file
(:mod:`workbook.sections`), so the notebooks stay the one source.

The page's script (``share/voila/templates/werkboek/app.js.html``) turns a click on a link
to a notebook into a *command* for this kernel (the value of a hidden text field, a comm
message like any widget change), and follows the state this kernel publishes (page, team,
language) in the address bar, so a reload opens the same section for the same team.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from typing import Any
from urllib.parse import parse_qs, urlencode

import ipywidgets as widgets
from IPython.display import display
from ipywidgets.widgets import widget as widget_registry

from .. import api, config, i18n, model, sections
from ..catalog import load_catalog
from ..i18n import register, t
from ..lazy import on_first_use
from ..model import InvalidRecord
from .common import BAD_STYLE, esc
from .navigation import NOTEBOOKS, requested_plan

# Voilà's helpers (~2 s unless the fork server has them) only under its preheated kernels.
voila_utils = on_first_use("voila.utils")

START = "start"
PAGES: tuple[str, ...] = (START, *NOTEBOOKS)

# Minutes each notebook takes in a workshop (the start page shows them).
MINUTES: dict[str, int] = {
    "00-welkom": 10,
    "01-waarom": 25,
    "02-wat": 20,
    "03-hoe": 25,
    "04-aan-de-slag": 40,
    "05-voortgang": 15,
    "06-overzicht-begeleider": 15,
}

TEXTS: dict[str, dict[str, str]] = {
    "app.title": {"nl": "Werkboek Disseminatie", "en": "Dissemination Workbook"},
    "app.start": {"nl": "Start", "en": "Start"},
    "app.pages": {"nl": "Pagina's van het werkboek", "en": "Pages of the workbook"},
    "app.lead": {
        "nl": "Plan de disseminatie en externe communicatie van je Erasmus+ KA2-project. Werk "
        "de pagina's in volgorde af en begin bij Welkom: daar kies of maak je je team. Alles "
        "wat je invult, wordt meteen bewaard.",
        "en": "Plan the dissemination and external communication of your Erasmus+ KA2 "
        "project. Work through the pages in order and start at Welcome, where you choose or "
        "create your team. Everything you enter is saved straight away.",
    },
    "app.minutes": {"nl": "{minutes} min", "en": "{minutes} min"},
    "app.loading": {"nl": "De pagina wordt klaargemaakt…", "en": "Preparing the page…"},
    "app.failed": {
        "nl": "Een deel van deze pagina kon niet getoond worden (een fout in het werkboek, niet "
        "in wat je invulde). Wat je bewaarde, blijft bewaard; open de pagina opnieuw of "
        "verwittig de begeleider.",
        "en": "Part of this page could not be shown (a fault in the workbook, not in what you "
        "entered). What you saved stays saved; open the page again or tell the facilitator.",
    },
    "app.team": {"nl": "Team “{name}”", "en": "Team “{name}”"},
    "start.what.00-welkom": {
        "nl": "Kies of maak je team, vul je project in en kies de taal.",
        "en": "Choose or create your team, fill in your project and choose the language.",
    },
    "start.what.01-waarom": {
        "nl": "Impact, beoogde effecten en indicatoren: wanneer is je doel bereikt?",
        "en": "Impact, intended effects and indicators: when have you reached your goal?",
    },
    "start.what.02-wat": {
        "nl": "Doelen en doelgroepen: intern en extern, micro, meso en macro.",
        "en": "Goals and target groups: internal and external, micro, meso and macro.",
    },
    "start.what.03-hoe": {
        "nl": "Methodes en kanalen per doelgroep, en de aandachtspunten.",
        "en": "Methods and channels for each target group, and the points to watch.",
    },
    "start.what.04-aan-de-slag": {
        "nl": "De planningstabel: wat, naar wie, hoe, wanneer, indicator en prijs.",
        "en": "The planning table: what, for whom, how, when, indicator and cost.",
    },
    "start.what.05-voortgang": {
        "nl": "Later in het project: noteer je metingen en zie of je op schema zit.",
        "en": "Later in the project: record what you measured and see whether you are on track.",
    },
    "start.what.06-overzicht-begeleider": {
        "nl": "Alle plannen van de teams naast elkaar.",
        "en": "Every team's plan side by side.",
    },
}
register(TEXTS)

# The start page offers both editions, each named in its own language.
LANGUAGE_NAMES: dict[str, str] = {"nl": "Nederlands", "en": "English"}
LANGUAGE_LABEL = "Taal / Language"


def wait_for_request() -> None:
    """Under Voilà's preheated kernels, wait until a team asks for the page: only then does
    the kernel know the address (``QUERY_STRING``) and so the team and the language."""
    if os.environ.get("VOILA_PREHEAT") == "True":
        voila_utils.wait_for_request()


def query() -> dict[str, str]:
    """The first value of each parameter of this page's address."""
    parsed = parse_qs(os.environ.get("QUERY_STRING", ""))
    return {key: values[0].strip() for key, values in parsed.items() if values}


def start_html(plan: str | None, lang: str) -> str:
    """The start section: the notebooks in order, what each is for and how long it takes."""
    items = []
    for stem in NOTEBOOKS:
        items.append(
            f'<li><a href="{stem}.ipynb"><span class="number">{stem[:2]}</span>'
            f'<span><span class="title">{esc(t("nav." + stem, lang))}</span>'
            f'<span class="what">{esc(t("start.what." + stem, lang))}</span></span>'
            f'<span class="time">{esc(t("app.minutes", lang, minutes=MINUTES[stem]))}</span>'
            "</a></li>"
        )
    team = (f'<p class="team" id="werkboek-team">{esc(t("team.current", lang, name=plan))}</p>'
            if plan else "")
    return (
        f'<main id="werkboek-start"><h1>{esc(t("app.title", lang))}</h1>'
        f'<p class="lead">{esc(t("app.lead", lang))}</p>'
        + language_choice_html(i18n.language(lang))
        + team
        + f'<ol class="pages" aria-label="{esc(t("app.pages", lang))}">{"".join(items)}</ol>'
        "</main>"
    )


def language_choice_html(lang: str) -> str:
    """The choice of edition: a link per language (the page's script turns a click into a
    command; without it the link reloads the page in that language)."""
    links = []
    for code, name in LANGUAGE_NAMES.items():
        current = ' aria-current="true"' if code == lang else ""
        links.append(f'<li><a href="?lang={code}" lang="{code}" hreflang="{code}" '
                     f'data-wb-lang="{code}"{current}>{esc(name)}</a></li>')
    return (f'<nav class="wb-languages" aria-label="{esc(LANGUAGE_LABEL)}">'
            f'<span>{esc(LANGUAGE_LABEL)}:</span><ul>{"".join(links)}</ul></nav>')


class WorkbookApp:
    """The whole workbook on one page: a menu, the section shown, and the team it works for.

    A section is built the first time it is opened and kept; it is built again when it is
    opened after another section was shown, so it shows what was saved meanwhile (a new
    indicator in *waarom* appears in *aan de slag*). Its widgets are closed then, so a long
    visit does not pile them up.
    """

    def __init__(self, page: str = START) -> None:
        self.lang = i18n.language()
        self.page: str | None = None
        self.sections: dict[str, widgets.Widget] = {}
        self._owned: dict[str, set[str]] = {}
        self.namespace: dict[str, Any] = {"__name__": "__main__"}
        self.menu = widgets.HTML()
        self.menu.add_class("wb-app-menu")
        self.state = widgets.HTML()
        self.state.add_class("wb-app-state-holder")
        self.command = widgets.Text(layout=widgets.Layout(display="none"))
        self.command.add_class("wb-app-command")
        self.command.observe(self._on_command, "value")
        self.body = widgets.Box(layout=widgets.Layout(display="block", width="100%"))
        self.body.add_class("wb-app-body")
        self.widget = widgets.VBox([self.menu, self.command, self.state, self.body],
                                   layout=widgets.Layout(width="100%"))
        self.widget.add_class("wb-app")
        self.open(page)

    # ----- what the page shows -----------------------------------------------------------

    @property
    def plan(self) -> str | None:
        return requested_plan()

    def open(self, page: str) -> None:
        """Show ``page`` (a notebook's stem or ``start``), building its section if needed."""
        page = page if page in PAGES else START
        self.lang = i18n.language()
        if page != self.page or page not in self.sections:
            self._discard(page)
            self.body.children = (self._loading(),)
            self.page = page
            self._publish()
            self.sections[page] = self._build(page)
        self.page = page
        self.body.children = (self.sections[page],)
        self._publish()

    def _loading(self) -> widgets.HTML:
        return widgets.HTML(f'<p class="wb-app-loading" role="status">'
                            f"{esc(t('app.loading', self.lang))}</p>")

    def _build(self, page: str) -> widgets.Widget:
        before = set(widget_registry._instances)
        if page == START:
            section: widgets.Widget = widgets.HTML(start_html(self.plan, self.lang))
        else:
            section = widgets.Output(layout=widgets.Layout(width="100%"))
            self.body.children = (section,)
            with section:
                for cell in sections.page_cells(page, self.lang):
                    if cell.kind == "html":
                        prose = widgets.HTML(cell.text, layout=widgets.Layout(width="100%"))
                        prose.add_class("jp-RenderedHTMLCommon")
                        prose.add_class("wb-prose")
                        display(prose)
                    else:
                        self._run(page, cell.text)
        section.add_class("wb-section")
        section.add_class(f"wb-section-{page}")
        self._owned[page] = set(widget_registry._instances) - before
        return section

    def _run(self, page: str, source: str) -> None:
        """One call of the notebook; a fault of the workbook shows a notice, not a traceback."""
        try:
            exec(compile(source, f"<{page}>", "exec"), self.namespace)
        except Exception:
            traceback.print_exc(file=sys.__stderr__)
            display(widgets.HTML(f'<div class="wb-app-failed" role="alert" style="{BAD_STYLE}">'
                                 f"{esc(t('app.failed', self.lang))}</div>"))

    def _discard(self, keep: str) -> None:
        """Close the widgets of every built section but ``keep``'s (they are built anew)."""
        for page in [name for name in self.sections if name != keep]:
            self.sections.pop(page)
            for model_id in self._owned.pop(page, ()):
                widget = widget_registry._instances.get(model_id)
                if widget is not None:
                    widget.close()

    def _publish(self) -> None:
        """Tell the page's script which page, team and language to show in the address."""
        state = {"page": self.page or START, "plan": self.plan or "", "lang": self.lang}
        self.state.value = (f"<span class='wb-app-state' hidden data-state='"
                            f"{esc(json.dumps(state))}'></span>")
        self.menu.value = self._menu_html()

    def _menu_html(self) -> str:
        links = []
        for page in PAGES:
            title = t("app.start", self.lang) if page == START else (
                f"{page[:2]} {t('nav.' + page, self.lang)}")
            href = "." if page == START else f"{page}.ipynb"
            current = ' aria-current="page"' if page == self.page else ""
            links.append(f'<li><a href="{href}"{current}>{esc(title)}</a></li>')
        team = (f'<span class="wb-app-team">{esc(t("app.team", self.lang, name=self.plan))}'
                "</span>" if self.plan else "")
        return (f'<nav class="wb-app-nav" aria-label="{esc(t("app.pages", self.lang))}">'
                f'<ul>{"".join(links)}</ul>{team}</nav>')

    # ----- what the page's script asks ---------------------------------------------------

    def _on_command(self, change: dict[str, Any]) -> None:
        text = change["new"]
        if not text:
            return
        self.command.value = ""
        try:
            asked = json.loads(text)
        except ValueError:
            return
        if not isinstance(asked, dict):
            return
        plan = asked.get("plan")
        changes_team = isinstance(plan, str) and plan.strip() != (self.plan or "")
        if changes_team and not self.switch_plan(plan):
            return
        lang = asked.get("lang")
        if lang in config.LANGUAGES and lang != self.lang:
            self.switch_language(lang)
        page = asked.get("page")
        self.open(page if isinstance(page, str) else START)

    def switch_plan(self, name: str) -> bool:
        """Work as team ``name`` from now on (an existing plan, or a new one by that name)."""
        name = name.strip()
        if name:
            try:
                name = model.validate(model.Plan, {"name": name}).name
            except InvalidRecord:
                return False
        asked = query()
        asked.pop("plan", None)
        if name:
            asked["plan"] = name
        os.environ["QUERY_STRING"] = urlencode(asked)
        api.current_plan_id()  # a new team's plan exists from now on
        self._discard(keep="")
        self.page = None
        return True


    def switch_language(self, lang: str) -> None:
        """Show every page from now on in ``lang``'s edition (this visit's choice; the saved
        choice of the welcome form is left as it is)."""
        i18n.set_language(lang)
        self._discard(keep="")
        self.page = None


def preload() -> None:
    """What every team's page needs, loaded while the kernel waits in Voilà's pool: the
    opposite of a late import, on purpose (the pages' forms, the records, SQLAlchemy)."""
    import matplotlib.pyplot  # noqa: F401
    import sqlalchemy  # noqa: F401

    from .. import records  # noqa: F401
    from . import (  # noqa: F401
        attention,
        channels,
        effects,
        exchange,
        groups,
        navigation,
        overview,
        plan,
        planning,
        progress,
        reflection,
    )

    load_catalog()
    for page in NOTEBOOKS:
        for lang in config.LANGUAGES:
            sections.page_cells(page, lang)


def show() -> None:
    """The workbook as one page (the app view's only notebook)."""
    if os.environ.get("VOILA_PREHEAT") == "True":
        preload()
    wait_for_request()
    api.store()  # the saved language applies
    lang = query().get("lang", "")
    # ?lang= (the start page's choice, kept in the address), else what the page opens in; a
    # choice of this visit, so another team saving its language does not switch this page
    i18n.set_language(lang if lang in config.LANGUAGES else i18n.language())
    app = WorkbookApp(query().get("page", START))
    display(app.widget)
