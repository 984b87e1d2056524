"""Moving between the notebooks, and which team's plan a page works in.

In the app view (Voilà) a team's plan travels in the address: ``?plan=NAME``. Voilà hands a
page's query string to its kernel (``QUERY_STRING``), the store opens that plan, and every
link made here carries it on. :func:`show` puts "previous / next" links under a notebook;
:func:`choose_team` lets a team pick or create its plan on the welcome page. In JupyterLab
the links are plain links to the notebooks and the team chooser shows nothing (a laptop
chooses its plan in the welcome form).
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import parse_qs, quote, urlencode

import ipywidgets as widgets
from IPython.display import HTML, display

from .. import api, config, i18n, model
from ..i18n import register, t
from ..model import InvalidRecord
from ..store import StoreError
from .common import NOTE_STYLE, OK_STYLE, Feedback, esc, heading, show_widget

# The notebooks in their order: file stem and the text key of their title.
NOTEBOOKS: tuple[str, ...] = (
    "00-welkom",
    "01-waarom",
    "02-wat",
    "03-hoe",
    "04-aan-de-slag",
    "05-voortgang",
    "06-overzicht-begeleider",
)

TEXTS: dict[str, dict[str, str]] = {
    "nav.00-welkom": {"nl": "Welkom", "en": "Welcome"},
    "nav.01-waarom": {"nl": "Waarom?", "en": "Why?"},
    "nav.02-wat": {"nl": "Wat en bij wie?", "en": "What and for whom?"},
    "nav.03-hoe": {"nl": "Hoe?", "en": "How?"},
    "nav.04-aan-de-slag": {"nl": "Aan de slag", "en": "Getting started"},
    "nav.05-voortgang": {"nl": "Voortgang", "en": "Progress"},
    "nav.06-overzicht-begeleider": {
        "nl": "Overzicht voor de begeleider",
        "en": "Facilitator overview",
    },
    "nav.previous": {"nl": "Vorige", "en": "Previous"},
    "nav.next": {"nl": "Volgende", "en": "Next"},
    "nav.contents": {"nl": "Alle pagina's", "en": "All pages"},
    "nav.team": {"nl": "Team “{name}”", "en": "Team “{name}”"},
    "team.heading": {"nl": "Met welk team werk je?", "en": "Which team are you?"},
    "team.intro": {
        "nl": "Elk team werkt in zijn eigen plan. Kies hieronder je team, of maak een nieuw "
        "team aan. Het adres van elke pagina onthoudt daarna je team.",
        "en": "Every team works in its own plan. Choose your team below, or create a new one. "
        "From then on, the address of every page remembers your team.",
    },
    "team.existing": {"nl": "Bestaande teams:", "en": "Existing teams:"},
    "team.continue": {"nl": "Ga verder als team “{name}” →", "en": "Continue as team “{name}” →"},
    "team.new": {"nl": "Nieuw team", "en": "New team"},
    "team.new_placeholder": {"nl": "bv. Gent of Atheneum Brugge", "en": "e.g. Ghent"},
    "team.create": {"nl": "Team aanmaken", "en": "Create team"},
    "team.created": {"nl": "Team “{name}” is aangemaakt.", "en": "Team “{name}” was created."},
    "team.exists": {
        "nl": "Team “{name}” bestaat al; ga verder in dat plan.",
        "en": "Team “{name}” already exists; continue in that plan.",
    },
    "team.current": {
        "nl": "Je werkt als team “{name}”. Alles wat je invult, komt in het plan van dit team.",
        "en": "You are working as team “{name}”. Everything you enter goes into this team's "
        "plan.",
    },
    "team.other": {"nl": "Ander team kiezen", "en": "Choose another team"},
    "team.none": {
        "nl": "Nog geen team gekozen: de formulieren op deze pagina tonen nu het plan “{name}”. "
        "Werk je met meerdere teams in de zaal? Kies of maak dan eerst hieronder je team.",
        "en": "No team chosen yet: the forms on this page now show the plan “{name}”. If "
        "several teams share the room, choose or create your team below first.",
    },
}
register(TEXTS)


# ----- where are we ----------------------------------------------------------------------


def in_app_view() -> bool:
    """True in a kernel that Voilà started for a page (Voilà sets ``SERVER_SOFTWARE``)."""
    return os.environ.get("SERVER_SOFTWARE", "").startswith("voila/")


def requested_plan() -> str | None:
    """The plan named by ``?plan=`` in this page's address (app view only)."""
    query = parse_qs(os.environ.get("QUERY_STRING", ""))
    name = (query.get("plan") or [""])[0].strip()
    return name or None


def page_link(stem: str, plan: str | None = None) -> str:
    """The relative address of a notebook; in the app view it keeps the team's plan."""
    href = f"{quote(stem)}.ipynb"
    if in_app_view():
        plan = plan if plan is not None else requested_plan()
        if plan:
            href += "?" + urlencode({"plan": plan})
    return href


def contents_link(plan: str | None = None) -> str:
    """The app view's start page (Voilà's tree, two levels up from ``voila/render/x``); an
    edition's page (``voila/render/en/x``) goes to its edition's list (``voila/tree/en``)."""
    plan = plan if plan is not None else requested_plan()
    edition = config.running_edition()
    tree = f"../../tree/{edition}" if edition else "../tree"
    return tree + ("?" + urlencode({"plan": plan}) if plan else "")


LINK_STYLE = "color:#1565c0;text-decoration:underline"


