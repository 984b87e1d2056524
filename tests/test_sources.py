"""The sources of the workbook's facts (data/bronnen.csv) and the official wordings
(data/teksten.yaml): every reference resolves, and corrected facts stay corrected."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from workbook import sources
from workbook.catalog import load_catalog
from workbook.config import PROJECT_DIR

NOTEBOOKS = sorted((PROJECT_DIR / "notebooks").glob("*.ipynb"))


def _notebook_prose(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown")


def test_every_source_has_name_publisher_year_address_and_a_status():
    found = sources.load_sources()
    assert len(found) >= 15
    for source in found.values():
        assert source.name and source.publisher and source.year and source.address, source
        assert source.status in sources.STATUSES
        assert source.address.startswith(("https://", "(")), source.address
        assert "te controleren" not in source.address  # the status says it, once
    assert found["esep"].year == "2022" and found["esep"].checked
    assert found["edl"].publisher.startswith("Raad van Europa")


def test_every_event_and_official_text_names_a_known_source():
    known = sources.load_sources()
    for event in load_catalog().events.values():
        assert event.source in known, event.id
    for key in ("disclaimer", "emblem"):
        assert sources.text_sources(key)


def test_the_disclaimer_says_not_necessarily_in_both_languages():
    assert "do not necessarily reflect" in sources.official_text("disclaimer", "en")
    assert "niet noodzakelijkerwijs" in sources.official_text("disclaimer", "nl")
    assert sources.official_text("emblem", "nl") == "Medegefinancierd door de Europese Unie"
    assert sources.official_text("emblem", "en") == "Co-funded by the European Union"


@pytest.mark.parametrize(
    "wrong",
    [
        "niet die van de EU",
        "not those of the EU",
        "School Education Gateway/eTwinning, Twitter",
        "(volgens de kick-off in april)",
        "De planningsstappen uit de gids heb je in dit werkboek gezet",
        "Erasmus+-evenementen",
        "komen er leerlingen in beeld op sociale media of in een filmpje",
    ],
)
def test_corrected_statements_are_gone_from_the_notebooks(wrong):
    for path in NOTEBOOKS:
        assert wrong not in _notebook_prose(path), path.name


def test_channel_names_follow_the_renames_and_old_names_still_match():
    catalog = load_catalog()
    assert catalog.channels["twitter"].nl == "X (voorheen Twitter)"
    assert "European School Education Platform" in catalog.channels["school_education_gateway"].nl
    assert catalog.match_channel("Twitter / X") == "twitter"
    assert catalog.match_channel("School Education Gateway / eTwinning") == (
        "school_education_gateway"
    )


def test_events_say_who_holds_them_and_whether_the_date_is_confirmed():
    events = load_catalog().events
    assert events["dag_van_de_talen"].organiser == "raad_van_europa"
    assert events["erasmusdays"].organiser == "erasmus"
    assert not events["etwinning"].confirmed
    training = events["epos_training_sociale_media"]
    assert training.organiser == "epos" and training.month == 11 and not training.confirmed


def test_events_between_keeps_the_plan_period_only():
    catalog = load_catalog()
    found = catalog.events_between(date(2025, 9, 1), date(2027, 8, 31))
    assert all(o.end >= date(2025, 9, 1) and o.start <= date(2027, 8, 31) for o in found)
    ids = [(o.event.id, o.start.year) for o in found]
    assert ("erasmusdays", 2027) not in ids and ("dag_van_de_talen", 2027) not in ids
    assert ("erasmusdays", 2025) in ids and ("epos_training_sociale_media", 2026) in ids
    etwinning = next(o for o in found if o.event.id == "etwinning")
    assert not etwinning.confirmed and not etwinning.exact
    # a known date in evenementdata.csv counts as confirmed
    assert next(o for o in found if o.event.id == "erasmusdays").confirmed


def test_every_notebook_has_a_discussion_box_with_questions_and_an_exercise():
    for path in NOTEBOOKS:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        stem = path.name.split("-")[0]
        box = next(c for c in cells if c["id"] == f"{stem}-bespreek")
        text = "".join(box["source"])
        assert "### Bespreek samen" in text, path.name
        questions = [line for line in text.splitlines() if line[:4] in ("> 1.", "> 2.", "> 3.")]
        assert 2 <= len(questions) <= 3, path.name
        assert "**Oefening" in text, path.name
