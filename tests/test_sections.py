"""The notebooks read as sections of the one-page app view."""

from __future__ import annotations

import json
from pathlib import Path

from workbook import sections
from workbook.forms.navigation import NOTEBOOKS


def test_every_notebook_becomes_prose_and_the_calls_of_its_code_cells():
    for stem in NOTEBOOKS:
        cells = sections.page_cells(stem)
        notebook = json.loads((sections.NOTEBOOKS_DIR / f"{stem}.ipynb").read_text())
        code = ["".join(cell["source"]) for cell in notebook["cells"]
                if cell["cell_type"] == "code"]
        assert [cell.text for cell in cells if cell.kind == "code"] == code
        prose = [cell for cell in cells if cell.kind == "html"]
        assert prose and prose[0].text.startswith("<h1>"), stem


def test_prose_keeps_links_tables_and_emphasis(tmp_path: Path):
    notebook = {"cells": [
        {"cell_type": "markdown", "metadata": {},
         "source": ["## Verder\n", "\n", "Ga naar **[01 — Waarom](01-waarom.ipynb)**.\n", "\n",
                    "| wat | prijs |\n", "|---|---|\n", "| affiche | 20 |\n"]},
        {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
         "source": "from workbook.forms import plan; plan.show()"},
        {"cell_type": "markdown", "metadata": {}, "source": "   "},
    ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path = tmp_path / "x.ipynb"
    path.write_text(json.dumps(notebook))
    html, code = sections.notebook_cells(path)
    assert html.kind == "html"
    assert '<a href="01-waarom.ipynb">01 — Waarom</a>' in html.text
    assert "<strong>" in html.text and "<table>" in html.text and "<td>affiche</td>" in html.text
    assert code == sections.Cell("code", "from workbook.forms import plan; plan.show()")
