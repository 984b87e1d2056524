"""The names the hub, the team servers and the database agree on (each defined once here)."""

from __future__ import annotations

import os
import re

#: JupyterHub groups that carry the two roles, and the prefix of a workshop's group.
TEAM_GROUP = TEAM_ROLE = "team"
FACILITATOR_GROUP = FACILITATOR_ROLE = "facilitator"
WORKSHOP_GROUP_PREFIX = "workshop-"

#: What a hub user name may be: it also names the team's plan and its database role.
USERNAME_PATTERN = r"^[a-z0-9][a-z0-9_-]{1,38}$"
_USERNAME = re.compile(USERNAME_PATTERN)
WORKSHOP_PATTERN = r"^[a-z0-9][a-z0-9-]{1,30}$"
_WORKSHOP = re.compile(WORKSHOP_PATTERN)

#: Database roles are shared by every database of a PostgreSQL server: their names start with
#: this prefix (``WORKBOOK_HUB_ROLE_PREFIX``), so a test run's roles never meet the hub's.
DEFAULT_ROLE_PREFIX = "wb_"

#: The page a team lands on after logging in, and a facilitator's: the one-page app view
#: (``workbook.forms.app``), one kernel for the whole visit, so moving on to the next notebook
#: swaps a section instead of starting a kernel. A server's root is the app's folder
#: (``share/app``): the one notebook there is all a browser can reach.
TEAM_LANDING = "/voila/render/werkboek.ipynb"
FACILITATOR_LANDING = f"{TEAM_LANDING}?page=06-overzicht-begeleider"

#: The environment variable that carries the store's URL to every server (as in the workbook).
DB_URL_VARIABLE = "WORKBOOK_DB_URL"


def check_username(name: str) -> str:
    if not _USERNAME.fullmatch(name):
        raise ValueError(f"user name {name!r}: use 2-39 of a-z, 0-9, '-' and '_' "
                         "(starting with a letter or digit)")
    return name


def check_workshop(code: str) -> str:
    if not _WORKSHOP.fullmatch(code):
        raise ValueError(f"workshop code {code!r}: use 2-31 of a-z, 0-9 and '-'")
    return code


def workshop_group(code: str) -> str:
    return WORKSHOP_GROUP_PREFIX + check_workshop(code)


def workshop_of_group(group: str) -> str | None:
    if group.startswith(WORKSHOP_GROUP_PREFIX):
        return group[len(WORKSHOP_GROUP_PREFIX):]
    return None


def role_prefix() -> str:
    prefix = os.environ.get("WORKBOOK_HUB_ROLE_PREFIX") or DEFAULT_ROLE_PREFIX
    if not re.fullmatch(r"[a-z][a-z0-9_]{0,15}_", prefix):
        raise ValueError(f"WORKBOOK_HUB_ROLE_PREFIX={prefix!r}: expected e.g. 'wb_'")
    return prefix


def member_role() -> str:
    """The NOLOGIN role that holds the table privileges every hub user's role inherits."""
    return role_prefix() + "member"


def database_role(username: str) -> str:
    """The PostgreSQL login role of a hub user (always quoted where it is used)."""
    return role_prefix() + check_username(username)
