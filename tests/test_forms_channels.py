"""The *hoe* exercises: methods and channels per group, and the points of attention."""

from __future__ import annotations

from workbook.forms.attention import AttentionForm
from workbook.forms.channels import ChannelsForm, methods_html
from workbook.model import TargetGroupChoice
from workbook.session import current_plan_id


def test_suggestions_are_preselected_then_saved(store, catalog):
    plan = current_plan_id(store)
    store.set_target_group(plan, TargetGroupChoice(group="ouders", scope="extern", level="micro"))
    form = ChannelsForm()
    assert form.value["group"] == "ouders"
    assert set(form.value["methods"]) == set(catalog.suggested_methods("ouders"))
    assert "Voorstel uit de catalogus" in form.hint.value
    assert store.target_groups(plan)["methods"].iloc[0] == ()  # not stored yet
    form.value = {"methods": ("infosessie",), "channels": ("schoolwebsite",),
                  "own_channels": "Smartschool-bericht"}
    form.save_button.click()
    row = store.target_groups(plan).iloc[0]
    assert row["methods"] == ("infosessie",)
    assert row["channels"] == ("schoolwebsite", "Smartschool-bericht")
    assert "Bewaard: Ouders." in form.feedback.value
    assert "Smartschool-bericht" in form.overview.value


def test_too_long_own_channel_is_refused(store):
    plan = current_plan_id(store)
    store.set_target_group(plan, TargetGroupChoice(group="ouders", scope="extern", level="micro"))
    form = ChannelsForm()
    form.value = {"own_channels": "x" * 90}
    assert form.submit() is False
    assert "Kanalen: maximaal 80 tekens." in form.feedback.value
    assert store.target_groups(plan)["channels"].iloc[0] == ()


def test_without_groups_the_form_says_where_to_start(store):
    form = ChannelsForm()
    assert "Kies eerst doelgroepen in notebook 02" in form.hint.value
    assert form.submit() is False


def test_stored_choice_is_shown_per_group(demo_store):
    form = ChannelsForm()
    form.value = {"group": "Oud-leerlingen"}
    assert set(form.value["channels"]) == {"facebook", "linkedin", "schoolkrant"}
    assert form.hint.value == ""


def test_methods_overview_in_both_languages():
    assert "Promofilmpje" in methods_html("nl") and "https://youtu.be/tg-sLwuAItY" in methods_html()
    assert "Promotional video" in methods_html("en")


def test_attention_points_are_saved_together(store):
    form = AttentionForm()
    plan = current_plan_id(store)
    form.value = {"privacy": {"done": True, "note": "Formulier uitgedeeld"},
                  "logos": {"done": True}}
    form.save_button.click()
    saved = store.attention(plan).set_index("point")
    assert bool(saved.loc["privacy", "done"])
    assert saved.loc["privacy", "note"] == "Formulier uitgedeeld"
    assert not bool(saved.loc["disclaimer", "done"])
    assert "2 van 6 in orde" in form.feedback.value
    form.value = {"privacy": {"note": "x" * 2100}}
    assert form.submit() is False
    assert "Opmerking: maximaal 2000 tekens." in form.feedback.value
    assert store.attention(plan).set_index("point").loc["privacy", "note"] == "Formulier uitgedeeld"
    assert AttentionForm().value["privacy"]["done"] is True


def test_attention_in_english(store, monkeypatch):
    monkeypatch.setenv("WORKBOOK_LANG", "en")
    form = AttentionForm()
    form.submit()
    assert "Points of attention saved: 0 of 6 in order." in form.feedback.value
