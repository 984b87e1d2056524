"""``python -m workbook.hub workshop CODE --facilitator NAME --teams A B …``: a workshop, its
facilitators and its teams, made through the hub's REST API (the ``workshops`` service).

Each name becomes a hub user in the group of its role (``team`` or ``facilitator``) and in
the workshop's group (``workshop-CODE``). The team then signs up at ``/hub/signup`` with that
name and a password of its own; the hub keeps the password, the team logs in with it later.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass

from . import names
from .settings import HubSettings


class HubRefused(RuntimeError):
    """The hub answered a request with an error."""


@dataclass
class HubClient:
    url: str
    token: str

    def request(self, method: str, path: str, body: object | None = None,
                accept: tuple[int, ...] = ()) -> object:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"{self.url}/hub/api{path}", data=data, method=method,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                text = response.read()
        except urllib.error.HTTPError as error:
            if error.code in accept:
                return None
            raise HubRefused(f"{method} {path}: {error.code} {error.read().decode()[:300]}") \
                from None
        return json.loads(text) if text else None

    def ensure_user(self, name: str) -> None:
        self.request("POST", f"/users/{names.check_username(name)}", accept=(409,))

    def members(self, group: str) -> list[str]:
        found = self.request("GET", f"/groups/{group}", accept=(404,))
        return list(found["users"]) if isinstance(found, dict) else []

    def ensure_group(self, group: str, members: list[str]) -> None:
        self.request("POST", f"/groups/{group}", accept=(409,))
        if members:
            self.request("POST", f"/groups/{group}/users", {"users": members})


def create_workshop(client: HubClient, code: str, facilitators: list[str],
                    teams: list[str]) -> dict[str, list[str]]:
    """Make (or complete) a workshop; returns the members of each group it touched."""
    workshop = names.workshop_group(code)
    overlap = set(facilitators) & set(teams)
    if overlap:
        raise ValueError(f"both facilitator and team: {', '.join(sorted(overlap))}")
    for group, names_wanted, other in ((names.FACILITATOR_GROUP, facilitators, names.TEAM_GROUP),
                                       (names.TEAM_GROUP, teams, names.FACILITATOR_GROUP)):
        clash = set(names_wanted) & set(client.members(other))
        if clash:  # one account, one role: a facilitator would read its teams' workshops
            raise ValueError(f"already {other}, cannot be {group} too: {', '.join(sorted(clash))}")
    for name in [*facilitators, *teams]:
        client.ensure_user(name)
    groups = {names.FACILITATOR_GROUP: facilitators, names.TEAM_GROUP: teams,
              workshop: [*facilitators, *teams]}
    for group, members in groups.items():
        client.ensure_group(group, members)
    return groups


def client_from_settings(hub: HubSettings | None = None) -> HubClient:
    hub = hub or HubSettings.from_environment()
    return HubClient(hub.url, hub.secret("workshops-token"))