def _anchor(href: str, text: str, css_class: str) -> str:
    return f'<a class="{css_class}" href="{esc(href)}" style="{LINK_STYLE}">{esc(text)}</a>'


def _title(stem: str, lang: str | None = None) -> str:
    return f"{stem[:2]} — {t('nav.' + stem, lang)}"


# ----- previous / next -------------------------------------------------------------------


def navigation_html(current: str, lang: str | None = None) -> str:
    """The links under a notebook: previous, (app view: team and start page), next."""
    if current not in NOTEBOOKS:
        raise ValueError(f"unknown notebook {current!r}; known: {', '.join(NOTEBOOKS)}")
    index = NOTEBOOKS.index(current)
    left = right = middle = ""
    if index > 0:
        previous = NOTEBOOKS[index - 1]
        left = _anchor(page_link(previous), f"← {t('nav.previous', lang)}: "
                       f"{_title(previous, lang)}", "wb-nav-previous")
    if index < len(NOTEBOOKS) - 1:
        following = NOTEBOOKS[index + 1]
        right = _anchor(page_link(following), f"{t('nav.next', lang)}: "
                        f"{_title(following, lang)} →", "wb-nav-next")
    if in_app_view():
        plan = requested_plan()
        team = f"<b>{esc(t('nav.team', lang, name=plan))}</b> · " if plan else ""
        middle = team + _anchor(contents_link(), t("nav.contents", lang), "wb-nav-contents")
    style = (
        "display:flex;justify-content:space-between;align-items:center;gap:1em;"
        "border-top:1px solid #d0d7de;margin-top:1em;padding-top:0.6em;font-size:1.05em"
    )
    return (
        f'<nav class="wb-nav" style="{style}"><span>{left}</span>'
        f"<span>{middle}</span><span>{right}</span></nav>"
    )


def show(current: str) -> None:
    """Links to the previous and the next notebook (and, in the app view, the start page)."""
    api.store()  # the saved language applies
    display(HTML(navigation_html(current, i18n.language())))


# ----- the team's plan -------------------------------------------------------------------


class TeamChooser:
    """App view: choose an existing team's plan, or create one; the choice becomes a link
    with ``?plan=NAME`` (which every page then keeps)."""

    def __init__(self) -> None:
        self.store = api.store()
        if requested_plan():
            api.current_plan_id()  # a new team's plan exists from its first page on
        self.lang = i18n.language()
        self.feedback = Feedback()
        self.current = widgets.HTML()
        self.teams = widgets.HTML()
        self.name = widgets.Text(
            description=self.tr("team.new"),
            placeholder=self.tr("team.new_placeholder"),
            style={"description_width": "8em"},
            layout=widgets.Layout(width="50%"),
        )
        self.create_button = widgets.Button(description=self.tr("team.create"),
                                            button_style="primary",
                                            layout=widgets.Layout(width="auto"))
        self.create_button.on_click(self.create)
        self.widget = widgets.VBox([
            heading(self.tr("team.heading")),
            self.current,
            widgets.HTML(f"<p>{esc(self.tr('team.intro'))}</p>"),
            self.teams,
            widgets.HBox([self.name, self.create_button]),
            self.feedback.widget,
        ])
        self.refresh()

    def tr(self, key: str, **params: Any) -> str:
        return t(key, self.lang, **params)

    def _continue_link(self, name: str) -> str:
        return _anchor(page_link("00-welkom", name), self.tr("team.continue", name=name),
                       "wb-team-link")

    def refresh(self) -> None:
        plan = requested_plan()
        if plan:
            other = _anchor("00-welkom.ipynb?plan=", self.tr("team.other"), "wb-team-other")
            self.current.value = (
                f'<div class="wb-team-current" style="{OK_STYLE}">'
                f"✓ {esc(self.tr('team.current', name=plan))} {other}</div>"
            )
        else:
            name = self.store.plan_fields(api.current_plan_id())["name"]
            self.current.value = (
                f'<div class="wb-team-none" style="{NOTE_STYLE}">'
                f"{esc(self.tr('team.none', name=name))}</div>"
            )
        names = [str(name) for name in self.store.plans()["name"]]
        items = "".join(f"<li>{self._continue_link(name)}</li>" for name in names)
        self.teams.value = (
            f"<p>{esc(self.tr('team.existing'))}</p><ul class='wb-teams'>{items}</ul>"
            if names else ""
        )

    def create(self, _button: Any = None) -> bool:
        """Create the team's plan (or find it) and offer the link that continues in it."""
        try:
            record = model.validate(model.Plan, {"name": self.name.value})
        except InvalidRecord as error:
            self.feedback.problems(error, self.lang)
            return False
        if self.store.plan_id(record.name) is None:
            try:
                self.store.add_plan(record)
            except StoreError as error:
                if self.store.plan_id(record.name) is None:
                    self.feedback.error(self.tr("forms.not_saved", reason=str(error)))
                    return False
            message = self.tr("team.created", name=record.name)
        else:
            message = self.tr("team.exists", name=record.name)
        self.feedback.widget.value = (
            f'<div class="wb-ok" style="{OK_STYLE}">✓ {esc(message)} '
            f"{self._continue_link(record.name)}</div>"
        )
        self.refresh()
        return True


def choose_team() -> None:
    """Welcome page, app view: pick or create the team's plan. Shows nothing in JupyterLab."""
    if not in_app_view():
        return
    chooser = TeamChooser()
    show_widget(chooser.widget, "team")

