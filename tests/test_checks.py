"""The plan check and the effect check: pure functions on the store's frames."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from workbook import checks, proportionality
from workbook.model import Activity, AttentionCheck, Goal, Indicator, TargetGroupChoice
from workbook.session import current_plan_id


def by_key(findings: list[checks.Finding]) -> dict[str, checks.Finding]:
    return {finding.key: finding for finding in findings}


@pytest.fixture
def plan(store):
    return current_plan_id(store)


def add_row(store, plan_id, **fields) -> int:
    data = {
        "context": "binnen_school",
        "what": "Infoavond",
        "target_groups": ["ouders"],
        "when": date(2026, 5, 1),
        **fields,
    }
    return store.add_activity(plan_id, Activity(**data))


def test_demo_plan_findings(demo_store, catalog):
    tables = demo_store.plan_tables(current_plan_id(demo_store))
    found = by_key(checks.plan_check(tables, catalog))
    assert found["eprp"].ok
    assert found["groups"].ok
    assert not found["messages"].ok  # a weak spot of the demo plan, on purpose
    assert "Oud-leerlingen" in found["messages"].message("nl")
    assert found["logos"].ok
    assert not found["disclaimer"].ok
    assert found["privacy"].ok and found["privacy"].state == ""
    privacy = found["privacy"].message("nl")
    assert "Taalmarkt" in privacy and "en nog 3" in privacy
    assert found["disclaimer"].state == "products"  # products made, disclaimer not ticked
    with_size = by_key(checks.plan_check(tables, catalog, demo_store.plan_fields(
        current_plan_id(demo_store))))
    assert with_size["proportionality"].ok and "KA220" in with_size["proportionality"].message()
    assert found["targets"].ok
    # the third weak spot: a follower count marked outcome, so a chain stops at output
    assert not found["outcomes"].ok and "Volgers Instagram" in found["outcomes"].message("nl")
    assert "counts reach" in found["outcomes"].message("en")
    assert not found["chains"].ok
    assert "'Project zichtbaar bij ouders en buurt'" in found["chains"].message("nl")
    assert found["impact_words"].ok and found["unlinked"].ok
    assert "impact_counts" not in found
    after = by_key(checks.plan_check(tables, catalog, demo_store.plan_fields(
        current_plan_id(demo_store))))
    assert after["period"].ok and "een schooljaar na het project" in after["period"].message()
    assert after["sustainability"].ok
    assert after["licence"].ok and "CC BY-SA 4.0" in after["licence"].message("en")


def test_empty_plan_names_what_is_missing(store, plan, catalog):
    found = by_key(checks.plan_check(store.plan_tables(plan), catalog))
    assert not found["eprp"].ok
    assert found["groups"].state == "none"
    assert not found["logos"].ok and not found["disclaimer"].ok
    assert found["privacy"].state == "not_needed"
    for finding in found.values():
        assert finding.message("nl") and finding.message("en")


def test_unreached_group_is_named_in_the_reader_language(store, plan, catalog):
    store.set_target_group(plan, TargetGroupChoice(group="bedrijven", scope="extern",
                                                   level="meso"))
    store.set_target_group(plan, TargetGroupChoice(group="ouders", scope="extern", level="micro"))
    add_row(store, plan)
    finding = checks.check_groups_reached(
        store.activities(plan), store.target_groups(plan), catalog
    )
    assert not finding.ok
    assert "Bedrijven" in finding.message("nl") and "Companies" in finding.message("en")
    assert "Ouders" not in finding.message("nl")


def test_deleted_and_cancelled_rows_reach_nobody(store, plan, catalog):
    store.set_target_group(plan, TargetGroupChoice(group="ouders", scope="extern", level="micro"))
    row = add_row(store, plan, channels=["eprp"])
    add_row(store, plan, status="geannuleerd", channels=["eprp"])
    store.delete_activity(row)
    tables = store.plan_tables(plan)
    found = by_key(checks.plan_check(tables, catalog))
    assert not found["groups"].ok
    assert not found["eprp"].ok


def test_privacy_follows_the_row_not_its_audience(store, plan, catalog):
    # a newspaper interview *with* pupils, addressed to parents: pupils are recognisable
    add_row(store, plan, what="Interview in de krant", target_groups=["ouders"],
            channels=["pers_regionaal"], product="artikel", pupils_recognisable=True)
    # a video for pupils in which no pupil is recognisable
    add_row(store, plan, what="Animatiefilmpje", target_groups=["leerlingen"],
            methods=["promofilmpje"], product="video")
    finding = checks.check_privacy(store.activities(plan), store.attention(plan))
    assert not finding.ok
    text = finding.message("nl")
    assert "'Interview in de krant'" in text and "Animatiefilmpje" not in text
    assert "apart om de beelden te maken en om ze te publiceren" in text
    assert "ingetrokken" in text and "withdrawn" in finding.message("en")
    store.set_attention(plan, AttentionCheck(point="privacy", done=True))
    assert checks.check_privacy(store.activities(plan), store.attention(plan)).ok


def test_privacy_without_recognisable_pupils_asks_rather_than_claims(store, plan):
    add_row(store, plan, target_groups=["leerlingen", "ouders"], channels=["tiktok"])
    finding = checks.check_privacy(store.activities(plan), store.attention(plan))
    assert finding.ok and finding.state == "not_needed"
    assert "Klopt dat?" in finding.message("nl")


def test_products_need_the_emblem_and_the_exact_disclaimer(store, plan):
    for number in range(5):
        add_row(store, plan, what=f"Affiche {number}", product="poster")
    add_row(store, plan, what="Gesprek")
    found = {f.key: f for f in checks.plan_check(store.plan_tables(plan))}
    logos, disclaimer = found["logos"], found["disclaimer"]
    assert not logos.ok and logos.state == "products"
    assert "Medegefinancierd door de Europese Unie" in logos.message("nl")
    assert "'Affiche 0'" in logos.message("nl") and "en nog 2" in logos.message("nl")
    assert "Gesprek" not in logos.message("nl")
    assert "niet noodzakelijkerwijs" in disclaimer.message("nl")
    assert "do not necessarily reflect" in disclaimer.message("en")
    store.set_attention(plan, AttentionCheck(point="logos", done=True))
    assert {f.key: f for f in checks.plan_check(store.plan_tables(plan))}["logos"].ok


def test_indicator_without_target_and_a_chain_that_stops_at_output(store, plan):
    goal = store.add_goal(plan, Goal(title="Meer scholen doen mee", level="impact"))
    other = store.add_goal(plan, Goal(title="Zonder indicator", level="outcome"))
    store.add_indicator(plan, Indicator(name="Scholen", unit="scholen", target=0,
                                        deadline=date(2027, 6, 30), goal_id=goal))
    found = by_key(checks.effect_check(store.goals(plan), store.indicators(plan)))
    assert not found["targets"].ok and "Scholen" in found["targets"].message("nl")
    assert not found["chains"].ok and "Meer scholen doen mee" in found["chains"].message()
    assert not found["impact_words"].ok  # impact in words, not a count
    assert "Impact tel je niet" in found["impact_words"].message("nl")
    assert "add an indicator that shows a change" not in found["impact_words"].message("en")
    assert not found["no_indicator"].ok and "Zonder indicator" in found["no_indicator"].message()
    store.add_indicator(plan, Indicator(
        name="Scholen met CLIL in het schoolbeleid", unit="procent", target=30, kind="stand",
        deadline=date(2027, 6, 30), goal_id=goal, level="outcome",
        change="Andere scholen schrijven CLIL in hun schoolbeleid"))
    store.add_indicator(plan, Indicator(name="x", unit="y", target=1, level="outcome",
                                        change="z", deadline=date(2027, 6, 30), goal_id=other))
    store.update_goal(goal, Goal(title="Meer scholen doen mee", level="impact",
                                 impact="Taalgericht vakonderwijs wordt gewoon",
                                 impact_signal="Scholen vragen ernaar"))
    found = by_key(checks.effect_check(store.goals(plan), store.indicators(plan)))
    assert found["chains"].ok and found["no_indicator"].ok and found["impact_words"].ok


def test_group_coverage_names_empty_cells():
    frame = pd.DataFrame(
        {"group": ["ouders", "leerlingen", "Buren"], "scope": ["extern", "intern", "extern"],
         "level": ["micro", "micro", "meso"]}
    )
    cells = checks.group_coverage(frame)
    assert cells[("extern", "micro")] == ["ouders"]
    assert cells[("extern", "meso")] == ["Buren"]
    assert checks.empty_cells(cells) == [("intern", "meso"), ("intern", "macro"),
                                         ("extern", "macro")]
    assert checks.describe_coverage(cells, "nl") == (
        "Nog geen doelgroep in: intern · meso, intern · macro, extern · macro."
    )
    assert "internal · meso" in checks.describe_coverage(cells, "en")


def test_groups_with_channels_but_no_key_message_are_named(store, plan, catalog):
    plan_id = plan
    add_row(store, plan_id, target_groups=["ouders"], channels=["schoolwebsite"])
    add_row(store, plan_id, target_groups=["leerkrachten"], methods=["elevator_pitch"])
    tables = store.plan_tables(plan_id)
    finding = checks.check_messages(tables["activities"], tables["target_groups"], catalog)
    assert not finding.ok  # leerkrachten has no channel: not asked for a message
    assert finding.message() == (
        "Doelgroepen met kanalen maar zonder kernboodschap: Ouders. Wat wil je dat zij "
        "onthouden? Vul de kernboodschap in bij een rij voor hen (boodschap → doelgroepen → "
        "kanalen → impact)."
    )
    assert "Parents" in finding.message("en")
    add_row(store, plan_id, target_groups=["ouders"], message="Uw kind durft meer Engels")
    tables = store.plan_tables(plan_id)
    assert checks.check_messages(tables["activities"], tables["target_groups"], catalog).ok


def test_a_cancelled_row_with_a_message_does_not_count(store, plan, catalog):
    plan_id = plan
    add_row(store, plan_id, channels=["schoolwebsite"], message="Kom naar de infoavond",
            status="geannuleerd")
    add_row(store, plan_id, channels=["schoolwebsite"])
    tables = store.plan_tables(plan_id)
    assert checks.groups_without_message(tables["activities"], tables["target_groups"]) == [
        "ouders"
    ]


def test_proportionality_needs_the_projects_size(store, plan, catalog):
    found = by_key(checks.plan_check(store.plan_tables(plan), catalog, {"action_type": None}))
    assert not found["proportionality"].ok
    assert "KA210 of KA220" in found["proportionality"].message("nl")
    assert "proportionality" not in by_key(checks.plan_check(store.plan_tables(plan), catalog))


def test_proportionality_weighs_reach_and_cost_against_the_size(store, plan, catalog):
    add_row(store, plan, target_groups=["ouders"], price=500)
    add_row(store, plan, target_groups=["scholengroep"], price=1500)
    size = {"action_type": "KA220", "budget": 250_000.0,
            "start": date(2025, 9, 1), "end": date(2027, 8, 31)}
    large = checks.check_proportionality(size, store.activities(plan), None, catalog)
    assert not large.ok  # a cooperation partnership without any macro-level group
    text = large.message("nl")
    assert text.startswith("Proportionaliteit (KA220 — samenwerkingspartnerschap, 24 maanden, "
                           "subsidie € 250.000): je plan besteedt € 2.000 aan 2 activiteiten "
                           "(0,8 % van de subsidie) en bereikt doelgroepen op micro, meso.")
    assert "macroniveau" in text and "programmagids" in text
    assert "Programme Guide" in large.message("en")
    small = checks.check_proportionality({**size, "action_type": "KA210", "budget": 60_000.0},
                                         store.activities(plan), None, catalog)
    assert small.ok and "kleinschalig partnerschap" in small.message("nl")
    assert "3,3 %" in small.message("nl")
    add_row(store, plan, target_groups=["onderwijsveld_nationaal"], price=0)
    assert checks.check_proportionality(size, store.activities(plan), None, catalog).ok


def test_project_months_counts_the_period():
    assert proportionality.project_months(date(2025, 9, 1), date(2027, 8, 31)) == 24
    assert proportionality.project_months(date(2025, 9, 1), date(2026, 2, 28)) == 6
    assert proportionality.project_months(None, date(2026, 2, 28)) is None


def test_the_eprp_upload_counts_only_with_or_after_the_final_report(store, plan, catalog):
    add_row(store, plan, what="Resultaten op het EPRP", channels=["eprp"],
            when=date(2026, 5, 1))
    end = date(2027, 8, 31)
    early = checks.check_eprp(store.activities(plan), catalog, end)
    assert not early.ok and early.state == "too_early"
    assert "met of na het eindrapport, op of na de einddatum" in early.message("nl")
    assert "with or after the final report" in early.message("en")
    unknown = checks.check_eprp(store.activities(plan), catalog)  # no end date: present is ok
    assert unknown.ok and unknown.state == "no_end" and "einddatum" in unknown.message("nl")
    add_row(store, plan, what="Upload bij het eindrapport", channels=["eprp"], when=end)
    late = checks.check_eprp(store.activities(plan), catalog, end)
    assert late.ok and "Upload bij het eindrapport" in late.message("nl")
