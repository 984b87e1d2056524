"""``python -m workbook``: the same store as the notebooks, refusals with exit code 2."""

from __future__ import annotations

import subprocess
import sys

import pytest

from workbook.cli import main


def test_demo_loads_once_and_then_refuses(capsys: pytest.CaptureFixture):
    assert main(["demo"]) == 0
    assert "Voorbeeldplan 'Taal zonder grenzen' geladen" in capsys.readouterr().out
    assert main(["demo"]) == 2
    assert "--beside" in capsys.readouterr().err
    assert main(["demo", "--beside"]) == 0


def test_table_prints_the_planning_table_in_english(capsys, monkeypatch):
    main(["demo"])
    capsys.readouterr()
    monkeypatch.setenv("WORKBOOK_LANG", "en")
    assert main(["table"]) == 0
    output = capsys.readouterr().out
    assert "How / channels" in output and "Within our own school" in output


def test_the_module_runs_as_a_program_on_the_data_folder(isolated_workbook):
    result = subprocess.run(
        [sys.executable, "-m", "workbook", "demo"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert (isolated_workbook / "werkboek.sqlite").exists()


def test_a_bad_today_is_a_clear_refusal(monkeypatch, capsys):
    monkeypatch.setenv("WORKBOOK_TODAY", "15/03/2026")
    main(["demo"])
    from workbook import config

    with pytest.raises(config.ConfigError, match="YYYY-MM-DD"):
        config.today()
