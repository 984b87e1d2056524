"""Large synthetic stores and team files for the benchmarks (deterministic, no randomness)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from workbook.catalog import load_catalog
from workbook.demo import load_demo
from workbook.model import Activity, Indicator, Measurement, validate
from workbook.store import Store

START = date(2025, 9, 1)


def big_store(folder: Path, activities: int = 1000, measurements: int = 10_000) -> Store:
    """The demo plan grown to ``activities`` planning rows and ``measurements`` measurements."""
    folder.mkdir(parents=True, exist_ok=True)
    store = Store(f"sqlite:///{folder / 'werkboek.sqlite'}")
    plan_id = load_demo(store)
    catalog = load_catalog()
    groups, channels = sorted(catalog.target_groups), sorted(catalog.channels)
    indicator_ids = sorted(store.ids(plan_id)["indicator_ids"])
    existing = len(store.activities(plan_id))
    rows = [
        validate(
            Activity,
            {
                "context": ("binnen_school", "tussen_partners")[n % 2],
                "what": f"Activiteit {n}",
                "target_groups": [groups[n % len(groups)], groups[(n * 7) % len(groups)]],
                "channels": [channels[n % len(channels)]],
                "when": START + timedelta(days=n % 700),
                "indicator_id": indicator_ids[n % len(indicator_ids)],
                "price": (n * 37) % 900,
            },
        )
        for n in range(activities - existing)
    ]
    existing_measurements = len(store.measurements(plan_id))
    with store.transaction():
        store.add_activities(plan_id, rows)
        for n in range(measurements - existing_measurements):
            store.add_measurement(
                plan_id,
                Measurement(
                    indicator_id=indicator_ids[n % len(indicator_ids)],
                    date=START + timedelta(days=n % 560),
                    value=n % 7,
                ),
            )
    return store


def indicators_frame(count: int):
    """``count`` indicators with a few measurements each, as the store would return them."""
    import pandas as pd

    indicators, measurements = [], []
    for n in range(count):
        record = Indicator(
            name=f"Indicator {n + 1}",
            unit="deelnemers",
            target=100 + n,
            deadline=date(2026, 6, 30) + timedelta(days=n),
            kind=("cumulatief", "stand")[n % 2],
        )
        indicators.append({"id": n + 1, "plan_id": 1, **record.model_dump()})
        for k in range(n % 6):
            measurements.append(
                {
                    "id": len(measurements) + 1,
                    "plan_id": 1,
                    "indicator_id": n + 1,
                    "date": pd.Timestamp(START + timedelta(days=40 * k + n)),
                    "value": 10 + k * 5,
                    "note": "",
                }
            )
    indicator_frame = pd.DataFrame(indicators)
    indicator_frame["deadline"] = pd.to_datetime(indicator_frame["deadline"])
    measurement_frame = pd.DataFrame(
        measurements, columns=["id", "plan_id", "indicator_id", "date", "value", "note"]
    )
    return indicator_frame, measurement_frame


def team_files(folder: Path, teams: int = 30, rows: int = 300) -> list[Path]:
    """``teams`` CSV planning tables of ``rows`` rows each, with the deck's headings."""
    import csv

    folder.mkdir(parents=True, exist_ok=True)
    catalog = load_catalog()
    groups = [g.nl for g in catalog.target_groups.values()]
    channels = [c.nl for c in catalog.channels.values()]
    paths = []
    for team in range(teams):
        path = folder / f"team_{team + 1:02d}.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerow(
                ["Context", "Wat", "Naar wie", "Hoe / kanalen", "Wanneer", "Indicator", "Prijs"]
            )
            for n in range(rows):
                day = START + timedelta(days=(n * 3 + team) % 600)
                writer.writerow(
                    [
                        ("Binnen eigen school", "Tussen de projectpartners")[n % 2],
                        f"Activiteit {n} van team {team + 1}",
                        f"{groups[n % len(groups)]}; {groups[(n + team) % len(groups)]}",
                        channels[(n + team) % len(channels)],
                        day.strftime("%d/%m/%Y"),
                        f"Indicator {n % 4}",
                        f"{(n * 13) % 500},50",
                    ]
                )
        paths.append(path)
    return paths


def plan_with_indicators(folder: Path, indicators: int = 30) -> Store:
    """The demo plan with ``indicators`` indicators in all, each measured four times."""
    folder.mkdir(parents=True, exist_ok=True)
    store = Store(f"sqlite:///{folder / 'werkboek.sqlite'}")
    plan_id = load_demo(store)
    existing = len(store.indicators(plan_id))
    with store.transaction():
        for n in range(indicators - existing):
            indicator_id = store.add_indicator(plan_id, Indicator(
                name=f"Indicator {n + 1:02d}", unit="deelnemers", target=100 + n,
                deadline=START + timedelta(days=300 + 7 * n)))
            for step in range(4):
                store.add_measurement(plan_id, Measurement(
                    indicator_id=indicator_id, date=START + timedelta(days=30 * (step + 1)),
                    value=(n + 3) * (step + 1)))
    return store
