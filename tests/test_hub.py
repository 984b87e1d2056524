"""The agency's hub with the real parts: JupyterHub and configurable-http-proxy on 127.0.0.1, a
server per team spawned locally, the store and the hub's database on the machine's PostgreSQL,
and Debian's Chromium. Two teams of one workshop sign up, log in and each add a planning row in
the app view; their facilitator sees both in the overview, the facilitator of another workshop
neither; team A's attempts on team B's plan fail; after a restart of the hub team A logs in
with its password and finds its row."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
import uuid

import psycopg
import pytest
from hubserver import Hub
from pg import drop, fresh_database
from servers import ARTIFACTS
from test_app import add_button, fill_planning_row

import workbook.forms.overview  # noqa: F401 (registers the overview's texts)
from workbook.hub import names, rowsecurity
from workbook.hub.settings import PROXY_COMMAND
from workbook.hub.workshops import HubClient, create_workshop
from workbook.i18n import t

pytestmark = [pytest.mark.hub, pytest.mark.browser]

SPAWN_TIMEOUT = 240_000  # ms: log-in, a server started, Voilà running the landing page
PAGE_TIMEOUT = 120_000
VIEWPORT = {"width": 1280, "height": 900}
PASSWORDS = {"team-a": "Zomer-in-Gent-26", "team-b": "Brugse-Zot-2026",
             "lead-1": "Begeleider-Een-1", "lead-2": "Begeleider-Twee-2"}
ROWS = {"team-a": "Ouderavond team A (hubtest)", "team-b": "Logowedstrijd team B (hubtest)"}


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory):
    if not PROXY_COMMAND.exists():
        reason = f"{PROXY_COMMAND} missing (make hub-setup runs npm ci)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(f"{reason}; hub test skipped")
    monkeypatch = pytest.MonkeyPatch()
    with fresh_database(monkeypatch) as (store_url, prefix):
        hub_db = store_url.rsplit("/", 1)[0] + f"/werkboek_hub_test_{uuid.uuid4().hex[:8]}"
        ARTIFACTS.mkdir(exist_ok=True)
        running = Hub(tmp_path_factory.mktemp("hub-state"), store_url, hub_db, prefix)
        try:
            running.start()
            client = HubClient(running.base, (running.state / "workshops-token").read_text())
            create_workshop(client, "w1", ["lead-1"], ["team-a", "team-b"])
            create_workshop(client, "w2", ["lead-2"], [])
            running.store_url = store_url
            yield running
        finally:
            running.stop()
            drop(hub_db.rsplit("/", 1)[1])  # the hub's database (the roles go with the store's)
            monkeypatch.undo()


def sign_up(page, base: str, name: str) -> None:
    page.goto(f"{base}/hub/signup")
    page.fill("input[name=username]", name)
    page.fill("input[name=signup_password]", PASSWORDS[name])
    page.fill("input[name=signup_password_confirmation]", PASSWORDS[name])
    page.locator("#signup_submit").click()
    page.locator(".alert-success").wait_for(timeout=PAGE_TIMEOUT)


def log_in(page, base: str, name: str, landing: str) -> None:
    """Log in and wait for the landing page of the app view (the server starts first)."""
    page.goto(f"{base}/hub/login")
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", PASSWORDS[name])
    page.locator("#login_submit").click()
    path, _, query = landing.partition("?")
    page.wait_for_url(lambda url: f"/user/{name}{path}" in url, timeout=SPAWN_TIMEOUT)
    ready = "#werkboek-start" if not query else f".wb-section-{query.split('=')[1]} .wb-nav"
    page.wait_for_selector(ready, timeout=PAGE_TIMEOUT)


def open_planning(page, base: str, name: str, query: str = "") -> None:
    """The planning section of the team's app view (``query``: more of the address)."""
    page.goto(f"{base}/user/{name}{names.TEAM_LANDING}?page=04-aan-de-slag{query}")
    page.wait_for_selector(".wb-section-04-aan-de-slag .wb-nav", timeout=PAGE_TIMEOUT)


def page_text(page) -> str:
    return page.locator("body").inner_text()


def status(url: str, token: str, method: str = "GET", body: object | None = None) -> int:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"Authorization": f"token {token}"})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def own_token(context, page, base: str, name: str) -> str:
    """An API token the team makes for itself (its scopes: its own server only)."""
    xsrf = next(cookie["value"] for cookie in context.cookies()
                if cookie["name"] == "_xsrf" and cookie["path"].startswith("/hub"))
    answer = page.request.post(f"{base}/hub/api/users/{name}/tokens",
                               headers={"X-XSRFToken": xsrf}, data={"note": "hub test"})
    assert answer.status == 201, answer.text()
    return answer.json()["token"]


