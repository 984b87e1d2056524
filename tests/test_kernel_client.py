"""The shell channel cannot miss a reply whose wake-up a send on the same socket took (issue 12).

The race is built step by step, so it happens every time: the client waits for a reply; the
reply reaches the client's socket while the event loop is busy; the client sends on that
socket (as nbclient sends an Output widget's update) before the loop looks again.
"""

from __future__ import annotations

import asyncio
import time
from queue import Empty

import pytest
import zmq
import zmq.asyncio
from jupyter_client.channels import AsyncZMQSocketChannel
from jupyter_client.session import Session
from traitlets.utils.importstring import import_item

from benchmarks.roomload import run_async
from workbook.app import KERNEL_CLIENT, voila_arguments
from workbook.kernel_client import POLL_SLICE_SECONDS, KernelClient, SlicedWaitChannel

#: Enough to read a reply whose wake-up was lost (a slice is 0.5 s); a missed one waits for ever.
PATIENCE_SECONDS = 5 * POLL_SLICE_SECONDS


async def reply_arrives_during_a_send(channel_class: type) -> dict | None:
    """The reply the channel's ``get_msg`` returns, or None when it waited in vain."""
    session = Session(key=b"")
    kernel = zmq.Context.instance().socket(zmq.ROUTER)
    port = kernel.bind_to_random_port("tcp://127.0.0.1")
    client = zmq.asyncio.Context.instance().socket(zmq.DEALER)
    client.connect(f"tcp://127.0.0.1:{port}")
    channel = channel_class(client, session)
    try:
        request = session.send(client, "execute_request", {"code": "pass"})
        identity = kernel.recv_multipart()[0]
        waiting = asyncio.ensure_future(channel.get_msg())
        await asyncio.sleep(0.1)  # the wait is armed on the socket's notification
        session.send(kernel, "execute_reply", {"status": "ok"}, parent=request, ident=identity)
        time.sleep(0.2)  # the reply reaches the client's socket; the event loop does not run
        session.send(client, "comm_msg", {"comm_id": "output", "data": {"method": "update"}})
        try:
            return await asyncio.wait_for(waiting, PATIENCE_SECONDS)
        except TimeoutError:
            return None
    finally:
        client.close(linger=0)
        kernel.close(linger=0)


def test_the_sliced_wait_reads_the_reply_whose_wake_up_was_lost():
    reply = run_async(reply_arrives_during_a_send(SlicedWaitChannel))
    assert reply is not None and reply["header"]["msg_type"] == "execute_reply"


def test_jupyters_own_channel_still_misses_it():
    """Why the workaround exists. When this fails, jupyter_client reads such replies itself
    (jupyter/jupyter_client#1010): drop workbook/kernel_client.py and its Voilà argument."""
    assert run_async(reply_arrives_during_a_send(AsyncZMQSocketChannel)) is None


def test_the_sliced_wait_still_times_out():
    async def wait_for_nothing() -> float:
        client = zmq.asyncio.Context.instance().socket(zmq.DEALER)
        client.connect("tcp://127.0.0.1:9")  # nothing answers
        channel = SlicedWaitChannel(client, Session(key=b""))
        started = time.monotonic()
        try:
            with pytest.raises(Empty):
                await channel.get_msg(timeout=0.7)
            return time.monotonic() - started
        finally:
            client.close(linger=0)

    assert 0.7 <= run_async(wait_for_nothing()) < 0.7 + POLL_SLICE_SECONDS


def test_voilas_kernel_managers_make_this_client():
    from jupyter_server.services.kernels.kernelmanager import ServerKernelManager
    from traitlets.config.loader import KVArgParseConfigLoader

    arguments = [a for a in voila_arguments("127.0.0.1", 8866, None)
                 if a.startswith("--AsyncKernelManager.")]
    manager = ServerKernelManager(config=KVArgParseConfigLoader(arguments).load_config())
    assert manager.client_factory is KernelClient
    assert import_item(KERNEL_CLIENT) is KernelClient
    assert KernelClient.shell_channel_class.default_value is SlicedWaitChannel
