"""The hub's settings, from the environment with defaults that fit this machine
(PostgreSQL at 127.0.0.1:5432; ports 8000, 8001, 8081), and the secrets it keeps."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from .. import config
from .names import DB_URL_VARIABLE

AUTHENTICATOR_CLASS = "workbook.hub.accounts.WorkshopAuthenticator"
DEPLOY_DIR = config.PROJECT_DIR / "deploy"
HUB_CONFIG = DEPLOY_DIR / "jupyterhub_config.py"
SERVER_CONFIG = DEPLOY_DIR / "jupyter_server_config.py"
PROXY_COMMAND = config.PROJECT_DIR / "node_modules" / ".bin" / "configurable-http-proxy"
DEFAULT_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432"


def _port(name: str, default: int) -> int:
    value = os.environ.get(name) or str(default)
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise config.ConfigError(f"{name}={value!r}: expected a port number, e.g. {default}")
    return int(value)


@dataclass(frozen=True)
class HubSettings:
    port: int = 8000
    proxy_api_port: int = 8001
    internal_port: int = 8081
    #: The workbook's store, as its owner: the hub makes the teams' roles in it.
    store_admin_url: str = f"{DEFAULT_SERVER}/werkboek"
    #: JupyterHub's own database (users, groups, NativeAuthenticator's password hashes).
    hub_db_url: str = f"{DEFAULT_SERVER}/werkboek_hub"
    state_dir: Path = config.PROJECT_DIR / "var" / "hub"
    cull_timeout: int = 3600
    cull_every: int = 300
    mem_limit: str = "1G"  # as singleuser.memory.limit in deploy/values.yaml
    admins: tuple[str, ...] = field(default_factory=tuple)

    @classmethod
    def from_environment(cls) -> HubSettings:
        env = os.environ
        defaults = cls()
        return cls(
            port=_port("WORKBOOK_HUB_PORT", defaults.port),
            proxy_api_port=_port("WORKBOOK_HUB_PROXY_API_PORT", defaults.proxy_api_port),
            internal_port=_port("WORKBOOK_HUB_INTERNAL_PORT", defaults.internal_port),
            store_admin_url=env.get(DB_URL_VARIABLE) or defaults.store_admin_url,
            hub_db_url=env.get("WORKBOOK_HUB_DB_URL") or defaults.hub_db_url,
            state_dir=Path(env.get("WORKBOOK_HUB_STATE") or defaults.state_dir).expanduser(),
            cull_timeout=_port("WORKBOOK_HUB_CULL_TIMEOUT", defaults.cull_timeout),
            admins=tuple(filter(None, (env.get("WORKBOOK_HUB_ADMINS") or "").split(","))),
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def secret(self, name: str) -> str:
        """A secret kept in the state folder (made on first use, readable by its owner only)."""
        self.state_dir.mkdir(parents=True, exist_ok=True)
        path = self.state_dir / name
        if not path.exists():
            path.touch(mode=0o600)
            path.write_text(secrets.token_hex(32))
        return path.read_text().strip()
