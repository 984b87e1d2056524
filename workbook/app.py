"""Start the app view (Voilà): the workbook as pages with prose and forms, no code.

``python -m workbook app`` serves it to this computer only; ``python -m workbook room``
serves it to the participants' browsers on the room's network, guarded by a token that
the command prints. Idle kernels are culled so a long workshop does not pile them up.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
import sys
from pathlib import Path

from . import config

NOTEBOOKS_DIR = config.PROJECT_DIR / "notebooks"
CULL_IDLE_SECONDS = 15 * 60
CULL_INTERVAL_SECONDS = 60


def voila_arguments(ip: str, port: int, token: str | None, root: Path = NOTEBOOKS_DIR) -> list[str]:
    """The Voilà command line for the workbook; a token is required off the loopback address."""
    if token is None and not ip.startswith("127."):
        raise ValueError("serving beyond this computer needs a token")
    arguments = [
        sys.executable,
        "-m",
        "voila",
        str(root),
        "--no-browser",
        f"--Voila.ip={ip}",
        f"--port={port}",
        "--Voila.port_retries=0",
        f"--MappingKernelManager.cull_idle_timeout={CULL_IDLE_SECONDS}",
        f"--MappingKernelManager.cull_interval={CULL_INTERVAL_SECONDS}",
        "--MappingKernelManager.cull_connected=False",
        "--VoilaConfiguration.show_tracebacks=False",
        "--VoilaConfiguration.file_allowlist=['.*\\.(png|jpg|gif|svg|css)']",
    ]
    arguments.append(f"--token={token}" if token else "--Voila.token=")
    return arguments


def room_addresses(port: int, token: str) -> list[str]:
    """The URLs a facilitator hands out: one per address this machine has on the network."""
    names = {socket.gethostname()}
    with contextlib.suppress(OSError):
        names |= {
            info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
        }
    return [f"http://{name}:{port}/?token={token}" for name in sorted(names)]


def serve(ip: str, port: int, token: str | None) -> int:
    """Replace this process by Voilà (so Ctrl+C stops the server directly)."""
    arguments = voila_arguments(ip, port, token)
    os.execv(arguments[0], arguments)
    return 0  # pragma: no cover


def new_token() -> str:
    return secrets.token_urlsafe(18)
