"""deploy/values.yaml (Zero to JupyterHub) describes the same hub as `make hub`
(deploy/jupyterhub_config.py): the same image as `make image` builds, the same database URL
variable, authenticator, roles, landing page, server config and culling; and environment.yml
holds what that image and the design card's tests need."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml
from traitlets.config.loader import PyFileConfigLoader

from workbook.hub import names, settings

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"


@pytest.fixture
def values() -> dict:
    return yaml.safe_load((DEPLOY / "values.yaml").read_text())


@pytest.fixture
def local_hub(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The local hub's configuration, as JupyterHub loads it."""
    monkeypatch.setenv("WORKBOOK_HUB_STATE", str(tmp_path / "state"))
    return PyFileConfigLoader(settings.HUB_CONFIG.name, path=str(DEPLOY)).load_config()


def test_values_name_the_image_that_make_image_builds(values):
    makefile = (ROOT / "Makefile").read_text()
    image = re.search(r"^IMAGE \?= (\S+)$", makefile, re.M)[1]
    version = re.search(r"^VERSION \?= (\S+)$", makefile, re.M)[1]
    assert values["singleuser"]["image"] == {"name": image, "tag": version}
    assert "repo2docker" in makefile  # built from environment.yml


def test_values_use_the_local_hubs_authenticator_database_variable_and_roles(values, local_hub):
    hub = values["hub"]
    assert hub["config"]["JupyterHub"]["authenticator_class"] \
        == local_hub.JupyterHub.authenticator_class == settings.AUTHENTICATOR_CLASS
    assert names.DB_URL_VARIABLE in hub["extraEnv"]
    assert "WORKBOOK_DB_URL" in (DEPLOY / "z2jh_config.py").read_text()
    assert hub["db"]["type"] == "postgres" and hub["db"]["url"].startswith("postgresql")
    for key in ("minimum_password_length", "open_signup", "allowed_failed_logins"):
        assert hub["config"]["NativeAuthenticator"][key] == local_hub.NativeAuthenticator[key]
    assert hub["config"]["Authenticator"]["username_pattern"] == names.USERNAME_PATTERN
    local_roles = {role["name"]: role for role in local_hub.JupyterHub.load_roles}
    for name, role in hub["loadRoles"].items():
        assert role["scopes"] == local_roles[name]["scopes"], name
    assert set(hub["config"]["JupyterHub"]["custom_scopes"]) \
        == set(local_hub.JupyterHub.custom_scopes)
    assert [Path(path).relative_to(Path(path).parents[1]) for path
            in hub["config"]["JupyterHub"]["template_paths"]] \
        == [Path(path).relative_to(ROOT) for path in local_hub.JupyterHub.template_paths]


def test_values_give_each_team_the_same_server_culling_and_limits(values, local_hub):
    user = values["singleuser"]
    assert user["defaultUrl"] == local_hub.Spawner.default_url == names.TEAM_LANDING
    assert [Path(arg.split("=", 1)[1]).name for arg in user["args"]] \
        == [Path(arg.split("=", 1)[1]).name for arg in local_hub.Spawner.args]
    assert Path(user["notebookDir"]).name == Path(local_hub.Spawner.notebook_dir).name
    assert user["storage"]["type"] == "none"  # the plans live in PostgreSQL only
    assert user["memory"]["limit"] and user["cpu"]["limit"]
    culler = next(s for s in local_hub.JupyterHub.services if s["name"] == "idle-culler")
    assert values["cull"]["enabled"] is True
    assert f"--timeout={values['cull']['timeout']}" in culler["command"]


def test_environment_lists_what_the_image_and_the_tests_need():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = {re.split(r"[<>=!~ ]", d, maxsplit=1)[0]: d for d in environment["dependencies"]
             if isinstance(d, str)}
    extras = project["optional-dependencies"]
    for requirement in [*extras["test"], *extras["hub"]]:
        plain = re.sub(r"\[.*?\]", "", requirement.replace(" ", ""))
        name = re.split(r"[<>=!~]", plain, maxsplit=1)[0]
        assert conda.get(name) == plain, requirement
    assert "nbval" in conda


def test_a_hub_users_server_runs_voila_as_the_room_does():
    """The settings that keep a page from hanging or giving up are the app's own."""
    from workbook import app

    server = PyFileConfigLoader("jupyter_server_config.py", path=str(DEPLOY)).load_config()
    shared = ("--AsyncKernelManager.", "--VoilaExecutor.", "--MappingKernelManager.")
    room = [a for a in app.voila_arguments("127.0.0.1", 8866, None) if a.startswith(shared)]
    assert len(room) == 5, room
    for argument in room:
        name, _, value = argument[2:].partition("=")
        section, _, trait = name.partition(".")
        assert str(server[section][trait]) == value, argument
