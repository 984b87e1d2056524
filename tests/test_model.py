"""Every validation rule, with its message in Dutch and English, for every record kind."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from workbook.model import (
    Activity,
    AttentionCheck,
    Goal,
    Indicator,
    InvalidRecord,
    Measurement,
    Plan,
    TargetGroupChoice,
    validate,
)

GOOD_ACTIVITY = {
    "context": "binnen_school",
    "what": "Infoavond voor ouders",
    "target_groups": ["ouders"],
    "when": "2025-10-14",
}


def refused(model, data, **context) -> InvalidRecord:
    with pytest.raises(InvalidRecord) as caught:
        validate(model, data, **context)
    return caught.value


@pytest.mark.parametrize(
    ("model", "data", "nl", "en"),
    [
        (
            Activity,
            {**GOOD_ACTIVITY, "what": "   "},
            "Wat: vul dit in.",
            "What: please fill this in.",
        ),
        (
            Activity,
            {**GOOD_ACTIVITY, "target_groups": []},
            "Naar wie: kies er minstens één.",
            "To whom: choose at least one.",
        ),
        (
            Activity,
            {**GOOD_ACTIVITY, "when": "morgen"},
            "Wanneer: verwacht een datum, bv. 2026-10-14.",
            "When: expected a date, e.g. 2026-10-14.",
        ),
        (
            Activity,
            {**GOOD_ACTIVITY, "when": "1900-01-01"},
            "Wanneer: verwacht een datum tussen 2000-01-01 en 2100-12-31.",
            "When: expected a date between 2000-01-01 and 2100-12-31.",
        ),
        (
            Activity,
            {**GOOD_ACTIVITY, "price": -5},
            "Prijs: mag niet negatief zijn.",
            "Cost: cannot be negative.",
        ),
        (
            Activity,
            {**GOOD_ACTIVITY, "price": "veel"},
            "Prijs: verwacht een getal, bv. 250 of 1250,50.",
            "Cost: expected a number, e.g. 250 or 1250.50.",
        ),
        (
            Activity,
            {**GOOD_ACTIVITY, "price": 1e12},
            "Prijs: is onwaarschijnlijk groot (hoogstens 10.000.000).",
            "Cost: is implausibly large (at most 10.000.000).",
        ),
        (
            Activity,
            {**GOOD_ACTIVITY, "target_value": float("inf")},
            "Streefwaarde: verwacht een getal, bv. 250 of 1250,50.",
            "Target value: expected a number, e.g. 250 or 1250.50.",
        ),
        (
            Activity,
            {**GOOD_ACTIVITY, "context": "thuis"},
            "Context: kies uit: Binnen eigen school, Tussen de projectpartners.",
            "Context: choose from: Within our own school, Between the project partners.",
        ),
        (
            Activity,
            {**GOOD_ACTIVITY, "status": "klaar"},
            "Status: kies uit: gepland, bezig, uitgevoerd, geannuleerd.",
            "Status: choose from: planned, in progress, done, cancelled.",
        ),
        (
            Activity,
            {**GOOD_ACTIVITY, "what": "x" * 301},
            "Wat: maximaal 300 tekens.",
            "What: at most 300 characters.",
        ),
        (
            Activity,
            {**GOOD_ACTIVITY, "what": "Info\x00avond"},
            "Wat: bevat onzichtbare stuurtekens; typ de tekst opnieuw.",
            "What: contains invisible control characters; please retype the text.",
        ),
        (
            Goal,
            {"title": ""},
            "Beoogd effect: vul dit in.",
            "Intended effect: please fill this in.",
        ),
        (
            Goal,
            {"title": "Taal", "level": "wereldvrede"},
            "Niveau: kies uit: output, outcome, impact.",
            "Level: choose from: output, outcome, impact.",
        ),
        (
            Indicator,
            {"name": "Volgers", "unit": "", "target": 10, "deadline": "2026-06-30"},
            "Eenheid: vul dit in.",
            "Unit: please fill this in.",
        ),
        (
            Indicator,
            {"name": "Volgers", "unit": "volgers", "target": -1, "deadline": "2026-06-30"},
            "Streefwaarde: mag niet negatief zijn.",
            "Target value: cannot be negative.",
        ),
        (
            Indicator,
            {"name": "Volgers", "unit": "volgers", "target": 10},
            "Doel bereikt op: vul dit in.",
            "Target reached by: please fill this in.",
        ),
        (
            Indicator,
            {
                "name": "Volgers",
                "unit": "volgers",
                "target": 10,
                "deadline": "2026-06-30",
                "kind": "soms",
            },
            "Soort meting: kies uit: telt op (bv. deelnemers per infosessie), "
            "stand (bv. volgers op Instagram).",
            "Type of measurement: choose from: added up (e.g. participants in each information "
            "session), "
            "current total (e.g. followers on Instagram).",
        ),
        (
            Measurement,
            {"indicator_id": 1, "date": "2026-01-01", "value": "veel"},
            "Waarde: verwacht een getal, bv. 250 of 1250,50.",
            "Value: expected a number, e.g. 250 or 1250.50.",
        ),
        (
            Measurement,
            {"indicator_id": 1, "date": "", "value": 3},
            "Datum: verwacht een datum, bv. 2026-10-14.",
            "Date: expected a date, e.g. 2026-10-14.",
        ),
        (Plan, {"name": ""}, "Naam: vul dit in.", "Name: please fill this in."),
        (
            Plan,
            {"name": "Team", "start": "2026-09-01", "end": "2025-09-01"},
            "Einde project: het einde ligt vóór de start.",
            "Project end: the end date is before the start date.",
        ),
        (
            AttentionCheck,
            {"point": ""},
            "Aandachtspunt: vul dit in.",
            "Point to check: please fill this in.",
        ),
        (
            TargetGroupChoice,
            {"group": ""},
            "Doelgroep: vul dit in.",
            "Target group: please fill this in.",
        ),
    ],
)
def test_each_rule_names_its_field_in_both_languages(model, data, nl, en):
    problem = refused(model, data)
    assert nl in problem.messages("nl")
    assert en in problem.messages("en")


def test_every_problem_is_reported_at_once():
    problem = refused(
        Activity, {"context": "", "what": "", "target_groups": [], "when": "x", "price": -1}
    )
    assert problem.fields == ["context", "what", "target_groups", "when", "price"]


def test_a_valid_activity_is_cleaned_and_defaults_are_filled(catalog):
    activity = validate(
        Activity,
        {
            **GOOD_ACTIVITY,
            "what": "  Infoavond  ",
            "target_groups": ["Ouders", "Grootouders"],
            "channels": "Schoolwebsite",
            "price": "",
            "target_value": " ",
        },
        catalog=catalog,
    )
    assert activity.what == "Infoavond"
    assert activity.target_groups == ("ouders", "Grootouders")
    assert activity.channels == ("schoolwebsite",)
    assert activity.when == date(2025, 10, 14)
    assert (activity.price, activity.target_value, activity.status) == (0.0, None, "gepland")


def test_references_must_exist_in_the_plan():
    problem = refused(Activity, {**GOOD_ACTIVITY, "indicator_id": 99}, indicator_ids={1, 2})
    assert problem.messages("nl") == ["Indicator: 99 bestaat niet (meer) in dit plan."]
    problem = refused(
        Indicator,
        {"name": "n", "unit": "u", "target": 1, "deadline": "2026-01-01", "goal_id": 7},
        goal_ids=set(),
    )
    assert problem.messages("en") == ["Intended effect: 7 is not (or no longer) in this plan."]
    problem = refused(
        Measurement, {"indicator_id": 5, "date": "2026-01-01", "value": 1}, indicator_ids={1}
    )
    assert problem.fields == ["indicator_id"]


def test_own_target_group_needs_its_tags_and_catalog_groups_get_theirs(catalog):
    problem = refused(TargetGroupChoice, {"group": "Oud-leerlingen"}, catalog=catalog)
    assert problem.messages("nl") == [
        "Doelgroep: een eigen doelgroep heeft intern/extern en micro/meso/macro nodig."
    ]
    own = validate(
        TargetGroupChoice,
        {"group": "Oud-leerlingen", "scope": "extern", "level": "micro"},
        catalog=catalog,
    )
    assert (own.group, own.scope, own.level) == ("Oud-leerlingen", "extern", "micro")
    known = validate(
        TargetGroupChoice, {"group": "Parents", "channels": ["Schoolkrant"]}, catalog=catalog
    )
    assert (known.group, known.scope, known.level, known.channels) == (
        "ouders",
        "extern",
        "micro",
        ("schoolkrant",),
    )


def test_attention_points_come_from_the_catalog(catalog):
    problem = refused(AttentionCheck, {"point": "koffie"}, catalog=catalog)
    assert problem.fields == ["point"]
    assert "privacy" in problem.messages("nl")[0]
    assert validate(AttentionCheck, {"point": "privacy", "done": True}, catalog=catalog).done


def test_unknown_fields_are_refused_not_silently_dropped():
    assert refused(Activity, {**GOOD_ACTIVITY, "colour": "red"}).fields == ["colour"]


def test_the_records_fields_are_known_without_loading_them():
    from workbook import model, records

    for name, fields in model.FIELDS.items():
        assert fields == tuple(getattr(records, name).model_fields), name


def test_the_records_and_pydantic_load_on_first_use():
    code = (
        "import sys\n"
        "import workbook.model\n"
        "from workbook.model import FIELDS, InvalidRecord, Kind\n"
        "assert 'pydantic' not in sys.modules\n"
        "from workbook.model import Plan, validate\n"
        "assert 'pydantic' in sys.modules and validate(Plan, {'name': 'x'}).name == 'x'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
