"""The catalog holds every term of the kick-off deck, and a broken file is named with its line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workbook import config
from workbook.catalog import CatalogError, Explained, load_catalog, normalize

DECK_TARGET_GROUPS = {
    "ouders",
    "leerkrachten",
    "leerlingen",
    "lokale_context",
    "bedrijven",
    "epos",
    "etwinning",
    "epale",
    "directie",
    "adviesraden",
    "andere_organisaties",
    "scholen",
    "gemeente",
    "regio",
    "scholengroep",
}
DECK_METHODS = {"elevator_pitch", "infosessie", "interview_artikel", "wedstrijd", "promofilmpje"}
DECK_CHANNELS = {
    "schoolkrant",
    "schoolwebsite",
    "posters",
    "pers_regionaal",
    "pers_nationaal",
    "personeelsvergadering",
    "ontbijtvergadering",
    "pedagogische_studiedag",
    "vakgroep",
    "instagram",
    "linkedin",
    "epale",
    "school_education_gateway",
    "twitter",
    "tiktok",
    "klascement",
    "eprp",
    "projectwebsite",
    "multiplier_event",
    "conferentie",
    "epos_nieuwsbrief",
}
DECK_ATTENTION = {"privacy", "proportionaliteit", "logos"}
DECK_THEMES = {
    "taalvaardigheid",
    "zelfredzaamheid",
    "nieuwe_vaardigheden",
    "methodieken",
    "resultaten",
}


def test_every_term_of_the_deck_is_in_the_catalog(catalog):
    assert set(catalog.target_groups) >= DECK_TARGET_GROUPS
    assert set(catalog.methods) >= DECK_METHODS
    assert set(catalog.channels) >= DECK_CHANNELS
    assert set(catalog.attention_points) >= DECK_ATTENTION
    assert set(catalog.themes) >= DECK_THEMES
    assert {"dag_van_de_talen", "erasmusdays", "etwinning"} <= set(catalog.events)


def test_deck_labels_match_their_entries(catalog):
    assert catalog.match_target_group("lkrn/vakcollega’s") == "leerkrachten"
    assert catalog.match_target_group("Lln / vrienden") == "leerlingen"
    assert catalog.match_target_group("Parents") == "ouders"
    assert catalog.match_channel("Twitter") == "twitter"
    assert catalog.match_channel("EPRP") == "eprp"
    assert catalog.match_method("Elevator pitch") == "elevator_pitch"
    assert catalog.match_target_group("de bakker op de hoek") is None


def test_every_entry_is_tagged_and_labelled_in_both_languages(catalog):
    for group in catalog.target_groups.values():
        assert group.scope in ("intern", "extern") and group.level in ("micro", "meso", "macro")
    entries = [
        *catalog.target_groups.values(),
        *catalog.methods.values(),
        *catalog.channels.values(),
        *catalog.events.values(),
        *catalog.attention_points.values(),
        *catalog.themes.values(),
    ]
    for entry in entries:
        assert entry.nl and entry.en, entry.id


def test_methods_events_and_attention_points_explain_themselves_in_both_languages(catalog):
    """One rule (``Explained``) for every explained entry: its ``uitleg_nl``/``uitleg_en``."""
    entries = [*catalog.methods.values(), *catalog.events.values(),
               *catalog.attention_points.values()]
    assert all(isinstance(entry, Explained) for entry in entries)
    assert not isinstance(next(iter(catalog.channels.values())), Explained)
    for entry in entries:
        assert entry.explanation("nl") == entry.explanation_nl != "", entry.id
        assert entry.explanation("en") == entry.explanation_en != "", entry.id
    pitch = catalog.methods["elevator_pitch"]
    assert pitch.explanation("en").startswith("Use a half-minute pitch")


def test_the_deck_sorts_target_groups_intern_and_extern(catalog):
    groups = catalog.target_groups
    assert {
        g
        for g in ("leerkrachten", "leerlingen", "directie", "adviesraden")
        if groups[g].scope == "intern"
    } == {"leerkrachten", "leerlingen", "directie", "adviesraden"}
    assert all(
        groups[g].scope == "extern"
        for g in ("andere_organisaties", "scholen", "gemeente", "ouders", "regio", "bedrijven")
    )
    assert {groups[g].level for g in groups} == {"micro", "meso", "macro"}


def test_channels_reach_known_groups_and_eprp_is_mandatory(catalog):
    assert [c.id for c in catalog.mandatory_channels()] == ["eprp"]
    for channel in catalog.channels.values():
        assert channel.target_groups, channel.id
        assert set(channel.target_groups) <= set(catalog.target_groups)
    assert "schoolwebsite" in catalog.suggested_channels("ouders")


def test_event_rules_give_dates(catalog):
    occurrences = {(o.event.id, o.start.year): o for o in catalog.event_occurrences([2025, 2026])}
    languages_day = occurrences[("dag_van_de_talen", 2026)]
    assert (languages_day.start.month, languages_day.start.day, languages_day.exact) == (
        9,
        26,
        True,
    )
    erasmusdays_2025 = occurrences[("erasmusdays", 2025)]
    assert (erasmusdays_2025.start.isoformat(), erasmusdays_2025.end.isoformat()) == (
        "2025-10-13",
        "2025-10-18",
    )
    unknown_year = occurrences[("erasmusdays", 2026)]
    assert unknown_year.start.month == 10 and not unknown_year.exact
    assert occurrences[("etwinning", 2026)].start.month == 4


def test_normalize_folds_case_accents_slashes_and_spaces():
    assert normalize("  Pédagogische   Studiedag ") == "pedagogische studiedag"
    assert normalize("Leerlingen / Vrienden") == "leerlingen/vrienden"


@pytest.fixture
def catalog_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "catalog"
    shutil.copytree(config.DEFAULT_DATA_DIR / "catalog", folder)
    monkeypatch.setenv("WORKBOOK_CATALOG", str(folder))
    return folder


def test_a_facilitator_adds_a_channel_by_editing_a_file(catalog_copy: Path):
    with (catalog_copy / "kanalen.csv").open("a", encoding="utf-8") as handle:
        handle.write("gemeenteblad,Gemeenteblad,Municipal magazine,pers,gemeente|ouders,nee,\n")
    catalog = load_catalog()
    assert catalog.channels["gemeenteblad"].label("en") == "Municipal magazine"
    assert "gemeenteblad" in catalog.suggested_channels("gemeente")


def _append(folder: Path, name: str, line: str) -> int:
    path = folder / name
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, line]) + "\n", encoding="utf-8")
    return len(lines) + 1


@pytest.mark.parametrize(
    ("file", "line", "nl_part", "en_part"),
    [
        (
            "doelgroepen.csv",
            "grootouders,Grootouders,Grandparents,extern,mega,",
            "kolom 'level' heeft 'mega'",
            "column 'level' has 'mega'",
        ),
        (
            "kanalen.csv",
            "radio,Radio,Radio,pers,luisteraars,nee,",
            "kolom 'doelgroepen' noemt 'luisteraars'",
            "column 'doelgroepen' names 'luisteraars'",
        ),
        (
            "methoden.csv",
            "quiz,Quiz,Quiz,uitleg",
            "verwacht 6 cellen, gevonden 4",
            "expected 6 cells, found 4",
        ),
        (
            "doelgroepen.csv",
            "ouders,Ouders,Parents,extern,micro,",
            "id 'ouders' staat er al",
            "id 'ouders' appears earlier",
        ),
        (
            "evenementen.csv",
            "feest,Feest,Party,13,,,erasmus,ja,,,",
            "kolom 'maand' heeft '13'",
            "column 'maand' has '13'",
        ),
        (
            "doelgroepen.csv",
            "Grote Baas,Baas,Boss,intern,micro,",
            "id 'Grote Baas' mag alleen",
            "id 'Grote Baas' may only",
        ),
    ],
)
def test_a_malformed_file_is_named_with_its_line(
    catalog_copy: Path, monkeypatch: pytest.MonkeyPatch, file, line, nl_part, en_part
):
    number = _append(catalog_copy, file, line)
    with pytest.raises(CatalogError) as dutch:
        load_catalog()
    assert f"catalog/{file}, regel {number}: " in str(dutch.value)
    assert nl_part in str(dutch.value)
    monkeypatch.setenv("WORKBOOK_LANG", "en")
    with pytest.raises(CatalogError) as english:
        load_catalog(catalog_copy)
    assert f"catalog/{file}, line {number}: " in str(english.value)
    assert en_part in str(english.value)


def test_a_wrong_header_and_a_missing_file_are_named(catalog_copy: Path):
    path = catalog_copy / "methoden.csv"
    path.write_text("naam,label\nx,y\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="methoden.csv, regel 1: verwacht de kolommen"):
        load_catalog()
    path.unlink()
    with pytest.raises(CatalogError, match="ontbreekt.*methoden.csv"):
        load_catalog()


def test_a_label_matches_without_its_bracketed_part(catalog):
    assert catalog.match_target_group("Projectpartners") == "projectpartners"
    assert catalog.match_channel("Erasmus+ Project Results Platform") == "eprp"
    assert catalog.match_theme("Taalvaardigheid") == "taalvaardigheid"
