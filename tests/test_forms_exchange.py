"""Downloads (xlsx, csv, ics, html as data: links) and the upload of a planning table."""

from __future__ import annotations

import base64
import html
import io
import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from workbook.config import PROJECT_DIR
from workbook.forms import exchange, progress
from workbook.forms.exchange import Download, DownloadBar, ExchangePanel, PlanUpload
from workbook.session import current_plan_id

TEAMS = PROJECT_DIR / "data" / "teams"


def link_bytes(html: str) -> tuple[str, str, bytes]:
    """(filename, mime type, content) of the download link in ``html``."""
    found = re.search(r'download="([^"]*)" href="data:([^;]+);base64,([^"]+)"', html)
    assert found, html[:200]
    return found.group(1), found.group(2), base64.b64decode(found.group(3))


def chosen(upload: PlanUpload, path: Path, content: bytes | None = None) -> None:
    """Pick a file in the upload widget, as the browser would hand it over."""
    content = path.read_bytes() if content is None else content
    upload.upload.value = ({"name": path.name, "type": "", "size": len(content),
                            "content": memoryview(content),
                            "last_modified": datetime(2026, 3, 1)},)


def test_every_format_downloads(demo_store):
    panel = ExchangePanel()
    bar = panel.downloads
    assert [button.description for button in bar.buttons.values()] == [
        "Excel (.xlsx)", "Planningstabel (.csv)", "Agenda (.ics)", "Voortgangsrapport (.html)"]

    bar.buttons[".xlsx"].click()
    name, mime, content = link_bytes(bar.link.value)
    assert name == "Taal-zonder-grenzen.xlsx" and mime.endswith("spreadsheetml.sheet")
    assert {"Planning", "Indicatoren", "Metingen"} <= set(load_workbook(io.BytesIO(content))
                                                         .sheetnames)
    assert "Klaar: Taal-zonder-grenzen.xlsx" in bar.status.value

    bar.buttons[".csv"].click()
    name, mime, content = link_bytes(bar.link.value)
    assert (name, mime) == ("Taal-zonder-grenzen.csv", "text/csv")
    assert content.startswith(b"\xef\xbb\xbfContext;Wat;Naar wie")

    bar.buttons[".ics"].click()
    name, mime, content = link_bytes(bar.link.value)
    assert mime == "text/calendar"
    assert Calendar.from_ical(content).walk("VEVENT")

    bar.buttons[".html"].click()
    name, mime, content = link_bytes(bar.link.value)
    assert name == "Taal-zonder-grenzen.html" and mime == "text/html"
    page = content.decode("utf-8")
    assert "Voortgangsrapport disseminatie" in page and "data:image/png;base64," in page
    assert not any(button.disabled for button in bar.buttons.values())


def test_a_busy_text_while_the_file_is_made_and_errors_in_the_widget():
    seen: list[str] = []

    def slow() -> tuple[str, bytes]:
        seen.append(bar.status.value)
        seen.append(str(bar.buttons[".html"].disabled))
        return 'rapport "juni" <1>.html', b"<html></html>"

    def broken() -> tuple[str, bytes]:
        raise ValueError("schijf vol")

    bar = DownloadBar([Download(".html", "Rapport", slow, slow=True),
                       Download(".csv", "CSV", broken)])
    assert bar.prepare(".html") is True
    assert "Bezig met Rapport" in seen[0] and "enkele seconden" in seen[0]
    assert seen[1] == "True"
    # the file name is escaped inside the attribute
    assert 'download="rapport &quot;juni&quot; &lt;1&gt;.html"' in bar.link.value
    assert bar.last == ('rapport "juni" <1>.html', b"<html></html>")

    assert bar.prepare(".csv") is False
    assert "Niet gelukt: schijf vol" in bar.status.value
    assert bar.link.value == ""
    assert not bar.buttons[".csv"].disabled


def test_upload_imports_into_the_current_plan(demo_store):
    plan = current_plan_id(demo_store)
    before = len(demo_store.activities(plan))
    refreshed: list[str] = []

    class View:
        def refresh(self) -> None:
            refreshed.append("view")

    view = View()
    progress.subscribe(view.refresh)
    panel = ExchangePanel()
    upload = panel.upload
    assert "Taal zonder grenzen" in upload.help.value
    chosen(upload, TEAMS / "CVO_Kempen.csv")
    assert "Gekozen: CVO_Kempen.csv" in upload.feedback.text
    upload.import_button.click()

    assert len(demo_store.activities(plan)) == before + 6
    assert "6 activiteiten toegevoegd aan plan 'Taal zonder grenzen'" in upload.feedback.text
    assert upload.upload.value == ()
    assert refreshed == ["view"]  # views in other cells hear of it


def test_a_refused_file_shows_row_and_column_and_changes_nothing(demo_store):
    plan = current_plan_id(demo_store)
    tables = {key: len(frame) for key, frame in demo_store.plan_tables(plan).items()}
    upload = PlanUpload()
    content = (TEAMS / "CVO_Kempen.csv").read_bytes().replace(b"2025", b"20x5", 1)
    chosen(upload, Path("fout.csv"), content)
    assert upload.submit() is False
    text = upload.feedback.text
    assert "Niets geïmporteerd uit fout.csv" in text
    assert "rij 2, kolom When: '20x5-09-22' is geen datum" in text
    assert {key: len(frame) for key, frame in demo_store.plan_tables(plan).items()} == tables

    assert upload.import_file("notities.csv", b"hallo\n") is False
    assert "Geen planningstabel gevonden" in upload.feedback.text


def test_import_without_a_file(store):
    upload = PlanUpload()
    assert upload.submit() is False
    assert upload.feedback.text == "Kies eerst een bestand."


@pytest.mark.parametrize("size, text", [(512, "512 B"), (12_345, "12 kB"),
                                        (1_046_765, "1,0 MB")])
def test_file_sizes(size, text):
    assert exchange.file_size(size, "nl") == text


def test_in_english(demo_store, monkeypatch):
    monkeypatch.setenv("WORKBOOK_LANG", "en")
    panel = ExchangePanel()
    assert panel.downloads.buttons[".html"].description == "Progress report (.html)"
    assert panel.upload.import_button.description == "Import"
    panel.upload.import_file("x.csv", b"nothing\n")
    assert "Nothing imported from x.csv" in panel.upload.feedback.text


def test_an_imported_file_shows_up_in_the_planning_table_above(demo_store):
    from workbook.forms.planning import PlanningExercise

    plan = current_plan_id(demo_store)
    before = set(demo_store.activities(plan)["what"])
    exercise = PlanningExercise()
    upload = ExchangePanel().upload
    chosen(upload, TEAMS / "CVO_Kempen.csv")
    upload.import_button.click()
    imported = set(demo_store.activities(plan)["what"]) - before
    assert len(imported) == 6
    for what in imported:
        assert html.escape(what) in exercise.table.value


def test_the_importer_loads_on_the_first_upload_not_on_display(demo_store):
    code = (
        "import sys\n"
        "from workbook.forms import exchange\n"
        "panel = exchange.ExchangePanel()\n"
        "assert 'workbook.importer' not in sys.modules\n"
        f"content = open({str(TEAMS / 'CVO_Kempen.csv')!r}, 'rb').read()\n"
        "assert panel.upload.import_file('CVO_Kempen.csv', content)\n"
        "assert 'workbook.importer' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env=dict(os.environ))
