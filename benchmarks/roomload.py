"""The room's load run: N teams arrive at once, each in its own browser, as in a kick-off.

Each team, in a Chromium context of its own: the start page with the token → *Welkom* →
a new team (*Nieuw team*, *Team aanmaken*, continue as that team) → the start page →
*Aan de slag* → one planning row filled in and added → the row seen in the table. Then the
facilitator opens the overview and waits until every team is in it. Meanwhile the server's
memory (Voilà and every kernel it started) is sampled. Every row is then looked up in the
store.

Used by ``make bench`` (10 and 30 teams, both serving designs, the figures in
``benchmarks/results.md``) and by the browser test ``tests/test_room_load.py`` (3 teams).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
STEP_TIMEOUT_MS = 600_000  # a step that takes longer counts as never done
TOKEN = "zaal-belasting"


# ----- the server ------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # the server answers (e.g. 302/403 without a token)
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


@contextmanager
def running(arguments: list[str], url: str, env: dict[str, str], log: Path
            ) -> Iterator[subprocess.Popen]:
    """Run a server until the block ends; yields its process once ``url`` answers."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as output:
        process = subprocess.Popen(arguments, env={**os.environ, **env}, stdout=output,
                                   stderr=subprocess.STDOUT, cwd=ROOT, start_new_session=True)
        try:
            wait_for(url)
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


class MemorySampler:
    """The peak memory of a process and everything it started, sampled every second.

    ``pss`` shares each page among the processes that map it (the memory the machine really
    spends); ``rss`` counts shared libraries once per process (an upper bound)."""

    reads_memory = True

    def __init__(self, pid: int, interval: float = 1.0) -> None:
        self.pid = pid
        self.interval = interval
        self.peak_pss = 0
        self.peak_rss = 0
        self.peak_processes = 0
        self._cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def processes(self) -> list:
        import psutil

        root = psutil.Process(self.pid)
        return [root, *root.children(recursive=True)]

    def sample(self) -> None:
        import psutil

        try:
            processes = self.processes()
        except psutil.Error:
            return
        pss = rss = 0
        for process in processes:
            if self.reads_memory:
                try:
                    info = process.memory_full_info()
                except psutil.Error:
                    continue
                pss += getattr(info, "pss", info.rss)
                rss += info.rss
            with contextlib.suppress(psutil.Error):
                times = process.cpu_times()
                self._cpu[process.pid] = times.user + times.system
        self.peak_pss = max(self.peak_pss, pss)
        self.peak_rss = max(self.peak_rss, rss)
        self.peak_processes = max(self.peak_processes, len(processes))

    @property
    def cpu_seconds(self) -> float:
        """Processor seconds the server and everything it started used (as last seen)."""
        return sum(self._cpu.values())

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)


class BrowserSampler(MemorySampler):
    """The processor time of the Chromium processes this process started (the teams'
    browsers, which share this machine's cores with the server). Their memory is not read:
    PSS walks each process's page tables, work that would compete with the run it measures."""

    reads_memory = False

    def __init__(self, interval: float = 1.0) -> None:
        super().__init__(os.getpid(), interval)

    def processes(self) -> list:
        import psutil

        return [process for process in psutil.Process(self.pid).children(recursive=True)
                if process.name().startswith(("chrom", "headless"))]


