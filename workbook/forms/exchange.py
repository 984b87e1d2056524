"""Plans in and out of the notebooks: download buttons (xlsx, csv, ics, html) and an upload.

``show()`` displays :class:`ExchangePanel` — :class:`PlanDownloads` and :class:`PlanUpload`
— in *aan de slag* and *voortgang*.

A download works the same in JupyterLab and in Voilà, without printing anything: the
button builds the file's bytes in the kernel and then offers an ``<a download=…>`` link
with a ``data:`` URI in an HTML widget; the browser saves it on click. While a file is
built (the HTML report draws its charts: seconds), a busy text says so.
:class:`DownloadBar` is the reusable part (the facilitator's overview uses it too).
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import ipywidgets as widgets

from .. import i18n
from ..export import FORMATS, PlanData, export_bytes, filename_for
from ..i18n import language, register, t
from ..lazy import on_first_use
from ..store import StoreError
from .common import (
    BAD_STYLE,
    NOTE_STYLE,
    OK_STYLE,
    Feedback,
    Session,
    esc,
    heading,
    show_widget,
    store_changed,
    wide,
)

if TYPE_CHECKING:
    from ..importer import ImportRefused

# The importer (~0.2 s) on the first upload, not when the panel is shown.
importer = on_first_use("workbook.importer")

TEXTS: dict[str, dict[str, str]] = {
    "exchange.downloads": {"nl": "Je plan downloaden", "en": "Download your plan"},
    "exchange.downloads_help": {
        "nl": "Klik op een formaat: het bestand wordt gemaakt en daarna verschijnt een link "
        "om het te bewaren.",
        "en": "Click a format: the file is created, then a link appears to save it.",
    },
    "exchange.format..xlsx": {"nl": "Excel (.xlsx)", "en": "Excel (.xlsx)"},
    "exchange.format..csv": {"nl": "Planningstabel (.csv)", "en": "Planning table (.csv)"},
    "exchange.format..ics": {"nl": "Agenda (.ics)", "en": "Calendar (.ics)"},
    "exchange.format..html": {"nl": "Voortgangsrapport (.html)",
                              "en": "Progress report (.html)"},
    "exchange.busy": {"nl": "Bezig met {file} …", "en": "Creating {file}…"},
    "exchange.busy_report": {
        "nl": "Bezig met {file} … het rapport tekent alle grafieken, dat duurt enkele "
        "seconden.",
        "en": "Creating {file}… the report draws every chart, which takes a few seconds.",
    },
    "exchange.ready": {"nl": "Klaar: {file} ({size}).", "en": "Ready: {file} ({size})."},
    "exchange.save": {"nl": "⬇ {file} bewaren", "en": "⬇ Save {file}"},
    "exchange.failed": {"nl": "Niet gelukt: {reason}", "en": "Failed: {reason}"},
    "exchange.upload": {"nl": "Een planning importeren", "en": "Import a planning table"},
    "exchange.upload_help": {
        "nl": "Een planningstabel uit Excel (.xlsx) of als .csv, met de kolommen van de "
        "kick-off: <i>Wat, Naar wie, Hoe / kanalen, Wanneer, Indicator, Prijs</i> (en "
        "eventueel <i>Context, Streefwaarde, Verantwoordelijke, Status</i>). De rijen komen "
        "bij plan <b>{plan}</b>. Klopt er iets niet, dan wordt niets geïmporteerd en lees "
        "je per rij en kolom wat je moet aanpassen.",
        "en": "A planning table from Excel (.xlsx) or as .csv, with the kick-off's columns: "
        "<i>What, To whom, How / channels, When, Indicator, Cost</i> (and optionally "
        "<i>Context, Target value, Responsible, Status</i>). The rows are added to plan "
        "<b>{plan}</b>. If anything is wrong, nothing is imported and you read per row and "
        "column what to correct.",
    },
    "exchange.choose_file": {"nl": "Bestand kiezen", "en": "Choose file"},
    "exchange.import": {"nl": "Importeren", "en": "Import"},
    "exchange.chosen": {
        "nl": "Gekozen: {file}. Klik op Importeren om de rijen toe te voegen aan plan '{plan}'.",
        "en": "Chosen: {file}. Click Import to add the rows to plan '{plan}'.",
    },
    "exchange.no_file": {"nl": "Kies eerst een bestand.", "en": "Choose a file first."},
    "exchange.imported_note": {
        "nl": "Voer de notebooks opnieuw uit (of klik op Grafieken vernieuwen) om de nieuwe "
        "rijen overal te zien.",
        "en": "Run the notebooks again (or click Redraw the charts) to see the new rows "
        "everywhere.",
    },
}
register(TEXTS)

PLAN_FORMATS: tuple[str, ...] = (".xlsx", ".csv", ".ics", ".html")
UPLOAD_ACCEPT = ".xlsx,.xlsm,.csv,.txt"


def file_size(size: int, lang: str | None = None) -> str:
    """'12 kB' / '1,4 MB' (decimal comma in Dutch)."""
    if size < 1000:
        text = f"{size} B"
    elif size < 1_000_000:
        text = f"{size / 1000:.0f} kB"
    else:
        text = f"{size / 1_000_000:.1f} MB"
    return text.replace(".", ",") if language(lang) == "nl" else text


def download_link(filename: str, content: bytes, mime: str, label: str) -> str:
    """An ``<a download>`` with the bytes as a ``data:`` URI; filename and label escaped."""
    payload = base64.b64encode(content).decode("ascii")
    return (
        f'<a class="wb-download" download="{html.escape(filename, quote=True)}" '
        f'href="data:{html.escape(mime, quote=True)};base64,{payload}" '
        'style="display:inline-block;padding:4px 12px;margin:2px 0;border-radius:4px;'
        'background:#1565c0;color:#fff;text-decoration:none;font-weight:bold">'
        f"{esc(label)}</a>"
    )


@dataclass(frozen=True)
class Download:
    """One download button: the file's suffix, the button's text and how to build it.

    ``build`` returns ``(filename, bytes)``.
    """

    suffix: str
    label: str
    build: Callable[[], tuple[str, bytes]]
    slow: bool = False


class DownloadBar:
    """A row of buttons; a click builds that file and offers a link to save it."""

    def __init__(self, downloads: Sequence[Download], lang: str | None = None) -> None:
        self.lang = language(lang)
        self.downloads = {item.suffix: item for item in downloads}
        self.buttons: dict[str, widgets.Button] = {}
        for item in downloads:
            button = widgets.Button(description=item.label,
                                    layout=widgets.Layout(width="auto"))
            button.on_click(lambda _button, suffix=item.suffix: self.prepare(suffix))
            self.buttons[item.suffix] = button
        self.status = widgets.HTML(layout=wide())
        self.link = widgets.HTML(layout=wide())
        self.last: tuple[str, bytes] | None = None
        self.widget = widgets.VBox([widgets.HBox(list(self.buttons.values())), self.status,
                                    self.link])

    def prepare(self, suffix: str) -> bool:
        """Build the file for ``suffix`` and put its link in :attr:`link`; True when made."""
        item = self.downloads[suffix]
        busy_key = "exchange.busy_report" if item.slow else "exchange.busy"
        self.link.value = ""
        self.status.value = (f'<div class="wb-busy" style="{NOTE_STYLE}">⏳ '
                             f"{esc(t(busy_key, self.lang, file=item.label))}</div>")
        for button in self.buttons.values():
            button.disabled = True
        try:
            filename, content = item.build()
        except Exception as error:  # noqa: BLE001 - whatever went wrong, say it in the widget
            self.status.value = (f'<div class="wb-error" style="{BAD_STYLE}">'
                                 f"{esc(t('exchange.failed', self.lang, reason=error))}</div>")
            return False
        finally:
            for button in self.buttons.values():
                button.disabled = False
        self.last = (filename, content)
        mime = FORMATS.get(suffix, "application/octet-stream")
        ready = t("exchange.ready", self.lang, file=filename,
                  size=file_size(len(content), self.lang))
        self.status.value = f'<div class="wb-ok" style="{OK_STYLE}">✓ {esc(ready)}</div>'
        self.link.value = download_link(filename, content, mime,
                                        t("exchange.save", self.lang, file=filename))
        return True


class PlanDownloads(DownloadBar):
    """The current plan as xlsx, csv, ics and the HTML progress report."""

    def __init__(self, session: Session | None = None, formats: Sequence[str] = PLAN_FORMATS,
                 lang: str | None = None) -> None:
        self.session = session or Session.open()
        lang = language(lang)
        super().__init__([
            Download(suffix, t(f"exchange.format.{suffix}", lang),
                     lambda suffix=suffix: self.build(suffix), slow=suffix == ".html")
            for suffix in formats
        ], lang)

    def build(self, suffix: str) -> tuple[str, bytes]:
        data = PlanData.from_store(self.session.store, self.session.plan_id,
                                   self.session.catalog)
        return filename_for(data, suffix), export_bytes(data, suffix, self.lang)


class PlanUpload:
    """Choose an .xlsx or .csv planning table and import it into the current plan."""

    def __init__(self, session: Session | None = None, lang: str | None = None) -> None:
        self.session = session or Session.open()
        self.lang = language(lang)
        self.upload = widgets.FileUpload(accept=UPLOAD_ACCEPT, multiple=False,
                                         description=t("exchange.choose_file", self.lang),
                                         layout=widgets.Layout(width="auto"))
        self.import_button = widgets.Button(description=t("exchange.import", self.lang),
                                            button_style="primary",
                                            layout=widgets.Layout(width="auto"))
        self.feedback = Feedback()
        self.help = widgets.HTML(layout=wide())
        self._listeners: list[Callable[[], None]] = []
        self.upload.observe(lambda _change: self._chosen(), names="value")
        self.import_button.on_click(lambda _button: self.submit())
        self.widget = widgets.VBox([self.help, widgets.HBox([self.upload, self.import_button]),
                                    self.feedback.widget])
        self.refresh()

    def plan_name(self) -> str:
        return self.session.store.plan_fields(self.session.plan_id)["name"]

    def refresh(self) -> None:
        text = t("exchange.upload_help", self.lang, plan=esc(self.plan_name()))
        self.help.value = f'<div style="font-size:13px;line-height:1.45">{text}</div>'

    def on_change(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` after an import changed the store."""
        self._listeners.append(callback)

    def chosen_file(self) -> tuple[str, bytes] | None:
        if not self.upload.value:
            return None
        item = self.upload.value[0]
        return str(item["name"]), bytes(item["content"])

    def _chosen(self) -> None:
        chosen = self.chosen_file()
        if chosen is not None:
            text = t("exchange.chosen", self.lang, file=chosen[0], plan=self.plan_name())
            self.feedback.widget.value = f'<div style="{NOTE_STYLE}">{esc(text)}</div>'

    def submit(self) -> bool:
        """Import the chosen file; True when it was imported."""
        chosen = self.chosen_file()
        if chosen is None:
            self.feedback.error(t("exchange.no_file", self.lang))
            return False
        return self.import_file(*chosen)

    def import_file(self, filename: str, content: bytes) -> bool:
        """Import ``content`` as the file ``filename``; a refusal lists every problem."""
        try:
            result = importer.import_plan(self.session.store, content, filename=filename,
                                 plan_name=self.plan_name(), catalog=self.session.catalog,
                                 lang=self.lang)
        except importer.ImportRefused as refused:
            self.feedback.widget.value = refusal_html(refused, self.lang)
            return False
        except StoreError as error:
            self.feedback.error(t("forms.not_saved", self.lang, reason=str(error)))
            return False
        finally:
            self.upload.value = ()
        lines = "".join(f"<div>{esc(line)}</div>" for line in result.summary(self.lang).split("\n"))
        self.feedback.widget.value = (
            f'<div class="wb-ok" style="{OK_STYLE}">✓ {lines}'
            f"<div><small>{esc(t('exchange.imported_note', self.lang))}</small></div></div>")
        for callback in self._listeners:
            callback()
        store_changed()
        return True


