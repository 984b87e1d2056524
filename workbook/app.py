"""Start the app view (Voilà): the workbook as pages with prose and forms, no code.

``python -m workbook app`` serves it to this computer only; ``python -m workbook room``
serves it to the participants' browsers on the room's network, guarded by a token that
the command prints. Idle kernels are culled so a long workshop does not pile them up.

Two ways to serve it (ARCHITECTURE.md, "the room"):

- ``one-page`` (the default): Voilà serves one notebook, ``share/app/werkboek.ipynb``, whose
  sections are the workbook's notebooks (:mod:`workbook.forms.app`). A team's visit costs
  one kernel, not one per page, and kernels are started ahead in a pool (Voilà's preheated
  kernels), so a team arriving takes a kernel that has already imported the workbook.
- ``pages``: Voilà's tree of the notebooks folder, a kernel per page (Binder, the hub).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
import sys
from pathlib import Path

from . import config, i18n
from .lazy import on_first_use

# Voilà (~3 s), the fork server's provisioner (~0.5 s) and the store (~0.4 s) load when the
# server starts, not for `python -m workbook --help` or the room's banner.
kernels = on_first_use("workbook.kernels")
store = on_first_use("workbook.store")
voila_app = on_first_use("voila.app")

NOTEBOOKS_DIR = config.PROJECT_DIR / "notebooks"
# The workbook's Voilà template (start page, plan-keeping links) lives in the package.
JUPYTER_DATA = Path(__file__).resolve().parent / "share"
APP_NOTEBOOK = JUPYTER_DATA / "app" / "werkboek.ipynb"
TEMPLATE = "werkboek"
CULL_IDLE_SECONDS = 15 * 60
CULL_INTERVAL_SECONDS = 60
DESIGNS = ("one-page", "pages")
# Voilà's preheated kernels kept ready (one-page design). None by default: the app view's
# kernels are forks of a loaded process (workbook/kernels.py) and start in a fraction of a
# second; a pool of fresh kernels measured slower and heavier (benchmarks/results.md).
DEFAULT_POOL = 0
# After a team takes a kernel, the pool is refilled this much later, so that refills do not
# compete for the processor with the teams that just arrived.
POOL_REFILL_DELAY_SECONDS = 5
# A page's connection to its kernel is dropped when no pong came for ws_ping_timeout ms, checked
# at each ping (every ws_ping_interval ms). Jupyter's default timeout (30 s) drops a participant
# whose laptop is busy loading the page while thirty teams arrive. The timeout must stay well
# above the interval: the check runs on a timer that fires late on a busy server, so with the
# two equal (as here until December) every connection was closed at its first check.
WEBSOCKET_SETTINGS = {"ws_ping_interval": 30_000, "ws_ping_timeout": 300_000}
# After a cell's reply, Voilà waits this long for the rest of its output (the widgets) before it
# gives up on them; nbclient's 4 s lost the start page of 6 of 30 teams arriving together.
IOPUB_TIMEOUT_SECONDS = 120


#: The kernel client a page's notebook runs with: one that cannot miss the cell's reply.
KERNEL_CLIENT = "workbook.kernel_client.KernelClient"


def voila_arguments(ip: str, port: int, token: str | None, root: Path = NOTEBOOKS_DIR,
                    open_browser: bool = False, design: str = "one-page",
                    pool: int = DEFAULT_POOL, notebook: Path = APP_NOTEBOOK) -> list[str]:
    """The Voilà command line for the workbook; a token is required off the loopback address."""
    if token is None and not ip.startswith("127."):
        raise ValueError("serving beyond this computer needs a token")
    if design not in DESIGNS:
        raise ValueError(f"unknown design {design!r}; known: {', '.join(DESIGNS)}")
    served = [str(root)]
    if design == "one-page":
        served = [str(notebook)]
        if pool > 0:
            served += [
                "--VoilaConfiguration.preheat_kernel=True",
                f"--VoilaConfiguration.default_pool_size={pool}",
                f"--VoilaKernelManager.fill_delay={POOL_REFILL_DELAY_SECONDS}",
            ]
    arguments = [
        sys.executable,
        "-m",
        "workbook.app",
        *served,
        *([] if open_browser else ["--no-browser"]),
        f"--Voila.ip={ip}",
        f"--port={port}",
        "--Voila.port_retries=0",
        f"--MappingKernelManager.cull_idle_timeout={CULL_IDLE_SECONDS}",
        f"--MappingKernelManager.cull_interval={CULL_INTERVAL_SECONDS}",
        "--MappingKernelManager.cull_connected=False",
        "--VoilaConfiguration.show_tracebacks=False",
        f"--VoilaExecutor.iopub_timeout={IOPUB_TIMEOUT_SECONDS}",
        f"--AsyncKernelManager.client_class={KERNEL_CLIENT}",
        f"--VoilaConfiguration.template={TEMPLATE}",
        "--VoilaConfiguration.classic_tree=True",
        "--VoilaConfiguration.file_allowlist=.*\\.(png|jpg|gif|svg|css)",
    ]
    arguments.append(f"--token={token}" if token else "--Voila.token=")
    return arguments


def _outward_address() -> str | None:
    """The address this machine uses on the network (no packet is sent)."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("10.255.255.255", 1))
        return probe.getsockname()[0]
    return None


def room_addresses(port: int, token: str) -> list[str]:
    """The URLs a facilitator hands out: one per address this machine has on the network
    (loopback addresses only reach the facilitator's own computer, so they are left out)."""
    names = {socket.gethostname(), _outward_address()}
    with contextlib.suppress(OSError):
        names |= {
            info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
        }
    names = {name for name in names if name and not name.startswith("127.")}
    return [f"http://{name}:{port}/?token={token}" for name in sorted(names)]


def prepare_store() -> None:
    """Create (or upgrade) the store once, before any team's kernel opens it: ten kernels
    that all find a new store at the same moment queue for its write lock."""
    store.open_store().close()


def serve(ip: str, port: int, token: str | None, open_browser: bool = False,
          design: str = "one-page", pool: int = DEFAULT_POOL) -> int:
    """Replace this process by Voilà (so Ctrl+C stops the server directly)."""
    arguments = voila_arguments(ip, port, token, open_browser=open_browser, design=design,
                                pool=pool)
    os.execv(arguments[0], arguments)
    return 0  # pragma: no cover


def new_token() -> str:
    return secrets.token_urlsafe(18)


def run_voila(argv: list[str]) -> int:
    """Voilà with the workbook's template on its search path (``python -m workbook.app ...``)."""
    paths = [str(JUPYTER_DATA), *filter(None, os.environ.get("JUPYTER_PATH", "").split(os.pathsep))]
    os.environ["JUPYTER_PATH"] = os.pathsep.join(dict.fromkeys(paths))
    prepare_store()
    if any(argument.endswith(".ipynb") for argument in argv):
        kernels.start_fork_server()
    # <html lang> of a notebook page before its kernel says more: the machine's language
    # (WORKBOOK_LANG) or Dutch; the page's script follows ?lang= and the one-page app's state.
    argv = [*argv, f"--HTMLExporter.language_code={i18n.language()}"]
    sys.argv = ["voila", *argv]
    voila = voila_app.Voila.instance()
    voila.initialize(argv)
    voila.tornado_settings = {**voila.tornado_settings, **WEBSOCKET_SETTINGS}
    voila.start()
    return 0


if __name__ == "__main__":
    sys.exit(run_voila(sys.argv[1:]))
