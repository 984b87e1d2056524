"""The notebooks as sections of the one-page app view: prose as HTML, calls as code.

The notebook files stay the one source of prose and calls. The app view reads them here,
turns each markdown cell into HTML with the renderer Jupyter's own exporters use (mistune),
and keeps each code cell's source to run in the team's kernel. Nothing here imports widgets.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import mistune

from . import config

NOTEBOOKS_DIR = config.PROJECT_DIR / "notebooks"


@dataclass(frozen=True)
class Cell:
    """One cell of a notebook: ``html`` (rendered prose) or ``code`` (a call to run)."""

    kind: str
    text: str


def render_markdown(source: str) -> str:
    return mistune.html(source)


def notebook_cells(path: Path) -> tuple[Cell, ...]:
    """The cells of the notebook at ``path``, prose rendered, empty cells left out."""
    notebook = json.loads(Path(path).read_text(encoding="utf-8"))
    cells = []
    for cell in notebook.get("cells", ()):
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        if not source.strip():
            continue
        if cell.get("cell_type") == "markdown":
            cells.append(Cell("html", render_markdown(source)))
        elif cell.get("cell_type") == "code":
            cells.append(Cell("code", source))
    return tuple(cells)


@cache
def page_cells(stem: str, folder: Path = NOTEBOOKS_DIR) -> tuple[Cell, ...]:
    """The cells of ``notebooks/<stem>.ipynb``, read once per process."""
    return notebook_cells(folder / f"{stem}.ipynb")
