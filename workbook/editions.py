"""The notebooks in other languages: generated from the Dutch notebook and a message catalog.

The Dutch notebook ``notebooks/NN-name.ipynb`` is the one source. The prose of another
language lives in a gettext catalog per notebook, ``notebooks/locale/<lang>/NN-name.po``, as
in multilingual Sphinx and Jupyter Book projects (sphinx-intl), read and written with Babel:
``msgctxt`` is the markdown cell's id, ``msgid`` the Dutch cell's source, ``msgstr`` its
translation. A Dutch cell that changes no longer matches its entry, so its translation turns
*fuzzy* (the old English kept, the old Dutch beside it as ``#| msgid``) until a translator
updates it; Poedit or Weblate show exactly those entries.

:func:`build` writes the edition ``notebooks/<lang>/NN-name.ipynb``: the same cells with the
same ids, the code cells byte for byte, the prose from the catalog (a cell without a current
translation keeps its Dutch text, and :func:`problems` names it). The file stems stay those of
the Dutch notebooks, so links between notebooks and the app view's ``?page=`` stay the same.
:func:`update` adds new and changed Dutch cells to the catalogs. ``python -m workbook editions
update|build|check`` runs them; ``make notebooks`` builds, then executes both editions.
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import nbformat
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, unescape, write_po

from . import config

LOCALE_DIR = config.NOTEBOOKS_DIR / "locale"
PROJECT = "Werkboek Disseminatie"
PROJECT_VERSION = "0.1.0"
HEADER = """\
# The prose of notebooks/{stem}.ipynb
# for its edition notebooks/{lang}/{stem}.ipynb.
# msgctxt: the markdown cell's id; msgid: the Dutch cell;
# msgstr: its translation. After a Dutch cell changed:
# python -m workbook editions update, translate what is empty
# or fuzzy, then make notebooks (README: The English edition)."""
# Link targets in markdown: [text](target) and <https://…>.
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
_LINKS = re.compile(r"\]\(([^)\s]+)\)|<(https?://[^>\s]+)>")


def source_notebooks() -> list[Path]:
    """The Dutch notebooks, in their order."""
    return sorted(config.NOTEBOOKS_DIR.glob("*.ipynb"))


def catalog_path(stem: str, lang: str) -> Path:
    return LOCALE_DIR / lang / f"{stem}.po"


def edition_path(stem: str, lang: str) -> Path:
    return config.edition_dir(lang) / f"{stem}.ipynb"


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def prose_cells(notebook: dict) -> list[tuple[str, str]]:
    """The markdown cells with text: (cell id, Dutch source)."""
    return [(cell["id"], _source(cell)) for cell in notebook["cells"]
            if cell["cell_type"] == "markdown" and _source(cell).strip()]


def read_catalog(path: Path, lang: str) -> Catalog:
    """The catalog at ``path``, or an empty one when there is none yet."""
    if not path.exists():
        return Catalog(locale=lang, project=PROJECT, domain=path.stem, fuzzy=False)
    with path.open("rb") as file:
        catalog = read_po(file, locale=lang, domain=path.stem)
    for message in [*catalog, *catalog.obsolete.values()]:
        _read_previous(message)
    return catalog


def _read_previous(message: Message) -> None:
    """Babel writes the previous msgid of a fuzzy entry (``#| msgid "…" "…"``, wrapped at
    spaces) but reads it back as a comment; make it the previous msgid again, so it survives
    the next update."""
    text = " ".join(comment[1:].strip() for comment in message.user_comments
                    if comment.startswith("|"))
    if not text.startswith("msgid "):
        return
    message.previous_id = ["".join(unescape(f'"{part}"') for part in _QUOTED.findall(text))]
    message.user_comments = [comment for comment in message.user_comments
                             if not comment.startswith("|")]


def _po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=76, include_previous=True)
    return buffer.getvalue()


def merged_catalog(notebook: dict, old: Catalog, lang: str, stem: str) -> Catalog:
    """The catalog for ``notebook``'s prose: a cell whose Dutch text is unchanged keeps its
    entry; a changed cell keeps its old translation marked fuzzy, with the Dutch it translated
    as the previous msgid; a new cell gets an empty translation; entries of cells that are
    gone become obsolete (kept at the end of the file, not used)."""
    now = datetime.now(UTC)
    kept = len(old) > 0
    new = Catalog(locale=lang, project=PROJECT, version=PROJECT_VERSION, domain=stem,
                  fuzzy=False, header_comment=HEADER.format(stem=stem, lang=lang),
                  copyright_holder=PROJECT, msgid_bugs_address="",
                  creation_date=old.creation_date if kept else now,
                  revision_date=old.revision_date if kept else now,
                  last_translator=old.last_translator if kept else PROJECT,
                  language_team=old.language_team if kept else lang)
    by_cell = {message.context: message for message in old if message.id}
    used = set()
    for cell_id, source in prose_cells(notebook):
        before = by_cell.get(cell_id)
        used.add(cell_id)
        if before is not None and before.id == source:
            new.add(source, before.string, flags=before.flags, previous_id=before.previous_id,
                    context=cell_id, user_comments=before.user_comments)
        elif before is not None and before.string:
            previous = before.previous_id if before.fuzzy and before.previous_id else before.id
            new.add(source, before.string, flags={"fuzzy"}, previous_id=previous,
                    context=cell_id, user_comments=before.user_comments)
        else:
            new.add(source, "", context=cell_id)
    for message in [*old, *old.obsolete.values()]:
        if message.id and message.context not in used and message.string:
            new.obsolete[(message.id, message.context)] = message
    return new


