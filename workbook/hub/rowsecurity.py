"""A store on PostgreSQL shared by many teams, each plan readable and writable by its own team
only — enforced by the database, so no code a team might run can get past it.

Every hub user logs in to PostgreSQL as a role of its own (``wb_<name>``, a member of
:func:`~.names.member_role`, which holds the table privileges). Row-level security policies
on every plan table let a role see and change the rows of the plans it owns, and let a
facilitator see (not change) the plans of the teams of its workshops:

- ``plans.owner`` (filled with ``current_user`` on insert) says whose plan it is; a plan's
  name is unique per owner, so one team cannot take a name another team needs;
- ``meta.owner`` makes the store's settings (language, chosen plan) per role, and only
  ``setting.*`` keys are writable, so no team can touch the schema version;
- ``hub_members`` (workshop, role, kind) says who facilitates which teams; only the
  admin role reads it, through the ``werkboek_visible_owners()`` function.

The owner columns are the store's own layout in hub mode (a migration step of
:mod:`workbook.store.migrations`, with a copy of the tables first); :func:`prepare` opens the
store so, then adds the roles, grants and policies above once, under an advisory lock.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import psycopg
import sqlalchemy as sa
from psycopg import sql

from ..lazy import on_first_use
from .names import database_role, member_role

# The store (pandas and the records, ~0.5 s) only where the schema is made: not in the hub's
# process, which imports this module for the team's database role at each spawn.
store = on_first_use("workbook.store")

#: Tables that hold a plan's rows through ``plan_id``.
PLAN_TABLES = ("goals", "indicators", "activities", "target_group_choices",
               "attention_checks", "measurements", "reflections")
#: pg_advisory_xact_lock key for the security set-up ("werkboek" in hex, arbitrary).
LOCK_KEY = 0x7765726B626F656B
KINDS = ("team", "facilitator")


def conninfo(url: str) -> str:
    """A libpq URI for an SQLAlchemy URL (``postgresql+psycopg://…`` → ``postgresql://…``)."""
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise ValueError(f"{url!r}: row-level security needs a PostgreSQL URL")
    return parsed.set(drivername="postgresql").render_as_string(hide_password=False)


def member_url(url: str, role: str, password: str) -> str:
    """The store URL of ``url``'s database for a member role (what a team's server gets)."""
    parsed = sa.engine.make_url(url)
    return parsed.set(drivername="postgresql+psycopg", username=role,
                      password=password).render_as_string(hide_password=False)


@contextmanager
def _admin(url: str) -> Iterator[psycopg.Connection]:
    with psycopg.connect(conninfo(url)) as conn, conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
        yield conn


def ensure_database(url: str) -> bool:
    """Create the database of ``url`` when the server lacks it; True when it was created."""
    parsed = sa.engine.make_url(url)
    maintenance = conninfo(parsed.set(database="postgres").render_as_string(False))
    with psycopg.connect(maintenance, autocommit=True) as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                             (parsed.database,)).fetchone()
        if found:
            return False
        try:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(parsed.database)))
        except psycopg.errors.DuplicateDatabase:  # another process made it a moment ago
            return False
    return True


