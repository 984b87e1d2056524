"""A team's plan is its own, enforced by PostgreSQL: every hub user logs in as a role of its
own, and row-level security lets it reach only its own plan's rows (a facilitator: also read
those of its workshops' teams). The honest path goes through the workbook's store; the
attempts use plain SQL with the team's own credentials, as code a team ran would."""

from __future__ import annotations

import psycopg
import pytest
from pg import fresh_database

from workbook import model
from workbook.hub import rowsecurity
from workbook.model import Activity
from workbook.store import Store, migrations

pytestmark = pytest.mark.postgres

PASSWORDS = {"team-a": "pw-a", "team-b": "pw-b", "lead-1": "pw-l1", "lead-2": "pw-l2"}


def activity(what: str) -> Activity:
    return model.validate(Activity, {"context": "binnen_school", "what": what,
                                     "target_groups": ["ouders"], "channels": ["schoolwebsite"],
                                     "when": "2026-05-12", "price": 40})


@pytest.fixture
def hub_db(monkeypatch: pytest.MonkeyPatch):
    """A prepared store: teams a and b and facilitator lead-1 in workshop w1, lead-2 in w2;
    each team has a plan named after it with one planning row."""
    with fresh_database(monkeypatch) as (admin, _prefix):
        rowsecurity.prepare(admin)
        roles = {}
        for name, kind, workshop in (("team-a", "team", "w1"), ("team-b", "team", "w1"),
                                     ("lead-1", "facilitator", "w1"),
                                     ("lead-2", "facilitator", "w2")):
            roles[name] = rowsecurity.ensure_member(admin, name, kind, [workshop],
                                                    PASSWORDS[name])
        urls = {name: rowsecurity.member_url(admin, role, PASSWORDS[name])
                for name, role in roles.items()}
        ids = {}
        for team in ("team-a", "team-b"):
            store = Store(urls[team])
            plan_id = store.add_plan(model.Plan(name=team))
            ids[team] = (plan_id, store.add_activity(plan_id, activity(f"Infoavond {team}")))
            store.close()
        yield {"admin": admin, "urls": urls, "roles": roles, "ids": ids}


def sql_as(hub_db: dict, name: str) -> psycopg.Connection:
    """A plain connection with a hub user's own credentials (autocommit)."""
    return psycopg.connect(rowsecurity.conninfo(hub_db["urls"][name]), autocommit=True)


def plan_names(url: str) -> list[str]:
    store = Store(url)
    try:
        return sorted(store.plans()["name"])
    finally:
        store.close()


def test_each_team_reads_and_writes_its_own_plan_through_the_store(hub_db):
    store = Store(hub_db["urls"]["team-a"])
    plan_id, _ = hub_db["ids"]["team-a"]
    assert sorted(store.plans()["name"]) == ["team-a"]
    store.add_activity(plan_id, activity("Nieuwsbrief team-a"))
    store.set_setting("lang", "en")
    assert sorted(store.activities(plan_id)["what"]) == ["Infoavond team-a", "Nieuwsbrief team-a"]
    assert store.setting("lang") == "en"
    store.close()
    other = Store(hub_db["urls"]["team-b"])
    assert sorted(other.plans()["name"]) == ["team-b"]
    assert other.setting("lang") is None  # settings are per team
    # a plan named like another team's is the team's own, and does not clash
    own_copy = other.add_plan(model.Plan(name="team-a"))
    assert list(other.activities(own_copy)["what"]) == []
    other.close()


def test_a_facilitator_sees_the_teams_of_its_own_workshop_only(hub_db):
    assert plan_names(hub_db["urls"]["lead-1"]) == ["team-a", "team-b"]
    assert plan_names(hub_db["urls"]["lead-2"]) == []
    store = Store(hub_db["urls"]["lead-1"])
    plan_b, _ = hub_db["ids"]["team-b"]
    assert list(store.activities(plan_b)["what"]) == ["Infoavond team-b"]
    store.close()
    with sql_as(hub_db, "lead-1") as conn:  # reading is all a facilitator may do
        assert conn.execute("UPDATE activities SET what = 'x'").rowcount == 0
        assert conn.execute("DELETE FROM plans").rowcount == 0


