"""Notebook *overzicht begeleider*: the plans of several teams side by side and combined.

``show(folder=...)`` displays :class:`FacilitatorOverview`. Its teams are every plan of the
workbook's store (live, when the teams in the room share one store) plus the plans read
from files — a folder of exported or hand-made planning tables, and files uploaded in the
widget. Files are read into a private in-memory store (:func:`workbook.facilitator.
teams_from_files`); the workbook's own store is never written. A refused file does not
stop the others: its problems are listed per row and column.

What it shows: the teams, activities per context, per level (intern/extern × micro/meso/
macro) and per channel with one column per team and a total, the gaps across teams, the
indicators of all teams, a coverage heatmap of all teams together and every activity; and
downloads of the combined overview as xlsx and html.
"""

from __future__ import annotations

import asyncio
import sys
import traceback
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pandas as pd

from .. import analysis, charts, config, facilitator, i18n
from ..analysis import format_money
from ..facilitator import TeamPlan
from ..i18n import register, t
from ..importer import ImportRefused
from ..pictures import figure_png
from .common import (
    NOTE_STYLE,
    OK_STYLE,
    Session,
    esc,
    heading,
    html_table,
    show_widget,
    wide,
)
from .exchange import Download, DownloadBar, refusal_html
from .progress import chart_image

TEXTS: dict[str, dict[str, str]] = {
    "overview.sources": {"nl": "Welke plannen?", "en": "Which plans?"},
    "overview.include_store": {
        "nl": "Plannen uit dit werkboek (live, als de teams in de zaal samen werken)",
        "en": "Plans in this workbook (live, when the teams in the room share it)",
    },
    "overview.folder": {"nl": "Map met teambestanden", "en": "Folder with team files"},
    "overview.folder_placeholder": {"nl": "bv. /home/ik/teams", "en": "e.g. /home/me/teams"},
    "overview.read_folder": {"nl": "Map inlezen", "en": "Read folder"},
    "overview.choose_files": {"nl": "Teambestanden kiezen", "en": "Choose team files"},
    "overview.refresh": {"nl": "Vernieuwen", "en": "Refresh"},
    "overview.auto_refresh": {
        "nl": "Vanzelf vernieuwen (elke {seconds} s, zolang deze pagina open is)",
        "en": "Refresh automatically (every {seconds} s while this page is open)",
    },
    "overview.forget_files": {"nl": "Bestanden vergeten", "en": "Forget the files"},
    "overview.sources_help": {
        "nl": "Teambestanden zijn planningen als .xlsx of .csv (bv. geëxporteerd in "
        "<i>aan de slag</i>). Elk bestand wordt een plan op zich, genoemd naar zijn team. "
        "Ze worden alleen gelezen: het werkboek zelf verandert niet.",
        "en": "Team files are planning tables as .xlsx or .csv (e.g. exported in "
        "<i>getting started</i>). Each file becomes a plan of its own, named after its team. "
        "They are only read: the workbook itself does not change.",
    },
    "overview.teams_found": {"nl": "{count} teams: {names}.", "en": "{count} teams: {names}."},
    "overview.no_teams": {
        "nl": "Nog geen plannen: vink de plannen van het werkboek aan, lees een map in of "
        "kies teambestanden.",
        "en": "No plans yet: tick the workbook's plans, read a folder or choose team files.",
    },
    "overview.no_folder": {"nl": "Map niet gevonden: {folder}.",
                           "en": "Folder not found: {folder}."},
    "overview.empty_folder": {
        "nl": "Geen .xlsx- of .csv-bestanden in {folder}.",
        "en": "No .xlsx or .csv files in {folder}.",
    },
    "overview.read": {"nl": "Gelezen: {files}.", "en": "Read: {files}."},
    "overview.coverage_chart": {
        "nl": "Welke doelgroepen bereiken alle teams samen?",
        "en": "Which target groups do all teams reach together?",
    },
    "overview.all_activities": {"nl": "Alle activiteiten ({count})",
                                "en": "All activities ({count})"},
    "overview.export": {"nl": "Het overzicht downloaden", "en": "Download the overview"},
    "overview.xlsx": {"nl": "Overzicht in Excel (.xlsx)", "en": "Overview in Excel (.xlsx)"},
    "overview.html": {"nl": "Overzicht als webpagina (.html)",
                      "en": "Overview as a web page (.html)"},
    "overview.filename": {"nl": "overzicht-teams", "en": "overview-teams"},
    "overview.source_file": {"nl": "bestand {file}", "en": "file {file}"},
}
register(TEXTS)


