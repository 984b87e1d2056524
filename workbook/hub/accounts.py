"""Who may log in: NativeAuthenticator (JupyterHub's own, maintained by the JupyterHub team),
with one rule added: only a name a facilitator created (a hub user, see :mod:`.workshops`)
can be signed up for. The team chooses its password on that sign-up, the hub keeps its
bcrypt hash in the hub's own database (PostgreSQL), and the team logs in with it months later.
"""

from __future__ import annotations

from jupyterhub import orm
from nativeauthenticator import NativeAuthenticator


class WorkshopAuthenticator(NativeAuthenticator):
    """NativeAuthenticator whose sign-up accepts the names of the hub's users only, and
    authorizes them at once (a facilitator vouched for them by creating them)."""

    def hub_user_names(self) -> set[str]:
        return {name for (name,) in self.db.query(orm.User.name)}

    def get_authed_users(self) -> set[str]:
        return super().get_authed_users() | self.hub_user_names()

    def create_user(self, username: str, password: str, **kwargs):
        if self.normalize_username(username) not in self.hub_user_names():
            return None  # the sign-up page says it failed; nothing is stored
        return super().create_user(username, password, **kwargs)
