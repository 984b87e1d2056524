"""JupyterLab in a real browser: the welcome notebook runs from top to bottom, its forms
render and no cell shows an error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from servers import ARTIFACTS, jupyterlab

pytestmark = pytest.mark.browser

TIMEOUT = 60_000  # ms


def wait_idle(page) -> None:
    """Wait until the kernel indicator in the status bar says the kernel is idle."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('.jp-StatusBar-TextItem')]"
        ".some(e => /\\|\\s*Idle/.test(e.textContent))",
        timeout=TIMEOUT,
    )


def lab_environment(app_environment: dict[str, str], folder: Path) -> dict[str, str]:
    """JupyterLab with its own settings and workspaces: no tabs restored from earlier
    sessions, no news pop-up, and no autosave (the notebooks are the repository's own)."""
    settings = folder / "settings"
    for plugin, values in {
        "docmanager-extension/plugin": {"autosave": False},
        "apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    }.items():
        path = settings / "@jupyterlab" / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    return {**app_environment, "JUPYTERLAB_SETTINGS_DIR": str(settings),
            "JUPYTERLAB_WORKSPACES_DIR": str(folder / "workspaces")}


def test_welcome_notebook_runs_all_cells_and_shows_the_forms(browser, app_environment,
                                                             tmp_path):
    with jupyterlab(lab_environment(app_environment, tmp_path)) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 1000})
        page = context.new_page()
        page.goto(f"{base}/lab/tree/00-welkom.ipynb")
        page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=TIMEOUT)
        wait_idle(page)
        # Run all: select every cell from the first one's prompt, then Shift+Enter.
        page.locator(".jp-Notebook .jp-Cell .jp-InputPrompt").first.click()
        page.keyboard.press("Escape")
        page.keyboard.press("Control+A")
        page.keyboard.press("Shift+Enter")
        save = page.get_by_role("button", name="Bewaren", exact=True)
        save.wait_for(timeout=TIMEOUT)
        page.locator(".wb-nav").wait_for(timeout=TIMEOUT)
        wait_idle(page)

        outputs = page.locator(".jp-OutputArea-output")
        assert outputs.count() >= 2
        errors = page.locator(
            ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr'], "
            ".jp-RenderedText[data-mime-type='application/vnd.jupyter.stderr']"
        )
        assert errors.count() == 0, errors.all_inner_texts()
        assert "Traceback" not in page.locator(".jp-Notebook").inner_text()
        # the plan form with its fields; the team chooser belongs to the app view only
        assert page.locator(".widget-text:has(> label:text-is('Naam van het plan')) input") \
            .first.input_value()
        assert page.get_by_text("Welk plan?", exact=True).count() == 1
        assert page.get_by_text("Met welk team werk je?").count() == 0
        ARTIFACTS.mkdir(exist_ok=True)
        save.scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / "lab-welcome-run-all.png"))

        # the "next" link opens the next notebook in JupyterLab
        page.locator(".wb-nav a.wb-nav-next").click()
        page.locator(".lm-TabBar-tabLabel", has_text="01-waarom.ipynb").wait_for(timeout=TIMEOUT)
        context.close()
