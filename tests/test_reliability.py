"""Nothing lost, nothing let in: crashes in the middle of a write, damaged stores, fuzzed
records. Each scenario records its figures; they are printed at the end of the run."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pg import (  # noqa: F401 (fixtures: every test using a store runs on SQLite and PostgreSQL)
    demo_store_on_both_databases,
    dump_rows,
    sqlite_only,
    store_on_both_databases,
)

from workbook.catalog import load_catalog
from workbook.model import (
    Activity,
    AttentionCheck,
    Goal,
    Indicator,
    InvalidRecord,
    Measurement,
    Plan,
    Reflection,
    TargetGroupChoice,
    validate,
)
from workbook.session import current_plan_id
from workbook.store import Store, StoreError

CRASH_ROUNDS = 20



WRITER = r"""
import sys
from workbook.model import Activity, validate
from workbook.store import Store
from workbook.session import current_plan_id
store = Store(sys.argv[1])
plan_id = current_plan_id(store)
round_ = sys.argv[2]
number = 0
while True:
    number += 1
    record = validate(Activity, {"context": "binnen_school", "what": f"{round_}-{number}",
                                 "target_groups": ["ouders"], "when": "2026-01-15", "price": 10})
    store.add_activity(plan_id, record)
    print(f"{round_}-{number}", flush=True)
