"""The store on SQLite and on PostgreSQL, tested alike: each test runs on both (the
PostgreSQL run gets a fresh database of its own, dropped at the end of the test run; it is
skipped with a one-line reason where no server answers, and fails under CI=true)."""

from __future__ import annotations

import multiprocessing
import signal
import subprocess
import sys
import time
from datetime import date

import pandas as pd
import pytest

from workbook.importer import import_plan, parse_plan, plan_tables
from workbook.model import Activity, Indicator, Measurement, Plan, validate
from workbook.session import current_plan_id
from workbook.store import DatabaseFailed, Store, StoreError, migrations
from workbook.store.connection import Connection

PROCESSES = 6


def _activity(what: str = "Infoavond", **extra) -> Activity:
    return validate(Activity, {"context": "binnen_school", "what": what,
                               "target_groups": ["ouders"], "when": "2026-01-15", **extra})


def _file(importer: int, rows: int = 50) -> bytes:
    heading = "Context;Wat;Naar wie;Hoe / kanalen;Wanneer;Indicator;Prijs\r\n"
    body = "".join(f"Binnen eigen school;Import {importer}-{n};Ouders;Posters;14/10/2025;"
                   f"Deelnemers;1.250\r\n" for n in range(rows))
    return (heading + body).encode()


def test_records_go_in_and_come_out_the_same(any_store: Store):
    plan_id = current_plan_id(any_store)
    indicator = any_store.add_indicator(plan_id, Indicator(
        name="Deelnemers", unit="ouders", target=40, deadline=date(2026, 6, 30)))
    first = any_store.add_activity(plan_id, _activity(price=12.5, indicator_id=indicator))
    any_store.add_activities(plan_id, [_activity("Tweede"), _activity("Derde")])
    any_store.add_measurement(plan_id, Measurement(indicator_id=indicator, value=12,
                                                   date=date(2026, 2, 1)))
    any_store.update_activity(first, _activity("Gewijzigd", price=20))
    any_store.delete_activity(first)
    any_store.restore_activity(first)
    tables = any_store.plan_tables(plan_id)
    assert tables["activities"]["what"].tolist() == ["Gewijzigd", "Tweede", "Derde"]
    assert tables["activities"]["target_groups"].iloc[0] == ("ouders",)
    assert tables["measurements"]["value"].tolist() == [12.0]
    assert str(tables["activities"]["when"].dtype).startswith("datetime64")
    assert any_store.activity_history(first)["action"].tolist() == [
        "create", "update", "delete", "restore"]
    assert any_store.schema_version() == migrations.SCHEMA_VERSION


def test_a_transaction_stores_all_of_its_writes_or_none(any_store: Store):
    with pytest.raises(RuntimeError), any_store.transaction():
        plan_id = any_store.add_plan(Plan(name="Half"))
        any_store.add_activity(plan_id, _activity())
        raise RuntimeError("power cut")
    assert any_store.plan_id("Half") is None
    with pytest.raises(StoreError, match="bestaat al"):
        any_store.add_plan(Plan(name="Heel")) and any_store.add_plan(Plan(name="Heel"))


def test_what_another_store_writes_is_read_again(any_store: Store):
    plan_id = current_plan_id(any_store)
    any_store.add_activity(plan_id, _activity())
    assert len(any_store.activities(plan_id)) == 1
    other = Store(any_store.url)  # another kernel or process
    other.add_activity(plan_id, _activity("Van elders"))
    assert any_store.activities(plan_id)["what"].tolist() == ["Infoavond", "Van elders"]
    other.close()


def test_an_import_gives_the_frames_the_importer_builds_without_a_store(any_store: Store):
    parsed = parse_plan(_file(1, rows=5), filename="team.csv")
    written = import_plan(any_store, _file(1, rows=5), filename="team.csv", plan_name="Team")
    built = plan_tables(parsed, plan_id=written.plan_id)
    for key, frame in any_store.plan_tables(written.plan_id).items():
        pd.testing.assert_frame_equal(built[key], frame, check_exact=True, obj=key)


