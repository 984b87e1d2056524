"""The *voortgang* notebook's forms, driven as a participant would: measurements, status lines,
charts per indicator and the overview charts."""

from __future__ import annotations

from datetime import date

from matplotlib.figure import Figure

from workbook.forms import progress
from workbook.forms.progress import MeasurementForm, OverviewCharts, ProgressReview
from workbook.model import Indicator

PNG = b"\x89PNG"


def png(image) -> bool:
    return bytes(image.value).startswith(PNG)
PARTICIPANTS = 1  # demo indicator "Deelnemers infosessies" (cumulative, 121 of 200 on 15/3/2026)
INSTAGRAM = 6  # demo indicator "Volgers Instagram-account project" (reading, reached)


def measurements(store):
    return store.measurements(store.current_plan_id())


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
    assert all(png(image) for image in review.charts.pages.children)


def test_bad_values_are_refused_with_their_message(demo_store):
    form = MeasurementForm()
    before = len(measurements(demo_store))
    form.value = {"indicator_id": PARTICIPANTS, "value": "veel"}
    assert form.submit() is False
    assert "Waarde: verwacht een getal, bv. 250 of 1250,50." in form.feedback.text
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
    indicators = demo_store.indicators(demo_store.current_plan_id())
    assert status.count('class="wb-status ') == len(indicators)
    for label in ("achter op schema", "op schema", "behaald", "nog niet gemeten"):
        assert f">{label}</span>" in status
    assert "Stand van zaken op 15 maart 2026" in review.charts.status_heading.value
    assert [key for _, key in review.charts.chooser.options] == list(indicators["id"])


def test_only_the_page_with_the_changed_indicator_is_redrawn(demo_store, monkeypatch):
    plan = demo_store.current_plan_id()
    for number in range(6):  # 8 demo indicators + 6 = 14: two pages of small multiples
        demo_store.add_indicator(plan, Indicator(name=f"Extra {number}", unit="stuks",
                                                 target=10, deadline=date(2026, 12, 31)))
    drawn: list[tuple[int, int]] = []

    def grid(part, *_args, page=1, pages=1, **_kwargs):
        drawn.append((page, pages))
        return Figure(figsize=(1, 1))

    monkeypatch.setattr(progress.charts, "indicator_grid", grid)
    review = ProgressReview()
    assert sorted(drawn) == [(1, 2), (2, 2)]
    assert len(review.charts.pages.children) == 2
    drawn.clear()
    extra = int(demo_store.indicators(plan)["id"].iloc[-1])
    review.form.value = {"indicator_id": extra, "value": "3", "date": date(2026, 3, 1)}
    assert review.form.submit() is True
    assert drawn == [(2, 2)]
    assert review.charts.chooser.value == extra


def test_a_plan_without_indicators(store):
    review = ProgressReview()
    assert "nog geen indicatoren" in review.charts.status.value
    assert review.charts.pages.children == ()
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
    assert "is a reading" in review.form.hint.value
    review.form.value = {"value": "lots"}
    review.form.submit()
    assert "Value: expected a number" in review.form.feedback.text