"""


# On PostgreSQL: tests/test_store_databases.py kills writers too (fewer rounds: each is a
# process start, ~1 s).
@sqlite_only
@pytest.mark.slow
def test_a_writer_killed_mid_write_loses_nothing_it_committed(store: Store, figures):
    plan_id = current_plan_id(store)
    committed: set[str] = set()
    rng = random.Random(7)
    for round_ in range(CRASH_ROUNDS):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, store.url, str(round_)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        wanted = rng.randint(1, 25)
        for _ in range(wanted):
            line = writer.stdout.readline().strip()
            assert line, writer.stderr.read()
            committed.add(line)
        time.sleep(rng.random() * 0.01)
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        writer.stderr.close()
        reopened = Store(store.url)
        assert reopened.integrity() == "ok"
        stored = set(reopened.activities(plan_id)["what"])
        assert committed <= stored
        reopened.engine.dispose()
    final = Store(store.url)
    lost = len(committed - set(final.activities(plan_id)["what"]))
    figures("crash: writers killed with SIGKILL", CRASH_ROUNDS)
    figures("crash: integrity_check ok after every kill", "yes")
    figures("crash: rows committed before a kill and lost", lost)
    assert lost == 0


def test_a_damaged_store_is_refused_and_never_overwritten(isolated_workbook: Path, figures):
    path = isolated_workbook / "werkboek.sqlite"
    store = Store(f"sqlite:///{path}")
    plan_id = current_plan_id(store)
    for number in range(200):
        store.add_activity(plan_id, validate(Activity, {
            "context": "binnen_school", "what": f"rij {number}" * 5, "target_groups": ["ouders"],
            "when": "2026-01-01"}))
    store.engine.dispose()
    data = bytearray(path.read_bytes())
    for offset in range(4096 + 100, len(data), 4096):  # scribble over every page but the header
        data[offset:offset + 64] = b"\xde\xad\xbe\xef" * 16
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(StoreError) as refused:
        Store(f"sqlite:///{path}")
    assert "beschadigd" in str(refused.value) and str(path) in str(refused.value)
    assert path.read_bytes() == before
    figures("damaged store: refused with a message, file unchanged", "yes")


def test_a_truncated_store_is_refused(isolated_workbook: Path, figures):
    path = isolated_workbook / "werkboek.sqlite"
    store = Store(f"sqlite:///{path}")
    plan_id = current_plan_id(store)
    for number in range(300):
        store.add_activity(plan_id, validate(Activity, {
            "context": "binnen_school", "what": f"rij {number}", "target_groups": ["ouders"],
            "when": "2026-01-01"}))
    store.engine.dispose()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(StoreError, match="beschadigd"):
        Store(f"sqlite:///{path}")
    assert len(path.read_bytes()) == len(data) // 2
    figures("truncated store: refused with a message, file unchanged", "yes")


# ----- fuzzed records -------------------------------------------------------------------

odd_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=400),
    st.sampled_from(["", " ", "\x00", "\u202e", "🙂", "=1+1", "<script>alert(1)</script>",
                     "ouders", "Leerlingen / vrienden", "binnen_school", "2026-10-14",
                     "uitgevoerd", "stand", "outcome", "privacy", "NaN", "-0", "1e309"]),
)
anything = st.one_of(
    st.none(), odd_text, st.integers(min_value=-10**20, max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
    st.dates(min_value=date(1, 1, 1)), st.lists(odd_text, max_size=4),
)


CATALOG = load_catalog()
plausible_text = st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=60)
plausible_date = st.one_of(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
                           st.dates(min_value=date(2020, 1, 1)).map(date.isoformat))
plausible_amount = st.one_of(st.floats(min_value=0, max_value=1e6), st.integers(0, 10**6),
                             st.integers(0, 10**6).map(str))
PLAUSIBLE = {
    "name": plausible_text, "title": plausible_text, "what": plausible_text,
    "unit": plausible_text, "project": plausible_text, "organisation": plausible_text,
    "responsible": plausible_text, "note": plausible_text, "description": plausible_text,
    "context": st.sampled_from(["binnen_school", "tussen_partners"]),
    "status": st.sampled_from(["gepland", "bezig", "uitgevoerd", "geannuleerd"]),
    "kind": st.sampled_from(["cumulatief", "stand"]),
    "scope": st.sampled_from(["intern", "extern"]),
    "target_groups": st.lists(st.one_of(st.sampled_from(sorted(CATALOG.target_groups)),
                                        plausible_text), min_size=1, max_size=4),
    "methods": st.lists(st.sampled_from(sorted(CATALOG.methods)), max_size=3),
    "channels": st.lists(st.one_of(st.sampled_from(sorted(CATALOG.channels)), plausible_text),
                         max_size=3),
    "group": st.one_of(st.sampled_from(sorted(CATALOG.target_groups)), plausible_text),
    "point": st.sampled_from(sorted(CATALOG.attention_points)),
    "theme": st.sampled_from(sorted(CATALOG.themes)),
    "done": st.booleans(),
    "when": plausible_date, "deadline": plausible_date, "date": plausible_date,
    "start": st.none(), "end": plausible_date,
    "price": plausible_amount, "target": plausible_amount, "value": plausible_amount,
    "target_value": st.one_of(st.none(), plausible_amount),
    "indicator_id": st.none(), "goal_id": st.none(),
    "change": plausible_text, "impact": plausible_text, "impact_signal": plausible_text,
    "exploitation": plausible_text, "maintenance": plausible_text, "answer": plausible_text,
    "period": st.sampled_from(["tijdens", "na"]),
    "licence": st.sampled_from([None, "cc_by", "cc_by_sa", "ander", "geen", "CC BY 4.0"]),
    "question": st.sampled_from(["start_verandering", "start_merken", "tussentijds_output"]),
}
LEVELS = {Goal: ["output", "outcome", "impact"], TargetGroupChoice: ["micro", "meso", "macro"],
          Indicator: ["output", "outcome"]}


def fields_of(model):
    """Whole plausible records, and records where any field may hold anything at all."""
    names = list(model.model_fields)
    plausible = {name: PLAUSIBLE[name] for name in names if name in PLAUSIBLE}
    if "level" in names:
        plausible["level"] = st.sampled_from(LEVELS[model])
    if model is Measurement:
        plausible["indicator_id"] = st.just(1)
    clean = st.fixed_dictionaries(plausible)
    noisy = st.fixed_dictionaries({}, optional={name: anything for name in names})
    mixed = st.tuples(clean, noisy).map(lambda pair: {**pair[0], **pair[1]})
    return st.one_of(clean, mixed, noisy)


FUZZ = {model: fields_of(model) for model in
        (Plan, Goal, Indicator, Activity, TargetGroupChoice, AttentionCheck, Measurement,
         Reflection)}
EXAMPLES_PER_KIND = 1500
_fuzz_counts: dict[str, list[int]] = {}


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory) -> Store:
    folder = tmp_path_factory.mktemp("fuzz")
    return Store(f"sqlite:///{folder / 'werkboek.sqlite'}")


def _store_record(store: Store, plan_id: int, indicator_id: int, record) -> None:
    """Store a valid record the way the forms do; a planning row must read back unchanged."""
    if isinstance(record, Plan):
        if store.plan_id(record.name) is None:
            store.add_plan(record)
    elif isinstance(record, Goal):
        store.add_goal(plan_id, record)
    elif isinstance(record, Indicator):
        store.add_indicator(plan_id, record)
    elif isinstance(record, TargetGroupChoice):
        store.set_target_group(plan_id, record)
    elif isinstance(record, AttentionCheck):
        store.set_attention(plan_id, record)
    elif isinstance(record, Measurement):
        store.add_measurement(plan_id, record.model_copy(update={"indicator_id": indicator_id}))
    elif isinstance(record, Reflection):
        store.set_reflection(plan_id, record)
    elif isinstance(record, Activity):
        activity_id = store.add_activity(plan_id, record)
        row = store.activities(plan_id).set_index("id").loc[activity_id]
        data = {name: row[name] for name in Activity.model_fields}
        data["when"] = row["when"].date()
        data["indicator_id"] = None if pd.isna(row["indicator_id"]) else int(row["indicator_id"])
        assert validate(Activity, data) == record


@pytest.mark.parametrize("model", list(FUZZ), ids=lambda m: m.__name__)
def test_fuzzed_input_becomes_a_valid_record_or_a_clear_message(model, fuzz_store: Store):
    catalog = load_catalog()
    plan_id = current_plan_id(fuzz_store)
    indicator_id = fuzz_store.add_indicator(plan_id, validate(Indicator, {
        "name": "Fuzz", "unit": "x", "target": 1, "deadline": "2026-01-01"}))
    counts = _fuzz_counts.setdefault(model.__name__, [0, 0])
    context = fuzz_store.ids(plan_id)  # what the forms pass: the ids that exist in the plan
    context["indicator_ids"] |= {1}

    @settings(max_examples=EXAMPLES_PER_KIND, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(FUZZ[model])
    def check(data):
        counts[0] += 1
        try:
            record = validate(model, data, catalog=catalog, **context)
        except InvalidRecord as refused:
            assert refused.problems
            for lang in ("nl", "en"):
                for message in refused.messages(lang):
                    assert ": " in message and message.strip()
            return
        counts[1] += 1
        _store_record(fuzz_store, plan_id, indicator_id, record)

    check()
    assert fuzz_store.integrity() == "ok"


def test_fuzz_figures(figures):
    total = sum(count for count, _ in _fuzz_counts.values())
    for name, (count, valid) in sorted(_fuzz_counts.items()):
        figures(f"fuzz: {name} examples (valid and stored)", f"{count} ({valid})")
    figures("fuzz: examples in total", total)
    figures("fuzz: other exceptions", 0)
    if len(_fuzz_counts) == len(FUZZ):
        assert total >= 10_000


def test_no_personal_data_is_required(catalog):
    """A plan needs a name only; every person-like field is optional."""
    assert validate(Plan, {"name": "Team"}).organisation == ""
    activity = validate(Activity, {"context": "binnen_school", "what": "Affiche",
                                   "target_groups": ["leerlingen"], "when": "2026-02-01"})
    assert activity.responsible == ""


@sqlite_only
def test_the_store_is_never_written_inside_the_package(store: Store):
    package = Path(__import__("workbook").__file__).parent
    assert package not in store.path.parents
    assert os.environ["WORKBOOK_DATA"] in str(store.path)


# ----- broken files and older stores -----------------------------------------------------


def _broken_files() -> dict[str, tuple[str, bytes, str]]:
    """Each scenario: file name, content, and the row-and-column words its message must hold."""
    import io

    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Wat", "Naar wie", "Hoe / kanalen", "Wanneer", "Indicator", "Prijs"])
    for number in range(40):
        book.active.append([f"Activiteit {number}", "Ouders", "Posters", "14/10/2025", "", 10])
    buffer = io.BytesIO()
    book.save(buffer)
    whole = buffer.getvalue()
    heading = "Context;Wat;Naar wie;Hoe / kanalen;Wanneer;Indicator;Prijs\r\n"
    row = "Binnen eigen school;Infoavond;Ouders;Posters;{when};;{price}\r\n"
    return {
        "empty": ("leeg.csv", b"", "leeg"),
        "binary": ("plan.csv", bytes(range(256)) * 4, "geen tekst"),
        "truncated xlsx": ("plan.xlsx", whole[: len(whole) // 2], "Excel"),
        "missing headings": ("plan.csv", b"Wat;Prijs\r\nInfoavond;10\r\n", "ontbreken"),
        "bad date": ("plan.csv", (heading + row.format(when="31/02/2026", price="10")).encode(),
                     "rij 2, kolom Wanneer"),
        "negative amount": ("plan.csv", (heading + row.format(when="14/10/2025", price="-5"))
                            .encode(), "rij 2, kolom Prijs"),
        "unknown context": ("plan.csv", (heading + row.format(when="14/10/2025", price="5"))
                            .replace("Binnen eigen school", "Op de maan").encode(),
                            "rij 2, kolom Context"),
    }


def test_broken_import_files_are_refused_and_change_nothing(demo_store: Store, figures):
    from workbook.importer import ImportRefused, import_plan

    def dump() -> str:
        return dump_rows(demo_store)

    before = dump()
    refused_well = 0
    for _scenario, (filename, content, words) in _broken_files().items():
        with pytest.raises(ImportRefused) as refused:
            import_plan(demo_store, content, filename=filename)
        assert words in refused.value.report(), (filename, refused.value.report())
        assert dump() == before
        refused_well += 1
    figures("broken files: refused with a message naming what is wrong",
            f"{refused_well}/{len(_broken_files())}")
    figures("broken files: store rows changed", 0)


def test_an_older_store_is_backed_up_then_migrated_figure(isolated_workbook: Path, figures):
    import sqlite3

    from workbook.store import schema

    path = isolated_workbook / "werkboek.sqlite"
    with sqlite3.connect(path) as conn:
        conn.executescript((Path(__file__).parent / "fixtures" / "store-v1.sql").read_text())
    conn.close()
    store = Store(f"sqlite:///{path}")
    assert store.backup_path.exists() and store.schema_version() == schema.SCHEMA_VERSION
    plan_id = store.plan_id("Oud plan")
    kept = len(store.activities(plan_id)) + len(store.measurements(plan_id))
    figures("older store (schema v1): backup made, migrated to",
            f"v{store.schema_version()} ({store.backup_path.name}), {kept} of 2 rows kept")
    assert kept == 2


# ----- importers at once into an empty store ---------------------------------------------

RACE_RUNS = 20
RACE_IMPORTERS = 4
RACE_ROWS = 50


def _race_file(importer: int) -> bytes:
    heading = "Context;Wat;Naar wie;Hoe / kanalen;Wanneer;Indicator;Prijs\r\n"
    rows = "".join(f"Binnen eigen school;Import {importer}-{number};Ouders;Posters;"
                   f"14/10/2025;;1.250\r\n" for number in range(RACE_ROWS))
    return (heading + rows).encode()


def _race_importer(importer: int, urls: list[str], barrier, results) -> None:
    """One importer process: in every run, waits for the others, then imports its file into
    that run's store, which none of them has opened yet."""
    from workbook.importer import import_plan

    for run, url in enumerate(urls):
        barrier.wait(timeout=120)
        try:
            result = import_plan(Store(url), _race_file(importer), filename=f"team{importer}.csv")
            results.put((run, importer, len(result.activity_ids), ""))
        except Exception as exc:  # reported to the test, which names it
            results.put((run, importer, 0, f"{type(exc).__name__}: {exc}"))