def kernel_answers(base: str, name: str, token: str) -> dict[str, bool]:
    """Talk to the kernel of the team's open page over Jupyter's websocket: does it answer a
    kernel_info_request (what widgets need) and an execute_request (code of its own)?"""
    import websocket

    request = urllib.request.Request(f"{base}/user/{name}/api/kernels",
                                     headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        kernel = json.loads(answer.read())[0]["id"]
    socket = websocket.create_connection(
        f"ws://{base.split('//')[1]}/user/{name}/api/kernels/{kernel}/channels",
        header=[f"Authorization: token {token}"], timeout=30)
    sent = {}
    for kind, content in (("execute_request",
                           {"code": "import os; print(os.environ['WORKBOOK_DB_URL'])",
                            "silent": False, "store_history": False, "user_expressions": {},
                            "allow_stdin": False, "stop_on_error": True}),
                          ("kernel_info_request", {})):
        message_id = uuid.uuid4().hex
        sent[message_id] = kind
        socket.send(json.dumps({
            "header": {"msg_id": message_id, "msg_type": kind, "username": name,
                       "session": uuid.uuid4().hex, "version": "5.3", "date": ""},
            "parent_header": {}, "metadata": {}, "content": content, "channel": "shell"}))
    answered = {kind: False for kind in sent.values()}
    socket.settimeout(20)
    try:
        while not all(answered.values()):
            reply = json.loads(socket.recv())
            parent = reply.get("parent_header", {}).get("msg_id")
            if parent in sent:
                answered[sent[parent]] = True
    except websocket.WebSocketTimeoutException:
        pass
    finally:
        socket.close()
    return answered


def test_two_teams_a_facilitator_each_and_a_restart(hub: Hub, browser):
    base = hub.base
    contexts = {}
    for name in ("team-a", "team-b"):
        context = contexts[name] = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        sign_up(page, base, name)
        log_in(page, base, name, names.TEAM_LANDING)
        assert page.locator(".jp-CodeCell .jp-InputArea").count() == 0  # no code shown
        open_planning(page, base, name)
        fill_planning_row(page, ROWS[name], indicator=None)
        add_button(page).click()
        page.locator("td", has_text=ROWS[name]).first.wait_for(timeout=PAGE_TIMEOUT)
        page.screenshot(path=str(ARTIFACTS / f"hub-{name}-row.png"))

    lead = browser.new_context(viewport=VIEWPORT)
    page = lead.new_page()
    sign_up(page, base, "lead-1")
    log_in(page, base, "lead-1", names.FACILITATOR_LANDING)
    for name in ("team-a", "team-b"):  # the overview's widgets show what the store holds
        page.locator(".widget-html", has_text=name).first.wait_for(timeout=PAGE_TIMEOUT)
    overview = page_text(page)
    assert "team-a" in overview and "team-b" in overview
    page.screenshot(path=str(ARTIFACTS / "hub-facilitator-overview.png"), full_page=True)
    lead.close()

    other = browser.new_context(viewport=VIEWPORT)
    page = other.new_page()
    sign_up(page, base, "lead-2")
    log_in(page, base, "lead-2", names.FACILITATOR_LANDING)
    no_teams = t("overview.no_teams", "nl")[:40]
    page.locator(".widget-html", has_text=no_teams).first.wait_for(timeout=PAGE_TIMEOUT)
    overview = page_text(page)
    assert "team-a" not in overview and "team-b" not in overview
    assert ROWS["team-a"] not in overview and ROWS["team-b"] not in overview
    other.close()

    # ----- team A tries to reach team B's plan ------------------------------------------
    context = contexts["team-a"]
    page = context.pages[0]
    answer = page.goto(f"{base}/user/team-b{names.TEAM_LANDING}?page=04-aan-de-slag")
    assert answer.status == 403 or "/user/team-b/" not in page.url, (answer.status, page.url)
    assert ROWS["team-b"] not in page_text(page)
    open_planning(page, base, "team-a", "&plan=team-b")  # a plan of its own by that name
    assert ROWS["team-b"] not in page_text(page)
    open_planning(page, base, "team-a")  # keeps this page's kernel open for the websocket
    token = own_token(context, page, base, "team-a")
    own = f"{base}/user/team-a"
    refused = {
        "list files": status(f"{own}/api/contents", token),
        "write a notebook": status(f"{own}/api/contents/eigen.ipynb", token, "PUT",
                                   {"type": "notebook", "content": None}),
        "download a file": status(f"{own}/files/werkboek.ipynb", token),
        "start a kernel": status(f"{own}/api/kernels", token, "POST", {"name": "python3"}),
        "start a session": status(f"{own}/api/sessions", token, "POST",
                                  {"path": "x.ipynb", "type": "notebook",
                                   "kernel": {"name": "python3"}}),
        "open JupyterLab": status(f"{own}/lab", token),
        "open a terminal": status(f"{own}/api/terminals", token, "POST", {}),
        "team B's server": status(f"{base}/user/team-b/api/kernels", token),
    }
    assert all(code in (403, 404) for code in refused.values()), refused
    answered = kernel_answers(base, "team-a", token)
    assert answered == {"kernel_info_request": True, "execute_request": False}, answered
    for context in contexts.values():
        context.close()

    # ----- the hub restarted: team A logs in again and finds its row ----------------------
    hub.stop()
    hub.start()
    again = browser.new_context(viewport=VIEWPORT)
    page = again.new_page()
    log_in(page, base, "team-a", names.TEAM_LANDING)
    open_planning(page, base, "team-a")
    page.locator("td", has_text=ROWS["team-a"]).first.wait_for(timeout=PAGE_TIMEOUT)
    assert ROWS["team-b"] not in page_text(page)
    again.close()

    with psycopg.connect(rowsecurity.conninfo(hub.store_url)) as conn:  # as the tables' owner
        stored = conn.execute("SELECT p.owner, p.name, a.what FROM activities a "
                              "JOIN plans p ON p.id = a.plan_id ORDER BY a.id").fetchall()
    assert stored == [(names.database_role(name), name, what) for name, what in ROWS.items()]

