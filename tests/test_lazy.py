"""One lazy-import device (workbook.lazy), and the modules it defers stay unloaded.

The package imports late only through :mod:`workbook.lazy`: no ``import`` inside a function
(but the two listed below, which are not about speed), no ``importlib`` elsewhere, no
hand-written module ``__getattr__``. Each deferral saves 50 ms or more (ARCHITECTURE.md);
the subprocess checks show the deferred modules are indeed not loaded by their users.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import workbook
from workbook.lazy import names_from, on_first_use

PACKAGE = Path(workbook.__file__).parent

# Imports inside a function that are not a late import for speed, and why.
FUNCTION_IMPORTS = {
    ("cli.py", "_load_extensions"): "exchange_cli imports cli to register its subcommands",
    ("forms/app.py", "preload"): "the opposite: loads the pages' modules early, on purpose",
}


def _modules() -> list[tuple[str, ast.Module]]:
    return [(path.relative_to(PACKAGE).as_posix(), ast.parse(path.read_text()))
            for path in sorted(PACKAGE.rglob("*.py")) if "share" not in path.parts]


def test_no_import_inside_a_function_but_the_listed_ones():
    found = set()
    for name, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and any(
                    isinstance(sub, ast.Import | ast.ImportFrom) for sub in ast.walk(node)):
                found.add((name, node.name))
    assert found == set(FUNCTION_IMPORTS)


def test_importlib_and_module_getattr_only_through_workbook_lazy():
    for name, tree in _modules():
        if name == "lazy.py":
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                modules = [node.module] if isinstance(node, ast.ImportFrom) else [
                    alias.name for alias in node.names]
                assert "importlib" not in modules, name
        top_functions = [n.name for n in tree.body if isinstance(n, ast.FunctionDef)]
        assert "__getattr__" not in top_functions, f"{name}: use workbook.lazy.names_from"


def test_on_first_use_imports_on_the_first_attribute():
    code = ("import sys\nfrom workbook.lazy import on_first_use\n"
            "m = on_first_use('colorsys')\nassert 'colorsys' not in sys.modules\n"
            "assert m.rgb_to_hsv(1, 0, 0)[0] == 0\nassert 'colorsys' in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_names_from_gives_the_names_and_refuses_others():
    getter = names_from("os.path", ["join"], "somewhere")
    assert getter("join") is __import__("os").path.join
    with pytest.raises(AttributeError, match="'somewhere' has no attribute 'split'"):
        getter("split")
    assert on_first_use("os.path").sep == "/"


@pytest.mark.parametrize(
    ("module", "deferred"),
    [
        ("workbook", ["workbook.api", "pandas"]),
        ("workbook.model", ["workbook.records", "pydantic"]),
        ("workbook.cli", ["pandas", "workbook.store", "workbook.demo", "voila.app"]),
        ("workbook.app", ["voila.app", "workbook.kernels", "workbook.store"]),
        ("workbook.kernels", ["ipykernel.kernelapp"]),
        ("workbook.tablefile", ["openpyxl"]),
        ("workbook.export", ["openpyxl", "jinja2", "workbook.charts", "matplotlib"]),
        ("workbook.facilitator.files", ["openpyxl", "jinja2", "workbook.export.report"]),
        ("workbook.forms.exchange", ["workbook.importer"]),
        ("workbook.forms.plan", ["workbook.demo"]),
        ("workbook.forms.app", ["voila.utils"]),
        ("workbook.hub.rowsecurity", ["workbook.store"]),
    ],
)
def test_deferred_modules_stay_unloaded(module, deferred):
    code = (f"import sys, {module}\n"
            f"print([m for m in {deferred!r} if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True).stdout.strip()
    assert out == "[]", f"{module} loaded {out}"
