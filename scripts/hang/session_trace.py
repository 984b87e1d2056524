"""One line per Jupyter message in a server log written with ``--Session.debug=True``.

    .venv/bin/python scripts/hang/session_trace.py LOG [FIRST_LINE]

Shows direction, type, the end of the message id, the parent's type and id, the date and
the execution state or code: enough to see which request got no reply.
"""

import datetime
import sys
from pathlib import Path


def blocks(lines: list[str]) -> list[str]:
    found, current = [], None
    for line in lines:
        if line.startswith(("{", "[b'", "[]")):
            if current:
                found.append("\n".join(current))
            current = [line]
        elif current is not None and line.startswith(" "):
            current.append(line)
        elif current:
            found.append("\n".join(current))
            current = None
    if current:
        found.append("\n".join(current))
    return found


def describe(text: str) -> str | None:
    names = {"datetime": datetime, "tzutc": lambda: datetime.UTC}
    try:
        message = eval(text, names)  # noqa: S307 - our own server's debug log, read locally
    except Exception:  # noqa: BLE001
        return None
    received = list(message)[0] == "buffers"
    header = message.get("header", {})
    parent = message.get("parent_header") or {}
    content = message.get("content", {})
    content = content if isinstance(content, dict) else {}
    detail = content.get("execution_state", "") or content.get("code", "")[:40]
    return " ".join([
        "RECV" if received else "SEND", str(header.get("msg_type")),
        header.get("msg_id", "")[-6:], "parent:", str(parent.get("msg_type")),
        parent.get("msg_id", "")[-6:], str(header.get("date")), repr(detail),
    ])


if __name__ == "__main__":
    first = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    lines = Path(sys.argv[1]).read_text().splitlines()[first:]
    for block in blocks(lines):
        if block.startswith("{") and (line := describe(block)):
            print(line)