def run_async(coroutine):
    """``asyncio.run`` in a thread of its own: callers may already run an event loop (a
    test session with Playwright's synchronous browser does)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(asyncio.run, coroutine).result()


def status_url(base: str) -> str:
    """An address that shows the server is up without rendering a page (which would start a
    kernel in the one-page design)."""
    return base + "/api/status"


# ----- one team ---------------------------------------------------------------------------


@dataclass
class TeamRun:
    """What one team saw: seconds per step (None: never ready), and any error."""

    team: str
    start_ready: float | None = None
    welcome_ready: float | None = None
    form_ready: float | None = None
    row_seen: float | None = None
    error: str = ""
    page_errors: list[str] = field(default_factory=list)


def field_selector(kind: str, label: str, element: str) -> str:
    return f".widget-{kind}:has(> label:text-is('{label}')) {element}"


async def _team(browser, base: str, team: str, what: str) -> TeamRun:
    run = TeamRun(team)
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    page.set_default_timeout(STEP_TIMEOUT_MS)
    page.on("pageerror", lambda error: run.page_errors.append(str(error)))
    try:
        opened = time.perf_counter()
        await page.goto(f"{base}/?token={TOKEN}", timeout=STEP_TIMEOUT_MS)
        await page.locator("#werkboek-start ol.pages a").first.wait_for()
        run.start_ready = time.perf_counter() - opened
        await page.locator("ol.pages a:has(.title:text-is('Welkom'))").click()
        new_team = page.locator(field_selector("text", "Nieuw team", "input"))
        await new_team.wait_for()
        run.welcome_ready = time.perf_counter() - opened
        await new_team.fill(team)
        await page.get_by_role("button", name="Team aanmaken", exact=True).click()
        await page.get_by_role("link", name=f"Ga verder als team “{team}” →").last.click()
        await page.locator(".wb-team-current", has_text=team).wait_for()
        await page.locator(".wb-nav-contents").first.click()
        await page.locator("#werkboek-start ol.pages a").first.wait_for()
        clicked = time.perf_counter()
        await page.locator("ol.pages a:has(.title:text-is('Aan de slag'))").click()
        what_field = page.locator(field_selector("text", "Wat", "input"))
        await what_field.wait_for()
        run.form_ready = time.perf_counter() - clicked
        await page.get_by_role("button", name="Tussen de projectpartners", exact=True).click()
        await what_field.fill(what)
        await page.get_by_role("checkbox", name="Ouders", exact=True).check()
        await page.get_by_role("checkbox", name="Infosessie", exact=True).check()
        await page.get_by_role("checkbox", name="Schoolwebsite", exact=True).check()
        await page.locator(field_selector("datepicker", "Wanneer", "input[type=date]")).fill(
            "2026-05-12")
        await page.locator(field_selector("text", "Prijs (€)", "input")).fill("250")
        clicked = time.perf_counter()
        await page.get_by_role("button", name="Toevoegen", exact=True).first.click()
        await page.locator("td", has_text=what).first.wait_for()
        run.row_seen = time.perf_counter() - clicked
    except Exception as error:  # a timeout or a missing element: this team never got there
        run.error = f"{type(error).__name__}: {str(error).splitlines()[0][:160]}"
    finally:
        await context.close()
    return run


async def _overview(browser, base: str, teams: list[str], picture: Path | None
                    ) -> tuple[float | None, str]:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    page.set_default_timeout(STEP_TIMEOUT_MS)
    try:
        opened = time.perf_counter()
        await page.goto(f"{base}/?token={TOKEN}", timeout=STEP_TIMEOUT_MS)
        await page.locator("ol.pages a:has(.title:text-is('Overzicht voor de begeleider'))"
                           ).click()
        last = teams[-1]
        await page.locator(".widget-html", has_text=last).first.wait_for()
        text = await page.locator("body").inner_text()
        missing = [team for team in teams if team not in text]
        seconds = time.perf_counter() - opened
        if picture is not None:  # what the projector shows: look at it
            await page.locator(".widget-html", has_text=last).first.scroll_into_view_if_needed()
            await page.screenshot(path=str(picture), full_page=True)
        return seconds, (f"missing: {', '.join(missing)}" if missing else "")
    except Exception as error:
        return None, f"{type(error).__name__}: {str(error).splitlines()[0][:160]}"
    finally:
        await context.close()


# ----- the whole room ---------------------------------------------------------------------


@dataclass
class RoomRun:
    design: str
    teams: int
    pool: int
    runs: list[TeamRun]
    rows_stored: int
    overview_seconds: float | None
    overview_problem: str
    peak_pss: int
    peak_rss: int
    peak_processes: int
    wall_seconds: float
    server_cpu_seconds: float = 0.0
    browser_cpu_seconds: float = 0.0

    @staticmethod
    def _stats(values: list[float | None]) -> tuple[float | None, float | None]:
        ready = [value for value in values if value is not None]
        if len(ready) < len(values) or not ready:
            return (statistics.median(ready) if ready else None), None  # p95 is "never"
        ordered = sorted(ready)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        return statistics.median(ready), p95

    def stats(self, step: str) -> tuple[float | None, float | None]:
        return self._stats([getattr(run, step) for run in self.runs])

    def ready_count(self, step: str) -> int:
        return sum(getattr(run, step) is not None for run in self.runs)

    @property
    def errors(self) -> list[str]:
        found = [f"{run.team}: {run.error}" for run in self.runs if run.error]
        found += [f"{run.team}: page error {text[:120]}" for run in self.runs
                  for text in run.page_errors]
        if self.overview_problem:
            found.append(f"overview: {self.overview_problem}")
        return found

    @property
    def all_stored(self) -> bool:
        return self.rows_stored == self.teams and not self.errors


def _rows_stored(folder: Path, teams: list[str], rows: dict[str, str]) -> int:
    from workbook.store import Store

    store = Store(f"sqlite:///{folder / 'werkboek.sqlite'}")
    try:
        found = 0
        for team in teams:
            plan_id = store.plan_id(team)
            if plan_id is not None and rows[team] in list(store.activities(plan_id)["what"]):
                found += 1
        return found
    finally:
        store.close()


async def _drive(base: str, teams: list[str], rows: dict[str, str], picture: Path | None
                 ) -> tuple[list[TeamRun], float | None, str]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM,
                                                   args=CHROMIUM_FLAGS)
        try:
            runs = await asyncio.gather(*(_team(browser, base, team, rows[team])
                                          for team in teams))
            seconds, problem = await _overview(browser, base, teams, picture)
        finally:
            await browser.close()
    return list(runs), seconds, problem


def room_environment(folder: Path) -> dict[str, str]:
    return {"WORKBOOK_DATA": str(folder), "WORKBOOK_TODAY": "2026-03-15",
            "PYTHONPATH": str(ROOT)}


# The designs the load run compares: how `voila_arguments` serves them.
DESIGNS = {
    "pages": "Voilà's tree of notebooks, a fresh kernel per page (as in November)",
    "one-page-pool": "one page per team, Voilà's preheated pool of fresh kernels",
    "one-page": "one page per team, kernels forked from a loaded process (chosen)",
}


def server_arguments(design: str, port: int, pool: int, folder: Path) -> list[str]:
    from workbook.app import APP_NOTEBOOK, voila_arguments

    if design == "one-page-pool":
        import json

        notebook = json.loads(APP_NOTEBOOK.read_text())
        notebook["metadata"]["kernelspec"] = {"display_name": "Python 3", "language": "python",
                                              "name": "python3"}
        variant = folder / "werkboek.ipynb"
        variant.write_text(json.dumps(notebook))
        return voila_arguments("127.0.0.1", port, TOKEN, design="one-page", pool=pool,
                               notebook=variant)
    return voila_arguments("127.0.0.1", port, TOKEN, design=design, pool=pool)


def run_room(teams: int, design: str = "one-page", pool: int | None = None,
             log_dir: Path | None = None, picture: Path | None = None) -> RoomRun:
    """``teams`` teams at once against a fresh room (an empty store) served with ``design``."""
    from workbook.app import DEFAULT_POOL

    pool = (DEFAULT_POOL if design == "one-page" else teams) if pool is None else pool
    names = [f"Team {number:02d}" for number in range(1, teams + 1)]
    rows = {name: f"Infoavond ouders {name}" for name in names}
    with tempfile.TemporaryDirectory(prefix="werkboek-room-") as temporary:
        folder = Path(temporary)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server_folder = folder / "server"
        server_folder.mkdir()
        arguments = server_arguments(design, port, pool, server_folder)
        log = (log_dir or folder) / f"room-{design}-{teams}.log"
        with running(arguments, status_url(base), room_environment(folder), log) as server:
            _wait_for_pool(server.pid, timeout=240)
            with MemorySampler(server.pid) as memory, BrowserSampler() as browsers:
                memory.sample()
                cpu_before = memory.cpu_seconds
                started = time.perf_counter()
                runs, overview, problem = run_async(_drive(base, names, rows, picture))
                wall = time.perf_counter() - started
                memory.sample()
        stored = _rows_stored(folder, names, rows)
    return RoomRun(design, teams, pool if design == "one-page-pool" else 0, runs, stored, overview,
                   problem, memory.peak_pss, memory.peak_rss, memory.peak_processes, wall,
                   memory.cpu_seconds - cpu_before, browsers.cpu_seconds)


def _wait_for_pool(pid: int, timeout: float) -> None:
    """A facilitator starts the room before the teams arrive: wait until the server and the
    kernels of its pool are done preparing (they use almost no processor for 3 s)."""
    import psutil

    deadline = time.monotonic() + timeout
    root = psutil.Process(pid)
    known: dict[int, psutil.Process] = {}  # cpu_percent needs the same object between calls
    quiet_since = None
    time.sleep(1)
    while time.monotonic() < deadline:
        processes = [known.setdefault(process.pid, process)
                     for process in [root, *root.children(recursive=True)]]
        busy = 0.0
        for process in processes:
            with contextlib.suppress(psutil.Error):
                busy += process.cpu_percent(interval=None)
        now = time.monotonic()
        if busy < 10:
            quiet_since = quiet_since or now
            if now - quiet_since >= 3:
                return
        else:
            quiet_since = None
        time.sleep(0.5)


# ----- one team alone ---------------------------------------------------------------------


@contextlib.asynccontextmanager
async def _start_page(base: str):
    """One team's browser on the start page (with the token), closed afterwards."""
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM,
                                                   args=CHROMIUM_FLAGS)
        try:
            page = await browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(STEP_TIMEOUT_MS)
            await page.goto(f"{base}/?token={TOKEN}")
            await page.locator("#werkboek-start ol.pages a").first.wait_for()
            yield page
        finally:
            await browser.close()


