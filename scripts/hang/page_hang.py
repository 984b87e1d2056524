"""Open app-view pages one after another until one never becomes ready (issue 12's hang).

The hang it found (1 page in 2–28 stayed "still executing") was a lost wake-up in the shell
socket's client, mended in ``workbook/kernel_client.py``; since then 60 visits in a row here
became ready. Run it again after upgrading Voilà, jupyter_client, pyzmq or ipykernel.

    PYTHONPATH=. .venv/bin/python scripts/hang/page_hang.py STORE.sqlite [N] [--Session.debug=True]

Every extra argument goes to the Voilà server; ``--Session.debug=True`` makes the server log
every message it sends and receives (read it with ``session_trace.py``). On a hang the
script writes /tmp/hang.png, /tmp/hang-log.txt (console and websocket frames) and
/tmp/HANG (the server's pid), then waits, so the kernel can be inspected (py-spy, a client
on its connection file).
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchmarks.roomload import CHROMIUM, CHROMIUM_FLAGS, free_port
from workbook.app import voila_arguments

PAGES = ["01-waarom", "03-hoe", "05-voortgang", "04-aan-de-slag"]
SERVER_LOG = Path("/tmp/page-hang-server.log")


def start_server(store: str, extra: list[str]) -> tuple[subprocess.Popen, str]:
    folder = tempfile.mkdtemp()
    shutil.copy(store, Path(folder) / "werkboek.sqlite")
    port = free_port()
    env = dict(os.environ, WORKBOOK_DATA=folder, WORKBOOK_TODAY="2026-03-15")
    log = SERVER_LOG.open("w")
    arguments = voila_arguments("127.0.0.1", port, None, design="one-page") + extra
    server = subprocess.Popen(arguments, env=env, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(base + "/api/status", timeout=2)
            break
        except urllib.error.HTTPError:
            break
        except OSError:
            time.sleep(1)
    return server, base


def watch(tab, log: list[str]) -> None:
    tab.on("console", lambda message: log.append(f"console {message.type}: {message.text}"))
    tab.on("pageerror", lambda error: log.append(f"pageerror: {error}"))

    def frames(socket) -> None:
        log.append(f"ws open {socket.url}")
        socket.on("framesent", lambda frame: log.append(f"SENT {str(frame)[:300]}"))
        socket.on("framereceived", lambda frame: log.append(f"RECV {str(frame)[:300]}"))

    tab.on("websocket", frames)


def main(store: str, visits: int, extra: list[str]) -> None:
    server, base = start_server(store, extra)
    print("server up", base, server.pid, flush=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for visit in range(visits):
            page, lang = PAGES[visit % 4], ["nl", "en"][(visit // 4) % 2]
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            tab = context.new_page()
            log: list[str] = []
            watch(tab, log)
            started = time.time()
            tab.goto(f"{base}/?page={page}&lang={lang}", wait_until="commit")
            try:
                tab.wait_for_selector(f".wb-section-{page} .wb-nav", timeout=60_000)
                print(visit, page, lang, f"{time.time() - started:.1f}s", flush=True)
            except Exception:  # noqa: BLE001 - a hang is what this script looks for
                print(visit, page, lang, "HANG", flush=True)
                tab.screenshot(path="/tmp/hang.png")
                Path("/tmp/hang-log.txt").write_text("\n".join(log))
                Path("/tmp/HANG").write_text(str(server.pid))
                time.sleep(3000)
            context.close()
    server.terminate()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 100, sys.argv[3:])
