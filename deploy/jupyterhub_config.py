# The agency's hub on one machine (make hub): JupyterHub behind configurable-http-proxy on
# 127.0.0.1, a server per team spawned locally, the app view as its landing page, accounts
# through NativeAuthenticator, the store on PostgreSQL with a database role per hub user,
# idle servers culled. Every setting comes from workbook.hub.settings (environment, defaults).
# On Kubernetes, deploy/values.yaml (Zero to JupyterHub) sets the same things.
import sys

from workbook.hub import names, settings
from workbook.hub.spawning import make_pre_spawn_hook, notebooks_dir

c = get_config()  # noqa: F821 (traitlets config file)
hub = settings.HubSettings.from_environment()

# ----- where it listens, where it keeps its state -----------------------------------------
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = hub.port
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = hub.internal_port
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{hub.proxy_api_port}"
c.ConfigurableHTTPProxy.command = [str(settings.PROXY_COMMAND)]
c.ConfigurableHTTPProxy.auth_token = hub.secret("proxy-token")
c.JupyterHub.cookie_secret_file = str(hub.state_dir / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(hub.state_dir / "jupyterhub.pid")
c.JupyterHub.db_url = hub.hub_db_url  # the hub's own database: users, groups, passwords
c.JupyterHub.cleanup_servers = True

# ----- accounts: teams and facilitators ---------------------------------------------------
c.JupyterHub.authenticator_class = settings.AUTHENTICATOR_CLASS
c.JupyterHub.template_paths = [str(settings.DEPLOY_DIR / "templates")]  # Dutch first
c.Authenticator.allow_existing_users = True  # the users a facilitator created (workshops.py)
c.Authenticator.admin_users = set(hub.admins)
c.Authenticator.username_pattern = names.USERNAME_PATTERN
c.NativeAuthenticator.enable_signup = True
c.NativeAuthenticator.open_signup = False
c.NativeAuthenticator.minimum_password_length = 8
c.NativeAuthenticator.check_common_password = True
c.NativeAuthenticator.allowed_failed_logins = 5
c.NativeAuthenticator.seconds_before_next_try = 600

c.JupyterHub.custom_scopes = {
    "custom:werkboek:overview": {
        "description": "Read the plans of the teams of one's own workshops (06 — Overzicht).",
    },
}
c.JupyterHub.load_roles = [
    {"name": names.TEAM_ROLE, "description": "A project team: its own server, its own plan.",
     "scopes": ["self"], "groups": [names.TEAM_GROUP]},
    {"name": names.FACILITATOR_ROLE,
     "description": "A facilitator: its own server; reads its workshops' teams' plans.",
     "scopes": ["self", "custom:werkboek:overview"], "groups": [names.FACILITATOR_GROUP]},
    {"name": "idle-culler", "description": "Stops servers nobody used for a while.",
     "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
     "services": ["idle-culler"]},
    {"name": "workshops", "description": "Creates workshops, their teams and facilitators.",
     "scopes": ["admin:users", "admin:groups", "list:users", "list:groups"],
     "services": ["workshops"]},
]
c.JupyterHub.services = [
    {"name": "idle-culler",
     "command": [sys.executable, "-m", "jupyterhub_idle_culler",
                 f"--timeout={hub.cull_timeout}", f"--cull-every={hub.cull_every}"]},
    {"name": "workshops", "api_token": hub.secret("workshops-token")},
]

# ----- a server per hub user: the app view, on this machine --------------------------------
c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
c.Spawner.ip = "127.0.0.1"
c.Spawner.cmd = [sys.executable, "-m", "jupyterhub.singleuser"]
c.Spawner.args = [f"--config={settings.SERVER_CONFIG}"]
c.Spawner.notebook_dir = str(notebooks_dir())
c.Spawner.default_url = names.TEAM_LANDING
c.Spawner.pre_spawn_hook = make_pre_spawn_hook(hub.store_admin_url)
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.SimpleLocalProcessSpawner.home_dir_template = str(hub.state_dir / "home" / "{username}")
c.Spawner.mem_limit = hub.mem_limit  # enforced on Kubernetes; here a figure for the servers
c.JupyterHub.redirect_to_server = True
