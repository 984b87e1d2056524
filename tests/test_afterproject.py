"""After the project: rows after the end date, exploitation and maintenance, the licence."""

from __future__ import annotations

from datetime import date

import pandas as pd

from workbook import afterproject
from workbook.store import frames

END = date(2027, 8, 31)


def _rows(*rows: tuple[str, str, str]) -> pd.DataFrame:
    """Planning rows as (what, when, period)."""
    records = [{"id": number, "what": what, "when": pd.Timestamp(when), "period": period,
                "status": "gepland", "deleted": False, "target_groups": ("ouders",),
                "channels": ()} for number, (what, when, period) in enumerate(rows, start=1)]
    return pd.DataFrame(records, columns=frames.COLUMNS["activities"])


def test_a_row_after_the_end_is_kept_and_must_be_marked():
    rows = _rows(("Infoavond", "2026-10-01", "tijdens"), ("Pakketten bijwerken", "2028-02-01",
                                                          "tijdens"))
    assert afterproject.after_end(rows, END) == ["Pakketten bijwerken"]
    found = afterproject.check_period(rows, END)
    assert not found.ok and found.state == "unmarked"
    assert "'Pakketten bijwerken'" in found.message("nl") and "na het project" in found.message()
    marked = _rows(("Infoavond", "2026-10-01", "tijdens"), ("Pakketten", "2028-02-01", "na"))
    assert afterproject.check_period(marked, END).ok


def test_a_row_marked_after_but_dated_within_the_project_is_named():
    found = afterproject.check_period(_rows(("Vroeg", "2027-05-01", "na")), END)
    assert not found.ok and found.state == "early" and "'Vroeg'" in found.message("en")
    assert afterproject.check_period(_rows(("Vroeg", "2027-05-01", "na")), None).ok


def test_no_row_after_the_project_asks_what_happens_then():
    found = afterproject.check_period(_rows(("Infoavond", "2026-10-01", "tijdens")), END)
    assert not found.ok and found.state == "none" and "subsidie stopt" in found.message("nl")


def test_sustainability_needs_what_stays_in_use_and_who_maintains_it():
    found = afterproject.check_sustainability({"exploitation": "Lespakketten", "maintenance": ""})
    assert not found.ok
    assert found.message("en") == (
        "After the project: describe in 00 — welcome who maintains it and where it stays "
        "available as well. A dissemination plan also covers the time after the grant "
        "(Erasmus+ Programme Guide).")
    assert afterproject.check_sustainability({"exploitation": "a", "maintenance": "b"}).ok


def test_the_licence_is_an_open_one():
    assert afterproject.check_licence({"licence": "cc_by"}).message("en") == (
        "Open licence: the results are shared under CC BY 4.0.")
    other = afterproject.check_licence({"licence": "ander"})
    assert other.ok and "use, adapt and share" in other.message("en")
    closed = afterproject.check_licence({"licence": "geen"})
    assert not closed.ok and "niet genoeg" in closed.message("nl")
    missing = afterproject.check_licence({})
    assert not missing.ok and "kies in 00 — welkom" in missing.message("nl")
