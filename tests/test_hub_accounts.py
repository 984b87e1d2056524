"""The hub's rules without a running hub: names, who is a facilitator of which workshops, and
a workshop made through (a stand-in for) the hub's REST API."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from workbook.hub import names
from workbook.hub.spawning import kind_of, workshops_of
from workbook.hub.workshops import create_workshop


def test_user_names_become_plan_names_and_database_roles(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("WORKBOOK_HUB_ROLE_PREFIX", raising=False)
    assert names.database_role("gent-1") == "wb_gent-1"
    monkeypatch.setenv("WORKBOOK_HUB_ROLE_PREFIX", "wbtest_")
    assert names.member_role() == "wbtest_member"
    for bad in ("Team Gent", "gent/1", "-gent", "a", "x" * 40):
        with pytest.raises(ValueError, match="user name"):
            names.check_username(bad)
    with pytest.raises(ValueError, match="workshop code"):
        names.workshop_group("Gent 2026")


def _user(groups: dict[str, list[str]]):
    """An orm user stand-in: groups with the roles JupyterHub gave them."""
    return SimpleNamespace(roles=[], groups=[
        SimpleNamespace(name=name, roles=[SimpleNamespace(name=role) for role in roles])
        for name, roles in groups.items()])


def test_the_role_comes_from_the_groups_and_so_do_the_workshops():
    lead = _user({"facilitator": ["facilitator"], "workshop-w1": [], "workshop-w2": []})
    team = _user({"team": ["team"], "workshop-w1": []})
    assert (kind_of(lead), workshops_of(lead)) == ("facilitator", ["w1", "w2"])
    assert (kind_of(team), workshops_of(team)) == ("team", ["w1"])


class FakeHub:
    def __init__(self) -> None:
        self.users: set[str] = set()
        self.groups: dict[str, set[str]] = {}

    def members(self, group: str) -> list[str]:
        return sorted(self.groups.get(group, ()))

    def ensure_user(self, name: str) -> None:
        self.users.add(names.check_username(name))

    def ensure_group(self, group: str, members: list[str]) -> None:
        self.groups.setdefault(group, set()).update(members)


def test_a_workshop_puts_each_name_in_its_role_group_and_the_workshop_group():
    hub = FakeHub()
    create_workshop(hub, "w1", ["lead-1"], ["team-a", "team-b"])
    create_workshop(hub, "w2", ["lead-1"], ["team-c"])
    assert hub.groups == {"facilitator": {"lead-1"}, "team": {"team-a", "team-b", "team-c"},
                          "workshop-w1": {"lead-1", "team-a", "team-b"},
                          "workshop-w2": {"lead-1", "team-c"}}
    with pytest.raises(ValueError, match="already team"):
        create_workshop(hub, "w3", ["team-a"], [])  # a team never becomes a facilitator
    with pytest.raises(ValueError, match="both facilitator and team"):
        create_workshop(hub, "w3", ["x1"], ["x1"])
    assert "workshop-w3" not in hub.groups