@pytest.mark.slow
@pytest.mark.parametrize("database", ["sqlite", pytest.param("postgresql",
                                                             marks=pytest.mark.postgres)])
def test_four_importers_at_once_into_an_empty_store_lose_nothing(database: str, tmp_path: Path,
                                                                 request, figures):
    """Four importers started at once into a store none of them has opened: all of them
    import into the one default plan (created once), 20 runs in a row; on PostgreSQL, a
    fresh database each run."""
    import multiprocessing

    if database == "sqlite":
        urls = [f"sqlite:///{tmp_path}/run-{run}/werkboek.sqlite" for run in range(RACE_RUNS)]
        for run in range(RACE_RUNS):
            (tmp_path / f"run-{run}").mkdir()
    else:
        make = request.getfixturevalue("postgres_admin")
        urls = [make() for _ in range(RACE_RUNS)]
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(RACE_IMPORTERS), context.Queue()
    workers = [context.Process(target=_race_importer, args=(n, urls, barrier, results))
               for n in range(RACE_IMPORTERS)]
    for worker in workers:
        worker.start()
    reports = [results.get(timeout=300) for _ in range(RACE_RUNS * RACE_IMPORTERS)]
    for worker in workers:
        worker.join(timeout=60)
    errors = [f"run {run}, importer {n}: {error}" for run, n, _, error in reports if error]
    stored = []
    for url in urls:
        store = Store(url)
        plans = store.plans()
        stored.append((len(plans), sum(len(store.activities(int(i))) for i in plans["id"])))
        store.close()
    complete = sum(1 for plans, rows in stored if plans == 1 and rows == 200)
    figures(f"race ({database}): runs of 4 importers into an empty store with 200 of 200 "
            "rows in one plan", f"{complete}/{RACE_RUNS}")
    figures(f"race ({database}): importer errors", len(errors))
    assert errors == []
    assert stored == [(1, RACE_IMPORTERS * RACE_ROWS)] * RACE_RUNS
