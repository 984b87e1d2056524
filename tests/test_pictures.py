"""Indicator pictures: the data layer drawn over the kept frame gives the very same PNG as a
fresh drawing, and a picture is drawn again in full only when its frame changed."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
import pytest
from PIL import Image

from workbook import charts, pictures

TODAY = date(2026, 3, 15)
START = date(2026, 1, 1)


def indicator(target: float = 200, kind: str = "cumulatief") -> pd.Series:
    return pd.Series({"id": 1, "plan_id": 1, "name": "Deelnemers infosessies",
                      "unit": "deelnemers", "target": target,
                      "deadline": pd.Timestamp("2026-06-30"), "kind": kind})


def measurements(*rows: tuple[str, float]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"id": n, "plan_id": 1, "indicator_id": 1, "date": pd.Timestamp(day), "value": value,
          "note": ""} for n, (day, value) in enumerate(rows, start=1)],
        columns=["id", "plan_id", "indicator_id", "date", "value", "note"])


def view(*rows: tuple[str, float], **fields) -> charts.IndicatorView:
    return charts.indicator_view(indicator(**fields), measurements(*rows), START, TODAY)


@pytest.mark.parametrize("compact", [False, True])
def test_drawing_the_data_over_the_kept_frame_gives_the_same_png(compact):
    picture = pictures.IndicatorPicture(compact=compact)
    first = picture.render(view(("2026-01-20", 50)), "nl")
    steps = [view(("2026-01-20", 50), ("2026-02-10", 40)),
             view(("2026-01-20", 50), ("2026-02-10", 40), ("2026-03-01", 110))]  # behaald
    for step in steps:
        png = picture.render(step, "nl")
        assert png == pictures.IndicatorPicture(compact=compact).render(step, "nl")
        assert png != first
    assert (picture.full_draws, picture.data_draws) == (1, 2)
    width, height = Image.open(io.BytesIO(png)).size
    size = charts.PANEL if compact else charts.WIDE
    assert (width, height) == (round(size[0] * pictures.DPI), round(size[1] * pictures.DPI))


def test_the_same_picture_is_not_drawn_or_sent_again():
    picture = pictures.IndicatorPicture()
    assert picture.render(view(("2026-01-20", 50)), "nl") is not None
    assert picture.render(view(("2026-01-20", 50)), "nl") is None
    assert (picture.full_draws, picture.data_draws) == (1, 0)


@pytest.mark.parametrize(("changed", "lang"), [
    ({"target": 400}, "nl"),  # a new target line and scale
    ({}, "en"),  # every text in another language
    ({"rows": (("2026-01-20", 50), ("2026-02-10", 400))}, "nl"),  # past the top of the scale
])
def test_a_changed_frame_is_drawn_in_full(changed, lang):
    picture = pictures.IndicatorPicture()
    picture.render(view(("2026-01-20", 50)), "nl")
    rows = changed.pop("rows", (("2026-01-20", 50),))
    png = picture.render(view(*rows, **changed), lang)
    assert (picture.full_draws, picture.data_draws) == (2, 0)
    assert png == pictures.IndicatorPicture().render(view(*rows, **changed), lang)


def test_figure_png_gives_png_bytes_at_the_notebook_resolution():
    png = pictures.figure_png(charts.panel_legend("nl"))
    assert png.startswith(b"\x89PNG")
    width, _ = Image.open(io.BytesIO(png)).size
    assert width == round(charts.WIDE[0] * pictures.DPI)


def test_unfiltered_png_holds_the_very_pixels_savefig_draws():
    import numpy as np

    figure = charts.indicator_chart(indicator(), measurements(("2026-01-20", 50)), START, TODAY,
                                    "nl")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=pictures.DPI)
    expected = np.asarray(Image.open(buffer).convert("RGBA"))
    png = pictures.figure_png(figure)
    decoded = Image.open(io.BytesIO(png))
    assert decoded.format == "PNG" and decoded.mode == "RGBA"
    assert np.array_equal(np.asarray(decoded), expected)
    assert len(png) < 100_000  # flat colours compress without row filters
