"""The English edition: generated from the Dutch notebooks and their catalogs, never drifting."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from workbook import config, editions, i18n, sections
from workbook.forms.navigation import NOTEBOOKS


def _code_cells(path: Path) -> list[tuple[str, str, str]]:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return [(cell["id"], "".join(cell["source"]), json.dumps(cell["metadata"]))
            for cell in notebook["cells"] if cell["cell_type"] == "code"]


# ----- the committed editions ------------------------------------------------------------


def test_every_dutch_prose_cell_has_a_current_english_translation_and_the_edition_is_built():
    assert [str(problem) for problem in editions.problems("en")] == []


def test_both_editions_have_the_same_notebooks_cells_and_code_byte_for_byte():
    assert [path.stem for path in editions.source_notebooks()] == list(NOTEBOOKS)
    for stem in NOTEBOOKS:
        dutch = config.edition_dir("nl") / f"{stem}.ipynb"
        english = config.edition_dir("en") / f"{stem}.ipynb"
        assert _code_cells(english) == _code_cells(dutch), stem
        kinds = [(cell["cell_type"], cell["id"])
                 for cell in json.loads(english.read_text())["cells"]]
        assert kinds == [(cell["cell_type"], cell["id"])
                         for cell in json.loads(dutch.read_text())["cells"]], stem


def test_the_committed_english_notebooks_are_what_the_generator_makes():
    for path in editions.source_notebooks():
        committed = nbformat.read(editions.edition_path(path.stem, "en"), as_version=4)
        assert editions.without_outputs(committed) == editions.without_outputs(
            editions.generated(path, "en")), path.stem


def test_the_english_prose_is_english_and_keeps_the_links():
    for stem in NOTEBOOKS:
        dutch = nbformat.read(config.edition_dir() / f"{stem}.ipynb", as_version=4)
        english = nbformat.read(editions.edition_path(stem, "en"), as_version=4)
        for before, after in zip(editions.prose_cells(dutch), editions.prose_cells(english),
                                 strict=True):
            assert before[0] == after[0] and before[1] != after[1], (stem, before[0])
            assert editions._links(before[1]) == editions._links(after[1]), (stem, before[0])
        assert english.cells[0].source.startswith(f"# {stem[:2]} — ") or stem == "00-welkom"
        assert " je " not in english.cells[0].source, stem  # no Dutch left in the title cell


# ----- catalogs: extract, drift, build ---------------------------------------------------


def _notebook(*cells: tuple[str, str, str]) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    for kind, cell_id, source in cells:
        cell = (nbformat.v4.new_markdown_cell(source) if kind == "markdown"
                else nbformat.v4.new_code_cell(source))
        cell.id = cell_id
        notebook.cells.append(cell)
    return notebook


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A notebooks folder of its own with one Dutch notebook."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    monkeypatch.setattr(config, "NOTEBOOKS_DIR", folder)
    monkeypatch.setattr(editions, "LOCALE_DIR", folder / "locale")
    nbformat.write(_notebook(("markdown", "x-00", "# 01 — Waarom\n\nZie [02](02-wat.ipynb)."),
                             ("code", "x-01", "print('hallo')"),
                             ("markdown", "x-02", "## Verder")), folder / "01-x.ipynb")
    return folder


def _translate(path: Path, texts: dict[str, str]) -> None:
    catalog = editions.read_catalog(path, "en")
    for message in catalog:
        if message.id and message.context in texts:
            message.string = texts[message.context]
            message.flags.discard("fuzzy")
    path.write_bytes(editions._po_bytes(catalog))


def test_update_lists_every_new_dutch_cell_with_an_empty_translation(project: Path):
    [po] = editions.update("en")
    assert po == project / "locale" / "en" / "01-x.po"
    catalog = editions.read_catalog(po, "en")
    assert {(m.context, m.id, m.string) for m in catalog if m.id} == {
        ("x-00", "# 01 — Waarom\n\nZie [02](02-wat.ipynb).", ""), ("x-02", "## Verder", "")}
    problems = [p.message for p in editions.problems("en")]
    assert problems.count("no translation") == 2 and any("missing" in p for p in problems)
    assert editions.update("en") == []  # nothing new: the file stays as it is


def test_a_changed_dutch_cell_turns_its_translation_fuzzy_until_a_translator_updates_it(
        project: Path):
    editions.update("en")
    po = editions.catalog_path("01-x", "en")
    _translate(po, {"x-00": "# 01 — Why\n\nSee [02](02-wat.ipynb).", "x-02": "## Next"})
    editions.build("en")
    assert editions.problems("en") == []
    english = nbformat.read(project / "en" / "01-x.ipynb", as_version=4)
    assert [c.source for c in english.cells] == ["# 01 — Why\n\nSee [02](02-wat.ipynb).",
                                                 "print('hallo')", "## Next"]

    dutch = nbformat.read(project / "01-x.ipynb", as_version=4)
    dutch.cells[2].source = "## Verder naar 02"
    nbformat.write(dutch, project / "01-x.ipynb")
    assert [str(p) for p in editions.problems("en")] == [
        "01-x [x-02]: no translation", f"01-x [-]: {project / 'en' / '01-x.ipynb'} differs "
        "from its catalog: run python -m workbook editions build"]
    editions.update("en")
    message = editions.read_catalog(po, "en").get("## Verder naar 02", context="x-02")
    assert message.fuzzy and message.string == "## Next" and message.previous_id == ["## Verder"]
    assert "fuzzy" in editions.problems("en")[0].message
    editions.build("en")
    rebuilt = nbformat.read(project / "en" / "01-x.ipynb", as_version=4)
    assert rebuilt.cells[2].source == "## Verder naar 02"  # Dutch until translated again
    _translate(po, {"x-02": "## On to 02"})
    editions.build("en")
    assert editions.problems("en") == []


def test_a_translation_that_loses_a_link_is_a_problem(project: Path):
    editions.update("en")
    _translate(editions.catalog_path("01-x", "en"), {"x-00": "# 01 — Why", "x-02": "## Next"})
    editions.build("en")
    [problem] = editions.problems("en")
    assert problem.cell == "x-00" and "02-wat.ipynb" in problem.message


def test_a_removed_cell_keeps_its_translation_as_obsolete(project: Path):
    editions.update("en")
    po = editions.catalog_path("01-x", "en")
    _translate(po, {"x-00": "# 01 — Why\n\nSee [02](02-wat.ipynb).", "x-02": "## Next"})
    dutch = nbformat.read(project / "01-x.ipynb", as_version=4)
    del dutch.cells[2]
    nbformat.write(dutch, project / "01-x.ipynb")
    editions.update("en")
    catalog = editions.read_catalog(po, "en")
    assert [m.context for m in catalog if m.id] == ["x-00"]
    assert "#~ msgid \"## Verder\"" in po.read_text()


def test_building_keeps_the_outputs_of_unchanged_code_cells(project: Path):
    editions.update("en")
    editions.build("en")
    path = project / "en" / "01-x.ipynb"
    ran = nbformat.read(path, as_version=4)
    ran.cells[1].outputs = [nbformat.v4.new_output("stream", name="stdout", text="hallo\n")]
    nbformat.write(ran, path)
    assert editions.build("en") == []
    assert nbformat.read(path, as_version=4).cells[1].outputs[0]["text"] == "hallo\n"


# ----- which edition a kernel runs -------------------------------------------------------


def test_the_edition_is_the_notebooks_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    assert config.edition_of(config.PROJECT_DIR / "notebooks" / "en") == "en"
    assert config.edition_of(config.PROJECT_DIR / "notebooks") is None
    assert config.edition_of(tmp_path / "en") is None  # an "en" folder elsewhere is no edition
    assert config.running_edition() is None  # tests run in the project folder
    monkeypatch.chdir(config.edition_dir("en"))  # nbval, nbclient and Voilà: the kernel's cwd
    assert config.running_edition() == "en"
    monkeypatch.chdir(config.edition_dir("nl"))
    assert config.running_edition() is None
    # JupyterLab names the notebook (an absolute path) in JPY_SESSION_NAME
    monkeypatch.setenv("JPY_SESSION_NAME", str(config.edition_dir("en") / "01-waarom.ipynb"))
    assert config.running_edition() == "en"


def test_language_order_env_then_this_kernels_choice_then_edition_then_saved(
        monkeypatch: pytest.MonkeyPatch):
    i18n.set_saved_language("en")
    assert i18n.language() == "en"  # the Dutch notebooks follow the saved choice, as before
    monkeypatch.chdir(config.edition_dir("en"))
    i18n.set_saved_language("nl")
    assert i18n.language() == "en"  # the English edition speaks English without a setting
    i18n.set_language("nl")
    assert i18n.language() == "nl"  # the welcome form's choice, just made in this kernel
    monkeypatch.setenv("WORKBOOK_LANG", "en")
    assert i18n.language() == "en"  # the machine's fixed language wins
    assert i18n.language("nl") == "nl"  # an explicit language, always


# ----- the app view ----------------------------------------------------------------------


def test_the_app_view_reads_the_edition_of_its_language():
    for stem in NOTEBOOKS:
        dutch, english = sections.page_cells(stem, "nl"), sections.page_cells(stem, "en")
        assert [c for c in dutch if c.kind == "code"] == [c for c in english if c.kind == "code"]
        assert [c.text for c in dutch if c.kind == "html"] != [
            c.text for c in english if c.kind == "html"]
    assert sections.page_cells("01-waarom", "en")[0].text.startswith("<h1>01 — Why")
    assert sections.page_cells("01-waarom")[0].text.startswith("<h1>01 — Waarom")


def test_the_dutch_a_fuzzy_translation_was_made_from_survives_another_update(project: Path):
    dutch = nbformat.read(project / "01-x.ipynb", as_version=4)
    old = ("# 01 — Waarom\n\nEen lange zin die de regel van een catalogus zeker te lang maakt, "
           "met \"aanhalingstekens\" en een [link](02-wat.ipynb) erin.\n")
    dutch.cells[0].source = old
    nbformat.write(dutch, project / "01-x.ipynb")
    editions.update("en")
    po = editions.catalog_path("01-x", "en")
    _translate(po, {"x-00": "# 01 — Why\n\nSee [02](02-wat.ipynb).", "x-02": "## Next"})
    dutch.cells[0].source = "# 01 — Waarom?\n\nZie [02](02-wat.ipynb) en lees verder."
    nbformat.write(dutch, project / "01-x.ipynb")
    editions.update("en")
    dutch.cells[0].source += " Nog een wijziging."
    nbformat.write(dutch, project / "01-x.ipynb")
    editions.update("en")
    message = editions.read_catalog(po, "en").get(dutch.cells[0].source, context="x-00")
    assert message.fuzzy and message.previous_id == [old] and message.user_comments == []
    assert "# |" not in po.read_text()