async def _next_page(base: str) -> tuple[float | None, float | None]:
    """One team: seconds from clicking *Volgende* on *Welkom* until *Waarom?* can be used,
    and (the same once more) from *Waarom?* to *Wat en bij wie?*."""
    async with _start_page(base) as page:
        await page.locator("ol.pages a:has(.title:text-is('Welkom'))").click()
        await page.locator(".wb-nav-next").first.wait_for()
        seconds = []
        for ready in (".wb-nav-next[href*='02-wat']", ".wb-nav-next[href*='03-hoe']"):
            clicked = time.perf_counter()
            await page.locator(".wb-nav-next").first.click()
            await page.locator(ready).first.wait_for()
            await page.locator(".widget-button").first.wait_for()
            seconds.append(time.perf_counter() - clicked)
        return seconds[0], seconds[1]


def next_page_seconds(design: str, pool: int = 1) -> tuple[float | None, float | None]:
    with tempfile.TemporaryDirectory(prefix="werkboek-next-") as temporary:
        folder = Path(temporary)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        arguments = server_arguments(design, port, pool, folder)
        log = folder / "next.log"
        with running(arguments, status_url(base), room_environment(folder), log) as server:
            _wait_for_pool(server.pid, timeout=240)
            return run_async(_next_page(base))