def _security_sql() -> list[str]:
    owned_plans = "SELECT id FROM plans WHERE owner = current_user"
    member = member_role()
    statements = [
        f"""DO $$ BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{member}') THEN
                CREATE ROLE {member} NOLOGIN;
              END IF;
            END $$""",
        """CREATE TABLE IF NOT EXISTS hub_members (
              workshop text NOT NULL,
              role_name text NOT NULL,
              kind text NOT NULL CHECK (kind IN ('team', 'facilitator')),
              PRIMARY KEY (workshop, role_name))""",
        "REVOKE ALL ON hub_members FROM PUBLIC",
        """CREATE OR REPLACE FUNCTION werkboek_visible_owners() RETURNS SETOF text
              LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
                SELECT team.role_name FROM hub_members team
                JOIN hub_members lead ON lead.workshop = team.workshop
                WHERE lead.role_name = session_user AND lead.kind = 'facilitator'
                  AND team.kind = 'team'
              $$""",
        "REVOKE ALL ON FUNCTION werkboek_visible_owners() FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION werkboek_visible_owners() TO {member}",
        f"""GRANT SELECT, INSERT, UPDATE, DELETE ON plans, activity_history, meta,
              {", ".join(PLAN_TABLES)} TO {member}""",
        f"GRANT SELECT, INSERT, UPDATE ON revisions TO {member}",
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {member}",
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
    ]
    policies = {
        "plans": ("owner = current_user",
                  "owner IN (SELECT werkboek_visible_owners())"),
        "activity_history": (
            f"activity_id IN (SELECT id FROM activities WHERE plan_id IN ({owned_plans}))",
            "activity_id IN (SELECT id FROM activities)"),
        "meta": ("owner = current_user AND key LIKE 'setting.%'",
                 "owner = current_user OR key NOT LIKE 'setting.%'"),
        **{table: (f"plan_id IN ({owned_plans})", "plan_id IN (SELECT id FROM plans)")
           for table in PLAN_TABLES},
    }
    for table, (own, readable) in policies.items():
        statements += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"DROP POLICY IF EXISTS werkboek_own ON {table}",
            f"CREATE POLICY werkboek_own ON {table} FOR ALL TO {member} "
            f"USING ({own}) WITH CHECK ({own})",
            f"DROP POLICY IF EXISTS werkboek_read ON {table}",
            f"CREATE POLICY werkboek_read ON {table} FOR SELECT TO {member} "
            f"USING ({readable})",
        ]
    return statements


def prepare(url: str) -> None:
    """Make the store's schema in hub mode (the store does it, owner columns included) and
    the roles and policies above, once;
    ``url`` is an admin's (the tables' owner, allowed to create roles)."""
    # One process at a time: the store's schema and the policies are made once.
    with psycopg.connect(conninfo(url), autocommit=True) as lock:
        lock.execute("SELECT pg_advisory_lock(%s)", (LOCK_KEY,))
        try:
            store.Store(url, hub=True).close()
            with psycopg.connect(conninfo(url)) as conn, conn.transaction():
                for statement in _security_sql():
                    conn.execute(statement)
        finally:
            lock.execute("SELECT pg_advisory_unlock(%s)", (LOCK_KEY,))


def new_password() -> str:
    return secrets.token_urlsafe(24)


def ensure_member(url: str, username: str, kind: str, workshops: Iterable[str],
                  password: str) -> str:
    """Make (or update) the login role of a hub user, with ``password``, and record which
    workshops it belongs to as ``kind`` (team or facilitator); returns the role's name."""
    if kind not in KINDS:
        raise ValueError(f"kind {kind!r}: expected one of {', '.join(KINDS)}")
    role = database_role(username)
    name = sql.Identifier(role)
    with _admin(url) as conn:
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN NOINHERIT").format(name))
        conn.execute(sql.SQL("ALTER ROLE {} LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE "
                             "NOBYPASSRLS CONNECTION LIMIT 20 PASSWORD {}").format(
            name, sql.Literal(password)))
        conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(member_role()), name))
        conn.execute("DELETE FROM hub_members WHERE role_name = %s", (role,))
        for workshop in sorted(set(workshops)):
            conn.execute("INSERT INTO hub_members (workshop, role_name, kind) VALUES (%s, %s, %s)",
                         (workshop, role, kind))
    return role


def delete_member(url: str, username: str) -> int:
    """Delete everything a hub user's role owns (its plans with all their rows, its settings)
    and the role itself; returns the number of plans deleted."""
    role = database_role(username)
    with _admin(url) as conn:
        conn.execute("DELETE FROM activity_history WHERE activity_id IN (SELECT a.id FROM "
                     "activities a JOIN plans p ON p.id = a.plan_id WHERE p.owner = %s)", (role,))
        deleted = conn.execute("DELETE FROM plans WHERE owner = %s", (role,)).rowcount
        conn.execute("DELETE FROM meta WHERE owner = %s", (role,))
        conn.execute("DELETE FROM hub_members WHERE role_name = %s", (role,))
        if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone():
            conn.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))
    return deleted
