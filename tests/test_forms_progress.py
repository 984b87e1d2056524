"""The *voortgang* notebook's forms, driven as a participant would: measurements, status lines,
charts per indicator and the overview charts."""

from __future__ import annotations

from datetime import date

from workbook.forms import progress
from workbook.forms.progress import MeasurementForm, OverviewCharts, ProgressReview
from workbook.model import Indicator, Measurement
from workbook.session import current_plan_id

PNG = b"\x89PNG"


def png(image) -> bool:
    return bytes(image.value).startswith(PNG)
PARTICIPANTS = 1  # demo indicator "Deelnemers infosessies" (cumulative, 121 of 200 on 15/3/2026)
INSTAGRAM = 6  # demo indicator "Volgers Instagram-account project" (reading, reached)


def measurements(store):
    return store.measurements(current_plan_id(store))


def test_measurement_is_stored_and_the_views_follow(demo_store):
    review = ProgressReview()
    form = review.form
    before = len(measurements(demo_store))
    assert "Deelnemers infosessies: 121 van 200 deelnemers" in review.charts.status.value
    review.charts.chooser.value = INSTAGRAM
    form.indicator.value = PARTICIPANTS
    assert "telt op" in form.hint.value and "200 deelnemers" in form.hint.value
    form.date.value = date(2026, 3, 12)
    form.amount.value = "30"
    form.note.value = "Infosessie <vierde jaar>"
    form.submit_button.click()

    stored = measurements(demo_store)
    assert len(stored) == before + 1
    row = stored[stored["note"] == "Infosessie <vierde jaar>"].iloc[0]
    assert (row["indicator_id"], row["value"], row["date"].date()) == (
        PARTICIPANTS, 30.0, date(2026, 3, 12))
    assert "Bewaard: Deelnemers infosessies op 12 maart 2026: 30." in form.feedback.text
    # the form is ready for the next measurement of the same indicator
    assert form.value == {"indicator_id": PARTICIPANTS, "date": date(2026, 3, 15), "value": "",
                          "note": ""}
    assert "Infosessie &lt;vierde jaar&gt;" in form.table.value
    # status line, small multiples and the big chart follow
    assert "Deelnemers infosessies: 151 van 200 deelnemers (76 %), op schema" in (
        review.charts.status.value)
    assert review.charts.chooser.value == PARTICIPANTS
    assert png(review.charts.detail)
    assert len(review.charts.grid.children) == len(demo_store.indicators(
        current_plan_id(demo_store)))
    assert all(png(image) for image in review.charts.grid.children)


def test_bad_values_are_refused_with_their_message(demo_store):
    form = MeasurementForm()
    before = len(measurements(demo_store))
    form.value = {"indicator_id": PARTICIPANTS, "value": "veel"}
    assert form.submit() is False
    assert "Waarde: 'veel' is geen bedrag of getal; verwacht bv. 1250" in form.feedback.text
    assert form.amount.layout.border  # the field is marked
    form.value = {"value": "-5"}
    assert form.submit() is False
    assert "Waarde: mag niet negatief zijn." in form.feedback.text
    form.value = {"indicator_id": 0, "value": "5", "date": None}
    assert form.submit() is False
    assert "Indicator: vul dit in." in form.feedback.text
    assert "Datum: vul dit in." in form.feedback.text
    assert len(measurements(demo_store)) == before
    # a value typed the Dutch way is accepted
    form.value = {"indicator_id": PARTICIPANTS, "value": "1.250,5", "date": date(2026, 3, 1)}
    assert form.submit() is True
    assert 1250.5 in set(measurements(demo_store)["value"])


def test_edit_and_delete_a_measurement(demo_store):
    review = ProgressReview()
    form = review.form
    last = measurements(demo_store).set_index("id").loc[18]
    assert last["indicator_id"] == INSTAGRAM and last["value"] == 430
    assert "Volgers Instagram-account project: 430 van 400 volgers (108 %), behaald" in (
        review.charts.status.value)

    form.picker.value = 18
    form.picker.edit_button.click()
    assert form.value["value"] == "430" and form.value["indicator_id"] == INSTAGRAM
    assert form.submit_button.description == "Wijziging bewaren"
    form.amount.value = "380"
    form.submit_button.click()
    assert measurements(demo_store).set_index("id").loc[18, "value"] == 380
    assert "Gewijzigd:" in form.feedback.text
    assert "Volgers Instagram-account project: 380 van 400 volgers (95 %)" in (
        review.charts.status.value)
    assert review.charts.chooser.value == INSTAGRAM

    form.picker.value = 18
    form.picker.delete_button.click()
    assert 18 not in set(measurements(demo_store)["id"])
    assert "Verwijderd: Volgers Instagram-account project op 1 februari 2026" not in (
        form.feedback.text)  # it names the deleted measurement, not another one
    assert "Verwijderd: Volgers Instagram-account project op 10 maart 2026: 380." in (
        form.feedback.text)
    assert "365 van 400 volgers" in review.charts.status.value


def test_a_status_line_for_every_indicator(demo_store):
    review = ProgressReview()
    status = review.charts.status.value
    indicators = demo_store.indicators(current_plan_id(demo_store))
    assert status.count('class="wb-status ') == len(indicators)
    for label in ("achter op schema", "op schema", "behaald", "nog niet gemeten"):
        assert f">{label}</span>" in status
    assert "Stand van zaken op 15 maart 2026" in review.charts.status_heading.value
    assert [key for _, key in review.charts.chooser.options] == list(indicators["id"])