FLOOR_NOTEBOOK = {
    "cells": [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
               "source": "import ipywidgets\nipywidgets.Text(description='Naam')"}],
    "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                "name": "python3"}},
    "nbformat": 4, "nbformat_minor": 5,
}


@contextmanager
def _floor_server() -> Iterator[tuple[str, subprocess.Popen]]:
    """Plain Voilà serving a notebook that shows one text field, a fresh kernel per page."""
    import json

    with tempfile.TemporaryDirectory(prefix="werkboek-floor-") as temporary:
        notebook = Path(temporary) / "floor.ipynb"
        notebook.write_text(json.dumps(FLOOR_NOTEBOOK))
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        arguments = [sys.executable, "-m", "voila", str(notebook), "--no-browser",
                     f"--port={port}", "--Voila.ip=127.0.0.1", "--Voila.token="]
        with running(arguments, base + "/", {}, Path(temporary) / "floor.log") as server:
            yield base, server


def voila_floor_seconds(repeat: int = 3) -> float:
    """A bare Voilà page whose notebook shows one text field: seconds until it can be used
    (median of ``repeat``): the floor of every design that starts a kernel per page."""
    from playwright.sync_api import sync_playwright

    samples = []
    with _floor_server() as (base, _), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            for _ in range(repeat):
                page = browser.new_page()
                opened = time.perf_counter()
                page.goto(base + "/")
                page.locator(".widget-text input").wait_for(timeout=STEP_TIMEOUT_MS)
                samples.append(time.perf_counter() - opened)
                page.close()
        finally:
            browser.close()
    return statistics.median(samples)


@dataclass
class FloorRun:
    """``pages`` bare Voilà pages opened at once, each in a browser context of its own."""

    pages: int
    ready: list[float | None]
    server_cpu_seconds: float
    browser_cpu_seconds: float

    def stats(self) -> tuple[float | None, float | None]:
        return RoomRun._stats(self.ready)


