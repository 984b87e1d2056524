"""Start the workbook's servers (Voilà app view, JupyterLab) on 127.0.0.1 for browser tests,
and a headless Debian Chromium driven by Playwright (no browser download)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.roomload import (
    CHROMIUM,
    CHROMIUM_FLAGS,
    free_port,
    running,
    status_url,
    wait_for,
)
from workbook.app import voila_arguments

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
__all__ = ["ARTIFACTS", "CHROMIUM", "CHROMIUM_FLAGS", "chromium", "chromium_available",
           "free_port", "jupyterlab", "running", "voila", "wait_for"]


def chromium_available() -> bool:
    return Path(CHROMIUM).exists()


@contextmanager
def voila(env: dict[str, str], token: str | None = None, design: str = "pages"
          ) -> Iterator[str]:
    """The app view (``pages``: the notebooks folder, a page each; ``one-page``: the whole
    workbook on one page, as ``make app`` and ``make room`` serve it); yields its base URL."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with running(voila_arguments("127.0.0.1", port, token, design=design), status_url(base), env,
                 ARTIFACTS / f"voila-{design}-{port}.log"):
        yield base


@contextmanager
def jupyterlab(env: dict[str, str]) -> Iterator[str]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    arguments = [
        sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root",
        f"--port={port}", "--ServerApp.ip=127.0.0.1", "--IdentityProvider.token=",
        "--ServerApp.password=", f"--ServerApp.root_dir={ROOT / 'notebooks'}",
        "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    with running(arguments, base + "/lab", env, ARTIFACTS / f"lab-{port}.log"):
        yield base


@contextmanager
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS,
                                             headless=True)
        try:
            yield browser
        finally:
            browser.close()