def refusal_html(refused: ImportRefused, lang: str | None = None) -> str:
    """The refusal's heading and one list item per problem (row, column, what to do)."""
    head = t("import.refused", lang, source=refused.source or "?")
    items = "".join(f"<li>{esc(message)}</li>" for message in refused.messages(lang))
    return (f'<div class="wb-error" style="{BAD_STYLE}"><b>{esc(head)}</b>'
            f"<ul>{items}</ul></div>")


class ExchangePanel:
    """Downloads of the current plan and the upload of a planning table, one below the other."""

    def __init__(self, session: Session | None = None, formats: Sequence[str] = PLAN_FORMATS,
                 upload: bool = True) -> None:
        self.session = session or Session.open()
        self.lang = i18n.language()
        self.downloads = PlanDownloads(self.session, formats, self.lang)
        children: list[widgets.Widget] = [
            heading(t("exchange.downloads", self.lang)),
            widgets.HTML(f'<div style="font-size:13px">'
                         f"{esc(t('exchange.downloads_help', self.lang))}</div>"),
            self.downloads.widget,
        ]
        self.upload: PlanUpload | None = None
        if upload:
            self.upload = PlanUpload(self.session, self.lang)
            children += [heading(t("exchange.upload", self.lang)), self.upload.widget]
        self.widget = widgets.VBox(children)

    def show(self) -> None:
        show_widget(self.widget, "downloaden en importeren")


def show(upload: bool = True) -> None:
    """*aan de slag* and *voortgang*: download the plan in every format; import a table."""
    ExchangePanel(upload=upload).show()


__all__ = [
    "Download", "DownloadBar", "ExchangePanel", "PlanDownloads", "PlanUpload", "download_link",
    "file_size", "refusal_html", "show",
]
