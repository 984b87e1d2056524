# hub.extraConfig for Zero to JupyterHub (deploy/values.yaml): what values.yaml cannot say —
# the spawn hook that makes each hub user's database role and hands its server that role's
# store URL, and the landing page per role. The same hook as the local hub's.
import os

from workbook.hub.spawning import make_pre_spawn_hook

c = get_config()  # noqa: F821 (traitlets config file)
c.KubeSpawner.pre_spawn_hook = make_pre_spawn_hook(os.environ["WORKBOOK_DB_URL"])
