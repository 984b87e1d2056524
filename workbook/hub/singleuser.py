"""A team's (and a facilitator's) server: the app view and nothing else.

The single-user server runs Voilà as a Jupyter server extension. This authorizer lets a
logged-in hub user do only what the app view's pages need — talk to the kernel a page started
(and only with the widget messages Voilà allows, ``MappingKernelManager.allowed_message_types``
in ``deploy/jupyter_server_config.py``) — and refuses the rest of Jupyter's REST API: no new
kernels or sessions, no file contents (read or write), no terminals. So a team has no way to
run code of its own; even if it found one, its database role reaches its own rows only
(:mod:`.rowsecurity`).
"""

from __future__ import annotations

from jupyterhub.singleuser.extension import JupyterHubAuthorizer

#: (action, resource) pairs a page of the app view needs; everything else is refused.
ALLOWED = frozenset({("execute", "kernels"), ("read", "kernels"), ("read", "kernelspecs")})


class AppViewOnlyAuthorizer(JupyterHubAuthorizer):
    def is_authorized(self, handler, user, action: str, resource: str) -> bool:
        if (action, resource) not in ALLOWED:
            self.log.warning("refused: %s %s by %s (%s)", action, resource,
                             getattr(user, "username", user), handler.request.path)
            return False
        return super().is_authorized(handler, user, action, resource)