def sample_folder() -> Path:
    """The three sample team files shipped with the workbook (``data/teams``)."""
    return config.PROJECT_DIR / "data" / "teams"


def combined_tables(teams: Sequence[TeamPlan]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Live activities and the tagged own target groups of all teams, for combined charts."""
    activities = [team.live_activities() for team in teams]
    groups = [team.tables["target_groups"] for team in teams
              if team.tables.get("target_groups") is not None]
    activities = [frame for frame in activities if len(frame)]
    groups = [frame for frame in groups if len(frame)]
    empty = teams[0].tables["activities"].iloc[0:0] if teams else pd.DataFrame(
        columns=["context", "target_groups", "channels", "price", "when", "status"])
    return (pd.concat(activities, ignore_index=True) if activities else empty,
            pd.concat(groups, ignore_index=True) if groups else pd.DataFrame(
                columns=["group", "scope", "level"]))


class FacilitatorOverview:
    """Gather plans (store, folder, uploads) and show them side by side and combined.

    Controls: ``include_store`` (Checkbox), ``folder`` (Text) with ``read_button``,
    ``upload`` (FileUpload, several files), ``refresh_button``, ``forget_button``; the
    views are HTML widgets in :attr:`sections` keyed ``teams``, ``context``, ``level``,
    ``channel``, ``gaps``, ``indicators``, ``activities``, plus :attr:`coverage` (Image)
    and :attr:`downloads` (xlsx and html).
    """

    SECTIONS = ("teams", "context", "level", "channel", "gaps", "indicators")
    AUTO_REFRESH_SECONDS = 5

    def __init__(self, session: Session | None = None, folder: Path | str | None = None,
                 include_store: bool = True, lang: str | None = None) -> None:
        self.session = session or Session.open()
        self.lang = i18n.language(lang)
        lang = self.lang
        self.file_teams: dict[str, list[TeamPlan]] = {}
        self.refused: dict[str, ImportRefused] = {}
        self.include_store = widgets.Checkbox(value=include_store, indent=False,
                                              description=t("overview.include_store", lang),
                                              layout=widgets.Layout(width="auto"))
        self.folder = widgets.Text(value=str(folder) if folder else "",
                                   description=t("overview.folder", lang),
                                   placeholder=t("overview.folder_placeholder", lang),
                                   style={"description_width": "initial"},
                                   layout=widgets.Layout(width="70%"))
        self.read_button = widgets.Button(description=t("overview.read_folder", lang),
                                          layout=widgets.Layout(width="auto"))
        self.upload = widgets.FileUpload(accept=".xlsx,.xlsm,.csv,.txt", multiple=True,
                                         description=t("overview.choose_files", lang),
                                         layout=widgets.Layout(width="auto"))
        self.refresh_button = widgets.Button(description=t("overview.refresh", lang),
                                             button_style="primary",
                                             layout=widgets.Layout(width="auto"))
        self.forget_button = widgets.Button(description=t("overview.forget_files", lang),
                                            layout=widgets.Layout(width="auto"))
        self.auto_refresh = widgets.Checkbox(
            value=True, indent=False,
            description=t("overview.auto_refresh", lang, seconds=self.AUTO_REFRESH_SECONDS),
            layout=widgets.Layout(width="auto"))
        self.message = widgets.HTML(layout=wide())
        self.problems = widgets.HTML(layout=wide())
        self.sections = {key: widgets.HTML(layout=wide()) for key in (*self.SECTIONS,
                                                                     "activities")}
        self.coverage = chart_image()
        self.activities = widgets.Accordion(children=[self.sections["activities"]],
                                            selected_index=None)
        self.downloads = DownloadBar([
            Download(".xlsx", t("overview.xlsx", lang), self.xlsx),
            Download(".html", t("overview.html", lang), self.html, slow=True),
        ], lang)

        self.include_store.observe(lambda _change: self.refresh(), names="value")
        self.read_button.on_click(lambda _button: self.read_folder())
        self.upload.observe(lambda _change: self._uploaded(), names="value")
        self.refresh_button.on_click(lambda _button: self.refresh())
        self.forget_button.on_click(lambda _button: self.forget_files())

        children: list[widgets.Widget] = [
            heading(t("overview.sources", lang)),
            widgets.HTML(f'<div style="font-size:13px;line-height:1.45">'
                         f"{t('overview.sources_help', lang)}</div>", layout=wide()),
            self.include_store,
            widgets.HBox([self.folder, self.read_button]),
            widgets.HBox([self.upload, self.refresh_button, self.forget_button]),
            self.auto_refresh,
            self.message,
            self.problems,
        ]
        for key in self.SECTIONS:
            children += [heading(t(f"facilitator.heading.{key}", lang)), self.sections[key]]
        children += [heading(t("overview.coverage_chart", lang)), self.coverage,
                     self.activities,
                     heading(t("overview.export", lang)), self.downloads.widget]
        self.widget = widgets.VBox(children)
        if folder:
            self.read_folder(refresh=False)
        self.refresh()
        self._watching = self._watch()

    # ----- following the room -------------------------------------------------------------

    def store_state(self) -> dict[str, int]:
        """What changes whenever any team saves anything (the store's table revisions)."""
        return self.session.store.revisions()

    def refresh_if_changed(self) -> bool:
        """Refresh when a team saved something since the last look; True if it did."""
        state = self.store_state()
        if state == self._seen:
            return False
        self.refresh()
        return True

    def _watch(self) -> asyncio.Task | None:
        """In a kernel, look every few seconds whether a team saved something, while the
        overview is shown (its widget open) and *Vanzelf vernieuwen* is ticked."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no kernel event loop (a script, a test): the button remains
            return None

        async def follow() -> None:
            while self.widget.comm is not None:
                await asyncio.sleep(self.AUTO_REFRESH_SECONDS)
                if self.auto_refresh.value and self.include_store.value:
                    try:
                        self.refresh_if_changed()
                    except Exception:  # the next look tries again; the kernel log says why
                        traceback.print_exc(file=sys.__stderr__)

        return loop.create_task(follow())

    # ----- gathering ----------------------------------------------------------------------

    def teams(self) -> list[TeamPlan]:
        """The store's plans by name (when ticked) and then the file teams, names made unique."""
        teams: list[TeamPlan] = []
        if self.include_store.value:
            teams += facilitator.room_teams(self.session.store,
                                            t("facilitator.source_store", self.lang))
        for found in self.file_teams.values():
            teams += found
        return facilitator.distinct_teams(teams, self.lang)

    def read_folder(self, refresh: bool = True) -> bool:
        """Read every team file of the folder typed in :attr:`folder` (replacing the last)."""
        text = self.folder.value.strip()
        folder = Path(text).expanduser() if text else None
        if folder is None or not folder.is_dir():
            self._note(t("overview.no_folder", self.lang, folder=text or "—"), ok=False)
            return False
        if not facilitator.team_files(folder):
            self._note(t("overview.empty_folder", self.lang, folder=str(folder)), ok=False)
            return False
        self.file_teams = {key: value for key, value in self.file_teams.items()
                           if not key.startswith("folder:")}
        teams, refused = facilitator.teams_from_files(folder, catalog=self.session.catalog,
                                                      lang=self.lang)
        self.file_teams[f"folder:{folder}"] = teams
        self._refusals(refused)
        if refresh:
            self.refresh()
        return True

    def add_files(self, files: Iterable[tuple[str, bytes]]) -> int:
        """Read uploaded ``(filename, bytes)`` pairs; returns how many became teams."""
        files = list(files)
        teams, refused = facilitator.teams_from_files(files, catalog=self.session.catalog,
                                                      lang=self.lang)
        for team in teams:
            self.file_teams[f"file:{team.source}"] = [team]
        self._refusals(refused)
        self.refresh()
        return len(teams)

    def forget_files(self) -> None:
        """Drop every file team (folder and uploads); the store's plans stay."""
        self.file_teams = {}
        self.refused = {}
        self.refresh()

    def _uploaded(self) -> None:
        if not self.upload.value:
            return
        files = [(str(item["name"]), bytes(item["content"])) for item in self.upload.value]
        self.upload.value = ()
        self.add_files(files)

    def _refusals(self, refused: dict[str, ImportRefused]) -> None:
        self.refused.update(refused)

    def _note(self, text: str, ok: bool = True) -> None:
        style = OK_STYLE if ok else NOTE_STYLE
        self.message.value = f'<div style="{style}">{esc(text)}</div>'

    # ----- views --------------------------------------------------------------------------

    def frames(self, teams: Sequence[TeamPlan] | None = None) -> dict[str, pd.DataFrame]:
        teams = self.teams() if teams is None else teams
        return facilitator.overview_frames(teams, self.session.catalog, self.lang)

    def refresh(self) -> None:
        """Gather the plans again (the store is live) and redraw every table and the chart."""
        lang = self.lang
        self._seen = self.store_state()
        teams = self.teams()
        if teams:
            names = ", ".join(team.team for team in teams)
            self._note(t("overview.teams_found", lang, count=len(teams), names=names))
        else:
            self._note(t("overview.no_teams", lang), ok=False)
        self.problems.value = "".join(refusal_html(refused, lang)
                                      for refused in self.refused.values())
        frames = facilitator.for_projector(self.frames(teams), teams, lang)
        money = (t("facilitator.cost", lang), t("field.price", lang))
        dates = (t("facilitator.first", lang), t("facilitator.last", lang),
                 t("field.deadline", lang), t("field.when", lang))
        formatters: dict[str, Any] = {name: (lambda v: format_money(v, lang)
                                             if pd.notna(v) else "") for name in money}
        formatters.update({name: (lambda v: analysis.format_date(v, lang)) for name in dates})
        formatters[t("field.kind", lang)] = lambda v: str(v).split(" (")[0]
        formatters[t("facilitator.share", lang)] = (
            lambda v: analysis.format_percent(v / 100, lang) if pd.notna(v) else "")
        for key in (*self.SECTIONS, "activities"):
            self.sections[key].value = html_table(frames[key], formatters=formatters,
                                                  nowrap=(*money, *dates),
                                                  empty=t("overview.no_teams", lang))
        self.activities.set_title(0, t("overview.all_activities", lang,
                                       count=len(frames["activities"])))
        activities, groups = combined_tables(teams)
        self.coverage.value = figure_png(charts.coverage_chart(
            activities, groups, self.session.catalog, lang=lang))
        self.coverage.tooltip = charts.coverage_description(activities, groups,
                                                            self.session.catalog, lang=lang)

    # ----- exports ------------------------------------------------------------------------

    def filename(self, suffix: str) -> str:
        return f"{t('overview.filename', self.lang)}{suffix}"

    def xlsx(self) -> tuple[str, bytes]:
        """The combined overview as an Excel workbook (a sheet per table)."""
        return self.filename(".xlsx"), facilitator.overview_xlsx_bytes(
            self.teams(), self.session.catalog, self.lang)

    def html(self) -> tuple[str, bytes]:
        """The combined overview as one self-contained web page, with the coverage chart."""
        teams = self.teams()
        activities, groups = combined_tables(teams)
        figure = charts.coverage_chart(activities, groups, self.session.catalog, lang=self.lang)
        page = facilitator.overview_html(
            teams, self.session.catalog, self.lang,
            charts=[(t("overview.coverage_chart", self.lang), figure_png(figure))])
        return self.filename(".html"), page.encode("utf-8")

    def show(self) -> None:
        show_widget(self.widget, "overzicht begeleider")


def show(folder: Path | str | None = None, include_store: bool = True) -> None:
    """Notebook *overzicht begeleider*: every plan of the workbook and of ``folder``
    (default: the folder named by ``WORKBOOK_TEAMS``, so a workshop never shows the
    sample teams unless the facilitator asks for them)."""
    folder = folder or config.teams_dir()
    FacilitatorOverview(folder=folder, include_store=include_store).show()


__all__ = ["FacilitatorOverview", "combined_tables", "sample_folder", "show"]
