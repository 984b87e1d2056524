"""Re-run every notebook on a fresh copy of the demo plan and store its outputs.

The notebooks are committed with these outputs because nbval compares them. Widget state
is not stored (it changes on every run and makes diffs unreadable).
Usage: ``make notebooks`` (or this script with notebook paths to run only those).
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
from workbook.demo import make_demo_folder  # noqa: E402


def execute(notebook: nbformat.NotebookNode, path: Path, folder: Path) -> None:
    """Run ``notebook`` (read from ``path``) headless, as nbval does, on a fresh demo copy in
    ``folder``."""
    make_demo_folder(folder)
    os.environ.update(notebook_environment(folder))
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


def main(paths: list[str]) -> int:
    notebooks = [Path(p).resolve() for p in paths] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    with tempfile.TemporaryDirectory(prefix="werkboek-regenerate-") as tmp:
        for path in notebooks:
            regenerate(path, Path(tmp) / path.stem)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