async def _bare_pages(base: str, pages: int) -> list[float | None]:
    from playwright.async_api import Error, async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM,
                                                   args=CHROMIUM_FLAGS)

        async def one() -> float | None:
            context = await browser.new_context()
            opened = time.perf_counter()
            try:
                page = await context.new_page()
                await page.goto(base + "/", timeout=STEP_TIMEOUT_MS)
                await page.locator(".widget-text input").wait_for(timeout=STEP_TIMEOUT_MS)
                return time.perf_counter() - opened
            except Error:
                return None
            finally:
                await context.close()

        try:
            return list(await asyncio.gather(*(one() for _ in range(pages))))
        finally:
            await browser.close()


def voila_floor_at_once(pages: int = 10) -> FloorRun:
    """Voilà's floor for a room: ``pages`` bare pages opened together, with the processor
    time of the server and of the browsers (which share this machine's cores)."""
    with _floor_server() as (base, server), MemorySampler(server.pid) as memory, \
            BrowserSampler() as browsers:
        memory.sample()
        before = memory.cpu_seconds
        ready = run_async(_bare_pages(base, pages))
        memory.sample()
    return FloorRun(pages, ready, memory.cpu_seconds - before, browsers.cpu_seconds)


def describe(run: RoomRun) -> str:
    """A few lines on one room run, for the console."""
    def seconds(value: float | None) -> str:
        return "never" if value is None else f"{value:.1f} s"

    lines = [f"{run.design} (pool {run.pool}), {run.teams} teams: rows stored "
             f"{run.rows_stored}/{run.teams}, wall {run.wall_seconds:.0f} s, peak PSS "
             f"{run.peak_pss / 2**20:.0f} MiB ({run.peak_pss / 2**20 / run.teams:.0f} per team),"
             f" RSS {run.peak_rss / 2**20:.0f} MiB, {run.peak_processes} processes, server "
             f"processor {run.server_cpu_seconds:.0f} s ({run.server_cpu_seconds / run.teams:.1f}"
             f" s per team), browsers' processor {run.browser_cpu_seconds:.0f} s"]
    for step in ("start_ready", "welcome_ready", "form_ready", "row_seen"):
        median, p95 = run.stats(step)
        lines.append(f"  {step}: median {seconds(median)}, p95 {seconds(p95)} "
                     f"({run.ready_count(step)}/{run.teams} ready)")
    lines.append(f"  overview: {seconds(run.overview_seconds)} {run.overview_problem}")
    lines += [f"  error: {error}" for error in run.errors[:10]]
    return "\n".join(lines)


async def _progress_page(base: str, indicators: int) -> float:
    """Seconds from clicking *Voortgang* in the menu until the panel of every indicator is
    drawn (the one-page view, the team's kernel already running)."""
    async with _start_page(base) as page:
        clicked = time.perf_counter()
        await page.locator(".wb-app-nav a", has_text="Voortgang").click()
        await page.wait_for_function(
            "n => document.querySelectorAll('.wb-indicator-grid img[src^=\"data:\"], "
            ".wb-indicator-grid img[src^=\"blob:\"]').length >= n", arg=indicators)
        return time.perf_counter() - clicked


def progress_page_seconds(indicators: int = 30) -> float:
    """The progress page of one plan with ``indicators`` indicators, in the app view."""
    from benchmarks.fixtures import plan_with_indicators

    with tempfile.TemporaryDirectory(prefix="werkboek-progress-") as temporary:
        folder = Path(temporary)
        plan_with_indicators(folder, indicators).close()
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        arguments = server_arguments("one-page", port, 0, folder)
        with running(arguments, status_url(base), room_environment(folder),
                     folder / "progress.log") as server:
            _wait_for_pool(server.pid, timeout=240)
            return run_async(_progress_page(base, indicators))


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="the room's load run")
    parser.add_argument("teams", type=int)
    parser.add_argument("--design", default="one-page")
    parser.add_argument("--pool", type=int)
    arguments = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    temporary = Path(tempfile.gettempdir())
    print(describe(run_room(arguments.teams, arguments.design, arguments.pool,
                            log_dir=temporary,
                            picture=temporary / f"overview-{arguments.teams}.png")), flush=True)
