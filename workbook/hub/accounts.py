"""Who may log in: NativeAuthenticator (JupyterHub's own, maintained by the JupyterHub team),
with one rule added: only a name a facilitator created (a hub user, see :mod:`.workshops`)
can be signed up for. The team chooses its password on that sign-up, the hub keeps its
bcrypt hash in the hub's own database (PostgreSQL), and the team logs in with it months later.
"""

from __future__ import annotations

from jupyterhub import orm
from nativeauthenticator import NativeAuthenticator
from nativeauthenticator.handlers import SignUpHandler

#: What the sign-up page says (Dutch first, then English), instead of NativeAuthenticator's
#: "sent to the admin", which is not what happens here.
SIGNED_UP = ("Je account is klaar: log nu in met je naam en je wachtwoord. "
             "/ Your account is ready: log in with your name and your password.")
UNKNOWN_NAME = ("Deze naam kent de hub niet, of het wachtwoord is te kort (minstens {length} "
                "tekens) of te gewoon. Vraag je begeleider naar de naam van je team. "
                "/ The hub does not know this name, or the password is too short (at least "
                "{length} characters) or too common. Ask your facilitator for your team's name.")


class WorkshopSignUpHandler(SignUpHandler):
    def get_result_message(self, user, assume_user_is_human, username_already_taken,
                           confirmation_matches, user_is_admin):
        alert, message = super().get_result_message(
            user, assume_user_is_human, username_already_taken, confirmation_matches,
            user_is_admin)
        if user is not None and user.is_authorized:
            return "alert-success", SIGNED_UP
        if user is None and assume_user_is_human and confirmation_matches \
                and not username_already_taken:
            return "alert-danger", UNKNOWN_NAME.format(
                length=self.authenticator.minimum_password_length)
        return alert, message


class WorkshopAuthenticator(NativeAuthenticator):
    """NativeAuthenticator whose sign-up accepts the names of the hub's users only, and
    authorizes them at once (a facilitator vouched for them by creating them)."""

    def hub_user_names(self) -> set[str]:
        return {name for (name,) in self.db.query(orm.User.name)}

    def get_authed_users(self) -> set[str]:
        return super().get_authed_users() | self.hub_user_names()

    def get_handlers(self, app):
        return [(path, WorkshopSignUpHandler if handler is SignUpHandler else handler)
                for path, handler in super().get_handlers(app)]

    def create_user(self, username: str, password: str, **kwargs):
        if self.normalize_username(username) not in self.hub_user_names():
            return None  # the sign-up page says it failed; nothing is stored
        return super().create_user(username, password, **kwargs)
