"""The agency's hub for the integration tests: ``python -m workbook.hub serve`` (what
``make hub`` runs) on 127.0.0.1 with free ports, its own state folder, and fresh databases on
the machine's PostgreSQL; it can be stopped and started again on the same state."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from servers import ARTIFACTS, ROOT, free_port

START_TIMEOUT = 180  # s: the machine may be busy; the hub itself starts in about 10 s


class Hub:
    def __init__(self, state: Path, store_admin_url: str, hub_db_url: str, prefix: str) -> None:
        self.state = state
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "WORKBOOK_DB_URL": store_admin_url,
            "WORKBOOK_HUB_DB_URL": hub_db_url,
            "WORKBOOK_HUB_STATE": str(state),
            "WORKBOOK_HUB_PORT": str(self.port),
            "WORKBOOK_HUB_PROXY_API_PORT": str(free_port()),
            "WORKBOOK_HUB_INTERNAL_PORT": str(free_port()),
            "WORKBOOK_HUB_ROLE_PREFIX": prefix,
            "WORKBOOK_TODAY": "2026-03-15",
            "WORKBOOK_LANG": "nl",
        }
        self.process: subprocess.Popen | None = None
        self.starts = 0

    def start(self) -> None:
        self.starts += 1
        log = (ARTIFACTS / f"hub-{self.port}-{self.starts}.log").open("w")
        self.process = subprocess.Popen([sys.executable, "-m", "workbook.hub", "serve"],
                                        env=self.env, cwd=ROOT, stdout=log,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the hub stopped at start; see {log.name}")
            try:
                with urllib.request.urlopen(f"{self.base}/hub/api", timeout=5) as answer:
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.5)
        raise TimeoutError(f"the hub did not answer within {START_TIMEOUT} s; see {log.name}")

    def stop(self) -> None:
        """SIGTERM to the hub alone: it stops the servers and the proxy itself."""
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=90)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.process = None
        proxy = self.state / "jupyterhub-proxy.pid"
        if proxy.exists():  # left behind only by a hub that did not stop cleanly
            with contextlib.suppress(ValueError, ProcessLookupError):
                os.kill(int(proxy.read_text()), signal.SIGTERM)
