"""``python -m workbook.hub serve`` (make hub): make the databases when the server lacks them,
the store's schema and its row-level security, then run JupyterHub with deploy's config."""

from __future__ import annotations

import os
import sys

from . import rowsecurity
from .settings import HUB_CONFIG, PROXY_COMMAND, HubSettings


def prepare(hub: HubSettings) -> None:
    for url in (hub.hub_db_url, hub.store_admin_url):
        if rowsecurity.ensure_database(url):
            print(f"database made: {url.rsplit('/', 1)[-1]}", flush=True)
    rowsecurity.prepare(hub.store_admin_url)
    hub.state_dir.mkdir(parents=True, exist_ok=True)


def serve() -> int:
    hub = HubSettings.from_environment()
    if not PROXY_COMMAND.exists():
        print(f"{PROXY_COMMAND} is missing: run 'make hub' (npm ci installs it)", file=sys.stderr)
        return 2
    prepare(hub)
    print(f"JupyterHub on {hub.url}/hub/ — teams sign up at {hub.url}/hub/signup", flush=True)
    os.chdir(hub.state_dir)
    arguments = [sys.executable, "-m", "jupyterhub", "-f", str(HUB_CONFIG)]
    os.execv(arguments[0], arguments)
    return 0  # pragma: no cover
