"""environment.yml (conda, Binder) and pyproject.toml list the same packages with the same pins."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ ;\[]", requirement, maxsplit=1)[0].strip().lower()


def test_environment_lists_the_pyproject_dependencies_with_the_same_pins():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert environment["channels"] == ["conda-forge"]
    conda = [d for d in environment["dependencies"] if isinstance(d, str)]
    pip = next(d["pip"] for d in environment["dependencies"] if isinstance(d, dict))
    assert "pip" in conda and "-e ." in pip
    assert any(d.startswith("python=3.11") for d in conda)
    # a requirement with an extra ("psycopg[binary]") is installed by pip, as written
    conda_pins = {_name(d): d.replace(" ", "") for d in [*conda, *pip]}
    for requirement in project["dependencies"]:
        assert conda_pins.get(_name(requirement)) == requirement.replace(" ", ""), requirement
        if "[" in requirement:
            assert requirement in pip, requirement
    assert project["requires-python"] == ">=3.11"


def test_pytest_is_bounded_for_nbval():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]
    pytest_pin = next(r for r in extras["test"] if _name(r) == "pytest")
    assert "<" in pytest_pin
    assert any(_name(r) == "nbval" for r in extras["test"])


def test_the_users_store_is_git_ignored():
    ignored = (ROOT / ".gitignore").read_text().splitlines()
    assert "data/*.sqlite" in ignored and "/exports/" in ignored
