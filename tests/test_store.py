"""The shared store: round trips, plans, history of edits and deletes, schema versions, and
more than one process writing at once."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from pg import (  # noqa: F401 (fixtures: every test using a store runs on SQLite and PostgreSQL)
    demo_store_on_both_databases,
    sqlite_only,
    store_on_both_databases,
)

from workbook.model import (
    Activity,
    AttentionCheck,
    Goal,
    Indicator,
    Measurement,
    Plan,
    Reflection,
    TargetGroupChoice,
    validate,
)
from workbook.session import current_plan_id
from workbook.store import Store, StoreError, forget_open_stores, open_store, schema
from workbook.store.migrations import set_meta

FIXTURES = Path(__file__).parent / "fixtures"
#: What turns a version-7 store back into a version-6 one (its layout, not its version).
V7_UNDONE = (
    *(f"ALTER TABLE indicators DROP COLUMN {column}" for column in ("level", "change")),
    *(f"ALTER TABLE goals DROP COLUMN {column}" for column in ("impact", "impact_signal")),
    "ALTER TABLE activities DROP COLUMN period",
    *(f"ALTER TABLE plans DROP COLUMN {column}"
      for column in ("licence", "exploitation", "maintenance")),
    "DROP TABLE reflections",
)




def activity(**changes) -> Activity:
    data = {
        "context": "binnen_school",
        "what": "Infoavond",
        "target_groups": ["ouders"],
        "channels": ["schoolwebsite"],
        "when": "2025-10-14",
        "price": 250.5,
    }
    return validate(Activity, {**data, **changes})


def test_a_fresh_store_records_its_schema_version_and_has_one_default_plan(store: Store):
    assert store.schema_version() == schema.SCHEMA_VERSION
    plan_id = current_plan_id(store)
    assert store.plans()["name"].tolist() == ["Mijn plan"]
    assert current_plan_id(store) == plan_id
    assert store.is_empty()
    assert store.path is None if store.url.startswith("postgresql") else (
        store.path.name == "werkboek.sqlite")


def test_activities_round_trip_with_all_fields(store: Store):
    plan_id = current_plan_id(store)
    indicator_id = store.add_indicator(
        plan_id,
        validate(
            Indicator,
            {"name": "Deelnemers", "unit": "deelnemers", "target": 100, "deadline": "2026-06-30"},
        ),
    )
    original = activity(
        methods=["infosessie"],
        indicator_id=indicator_id,
        target_value=60,
        responsible="Coördinator",
        status="uitgevoerd",
        target_groups=["ouders", "Grootouders"],
    )
    activity_id = store.add_activity(plan_id, original)
    row = store.activities(plan_id).set_index("id").loc[activity_id]
    assert row["what"] == "Infoavond"
    assert row["target_groups"] == ("ouders", "Grootouders")
    assert row["methods"] == ("infosessie",) and row["channels"] == ("schoolwebsite",)
    assert row["when"] == pd.Timestamp("2025-10-14")
    assert (row["indicator_id"], row["target_value"], row["price"]) == (indicator_id, 60, 250.5)
    assert (row["responsible"], row["status"], row["deleted"]) == (
        "Coördinator",
        "uitgevoerd",
        False,
    )
    assert not store.is_empty()


def test_goals_indicators_measurements_choices_and_checks_round_trip(store: Store, catalog):
    plan_id = current_plan_id(store)
    goal_id = store.add_goal(
        plan_id,
        validate(
            Goal, {"title": "Taalvaardigheid", "level": "outcome", "theme": "taalvaardigheid"}
        ),
    )
    indicator_id = store.add_indicator(
        plan_id,
        validate(
            Indicator,
            {
                "name": "Volgers",
                "unit": "volgers",
                "target": 400,
                "deadline": "2026-06-30",
                "kind": "stand",
                "goal_id": goal_id,
            },
        ),
    )
    store.add_measurement(
        plan_id,
        validate(Measurement, {"indicator_id": indicator_id, "date": "2026-01-10", "value": 120}),
    )
    store.set_target_group(
        plan_id,
        validate(
            TargetGroupChoice, {"group": "ouders", "channels": ["schoolkrant"]}, catalog=catalog
        ),
    )
    store.set_target_group(
        plan_id,
        validate(
            TargetGroupChoice, {"group": "ouders", "channels": ["schoolwebsite"]}, catalog=catalog
        ),
    )
    store.set_attention(
        plan_id,
        validate(
            AttentionCheck, {"point": "privacy", "done": True, "note": "toestemming gevraagd"}
        ),
    )
    tables = store.plan_tables(plan_id)
    assert tables["goals"][["title", "level", "theme"]].values.tolist() == [
        ["Taalvaardigheid", "outcome", "taalvaardigheid"]
    ]
    indicator = tables["indicators"].iloc[0]
    assert (indicator["kind"], indicator["goal_id"], indicator["target"]) == ("stand", goal_id, 400)
    assert tables["measurements"][["indicator_id", "value"]].values.tolist() == [
        [indicator_id, 120]
    ]
    assert tables["target_groups"].to_dict("records") == [
        {
            "group": "ouders",
            "scope": "extern",
            "level": "micro",
            "methods": (),
            "channels": ("schoolwebsite",),
        }
    ]
    assert tables["attention"].to_dict("records") == [
        {"point": "privacy", "done": True, "note": "toestemming gevraagd"}
    ]
    store.remove_target_group(plan_id, "ouders")
    assert store.target_groups(plan_id).empty


def test_edits_and_deletes_keep_history_and_a_deleted_row_can_be_restored(store: Store):
    plan_id = current_plan_id(store)
    activity_id = store.add_activity(plan_id, activity())
    store.update_activity(activity_id, activity(what="Infoavond voor ouders", price=300))
    store.delete_activity(activity_id)
    assert store.activities(plan_id).empty
    hidden = store.activities(plan_id, include_deleted=True)
    assert hidden["deleted"].tolist() == [True]
    store.restore_activity(activity_id)
    restored = store.activities(plan_id).iloc[0]
    assert (restored["what"], restored["price"], restored["version"]) == (
        "Infoavond voor ouders",
        300,
        4,
    )
    history = store.activity_history(activity_id)
    assert history["action"].tolist() == ["create", "update", "delete", "restore"]
    assert history["snapshot"].iloc[0]["what"] == "Infoavond"
    assert history["snapshot"].iloc[2]["what"] == "Infoavond voor ouders"


def test_a_deleted_row_cannot_be_edited_and_unknown_rows_are_named(store: Store):
    plan_id = current_plan_id(store)
    activity_id = store.add_activity(plan_id, activity())
    store.delete_activity(activity_id)
    with pytest.raises(StoreError, match=f"activity {activity_id} bestaat niet"):
        store.update_activity(activity_id, activity())
    with pytest.raises(StoreError, match="activity 999"):
        store.delete_activity(999)
    with pytest.raises(StoreError, match="indicator 5"):
        store.add_measurement(
            plan_id, validate(Measurement, {"indicator_id": 5, "date": "2026-01-01", "value": 1})
        )


def test_many_rows_go_in_together_or_not_at_all(store: Store):
    plan_id = current_plan_id(store)
    with pytest.raises(StoreError):
        store.add_activities(plan_id, [activity(), activity(indicator_id=12345)])
    assert store.activities(plan_id, include_deleted=True).empty


def test_plans_are_separate_and_chosen_by_name(store: Store, monkeypatch: pytest.MonkeyPatch):
    first = store.add_plan(validate(Plan, {"name": "Team Gent", "organisation": "Atheneum"}))
    second = store.add_plan(validate(Plan, {"name": "Team Brugge"}))
    store.add_activity(first, activity(what="Gent"))
    store.add_activity(second, activity(what="Brugge"))
    assert store.activities(first)["what"].tolist() == ["Gent"]
    store.choose_plan(second)
    assert current_plan_id(store) == second
    monkeypatch.setenv("QUERY_STRING", "plan=Team%20Gent")
    assert current_plan_id(store) == first
    monkeypatch.setenv("QUERY_STRING", "plan=Team%20Leuven")
    leuven = current_plan_id(store)
    assert store.plan(leuven).name == "Team Leuven"
    with pytest.raises(StoreError, match="Er bestaat al een plan met de naam 'Team Gent'"):
        store.add_plan(validate(Plan, {"name": "Team Gent"}))
    store.update_plan(first, validate(Plan, {"name": "Team Gent", "project": "Taal"}))
    assert store.plan(first).project == "Taal"


def test_settings_last_across_openings(store: Store):
    store.set_setting("lang", "en")
    assert Store(store.url).setting("lang") == "en"
    assert store.setting("missing", "default") == "default"


def test_an_older_store_is_backed_up_and_migrated(isolated_workbook: Path):
    path = isolated_workbook / "werkboek.sqlite"
    with sqlite3.connect(path) as conn:
        conn.executescript((FIXTURES / "store-v1.sql").read_text())
    conn.close()
    store = open_store()
    assert store.schema_version() == schema.SCHEMA_VERSION
    assert store.backup_path.name == "werkboek.sqlite.v1.bak"
    with sqlite3.connect(store.backup_path) as backup:
        assert backup.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone() == (
            "1",
        )
        assert backup.execute("SELECT count(*) FROM activities").fetchone() == (1,)
    backup.close()
    plan_id = store.plan_id("Oud plan")
    indicators = store.indicators(plan_id)
    assert indicators[["name", "kind"]].values.tolist() == [["Deelnemers infoavond", "cumulatief"]]
    assert store.activities(plan_id)["what"].tolist() == ["Infoavond"]
    assert store.activities(plan_id)["message"].tolist() == [""]
    assert store.measurements(plan_id)["value"].tolist() == [45]


def test_a_version_3_store_gets_the_new_activity_columns_after_a_backup(isolated_workbook: Path):
    store = open_store()
    plan_id = store.add_plan(validate(Plan, {"name": "Plan v3"}))
    store.add_activity(plan_id, activity())
    forget_open_stores()
    path = isolated_workbook / "werkboek.sqlite"
    with sqlite3.connect(path) as conn:  # what a version-3 store looked like
        for column in ("message", "product", "pupils_recognisable"):
            conn.execute(f"ALTER TABLE activities DROP COLUMN {column}")
        for column in ("action_type", "budget"):
            conn.execute(f"ALTER TABLE plans DROP COLUMN {column}")
        for statement in V7_UNDONE:
            conn.execute(statement)
        conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    conn.close()
    migrated = open_store()
    assert migrated.schema_version() == schema.SCHEMA_VERSION == 7
    assert migrated.backup_path.name == "werkboek.sqlite.v3.bak"
    with sqlite3.connect(migrated.backup_path) as backup:
        columns = [row[1] for row in backup.execute("PRAGMA table_info(activities)")]
    backup.close()
    assert "message" not in columns
    rows = migrated.activities(plan_id)
    assert rows["what"].tolist() == ["Infoavond"] and rows["message"].tolist() == [""]
    assert rows["product"].tolist() == ["geen"]
    assert rows["pupils_recognisable"].tolist() == [False]
    assert migrated.plan(plan_id).action_type is None and migrated.plan(plan_id).budget is None
    migrated.add_activity(plan_id, activity(message="Uw kind durft meer"))
    assert migrated.activities(plan_id)["message"].tolist() == ["", "Uw kind durft meer"]


def test_a_store_from_a_newer_workbook_is_refused(store: Store):
    with store._write() as conn:
        set_meta(conn, "schema_version", str(schema.SCHEMA_VERSION + 1))
    with pytest.raises(StoreError, match="nieuwere versie van het werkboek"):
        Store(store.url)


def test_a_file_that_is_not_a_store_is_refused_and_left_alone(isolated_workbook: Path):
    path = isolated_workbook / "werkboek.sqlite"
    path.write_text("Dit is mijn boodschappenlijst.\n")
    with pytest.raises(StoreError, match="geen werkboek-database"):
        open_store()
    assert path.read_text() == "Dit is mijn boodschappenlijst.\n"


def _write_rows(url: str, plan_name: str, count: int, start: multiprocessing.Event) -> None:
    store = Store(url)
    plan_id = store.plan_id(plan_name)
    start.wait()
    for number in range(count):
        store.add_activity(plan_id, activity(what=f"{os.getpid()}-{number}"))


def test_two_processes_write_to_one_store_without_loss(store: Store):
    plan_id = store.add_plan(validate(Plan, {"name": "Gedeeld"}))
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    writers = [
        context.Process(target=_write_rows, args=(store.url, "Gedeeld", 60, start))
        for _ in range(2)
    ]
    for writer in writers:
        writer.start()
    start.set()
    for writer in writers:
        writer.join(timeout=120)
    assert [writer.exitcode for writer in writers] == [0, 0]
    rows = store.activities(plan_id)["what"]
    assert len(rows) == 120 and rows.is_unique
    assert store.integrity() == "ok"


def test_a_row_added_by_one_process_is_seen_by_another(store: Store):
    plan_id = current_plan_id(store)
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    start.set()
    writer = context.Process(
        target=_write_rows, args=(store.url, store.plan(plan_id).name, 1, start)
    )
    writer.start()
    writer.join(timeout=60)
    assert writer.exitcode == 0
    assert len(store.activities(plan_id)) == 1


def test_a_transaction_stores_all_of_its_writes_or_none(store: Store):
    before = len(store.plans())
    with pytest.raises(RuntimeError), store.transaction():
        plan_id = store.add_plan(validate(Plan, {"name": "Half"}))
        store.add_activity(plan_id, activity())
        assert len(store.activities(plan_id)) == 1  # visible inside the transaction
        raise RuntimeError("power cut")
    assert len(store.plans()) == before and store.plan_id("Half") is None
    with store.transaction():
        plan_id = store.add_plan(validate(Plan, {"name": "Heel"}))
        store.add_activities(plan_id, [activity(), activity(what="Tweede")])
    assert len(store.activities(store.plan_id("Heel"))) == 2


def test_reads_are_cached_until_anyone_writes_the_table(store: Store):
    plan_id = current_plan_id(store)
    store.add_activity(plan_id, activity())
    first = store.activities(plan_id)
    before = store.revisions()
    assert store.activities(plan_id).equals(first)
    other = Store(store.url)  # another notebook, or another process
    other.add_activity(plan_id, activity(what="Van elders"))
    after = store.revisions()
    assert after["activities"] == before["activities"] + 1
    assert after.get("measurements", 0) == before.get("measurements", 0)
    assert store.activities(plan_id)["what"].tolist() == ["Infoavond", "Van elders"]
    changed = store.activities(plan_id)
    changed.loc[0, "what"] = "kapot"
    assert store.activities(plan_id)["what"].iloc[0] == "Infoavond"


def test_the_incremental_read_of_planning_rows_equals_a_full_read(store: Store):
    """After any sequence of writes — here or by another process — the cached, partly re-read
    planning rows are exactly what a fresh read gives."""
    import random

    rng = random.Random(11)
    plan_id = current_plan_id(store)
    other = Store(store.url)
    ids: list[int] = []
    own: list[bool] = []  # True: the rows of this store's own last write were read again
    check = store._own_change
    store._own_change = lambda *args: own.append(check(*args) is not None) or check(*args)
    for step in range(80):
        writer = rng.choice([store, other])
        action = rng.choice(["add", "add", "many", "update", "delete", "restore"])
        if action == "add" or not ids:
            ids.append(writer.add_activity(plan_id, activity(what=f"rij {step}",
                                                             target_value=rng.choice([None, 5]))))
        elif action == "many":
            ids += writer.add_activities(plan_id, [activity(what=f"reeks {step}-{n}",
                                                             when=f"2026-0{n + 1}-01")
                                                   for n in range(rng.randint(1, 3))])
        elif action == "update":
            live = store.activities(plan_id)["id"].tolist() or ids
            with contextlib.suppress(StoreError):  # every row may be deleted right now
                writer.update_activity(rng.choice(live), activity(what=f"gewijzigd {step}",
                                                                  price=step, when="2025-12-24"))
        elif action == "delete":
            writer.delete_activity(rng.choice(ids))
        else:
            writer.restore_activity(rng.choice(ids))
        cached = store.activities(plan_id, include_deleted=True)
        fresh = Store(store.url).activities(plan_id, include_deleted=True)
        pd.testing.assert_frame_equal(cached, fresh)
        pd.testing.assert_frame_equal(store.activities(plan_id),
                                      fresh[~fresh["deleted"]].reset_index(drop=True))
    assert own.count(True) > 15 and own.count(False) > 15  # both ways of knowing ran


def test_the_incremental_read_of_measurements_equals_a_full_read(store: Store):
    """Own writes re-read only the rows they wrote; writes by another store, in a
    transaction or in bulk, fall back to a full read. Either way the cached frame is
    exactly what a fresh read gives."""
    import random

    rng = random.Random(5)
    plan_id = current_plan_id(store)
    other = Store(store.url)
    indicator_id = store.add_indicator(plan_id, Indicator(
        name="Deelnemers", unit="deelnemers", target=100, deadline=date(2026, 6, 30)))
    ids: list[int] = []
    reads: list[bool] = []  # True: only some rows read again
    whole = store._measurement_rows
    store._measurement_rows = lambda plan, ids=None: reads.append(ids is not None) or whole(
        plan, ids)
    for step in range(80):
        writer = rng.choice([store, store, other])
        action = rng.choice(["add", "add", "update", "delete", "two"])
        reading = Measurement(indicator_id=indicator_id, value=step % 7,
                              date=date(2026, 1 + step % 12, 1 + step % 28), note=f"m{step}")
        live = store.measurements(plan_id)["id"].tolist()
        if action == "add" or not live:
            ids.append(writer.add_measurement(plan_id, reading))
        elif action == "update":
            writer.update_measurement(rng.choice(live), reading)
        elif action == "delete":
            writer.delete_measurement(rng.choice(live))
        else:
            with writer.transaction():
                ids += [writer.add_measurement(plan_id, reading) for _ in range(2)]
        cached = store.measurements(plan_id)
        pd.testing.assert_frame_equal(cached, Store(store.url).measurements(plan_id))
    assert reads.count(True) > 20 and reads.count(False) > 10  # both paths ran


@pytest.mark.parametrize("url", [
    "sqlite:///werkboek.sqlite",
    "sqlite:////tmp/een map/werkboek.sqlite",
    "sqlite+pysqlite:///data/werkboek.sqlite",
    "sqlite:///een%20map/werkboek.sqlite",
    "sqlite:///werkboek.sqlite?timeout=5",
    "sqlite:///:memory:",
    "sqlite://",
    "postgresql://werkboek:geheim@localhost/werkboek",
])
def test_a_store_url_names_the_file_sqlalchemy_opens(url: str):
    import sqlalchemy as sa

    from workbook.store import connection as store_module

    parsed = sa.engine.make_url(url)
    expected = (Path(parsed.database) if parsed.get_backend_name() == "sqlite"
                and parsed.database not in (None, "", ":memory:") else None)
    assert store_module.sqlite_path(url) == expected
    assert store_module.plain_sqlite_file(url) in (None, expected)


@sqlite_only
def test_a_store_file_reads_the_same_through_sqlite3_and_sqlalchemy(demo_store: Store):
    """A plain SQLite URL is read with sqlite3; the same file through a URL with a driver
    option is read with SQLAlchemy: every read gives the same frames and records."""
    plan_id = current_plan_id(demo_store)
    first, second = demo_store.activities(plan_id)["id"].iloc[:2].tolist()
    demo_store.update_activity(first, activity(what="Gewijzigd", target_value=5))
    demo_store.delete_activity(second)
    demo_store.delete_measurement(int(demo_store.measurements(plan_id)["id"].iloc[0]))
    demo_store.set_attention(plan_id, validate(AttentionCheck, {"point": "privacy", "done": False}))
    empty_id = demo_store.add_plan(validate(Plan, {"name": "Zonder periode"}))
    through_sqlalchemy = Store(f"{demo_store.url}?timeout=30")
    assert through_sqlalchemy.path == demo_store.path

    def reads(store: Store) -> list:
        return [
            *(store.plan_tables(plan) for plan in (plan_id, empty_id)),
            store.activities(plan_id, include_deleted=True), store.plans(),
            store.plan(plan_id), store.plan(empty_id), store.activity_history(first),
            store.ids(plan_id), store.revisions(), store.is_empty(), current_plan_id(store),
            store.setting("current_plan"), store.schema_version(), store.integrity(),
        ]

    for ours, theirs in zip(reads(demo_store), reads(through_sqlalchemy), strict=True):
        if isinstance(ours, dict) and all(isinstance(v, pd.DataFrame) for v in ours.values()):
            for name in ours:
                pd.testing.assert_frame_equal(ours[name], theirs[name], check_exact=True)
        elif isinstance(ours, pd.DataFrame):
            pd.testing.assert_frame_equal(ours, theirs, check_exact=True)
        else:
            assert ours == theirs


@sqlite_only
def test_reading_a_store_file_leaves_sqlalchemy_unloaded_until_a_write(demo_store: Store):
    code = (
        "import sys\n"
        "from workbook.session import current_plan_id\nfrom workbook.store import open_store\n"
        "store = open_store()\n"
        "plan_id = current_plan_id(store)\n"
        "store.plan_tables(plan_id), store.plan(plan_id), store.plans(), store.setting('lang')\n"
        "assert 'sqlalchemy' not in sys.modules, 'read'\n"
        "store.set_setting('lang', 'en')\n"
        "assert 'sqlalchemy' in sys.modules and store.setting('lang') == 'en'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env=dict(os.environ))


def test_plan_fields_are_the_plans_without_the_record(demo_store: Store):
    plan_id = current_plan_id(demo_store)
    assert demo_store.plan_fields(plan_id) == demo_store.plan(plan_id).model_dump()
    bare = demo_store.add_plan(validate(Plan, {"name": "Zonder periode"}))
    assert demo_store.plan_fields(bare)["start"] is None
    with pytest.raises(StoreError):
        demo_store.plan_fields(9999)


def _rows_of(store: Store, tables: dict[str, list[str]]) -> dict[str, list[tuple]]:
    """The rows of ``tables`` (only the columns named), in a stable order."""
    with store.engine.connect() as conn:
        return {
            table: sorted((tuple(row) for row in conn.exec_driver_sql(
                "SELECT " + ", ".join(f'"{c}"' for c in columns) + f" FROM {table}")), key=repr)
            for table, columns in tables.items()
        }


def test_a_version_6_store_upgrades_to_7_with_nothing_lost(demo_store: Store):
    """On SQLite (after a backup copy) and on PostgreSQL: every row and value of a v6 store is
    there after the upgrade, and the new fields have their defaults."""
    url = demo_store.url
    with demo_store._write() as conn:
        for statement in V7_UNDONE:
            conn.exec_driver_sql(statement)
        set_meta(conn, "schema_version", "6")
    names = ("plans", "goals", "indicators", "activities", "measurements",
             "target_group_choices", "attention_checks", "activity_history")
    with demo_store.engine.connect() as conn:
        tables = {name: list(conn.exec_driver_sql(f"SELECT * FROM {name}").keys())
                  for name in names}
    before = _rows_of(demo_store, tables)
    demo_store.close()
    forget_open_stores()
    migrated = Store(url)
    assert migrated.schema_version() == 7
    assert _rows_of(migrated, tables) == before
    assert sum(len(rows) for rows in before.values()) > 100
    if url.startswith("sqlite"):
        assert migrated.backup_path.name.endswith(".v6.bak")
        with sqlite3.connect(migrated.backup_path) as backup:
            version = backup.execute("SELECT value FROM meta WHERE key='schema_version'")
            assert version.fetchone() == ("6",)
        backup.close()
    plan_id = current_plan_id(migrated)
    tables_now = migrated.plan_tables(plan_id)
    assert set(tables_now["indicators"]["level"]) == {"output"}
    assert set(tables_now["indicators"]["change"]) == {""}
    assert set(tables_now["goals"]["impact"]) == {""}
    assert set(tables_now["activities"]["period"]) == {"tijdens"}
    assert tables_now["reflections"].empty
    plan = migrated.plan(plan_id)
    assert plan.licence is None and plan.exploitation == "" and plan.maintenance == ""
    migrated.set_reflection(plan_id, validate(Reflection, {"question": "start_merken",
                                                           "answer": "Leerlingen vragen ernaar."}))
    assert migrated.reflections(plan_id)["answer"].tolist() == ["Leerlingen vragen ernaar."]
    migrated.close()


def test_the_new_fields_go_in_and_come_out(store: Store):
    plan_id = current_plan_id(store)
    store.update_plan(plan_id, validate(Plan, {
        "name": "Mijn plan", "licence": "CC BY 4.0", "exploitation": "Lespakketten in de vakgroep",
        "maintenance": "Vakgroep aardrijkskunde, op KlasCement"}))
    goal = store.add_goal(plan_id, validate(Goal, {
        "title": "CLIL ingebed", "level": "impact", "impact": "Meer taalgericht vakonderwijs",
        "impact_signal": "Scholen nemen CLIL op in hun schoolwerkplan"}))
    indicator = store.add_indicator(plan_id, validate(Indicator, {
        "name": "Leerkrachten die CLIL toepassen", "unit": "leerkrachten", "target": 15,
        "deadline": "2026-08-31", "kind": "stand", "goal_id": goal, "level": "outcome",
        "change": "Vakleerkrachten gebruiken CLIL-werkvormen in hun lessen"}), )
    store.add_activity(plan_id, activity(when="2028-01-10", period="na", indicator_id=indicator))
    store.set_reflection(plan_id, validate(Reflection, {"question": "start_merken", "answer": "a"}))
    store.set_reflection(plan_id, validate(Reflection, {"question": "start_merken", "answer": "b"}))
    plan, tables = store.plan(plan_id), store.plan_tables(plan_id)
    assert (plan.licence, plan.maintenance) == ("cc_by", "Vakgroep aardrijkskunde, op KlasCement")
    assert tables["goals"][["impact", "impact_signal"]].values.tolist() == [
        ["Meer taalgericht vakonderwijs", "Scholen nemen CLIL op in hun schoolwerkplan"]]
    assert tables["indicators"][["level", "change"]].values.tolist() == [
        ["outcome", "Vakleerkrachten gebruiken CLIL-werkvormen in hun lessen"]]
    assert tables["activities"]["period"].tolist() == ["na"]
    assert tables["reflections"].values.tolist() == [["start_merken", "b"]]
