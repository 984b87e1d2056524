"""``make bench``: measure what a facilitator feels in the room and compare with the budgets.

Prints a table with the machine's CPU and Python version and writes it to
``benchmarks/results.md``. These are figures, not tests: a slow machine does not fail CI.
"""

from __future__ import annotations

import gc
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("WORKBOOK_TODAY", "2026-03-15")
os.environ.setdefault("MPLBACKEND", "Agg")


@dataclass
class Figure:
    name: str
    value: float | None
    unit: str
    budget: float | None  # None: a figure to report, not a budget
    detail: str = ""

    @property
    def within(self) -> bool | None:
        if self.budget is None:
            return None
        return self.value is not None and self.value <= self.budget


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return samples


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def bench_import_time() -> list[Figure]:
    """``python -c "import workbook"`` minus ``python -c "pass"`` (median of 7)."""

    def run(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
        return time.perf_counter() - start

    bare = statistics.median(run("pass") for _ in range(7))
    package = statistics.median(run("import workbook") for _ in range(7))
    return [
        Figure(
            "import workbook − bare python",
            package - bare,
            "s",
            0.3,
            f"{package:.3f} s vs {bare:.3f} s",
        )
    ]


def bench_planning_submit(folder: Path) -> list[Figure]:
    """A planning row through the form's own path with 1,000 activities and 10,000
    measurements in the store: validate, store, refresh the table and the check."""
    from benchmarks.fixtures import big_store
    from workbook.forms.common import Session
    from workbook.forms.planning import PlanningExercise

    store = big_store(folder / "planning")
    exercise = PlanningExercise(Session.open(store))
    form = exercise.form
    counter = iter(range(10**6))

    def submit() -> None:
        form.value = {
            "context": "binnen_school",
            "what": f"Bench {next(counter)}",
            "target_groups": ("ouders",),
            "channels": ("schoolwebsite",),
            "when": "2026-05-04",
            "price": "120",
        }
        assert form.submit(), form.feedback.value

    submit()  # warm caches as the room's first click would
    samples = timed(submit, 30)
    return [
        Figure(
            "submit a planning row (1,000 rows, 10,000 measurements) — median",
            statistics.median(samples) * 1000,
            "ms",
            50,
            f"p95 {percentile(samples, 0.95) * 1000:.0f} ms, n={len(samples)}",
        )
    ]


def bench_measurement_submit(folder: Path) -> list[Figure]:
    """A measurement through the voortgang notebook's own path (``ProgressReview``), timed
    from the click on the save button: validate, store, refresh the measurement list, the
    status lines and the indicator's charts (its panel in the grid and the full-size chart,
    which shows the indicator chosen in the form), same big store. The indicators take
    turns, as a team that measures them one after the other."""
    from benchmarks.fixtures import big_store
    from workbook.forms.common import Session
    from workbook.forms.progress import ProgressReview

    store = big_store(folder / "progress")
    review = ProgressReview(Session.open(store))
    form = review.form
    indicator_ids = [key for _, key in form.indicator.options if key]
    samples, choose = [], []
    for n in range(31):
        start = time.perf_counter()
        form.value = {
            "indicator_id": indicator_ids[n % len(indicator_ids)],
            "date": "2026-03-01",
            "value": str(n % 9 + 1),
            "note": f"Bench {n}",
        }
        chosen = time.perf_counter()
        assert form.submit(), form.feedback.value
        if n:  # the first click warms caches as the room's first click would
            choose.append(chosen - start)
            samples.append(time.perf_counter() - chosen)
    detail = review.charts.detail_picture
    return [
        Figure(
            "record a measurement + redraw its charts (same store) — median",
            statistics.median(samples) * 1000,
            "ms",
            50,
            f"p95 {percentile(samples, 0.95) * 1000:.0f} ms, n={len(samples)}; "
            f"before it, choosing the indicator in the form (its full-size chart drawn "
            f"anew): median {statistics.median(choose) * 1000:.0f} ms; "
            f"full-size chart: {detail.full_draws} full, {detail.data_draws} data-only draws",
        )
    ]


def bench_indicator_charts() -> list[Figure]:
    """Render the chart of each of 200 indicators to PNG as the progress notebook does
    (one small panel per indicator, 80 dpi), and full size (13 × 7.3 in) for the report."""
    import io

    from matplotlib.figure import Figure as MplFigure

    from benchmarks.fixtures import indicators_frame
    from workbook import charts
    from workbook.pictures import DPI, IndicatorPicture, figure_png

    indicators, measurements = indicators_frame(200)
    rows = [row for _, row in indicators.iterrows()]

    def panels() -> None:
        for row in rows:
            view = charts.indicator_view(row, measurements, plan_start="2025-09-01")
            assert IndicatorPicture(compact=True).render(view, "nl")

    def full_size() -> None:
        for row in rows:
            figure = charts.indicator_chart(row, measurements, plan_start="2025-09-01")
            figure.savefig(io.BytesIO(), format="png")

    def floor() -> None:
        """The least Matplotlib does per chart: a fresh panel with one line, as PNG."""
        figure = MplFigure(figsize=charts.PANEL)
        figure.add_subplot().plot([0, 1], [0, 1])
        figure_png(figure, DPI)

    panels_s = statistics.median(timed(panels, 3))
    full_s = timed(full_size, 1)[0]  # for the report only: once is enough
    floor_ms = statistics.median(timed(floor, 30)) * 1000
    return [
        Figure(
            "render 200 indicator charts to PNG (grid panels; no user's path) — median of 3",
            panels_s,
            "s",
            None,
            f"Matplotlib's floor here: {floor_ms:.0f} ms per minimal panel with one line = "
            f"{floor_ms * 200 / 1000:.1f} s for 200; "
            f"200 full-size charts (report), once: {full_s:.1f} s",
        )
    ]


def bench_team_imports(folder: Path) -> list[Figure]:
    """Import 30 team files of 300 rows each and build the facilitator's combined overview."""
    from benchmarks.fixtures import team_files
    from workbook import facilitator

    paths = team_files(folder / "teams")

    def gather() -> None:
        teams, refused = facilitator.teams_from_files(paths)
        assert not refused and len(teams) == len(paths)
        facilitator.overview_frames(teams)

    samples = timed(gather, 3)
    return [
        Figure(
            "import 30 team files × 300 rows + combined overview — median of 3",
            statistics.median(samples),
            "s",
            1.0,
        )
    ]


def _execute_notebooks(notebooks: list, folder: Path) -> float:
    """Seconds to execute ``notebooks`` headless with nbclient (as nbval does), each on a
    fresh copy of the demo plan like ``scripts/regenerate_notebooks.py``; nothing is
    written back."""
    from scripts.regenerate_notebooks import execute

    saved = dict(os.environ)
    start = time.perf_counter()
    try:
        for number, (path, notebook) in enumerate(notebooks):
            execute(notebook, path, folder / f"{number:02d}")
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return time.perf_counter() - start


def bench_notebooks(folder: Path) -> list[Figure]:
    """Every notebook executed headless, divided by as many notebooks that only import
    pandas, matplotlib.pyplot and ipywidgets (kernel start and imports are the floor)."""
    import nbformat

    paths = sorted((ROOT / "notebooks").glob("*.ipynb"))
    imports = "import pandas\nimport matplotlib.pyplot\nimport ipywidgets"
    ratios, pairs = [], []
    for run in range(3):
        real = []
        for path in paths:  # read afresh each run: executing fills in the outputs
            notebook = nbformat.read(path, as_version=4)
            notebook.metadata.pop("widgets", None)
            real.append((path, notebook))
        bare = [
            (path, nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(imports)]))
            for path in paths
        ]
        notebooks_s = _execute_notebooks(real, folder / f"real-{run}")
        imports_s = _execute_notebooks(bare, folder / f"bare-{run}")
        ratios.append(notebooks_s / imports_s)
        pairs.append((notebooks_s, imports_s))
    middle = sorted(range(len(ratios)), key=ratios.__getitem__)[len(ratios) // 2]
    notebooks_s, imports_s = pairs[middle]
    return [
        Figure(
            f"execute all {len(paths)} notebooks ÷ {len(paths)} import-only notebooks "
            "— median of 3",
            ratios[middle],
            "×",
            1.3,
            f"{notebooks_s:.1f} s vs {imports_s:.1f} s",
        )
    ]


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def table(figures: list[Figure]) -> str:
    lines = [
        f"CPU: {cpu_name()} ({os.cpu_count()} cores) · Python {platform.python_version()} · "
        f"{time.strftime('%Y-%m-%d')}",
        "",
        "| benchmark | figure | budget | within | detail |",
        "|---|---:|---:|:---:|---|",
    ]
    for figure in figures:
        value = "never" if figure.value is None else f"{figure.value:.3g} {figure.unit}"
        budget = "—" if figure.budget is None else f"≤ {figure.budget:g} {figure.unit}"
        within = {None: "—", True: "yes", False: "NO"}[figure.within]
        lines.append(f"| {figure.name} | {value} | {budget} | {within} | {figure.detail} |")
    return "\n".join(lines) + "\n"


ROOM_RUNS: list = []  # the load runs of bench_room, for the design table


def bench_room() -> list[Figure]:
    """The room: N teams at once in N browsers on this machine (benchmarks/roomload.py),
    for each serving design, then one team alone moving on, and Voilà's own floor."""
    from benchmarks import roomload

    runs = [roomload.run_room(10, "one-page"), roomload.run_room(10, "one-page-pool"),
            roomload.run_room(10, "pages"), roomload.run_room(30, "one-page")]
    ROOM_RUNS.extend(runs)
    chosen10, chosen30 = runs[0], runs[3]
    figures = []
    for run in (chosen10, chosen30):
        n = run.teams
        welcome, _ = run.stats("welcome_ready")
        form, form95 = run.stats("form_ready")
        stored = f"rows stored {run.rows_stored}/{n}, errors {len(run.errors)}"
        figures += [
            Figure(f"room, {n} teams at once: welcome page ready — median", welcome, "s",
                   5.0 if n == 10 else None, stored),
            Figure(f"room, {n} teams at once: *aan de slag* form ready — median", form, "s",
                   3.0 if n == 10 else None, f"p95 {_seconds(form95)}"),
            Figure(f"room, {n} teams at once: *aan de slag* form ready — p95", form95, "s",
                   8.0 if n == 10 else None, ""),
            Figure(f"room, {n} teams at once: server memory at peak, per team",
                   run.peak_pss / 2**20 / n, "MB", 150.0,
                   f"PSS {run.peak_pss / 2**20:.0f} MiB in all (RSS {run.peak_rss / 2**20:.0f}),"
                   f" {run.peak_processes} processes"),
        ]
    figures.append(Figure("room, 30 teams: the facilitator's overview shows every team",
                          chosen30.overview_seconds, "s", None,
                          chosen30.overview_problem or "all 30 teams"))
    floor_room = roomload.voila_floor_at_once(chosen10.teams)
    floor_median, floor_p95 = floor_room.stats()
    figures.append(Figure(
        f"Voilà's floor for a room: {floor_room.pages} bare pages (one text field) at once "
        "— median", floor_median, "s", None,
        f"p95 {_seconds(floor_p95)}; processor: browsers {floor_room.browser_cpu_seconds:.0f} s, "
        f"server {floor_room.server_cpu_seconds:.0f} s (the {chosen10.teams}-team run: browsers "
        f"{chosen10.browser_cpu_seconds:.0f} s, server {chosen10.server_cpu_seconds:.0f} s)"))
    # The first move of a fresh visit varies run to run (0.35–1.03 s seen): a median of 3.
    moves = [roomload.next_page_seconds("one-page") for _ in range(REPEATS)]
    alone = _median([first for first, _ in moves])
    again = _median([second for _, second in moves])
    pages_alone, _ = roomload.next_page_seconds("pages")
    floor = roomload.voila_floor_seconds()
    figures += [
        Figure(f"one team alone: next notebook ready (one page) — median of {REPEATS}", alone,
               "s", 1.0, f"runs {_spread([first for first, _ in moves])}; the one after: "
               f"{_seconds(again)}"),
        Figure("one team alone: next notebook ready (a page per notebook)", pages_alone, "s",
               None, f"Voilà's floor here (a bare page with one text field): {floor:.1f} s"),
    ]
    return figures


def bench_progress_page() -> list[Figure]:
    from benchmarks import roomload

    runs = [roomload.progress_page_seconds(30) for _ in range(REPEATS)]
    return [Figure(f"progress page of a plan with 30 indicators, in the app view — median of "
                   f"{REPEATS}", _median(runs), "s", 2.0,
                   f"from the menu click until all 30 panels are drawn; runs {_spread(runs)}")]


#: Fresh servers per figure that one visit decides (the first move, the progress page).
REPEATS = 3


def _median(values: list[float | None]) -> float | None:
    ready = [value for value in values if value is not None]
    return statistics.median(ready) if len(ready) == len(values) else None


def _spread(values: list[float | None]) -> str:
    return ", ".join("never" if value is None else f"{value:.2f} s" for value in values)


def _seconds(value: float | None) -> str:
    return "never" if value is None else f"{value:.1f} s"


def design_table() -> str:
    """The serving designs side by side, on the same load run."""
    from benchmarks.roomload import DESIGNS

    lines = ["| design | teams | welcome ready, median | form ready, median / p95 | rows stored "
             "| errors | server memory at peak (per team) | server processor per team "
             "| browsers' processor per team | wall |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for run in ROOM_RUNS:
        welcome, _ = run.stats("welcome_ready")
        form, form95 = run.stats("form_ready")
        lines.append(
            f"| {DESIGNS[run.design]}{f' (pool {run.pool})' if run.pool else ''} | {run.teams} "
            f"| {_seconds(welcome)} | {_seconds(form)} / {_seconds(form95)} "
            f"| {run.rows_stored}/{run.teams} | {len(run.errors)} "
            f"| {run.peak_pss / 2**20:.0f} MiB ({run.peak_pss / 2**20 / run.teams:.0f}) "
            f"| {run.server_cpu_seconds / run.teams:.1f} s "
            f"| {run.browser_cpu_seconds / run.teams:.1f} s | {run.wall_seconds:.0f} s |")
    return "\n".join(lines) + "\n"


#: What ``--without`` switches off: the store's read cache, the forms' rendered table rows.
CACHES = ("read-cache", "row-cache")


def _switch_off(caches: list[str]) -> None:
    if "read-cache" in caches:
        from workbook.store.cache import ReadCache

        ReadCache.get = lambda self, key, stamp, read: read()
        ReadCache.own_change = lambda self, table, stamp, revision: None
    if "row-cache" in caches:
        from workbook.forms.widgets import RowCache

        RowCache.rows = property(lambda self: {}, lambda self, value: None)


class _ProcessClock:
    """``time`` for the benchmarks with ``perf_counter`` as this process's processor time."""

    perf_counter = staticmethod(time.process_time)
    sleep = staticmethod(time.sleep)
    strftime = staticmethod(time.strftime)


#: What ``--only`` selects (the store's figures: import, submit, measurement).
BENCHES = ("import", "submit", "measurement", "charts", "team-files", "notebooks",
           "progress-page", "room")


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", nargs="+", choices=BENCHES, metavar="NAME",
                        help=f"run only these ({', '.join(BENCHES)}); prints the table "
                        "without writing benchmarks/results.md")
    parser.add_argument("--without", nargs="+", choices=CACHES, default=[], metavar="CACHE",
                        help="switch a cache off, to see whether it pays for itself "
                        f"({', '.join(CACHES)})")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="cpu: this process's processor time (steadier on a busy machine)")
    arguments = parser.parse_args(argv)
    only = arguments.only
    if arguments.without or arguments.clock == "cpu":
        only = only or ["submit", "measurement"]
    _switch_off(arguments.without)
    if arguments.clock == "cpu":
        global time
        time = _ProcessClock()
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="werkboek-bench-") as tmp:
        folder = Path(tmp)
        os.environ["WORKBOOK_DATA"] = str(folder / "default")
        benches: dict[str, Callable[[], list[Figure]]] = {
            "import": bench_import_time,
            "submit": lambda: bench_planning_submit(folder),
            "measurement": lambda: bench_measurement_submit(folder),
            "charts": bench_indicator_charts,
            "team-files": lambda: bench_team_imports(folder),
            "notebooks": lambda: bench_notebooks(folder / "notebooks"),
            "progress-page": bench_progress_page,
            "room": bench_room,
        }
        for name, bench in benches.items():
            if only and name not in only:
                continue
            figures.extend(bench())
            print(table(figures[-1:]).splitlines()[-1], flush=True)
            # Each benchmark starts as a fresh kernel would: without the last one's garbage
            # (200 figures, two big stores) for the collector to walk through again and again.
            gc.collect()
    result = table(figures)
    if only:
        print()
        print(result)
        return 0
    if ROOM_RUNS:
        result += ("\n## The room: serving designs side by side (same load run)\n\n"
                   + design_table())
    (ROOT / "benchmarks" / "results.md").write_text("# Benchmark results\n\n" + result)
    print()
    print(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
