# Werkboek Disseminatie — every command sets itself up (a .venv in the repo) on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Bytecode for the package, as pip writes it for the libraries: kernels then skip compiling
# it again, also where PYTHONDONTWRITEBYTECODE is set (as on the CI machines).
COMPILE = $(BIN)/python -m compileall -q workbook

NODE_STAMP := node_modules/.installed

.PHONY: setup hub hub-setup workshop image workbook test test-unit test-notebooks test-browser notebooks lint bench app room clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench,hub]'
	$(COMPILE)
	touch $(STAMP)

## Open the workbook in JupyterLab at the welcome notebook.
workbook: setup
	$(BIN)/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) notebooks/00-welkom.ipynb

## The whole suite: lint, unit tests, notebooks under nbval, browser tests.
test: hub-setup
	$(BIN)/ruff check workbook tests scripts benchmarks deploy
	$(BIN)/python -m pytest

test-unit: setup
	$(BIN)/python -m pytest tests -m "not browser"

test-notebooks: setup
	$(BIN)/python -m pytest notebooks

# The browser tests run axe-core (package.json) from node_modules/: npm ci first.
test-browser: setup $(NODE_STAMP)
	$(BIN)/python -m pytest tests -m browser

## Re-run every notebook on a fresh copy of the demo plan and store its outputs.
notebooks: setup
	$(BIN)/python scripts/regenerate_notebooks.py

## Benchmarks: prints a table of figures against the budgets and writes benchmarks/results.md.
bench: setup
	$(COMPILE)
	$(BIN)/python benchmarks/run.py

## The app view (Voilà): the workbook as pages with prose and forms, no code, on this computer.
app: setup
	$(BIN)/python -m workbook app $(if $(PORT),--port $(PORT))

## Room mode: the app view for the participants' browsers on the room's network; prints the
## access token and the addresses to hand out. Options: make room IP=... PORT=... TOKEN=...
room: setup
	$(BIN)/python -m workbook room $(if $(IP),--ip $(IP)) $(if $(PORT),--port $(PORT)) $(if $(TOKEN),--token $(TOKEN))

## The agency's hub: JupyterHub on http://127.0.0.1:8000/hub/ with a server per team (the app
## view), the store in PostgreSQL (databases werkboek and werkboek_hub, made when missing).
hub: hub-setup
	$(BIN)/python -m workbook.hub serve

hub-setup: setup $(NODE_STAMP)

# configurable-http-proxy (the hub) and axe-core (the accessibility tests), pinned in
# package.json and package-lock.json, into node_modules/
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

## The server image for Zero to JupyterHub (deploy/values.yaml), built from environment.yml
## by repo2docker (needs Docker): make image VERSION=0.1.0
IMAGE ?= ghcr.io/werkboek-disseminatie/werkboek
VERSION ?= 0.1.0
image:
	repo2docker --no-run --user-name jovyan --image-name $(IMAGE):$(VERSION) .

## A workshop on the running hub: make workshop CODE=gent-2026 FACILITATOR=an TEAMS="gent-1 gent-2"
workshop: setup
	$(BIN)/python -m workbook.hub workshop $(CODE) --facilitator $(FACILITATOR) --teams $(TEAMS)

lint: setup
	$(BIN)/ruff check workbook tests scripts benchmarks deploy

clean:
	rm -rf $(VENV) test-artifacts .pytest_cache node_modules
