"""The planning table of the kick-off deck, built from the store's frames: pure pandas.

Headings and values are in the reader's language; the index is the activity id, so a
form can select a row to edit or delete.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .catalog import Catalog
from .i18n import t

PLANNING_FIELDS = (
    "context",
    "what",
    "target_groups",
    "message",
    "how",
    "product",
    "pupils_recognisable",
    "when",
    "period",
    "indicator",
    "target_value",
    "price",
    "responsible",
    "status",
)


def planning_columns(lang: str | None = None) -> list[str]:
    """The headings of the planning table in DESIGN.md's order, in ``lang``."""
    return [t(f"field.{name}", lang) for name in PLANNING_FIELDS]


def join_labels(values: Iterable[str], catalog: Catalog, lang: str | None = None) -> str:
    """Catalog ids (or a team's own values) as their labels, joined: the one way a list of
    target groups, methods or channels is shown (tables, forms, exports)."""
    return ", ".join(catalog.label_of(value, lang) for value in values)


def planning_table(
    activities: pd.DataFrame,
    indicators: pd.DataFrame,
    catalog: Catalog,
    lang: str | None = None,
) -> pd.DataFrame:
    """One row per live activity, ordered by date, with the deck's columns."""
    live = activities[~activities["deleted"]] if "deleted" in activities else activities
    names = dict(zip(indicators["id"], indicators["name"], strict=True))
    # Rows repeat the same few groups and channels: label each combination once.
    joined: dict[tuple[str, ...], str] = {}

    def labels_of(values: tuple[str, ...]) -> str:
        text = joined.get(values)
        if text is None:
            text = joined[values] = join_labels(values, catalog, lang)
        return text

    table = pd.DataFrame(
        {
            "context": live["context"].map(
                {v: t(f"context.{v}", lang) for v in live["context"].unique()}
            ),
            "what": live["what"],
            "target_groups": [labels_of(tuple(v)) for v in live["target_groups"]],
            "message": live["message"],
            "how": [
                labels_of(tuple(m) + tuple(c))
                for m, c in zip(live["methods"], live["channels"], strict=True)
            ],
            "product": live["product"].map(
                {v: t(f"product.{v}", lang) for v in live["product"].unique()}
            ),
            "pupils_recognisable": live["pupils_recognisable"].map(
                lambda v: t("yes" if v else "no", lang)
            ),
            "when": pd.to_datetime(live["when"]),
            "period": live["period"].map(
                {v: t(f"period.{v}", lang) for v in live["period"].unique()}
            ),
            "indicator": [
                "" if missing else names.get(v, "")
                for v, missing in zip(
                    live["indicator_id"].tolist(), live["indicator_id"].isna().tolist(),
                    strict=True,
                )
            ],
            "target_value": live["target_value"].astype("Float64"),
            "price": live["price"].astype(float),
            "responsible": live["responsible"],
            "status": live["status"].map(
                {v: t(f"status.{v}", lang) for v in live["status"].unique()}
            ),
        },
        columns=list(PLANNING_FIELDS),
    )
    table.index = pd.Index(live["id"].astype(int), name="id")
    table = table.sort_values(["when", "context"], kind="stable")
    table.columns = planning_columns(lang)
    return table
