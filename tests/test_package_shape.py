"""Small modules with one job (issue 16): every module of the package under 500 lines and
every class under 300, counted as the source stands (a class from its first decorator to its
last line)."""

from __future__ import annotations

import ast
from pathlib import Path

import workbook

PACKAGE = Path(workbook.__file__).parent
MODULE_LINES, CLASS_LINES = 500, 300


def _sources() -> list[Path]:
    return [path for path in sorted(PACKAGE.rglob("*.py")) if "share" not in path.parts]


def test_every_module_is_under_500_lines():
    long = {path.relative_to(PACKAGE).as_posix(): lines for path in _sources()
            if (lines := len(path.read_text().splitlines())) >= MODULE_LINES}
    assert long == {}


def test_every_class_is_under_300_lines():
    long = {}
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ClassDef):
                start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                if node.end_lineno - start + 1 >= CLASS_LINES:
                    long[f"{path.relative_to(PACKAGE).as_posix()}::{node.name}"] = (
                        node.end_lineno - start + 1)
    assert long == {}
