"""The kernel client Voilà runs a team's page with: one that cannot miss the cell's reply.

A page now and then stayed on "voila is still executing…" for ever (issue 12). The kernel had
run the cell and sent its ``execute_reply``, and the reply had reached the server's socket; but
nbclient, waiting for it with no time limit, was never woken. The cause is in
``jupyter_client``'s ``Session.send``: on a ``zmq.asyncio`` socket it sends through a plain
shadow of the socket. While the page's cell runs, nbclient sends an ``update`` of every Output
widget on that same shell socket; libzmq reads the socket's edge-triggered notification
during such a send, and when the reply arrived just then, nobody tells the waiting poll.
Upstream: voila-dashboards/voila#1428, jupyter/jupyter_client#1010 and #1059 (both unmerged).

The shell channel here waits in slices: each new poll looks at the socket itself, so a reply
whose wake-up was lost is read within one slice instead of never.
"""

from __future__ import annotations

import time
from queue import Empty
from typing import Any

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.channels import AsyncZMQSocketChannel
from traitlets import Type

#: The longest a message that has arrived can wait unseen (its wake-up lost).
POLL_SLICE_SECONDS = 0.5


class SlicedWaitChannel(AsyncZMQSocketChannel):
    """An async channel whose wait for a message never rests on one wake-up alone."""

    async def get_msg(self, timeout: float | None = None) -> dict[str, Any]:
        assert self.socket is not None
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            left = POLL_SLICE_SECONDS if deadline is None else deadline - time.monotonic()
            if await self.socket.poll(int(max(0.0, min(left, POLL_SLICE_SECONDS)) * 1000)):
                return await self._recv()
            if deadline is not None and time.monotonic() >= deadline:
                raise Empty


class KernelClient(AsyncKernelClient):
    """Jupyter's async kernel client with the sliced wait on the shell channel, where
    nbclient's sends and the kernel's replies meet on one socket."""

    shell_channel_class = Type(SlicedWaitChannel)  # type: ignore[assignment]