def test_a_measurement_redraws_only_the_data_of_its_own_charts(demo_store):
    review = ProgressReview()
    charts_ = review.charts
    pictures = {i: picture for i, (picture, _) in charts_._panels.items()}
    images = {i: bytes(image.value) for i, (_, image) in charts_._panels.items()}
    assert all(p.full_draws == 1 and p.data_draws == 0 for p in pictures.values())
    review.form.value = {"indicator_id": PARTICIPANTS, "value": "3", "date": date(2026, 3, 1)}
    assert review.form.submit() is True
    # its panel: the frame's pixels kept, the measured line and status drawn over them
    assert (pictures[PARTICIPANTS].full_draws, pictures[PARTICIPANTS].data_draws) == (1, 1)
    assert bytes(charts_._panels[PARTICIPANTS][1].value) != images[PARTICIPANTS]
    # every other panel: neither drawn nor sent again
    for i, picture in pictures.items():
        if i != PARTICIPANTS:
            assert (picture.full_draws, picture.data_draws) == (1, 0)
            assert bytes(charts_._panels[i][1].value) == images[i]
    assert charts_.chooser.value == PARTICIPANTS


def test_a_new_indicator_gets_a_panel_and_keeps_the_others(demo_store):
    review = ProgressReview()
    plan = current_plan_id(demo_store)
    before = dict(review.charts._panels)
    extra = demo_store.add_indicator(plan, Indicator(name="Extra", unit="stuks", target=10,
                                                     deadline=date(2026, 12, 31)))
    progress.store_changed()
    panels = review.charts._panels
    assert list(panels) == [*before, extra]
    assert all(panels[i] is before[i] for i in before)
    assert len(review.charts.grid.children) == len(before) + 1
    assert png(panels[extra][1])


def test_a_plan_without_indicators(store):
    review = ProgressReview()
    assert "nog geen indicatoren" in review.charts.status.value
    assert review.charts.grid.children == ()
    assert review.charts.detail.layout.display == "none"
    assert review.form.submit() is False
    assert "Indicator: vul dit in." in review.form.feedback.text


def test_overview_charts(demo_store):
    overview = OverviewCharts()
    assert set(overview.images) == {"timeline", "cost_channel", "cost_context", "coverage"}
    assert all(png(image) for image in overview.images.values())
    before = bytes(overview.images["coverage"].value)
    overview.images["coverage"].value = b""
    overview.redraw_button.click()
    assert bytes(overview.images["coverage"].value) == before


def test_changes_elsewhere_reach_the_views(demo_store):
    calls: list[str] = []

    class View:
        def refresh(self) -> None:
            calls.append("refresh")

    view = View()
    progress.subscribe(view.refresh)
    progress.store_changed()
    assert calls == ["refresh"]
    del view  # held weakly: a view that is gone is not called and not kept
    progress.store_changed()
    assert calls == ["refresh"]


def test_in_english(demo_store, monkeypatch):
    monkeypatch.setenv("WORKBOOK_LANG", "en")
    review = ProgressReview()
    assert review.form.amount.description == "Value"
    assert "behind schedule" in review.charts.status.value
    assert "Participants" not in review.charts.status.value  # names stay as typed
    review.form.indicator.value = INSTAGRAM
    assert "is a current total" in review.form.hint.value
    review.form.value = {"value": "lots"}
    review.form.submit()
    assert "Value: 'lots' is not an amount or number" in review.form.feedback.text


def test_the_list_shows_the_newest_measurements_of_the_chosen_indicator(demo_store):
    plan = current_plan_id(demo_store)
    for day in range(1, 29):
        demo_store.add_measurement(plan, Measurement(indicator_id=PARTICIPANTS, value=1,
                                                     date=date(2026, 2, day), note=f"dag {day}"))
    form = MeasurementForm()
    total = len(measurements(demo_store))
    rows = form.table.value.count("<tr>") - 1  # without the heading
    assert rows == progress.LIST_LENGTH
    assert f"De 25 recentste van {total} metingen." in form.list_count.value
    assert "dag 28" in form.table.value and "dag 1<" not in form.table.value
    assert len(form.picker.dropdown.options) == progress.LIST_LENGTH + 1  # and "(kies …)"
    form.more_button.click()
    assert form.table.value.count("<tr>") - 1 == min(2 * progress.LIST_LENGTH, total)
    # choosing an indicator lists its measurements only, newest first
    form.indicator.value = INSTAGRAM
    own = measurements(demo_store).query("indicator_id == @INSTAGRAM")
    assert form.table.value.count("<tr>") - 1 == len(own)
    assert form.more_button.layout.display == "none"
    assert f"Metingen van Volgers Instagram-account project: {len(own)}." in (
        form.list_count.value)
    assert {key for _, key in form.picker.dropdown.options} == {0, *own["id"]}
    form.indicator.value = PARTICIPANTS
    assert "De 25 recentste van 31 metingen van Deelnemers infosessies." in (
        form.list_count.value)


def test_choosing_the_indicator_to_measure_shows_it_full_size(demo_store):
    review = ProgressReview()
    review.form.indicator.value = INSTAGRAM
    assert review.charts.chooser.value == INSTAGRAM
    drawn = review.charts.detail_picture.full_draws
    review.form.value = {"indicator_id": INSTAGRAM, "value": "450", "date": date(2026, 3, 14)}
    assert review.form.submit() is True
    # saving draws only the data layer of the chart already shown
    assert review.charts.detail_picture.full_draws == drawn
    assert review.charts.detail_picture.data_draws == 1