def update(lang: str, notebooks: Iterable[Path] | None = None) -> list[Path]:
    """Bring the catalogs of ``lang`` up to date with the Dutch notebooks; the changed files."""
    written = []
    for path in notebooks or source_notebooks():
        target = catalog_path(path.stem, lang)
        notebook = nbformat.read(path, as_version=4)
        old = read_catalog(target, lang)
        content = _po_bytes(merged_catalog(notebook, old, lang, path.stem))
        if not target.exists() or target.read_bytes() != content:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            written.append(target)
    return written


def translation(catalog: Catalog, cell_id: str, source: str) -> str | None:
    """The current translation of one cell, or None (missing, or fuzzy: the Dutch changed)."""
    message = catalog.get(source, context=cell_id)
    if message is None or message.fuzzy or not message.string:
        return None
    return message.string


def translated(notebook: dict, catalog: Catalog) -> nbformat.NotebookNode:
    """The edition of ``notebook``: prose from ``catalog`` (Dutch where it has no current
    translation), everything else as it is, code cells without outputs."""
    edition = copy.deepcopy(notebook)
    edition.metadata.pop("widgets", None)
    for cell in edition.cells:
        if cell.cell_type == "markdown":
            text = translation(catalog, cell.id, _source(cell))
            if text is not None:
                cell.source = text
        elif cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return edition


def generated(path: Path, lang: str) -> nbformat.NotebookNode:
    """The edition in ``lang`` of the Dutch notebook at ``path``, as :func:`build` makes it."""
    notebook = nbformat.read(path, as_version=4)
    return translated(notebook, read_catalog(catalog_path(path.stem, lang), lang))


def without_outputs(notebook: dict) -> list[tuple[str, str, str]]:
    """What an edition is made of, outputs left out: each cell's (type, id, source)."""
    return [(cell["cell_type"], cell["id"], _source(cell)) for cell in notebook["cells"]]


def build(lang: str, notebooks: Iterable[Path] | None = None) -> list[Path]:
    """Write the edition in ``lang`` of each Dutch notebook; the changed files.

    A code cell whose source did not change keeps the outputs of the edition's last run (so
    building twice changes nothing); ``make notebooks`` executes the edition afterwards.
    """
    written = []
    for path in notebooks or source_notebooks():
        edition = generated(path, lang)
        target = edition_path(path.stem, lang)
        if target.exists():
            before = nbformat.read(target, as_version=4)
            ran = {(cell.id, _source(cell)): cell for cell in before.cells
                   if cell.cell_type == "code"}
            for cell in edition.cells:
                previous = ran.get((cell.id, _source(cell)))
                if cell.cell_type == "code" and previous is not None:
                    cell.outputs = previous.outputs
                    cell.execution_count = previous.execution_count
            if "language_info" in before.metadata:
                edition.metadata["language_info"] = before.metadata["language_info"]
        edition.metadata["workbook_edition"] = {
            "language": lang, "generated_from": f"../{path.name}",
            "catalog": f"../locale/{lang}/{path.stem}.po",
            "note": "made by python -m workbook editions build: edit the catalog, not this file",
        }
        content = nbformat.writes(edition)
        content += "" if content.endswith("\n") else "\n"
        if not target.exists() or target.read_text(encoding="utf-8") != content:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
            written.append(target)
    return written


@dataclass(frozen=True)
class Problem:
    """Something that keeps an edition from matching its Dutch notebook."""

    notebook: str
    cell: str
    message: str

    def __str__(self) -> str:
        return f"{self.notebook} [{self.cell}]: {self.message}"


def _links(text: str) -> set[str]:
    return {first or second for first, second in _LINKS.findall(text)}


def problems(lang: str, notebooks: Iterable[Path] | None = None) -> list[Problem]:
    """Every Dutch cell without a current translation, every translation whose links differ
    from the Dutch cell's, and every committed edition that is not what :func:`build` makes
    from the catalogs (outputs left out)."""
    found = []
    for path in notebooks or source_notebooks():
        notebook = nbformat.read(path, as_version=4)
        catalog = read_catalog(catalog_path(path.stem, lang), lang)
        for cell_id, source in prose_cells(notebook):
            message = catalog.get(source, context=cell_id)
            if message is None or not message.string:
                found.append(Problem(path.stem, cell_id, "no translation"))
            elif message.fuzzy:
                found.append(Problem(path.stem, cell_id, "fuzzy: the Dutch changed since it "
                                     "was translated"))
            elif _links(message.string) != _links(source):
                found.append(Problem(path.stem, cell_id, "links differ from the Dutch cell: "
                                     f"{sorted(_links(source) ^ _links(message.string))}"))
        target = edition_path(path.stem, lang)
        if not target.exists():
            found.append(Problem(path.stem, "-", f"{target.name} is missing: run "
                                 "python -m workbook editions build"))
        elif without_outputs(nbformat.read(target, as_version=4)) != without_outputs(
                translated(notebook, catalog)):
            found.append(Problem(path.stem, "-", f"{target} differs from its catalog: run "
                                 "python -m workbook editions build"))
    return found
