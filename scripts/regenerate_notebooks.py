"""Re-run every notebook on a fresh copy of the demo plan and store its outputs.

The notebooks are committed with these outputs because nbval compares them. Widget state
is not stored (it changes on every run and makes diffs unreadable). The editions in other
languages (notebooks/en) are first generated from the Dutch notebooks and their catalogs
(workbook.editions), then run like the Dutch ones.
Usage: ``make notebooks`` (or this script with notebook paths to run only those; a Dutch
notebook brings its editions along).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from conftest import notebook_environment  # noqa: E402
from workbook import config, editions  # noqa: E402
from workbook.demo import make_demo_folder  # noqa: E402


def execute(notebook: nbformat.NotebookNode, path: Path, folder: Path) -> None:
    """Run ``notebook`` (read from ``path``) headless, as nbval does, on a fresh demo copy in
    ``folder``."""
    make_demo_folder(folder)
    os.environ.update(notebook_environment(folder, config.edition_of(path.parent)))
    client = NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        store_widget_state=False,
        record_timing=False,  # execution timestamps only make diffs noisy
    )
    client.execute()


def regenerate(path: Path, folder: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    notebook.metadata.pop("widgets", None)
    execute(notebook, path, folder)
    notebook.metadata.pop("widgets", None)
    nbformat.write(notebook, path)
    print(f"regenerated {path.relative_to(ROOT)}")


def with_editions(paths: list[Path]) -> list[Path]:
    """The notebooks to run: each Dutch one followed by its editions, generated first."""
    notebooks = []
    for path in paths:
        notebooks.append(path)
        if config.edition_of(path.parent) is None:
            for lang in config.EDITIONS:
                editions.build(lang, [path])
                notebooks.append(editions.edition_path(path.stem, lang))
    return list(dict.fromkeys(notebooks))


def main(paths: list[str]) -> int:
    sources = [Path(p).resolve() for p in paths] or editions.source_notebooks()
    notebooks = with_editions(sources)
    with tempfile.TemporaryDirectory(prefix="werkboek-regenerate-") as tmp:
        for path in notebooks:
            edition = config.edition_of(path.parent) or "nl"
            regenerate(path, Path(tmp) / f"{edition}-{path.stem}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