def test_team_a_cannot_read_or_change_team_b_rows_with_its_own_credentials(hub_db):
    plan_b, row_b = hub_db["ids"]["team-b"]
    plan_a, row_a = hub_db["ids"]["team-a"]
    with sql_as(hub_db, "team-a") as conn:
        for table in ("plans", "activities", "activity_history"):
            count = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            assert count == 1, table  # its own only
        assert conn.execute("SELECT * FROM activities WHERE plan_id = %s", (plan_b,)).fetchall() \
            == []
        assert conn.execute("UPDATE activities SET what = 'weg' WHERE id = %s",
                            (row_b,)).rowcount == 0
        assert conn.execute("DELETE FROM activities WHERE id = %s", (row_b,)).rowcount == 0
        assert conn.execute("DELETE FROM plans WHERE id = %s", (plan_b,)).rowcount == 0
        refused = [
            ("INSERT INTO measurements (plan_id, indicator_id, measured_on, value) "
             "VALUES (%s, 1, '2026-01-01', 1)", (plan_b,)),
            ("UPDATE activities SET plan_id = %s WHERE id = %s", (plan_b, row_a)),
            ("UPDATE plans SET owner = %s WHERE id = %s", (hub_db["roles"]["team-b"], plan_a)),
            ("INSERT INTO meta (key, value) VALUES ('schema_version', '1')", None),
            ("SELECT * FROM hub_members", None),
            (f"SET ROLE \"{hub_db['roles']['team-b']}\"", None),
            ("ALTER TABLE activities DISABLE ROW LEVEL SECURITY", None),
            ("CREATE TABLE mine (x int)", None),
        ]
        for statement, params in refused:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement, params)
        assert conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'") \
            .rowcount == 0
    admin = Store(hub_db["admin"])  # nothing of team b changed
    assert list(admin.activities(plan_b)["what"]) == ["Infoavond team-b"]
    admin.close()


def test_deleting_a_team_removes_its_plans_and_its_role(hub_db):
    assert rowsecurity.delete_member(hub_db["admin"], "team-a") == 1
    assert plan_names(hub_db["admin"]) == ["team-b"]
    with pytest.raises(psycopg.OperationalError):
        sql_as(hub_db, "team-a").close()


def test_preparing_again_keeps_the_plans_and_the_policies(hub_db):
    rowsecurity.prepare(hub_db["admin"])
    assert plan_names(hub_db["urls"]["team-a"]) == ["team-a"]
    assert plan_names(hub_db["urls"]["lead-1"]) == ["team-a", "team-b"]


# ----- the hub layout is a migration step of the store (workbook/store/migrations.py) -----

def _columns(conn: psycopg.Connection, table: str) -> list[str]:
    return [row[0] for row in conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
        "AND table_name = %s ORDER BY ordinal_position", (table,))]


def _backups(conn: psycopg.Connection) -> list[str]:
    return [row[0] for row in conn.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = %s "
        "ORDER BY table_name", (migrations.BACKUP_SCHEMA,))]


def test_hub_mode_migrates_a_plain_store_after_copying_the_tables_it_changes(monkeypatch):
    with fresh_database(monkeypatch) as (admin, _prefix):
        plain = Store(admin)
        plain.add_plan(model.Plan(name="van voor de hub"))
        plain.set_setting("lang", "en")
        plain.close()
        with psycopg.connect(rowsecurity.conninfo(admin)) as conn:
            assert "owner" not in _columns(conn, "plans")
        hub = Store(admin, hub=True)
        assert hub.schema_version() == migrations.SCHEMA_VERSION
        assert migrations.schema_version(hub, "hub_version") == migrations.HUB_VERSION
        assert list(hub.plans()["name"]) == ["van voor de hub"]
        hub.close()
        with psycopg.connect(rowsecurity.conninfo(admin)) as conn:
            assert "owner" in _columns(conn, "plans") and "owner" in _columns(conn, "meta")
            assert _backups(conn) == ["meta_hub0", "plans_hub0"]
            kept = conn.execute(f"SELECT name FROM {migrations.BACKUP_SCHEMA}.plans_hub0")
            assert [row[0] for row in kept] == ["van voor de hub"]
            copied = conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = %s "
                "AND table_name = 'plans_hub0'", (migrations.BACKUP_SCHEMA,))
            assert "owner" not in {row[0] for row in copied}  # the table as it was
        Store(admin, hub=True).close()  # at the hub version: nothing to do, no second copy
        rowsecurity.prepare(admin)
        with psycopg.connect(rowsecurity.conninfo(admin)) as conn:
            assert _backups(conn) == ["meta_hub0", "plans_hub0"]


def test_a_new_hub_store_is_made_in_the_hub_layout_without_a_copy(monkeypatch):
    with fresh_database(monkeypatch) as (admin, _prefix):
        rowsecurity.prepare(admin)
        with psycopg.connect(rowsecurity.conninfo(admin)) as conn:
            assert "owner" in _columns(conn, "plans")
            assert _backups(conn) == []
            unique = conn.execute("SELECT indexdef FROM pg_indexes WHERE indexname = "
                                  "'plans_owner_name'").fetchone()[0]
            assert "(owner, name)" in unique


def test_hub_mode_needs_postgresql(tmp_path):
    with pytest.raises(ValueError, match="PostgreSQL"):
        Store(f"sqlite:///{tmp_path / 'werkboek.sqlite'}", hub=True)
