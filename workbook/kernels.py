"""Kernels for the app view, forked from one process that has already loaded the workbook.

A new Python kernel spends 3–4 s of processor importing IPython, pandas, Matplotlib,
ipywidgets and the workbook, and keeps ≈150 MB of its own. Ten teams arriving together on
a 2-core laptop queue behind each other's imports, and a pool of preheated kernels only
moves that work (and its refills compete with the teams). Here the imports happen once, in
a fork server (:mod:`multiprocessing`'s ``forkserver``): every kernel is a fork of it, ready
in a fraction of a second, and shares the loaded modules' memory with its siblings.

The provisioner is Jupyter's own local one with one step changed — how the kernel process
is started — so connection files, signals, interrupts, restarts and culling behave as for
any local kernel. The kernel spec ``werkboek`` (``share/kernels/werkboek``) names it; the
app view's notebook uses that kernel.
"""

from __future__ import annotations

import asyncio
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from multiprocessing import forkserver
from typing import Any

from jupyter_client.connect import KernelConnectionInfo
from jupyter_client.provisioning import LocalProvisioner

from .lazy import on_first_use

# The kernel itself (~90 ms): loaded in the fork server, never in the Jupyter server.
kernelapp = on_first_use("ipykernel.kernelapp")

# Loaded in the fork server, before any kernel forks from it (see kernel_preload.py). Voilà
# too: a child made from the Voilà server imports it while it unpacks its start request, and
# that import alone (Jupyter server, jsonschema, a grammar compiled by lark) was ≈1.5 s of
# processor in every kernel — 10 teams at once waited 80 s for their first byte, not 5 s.
PRELOAD = ["voila.app", "workbook.kernel_preload", "workbook.kernels"]
# A process that forks must have one thread: a lock held by another thread at the fork stays
# locked in the child for ever. NumPy's OpenBLAS starts worker threads when it loads unless
# told not to (the workbook's tables are small: one thread loses nothing).
SINGLE_THREADED = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}

_context: Any = None


def _fork_server() -> Any:
    global _context
    if _context is None:
        for name, value in SINGLE_THREADED.items():
            os.environ[name] = value  # the fork server inherits this environment
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        _context = context
    return _context


#: How often a forked kernel checks that the Jupyter server that asked for it still runs.
SERVER_CHECK_SECONDS = 2.0


def follow_server(server_pid: int, interval: float = SERVER_CHECK_SECONDS) -> threading.Thread:
    """End this kernel when the Jupyter server ``server_pid`` is gone.

    A forked kernel's parent is the fork server, not the Jupyter server, so ipykernel's own
    parent check never fires: a server that was killed (a hub's culler, a crash) left its
    kernel and fork server running (≈400 MB each, seen after the hub test)."""

    def watch() -> None:
        while True:
            time.sleep(interval)
            try:
                os.kill(server_pid, 0)
            except ProcessLookupError:
                os.kill(os.getpid(), signal.SIGTERM)
                return

    watcher = threading.Thread(target=watch, name="werkboek-follow-server", daemon=True)
    watcher.start()
    return watcher


def run_kernel(argv: list[str], env: dict[str, str], cwd: str,
               server_pid: int | None = None) -> None:
    """The forked child: become a kernel of its own (session, environment, folder)."""
    os.setsid()  # its own process group: signals to the kernel never reach its siblings
    signal.signal(signal.SIGINT, signal.default_int_handler)
    gc.freeze()  # the loaded modules stay shared with the siblings: the collector skips them
    os.environ.clear()
    os.environ.update(env)
    os.chdir(cwd)
    if server_pid is not None:
        follow_server(server_pid)
    sys.argv = [sys.executable, *argv]
    kernelapp.IPKernelApp.launch_instance(argv=argv)


class ForkedProcess:
    """The part of :class:`subprocess.Popen` that Jupyter's local provisioner uses."""

    stdin = stdout = stderr = None

    def __init__(self, process: Any) -> None:
        self._process = process
        self.pid: int = process.pid

    def poll(self) -> int | None:
        return None if self._process.is_alive() else self._process.exitcode

    def wait(self, timeout: float | None = None) -> int | None:
        self._process.join(timeout)
        return self._process.exitcode

    def send_signal(self, signum: int) -> None:
        os.kill(self.pid, signum)

    def terminate(self) -> None:
        self._process.terminate()

    def kill(self) -> None:
        self._process.kill()


def kernel_arguments(cmd: list[str]) -> list[str]:
    """The kernel's own arguments from its spec's command (``python -m ipykernel_launcher
    -f FILE`` → ``-f FILE``)."""
    for index, part in enumerate(cmd):
        if part.endswith(("ipykernel_launcher", "ipykernel")):
            return cmd[index + 1:]
    raise ValueError(f"not an IPython kernel command: {cmd!r}")


class ForkingProvisioner(LocalProvisioner):
    """Jupyter's local provisioner, starting each kernel as a fork of the loaded workbook."""

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> KernelConnectionInfo:
        argv = kernel_arguments(cmd)
        env = dict(kwargs.get("env") or os.environ)
        cwd = str(kwargs.get("cwd") or os.getcwd())
        process = _fork_server().Process(target=run_kernel, args=(argv, env, cwd, os.getpid()),
                                         name="werkboek-kernel")
        # The first start boots the fork server (the imports, once): not on the event loop.
        await asyncio.get_running_loop().run_in_executor(None, process.start)
        self.process = ForkedProcess(process)
        self.pid = process.pid
        self.pgid = process.pid
        self.cwd = cwd
        return self.connection_info


def start_fork_server() -> None:
    """Boot the fork server now (the app view does this when it starts, so the first team
    does not wait for the imports)."""
    process = _fork_server().Process(target=os.getpid)
    process.start()
    process.join()


def fork_server_threads() -> int:
    """How many threads the fork server runs (it must be one; tests check)."""
    pid = forkserver._forkserver._forkserver_pid
    return len(os.listdir(f"/proc/{pid}/task"))
