# The hub's image on Kubernetes: the chart's own (JupyterHub 5.5, NativeAuthenticator 1.3,
# idle culler) plus the workbook package for workbook.hub (authenticator, spawn hook).
#   docker build -f deploy/hub.Dockerfile -t ghcr.io/werkboek-disseminatie/werkboek-hub:0.1.0 .
FROM quay.io/jupyterhub/k8s-hub:4.4.0
COPY --chown=jovyan . /srv/werkboek
RUN python -m pip install --no-cache-dir "/srv/werkboek[hub]"
