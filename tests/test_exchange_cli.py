"""``python -m workbook export`` and ``import``: formats, plans, languages and refusals."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from workbook.cli import main
from workbook.store import open_store


def dump(store) -> str:
    connection = sqlite3.connect(store.path)
    try:
        return "\n".join(connection.iterdump())
    finally:
        connection.close()


@pytest.fixture
def demo(capsys):
    assert main(["demo"]) == 0
    capsys.readouterr()
    return open_store()


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".ics", ".html"])
def test_export_every_format(demo, tmp_path, capsys, suffix):
    path = tmp_path / f"plan{suffix}"
    assert main(["export", str(path)]) == 0
    assert f"Plan 'Taal zonder grenzen' geëxporteerd naar {path}" in capsys.readouterr().out
    content = path.read_bytes()
    if suffix == ".xlsx":
        assert load_workbook(path).sheetnames[0] == "Planning"
    elif suffix == ".csv":
        assert content.startswith(b"\xef\xbb\xbfContext;Wat;")
    elif suffix == ".ics":
        assert Calendar.from_ical(content).walk("VEVENT")
    else:
        assert b"<!DOCTYPE html>" in content


def test_export_csv_comma_and_english(demo, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("WORKBOOK_LANG", "en")
    assert main(["export", str(tmp_path / "plan.csv"), "--csv-comma"]) == 0
    assert "exported to" in capsys.readouterr().out
    text = (tmp_path / "plan.csv").read_text(encoding="utf-8-sig")
    assert text.startswith("Context,What,To whom,Key message,How / channels,Product,")


def test_export_a_named_plan_and_refuse_an_unknown_one(demo, tmp_path, capsys):
    assert main(["import", str(tmp_path / "x.csv")]) == 2  # a missing file is refused
    capsys.readouterr()
    assert main(["export", str(tmp_path / "p.xlsx"), "--plan", "Taal zonder grenzen"]) == 0
    capsys.readouterr()
    assert main(["export", str(tmp_path / "q.xlsx"), "--plan", "Bestaat niet"]) == 2
    err = capsys.readouterr().err
    assert "geen plan met de naam 'Bestaat niet'" in err and "Taal zonder grenzen" in err
    assert not (tmp_path / "q.xlsx").exists()


def test_export_refuses_an_unknown_format(demo, tmp_path, capsys):
    assert main(["export", str(tmp_path / "plan.docx")]) == 2
    assert ".docx" in capsys.readouterr().err


def test_import_prints_what_was_added(demo, tmp_path, capsys):
    path = tmp_path / "team.xlsx"
    main(["export", str(path)])
    capsys.readouterr()
    assert main(["import", str(path), "--plan", "Kopie"]) == 0
    out = capsys.readouterr().out
    assert "Nieuw plan 'Kopie' aangemaakt." in out
    assert "24 activiteiten toegevoegd aan plan 'Kopie' (uit team.xlsx)." in out
    assert "27 metingen toegevoegd." in out
    store = open_store()
    assert len(store.activities(store.plan_id("Kopie"))) == 24


def test_import_into_the_current_plan_respects_workbook_plan(demo, tmp_path, monkeypatch,
                                                             capsys):
    path = tmp_path / "p.csv"
    path.write_text("Wat;Naar wie;Wanneer\nInfoavond;Ouders;14/10/2025\n", encoding="utf-8")
    monkeypatch.setenv("WORKBOOK_PLAN", "Team via omgeving")
    assert main(["import", str(path)]) == 0
    assert "plan 'Team via omgeving'" in capsys.readouterr().out
    assert open_store().plan_id("Team via omgeving") is not None


def test_a_refused_import_exits_2_with_one_line_per_problem(demo, tmp_path, capsys,
                                                            monkeypatch):
    path = tmp_path / "fout.csv"
    path.write_text("Wat;Naar wie;Wanneer;Prijs\n;Ouders;morgen;veel\nOk;Ouders;2025-10-14;5\n",
                    encoding="cp1252")
    before = dump(demo)
    assert main(["import", str(path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "Niets geïmporteerd uit fout.csv: pas het bestand aan en probeer opnieuw."
    assert err[1:] == [
        "- rij 2, kolom Wanneer: 'morgen' is geen datum; verwacht bv. 14/10/2025, 2025-10-14 "
        "of oktober 2025.",
        "- rij 2, kolom Prijs: 'veel' is geen bedrag of getal; verwacht bv. 1250, 1.250,50 "
        "of € 1.250,50.",
        "- rij 2, kolom Wat: vul dit in.",
    ]
    assert dump(demo) == before
    monkeypatch.setenv("WORKBOOK_LANG", "en")
    assert main(["import", str(path)]) == 2
    assert "row 2, column Wat: please fill this in." in capsys.readouterr().err
    assert dump(demo) == before


def test_a_non_table_file_is_refused(demo, tmp_path, capsys):
    path = tmp_path / "foto.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    before = dump(demo)
    assert main(["import", str(path)]) == 2
    assert "geen tekst- of rekenbladbestand" in capsys.readouterr().err
    assert dump(demo) == before


def test_the_program_imports_and_exports_on_the_data_folder(isolated_workbook, tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("Naar wie,What,When,Cost\nParents,Info evening,2025-10-14,12.50\n")
    run = [sys.executable, "-m", "workbook"]
    result = subprocess.run([*run, "import", str(path)], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert "1 activiteiten toegevoegd" in result.stdout
    result = subprocess.run([*run, "export", str(tmp_path / "p.ics")], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert (isolated_workbook / "werkboek.sqlite").exists()
    assert b"Info evening" in (tmp_path / "p.ics").read_bytes()
