"""Kernels forked from the loaded workbook (workbook.kernels)."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import time

import pytest

from workbook import kernels


def _kernel_like(server_pid: int) -> None:
    os.setsid()
    kernels.follow_server(server_pid, interval=0.1)
    time.sleep(60)


def test_a_forked_kernel_ends_when_its_server_is_gone():
    server = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    child = multiprocessing.get_context("fork").Process(target=_kernel_like, args=(server.pid,))
    child.start()
    try:
        time.sleep(0.5)
        assert child.is_alive(), "the kernel runs while its server does"
        server.kill()
        server.wait()
        child.join(timeout=10)
        assert child.exitcode == -15, "the kernel ended itself (SIGTERM) after its server"
    finally:
        if child.is_alive():
            child.kill()
        server.kill()


@pytest.mark.parametrize("cmd", [["python", "-m", "ipykernel_launcher", "-f", "c.json"],
                                 ["/usr/bin/python3", "-m", "ipykernel", "-f", "c.json"]])
def test_the_kernels_own_arguments_come_from_its_spec(cmd):
    assert kernels.kernel_arguments(cmd) == ["-f", "c.json"]
