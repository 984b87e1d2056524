# A hub user's server (jupyterhub-singleuser --config=this file): the workbook's app view
# (Voilà as a server extension) and nothing else — no JupyterLab, no terminals, no REST API
# beyond the page's own kernel (workbook.hub.singleuser), widget messages only.
import os

from workbook.app import (
    CULL_IDLE_SECONDS,
    CULL_INTERVAL_SECONDS,
    IOPUB_TIMEOUT_SECONDS,
    JUPYTER_DATA,
    KERNEL_CLIENT,
    TEMPLATE,
)

c = get_config()  # noqa: F821 (traitlets config file)

# The workbook's Voilà template, for this server and the kernels it starts (as workbook.app).
_paths = [str(JUPYTER_DATA), *filter(None, os.environ.get("JUPYTER_PATH", "").split(os.pathsep))]
os.environ["JUPYTER_PATH"] = os.pathsep.join(dict.fromkeys(_paths))

c.ServerApp.jpserver_extensions = {
    "voila": True,
    "jupyterlab": False,
    "notebook": False,
    "notebook_shim": False,
    "jupyter_lsp": False,
    "jupyter_server_terminals": False,
    "nbclassic": False,
    "jupyterlab_server": False,
}
c.ServerApp.terminals_enabled = False
c.ServerApp.authorizer_class = "workbook.hub.singleuser.AppViewOnlyAuthorizer"
# As Voilà's own server (voila/app.py): a browser may talk to widgets, never execute code.
c.MappingKernelManager.allowed_message_types = [
    "comm_open", "comm_close", "comm_msg", "comm_info_request", "kernel_info_request",
    "shutdown_request",
]
c.MappingKernelManager.cull_idle_timeout = CULL_IDLE_SECONDS
c.MappingKernelManager.cull_interval = CULL_INTERVAL_SECONDS
c.MappingKernelManager.cull_connected = False
c.MappingKernelManager.allow_tracebacks = False
# As workbook.app: the kernel client that cannot miss a cell's reply (workbook/kernel_client.py),
# and the wait for a cell's widgets on a busy server.
c.AsyncKernelManager.client_class = KERNEL_CLIENT
c.VoilaExecutor.iopub_timeout = IOPUB_TIMEOUT_SECONDS
c.VoilaConfiguration.template = TEMPLATE
c.VoilaConfiguration.show_tracebacks = False
c.VoilaConfiguration.classic_tree = True
c.VoilaConfiguration.file_allowlist = [r".*\.(png|jpg|gif|svg|css)"]
# The local hub runs every server as the hub's own user (root on the project's machines);
# on Kubernetes the image's user is not root.
c.ServerApp.allow_root = True
