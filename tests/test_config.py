"""Settings from the environment: data folder, today, language, requested plan."""

from __future__ import annotations

from datetime import date

import pytest

from workbook import config


def test_today_is_fixed_by_the_environment(monkeypatch):
    monkeypatch.setenv("WORKBOOK_TODAY", "2026-03-15")
    assert config.today() == date(2026, 3, 15)
    monkeypatch.delenv("WORKBOOK_TODAY")
    assert config.today() == date.today()
    monkeypatch.setenv("WORKBOOK_TODAY", "gisteren")
    with pytest.raises(config.ConfigError, match="WORKBOOK_TODAY='gisteren'"):
        config.today()


def test_the_store_lives_in_the_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("WORKBOOK_DATA", str(tmp_path))
    assert config.store_url() == f"sqlite:///{tmp_path / 'werkboek.sqlite'}"
    monkeypatch.delenv("WORKBOOK_DATA")
    assert config.data_dir() == config.PROJECT_DIR / "data"
    monkeypatch.setenv("WORKBOOK_DB_URL", "postgresql://host/werkboek")
    assert config.store_url() == "postgresql://host/werkboek"


def test_plan_comes_from_the_query_string_before_the_environment(monkeypatch):
    monkeypatch.setenv("WORKBOOK_PLAN", "Team B")
    assert config.requested_plan() == "Team B"
    monkeypatch.setenv("QUERY_STRING", "plan=Team+A&x=1")
    assert config.requested_plan() == "Team A"


def test_language_from_the_environment(monkeypatch):
    monkeypatch.setenv("WORKBOOK_LANG", "EN_GB")
    assert config.env_language() == "en"
    monkeypatch.setenv("WORKBOOK_LANG", "fr")
    assert config.env_language() is None


def test_team_files_are_read_only_when_asked_for(monkeypatch):
    monkeypatch.delenv("WORKBOOK_TEAMS", raising=False)
    assert config.teams_dir() is None
    monkeypatch.setenv("WORKBOOK_TEAMS", "data/teams")
    assert config.teams_dir() == config.PROJECT_DIR / "data" / "teams"