def _open_and_import(url: str, importer: int, start, results) -> None:
    start.wait(timeout=120)
    try:
        result = import_plan(Store(url), _file(importer), filename=f"team{importer}.csv")
        results.put((importer, len(result.activity_ids), ""))
    except Exception as exc:  # reported to the test, which names it
        results.put((importer, 0, f"{type(exc).__name__}: {exc}"))


@pytest.mark.slow
def test_many_processes_open_a_fresh_database_at_once_and_lose_nothing(database_url: str,
                                                                       figures):
    """Six processes open a database nobody has opened yet — each would create the schema —
    and import 50 rows each into the default plan: one schema, one plan, 300 rows."""
    context = multiprocessing.get_context("spawn")
    start, results = context.Barrier(PROCESSES), context.Queue()
    workers = [context.Process(target=_open_and_import, args=(database_url, n, start, results))
               for n in range(PROCESSES)]
    for worker in workers:
        worker.start()
    reports = [results.get(timeout=300) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    errors = [error for _, _, error in reports if error]
    store = Store(database_url)
    plans = store.plans()
    rows = sum(len(store.activities(int(plan))) for plan in plans["id"])
    backend = database_url.split(":", 1)[0]
    figures(f"fresh database, {PROCESSES} processes at once ({backend}): rows stored / lost",
            f"{rows} / {PROCESSES * 50 - rows}")
    assert errors == []
    assert len(plans) == 1 and rows == PROCESSES * 50
    assert store.schema_version() == migrations.SCHEMA_VERSION


WRITER = r"""
import sys
from workbook.model import Activity, validate
from workbook.session import current_plan_id
from workbook.store import Store
store = Store(sys.argv[1])
plan_id = current_plan_id(store)
number = 0
while True:
    number += 1
    store.add_activity(plan_id, validate(Activity, {"context": "binnen_school",
        "what": f"{sys.argv[2]}-{number}", "target_groups": ["ouders"], "when": "2026-01-15"}))
    print(f"{sys.argv[2]}-{number}", flush=True)
"""


@pytest.mark.slow
def test_a_writer_killed_mid_write_loses_nothing_it_committed(any_store: Store, figures):
    plan_id = current_plan_id(any_store)
    committed: set[str] = set()
    for round_ in range(5):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, any_store.url, str(round_)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(5 + 3 * round_):
            line = writer.stdout.readline().strip()
            assert line, writer.stderr.read()
            committed.add(line)
        time.sleep(0.005 * round_)
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        writer.stderr.close()
    lost = committed - set(Store(any_store.url).activities(plan_id)["what"])
    figures(f"crash ({any_store.engine.dialect.name}): rows committed before a kill and lost",
            len(lost))
    assert lost == set()


def test_a_database_that_fails_says_so_and_blames_no_entry(any_store: Store):
    """A database error is reported as the database's, never as the participant's data."""
    plan_id = current_plan_id(any_store)
    with any_store._write() as conn:  # the database breaks under the store's feet
        conn.exec_driver_sql("DROP TABLE attention_checks")
    from workbook.model import AttentionCheck

    with pytest.raises(DatabaseFailed) as failed:
        any_store.set_attention(plan_id, AttentionCheck(point="privacy"))
    assert "De database werkt niet" in str(failed.value)
    assert "verwijzen naar iets" not in str(failed.value)


@pytest.mark.postgres
def test_an_unreachable_server_is_a_database_failure(postgres_admin):
    url = "postgresql+psycopg://postgres@127.0.0.1:1/nergens?connect_timeout=2"
    with pytest.raises(DatabaseFailed, match="De database werkt niet"):
        Store(url)


def test_the_schema_is_made_under_a_lock_once(database_url: str):
    """Creating the schema twice (a second process that waited for the lock) changes
    nothing: the version is read again inside the locked transaction."""
    first = Store(database_url)
    first.add_plan(Plan(name="Eerste"))
    connection = Connection(database_url)
    assert migrations.prepare(connection) is None  # up to date: nothing to do
    connection.close()
    assert Store(database_url).plans()["name"].tolist() == ["Eerste"]
