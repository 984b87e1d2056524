"""What the hub does before it starts a hub user's server: give the user's database role a
fresh password and its workshops, and hand the server the store URL for that role only."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

from ..app import APP_NOTEBOOK
from . import names, rowsecurity


def roles_of(user: Any) -> set[str]:
    """The JupyterHub roles of an orm user: its own and those of its groups."""
    found = {role.name for role in user.roles}
    for group in user.groups:
        found |= {role.name for role in group.roles}
    return found


def kind_of(user: Any) -> str:
    return "facilitator" if names.FACILITATOR_ROLE in roles_of(user) else "team"


def workshops_of(user: Any) -> list[str]:
    return sorted(filter(None, (names.workshop_of_group(group.name) for group in user.groups)))


def server_environment(store_admin_url: str, username: str, kind: str,
                       workshops: list[str]) -> dict[str, str]:
    """Make the role (new password each start) and return the server's environment."""
    password = rowsecurity.new_password()
    role = rowsecurity.ensure_member(store_admin_url, username, kind, workshops, password)
    environment = {
        names.DB_URL_VARIABLE: rowsecurity.member_url(store_admin_url, role, password),
        "WORKBOOK_LANG": os.environ.get("WORKBOOK_LANG", "nl"),
    }
    if kind == "team":
        environment["WORKBOOK_PLAN"] = username  # the team's plan bears its login name
    for name in ("WORKBOOK_TODAY", "WORKBOOK_CATALOG"):
        if os.environ.get(name):
            environment[name] = os.environ[name]
    return environment


def make_pre_spawn_hook(store_admin_url: str):
    """The ``Spawner.pre_spawn_hook`` of the hub (deploy/jupyterhub_config.py)."""

    async def pre_spawn_hook(spawner: Any) -> None:
        user = spawner.user.orm_user
        kind = kind_of(user)
        environment = await asyncio.to_thread(
            server_environment, store_admin_url, spawner.user.name, kind, workshops_of(user))
        spawner.environment.update(environment)
        spawner.default_url = (names.FACILITATOR_LANDING if kind == "facilitator"
                               else names.TEAM_LANDING)
        spawner.log.info("%s %s: workshops %s", kind, spawner.user.name, workshops_of(user))

    return pre_spawn_hook


def notebooks_dir() -> Path:
    """A hub user's server root: the folder of the app view's notebook."""
    return APP_NOTEBOOK.parent
