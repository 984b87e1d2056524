"""The Voilà command line and server settings that keep a busy room connected (workbook.app)."""

from __future__ import annotations

import pytest

from workbook import app


def test_a_connection_is_dropped_only_after_several_unanswered_pings():
    """The ping check runs on a timer that fires late on a busy server; with the timeout equal
    to the interval, every page of a 30-team room was disconnected at its first check."""
    interval = app.WEBSOCKET_SETTINGS["ws_ping_interval"]
    timeout = app.WEBSOCKET_SETTINGS["ws_ping_timeout"]
    assert interval > 0
    assert timeout >= 3 * interval


def test_voila_waits_for_a_cells_widgets_under_load():
    arguments = app.voila_arguments("127.0.0.1", 8866, "token")
    assert f"--VoilaExecutor.iopub_timeout={app.IOPUB_TIMEOUT_SECONDS}" in arguments
    assert app.IOPUB_TIMEOUT_SECONDS >= 60


def test_the_iopub_setting_reaches_voilas_executor():
    import nbformat
    from traitlets.config import Config
    from traitlets.config.loader import KVArgParseConfigLoader
    from voila.execute import VoilaExecutor

    arguments = [a for a in app.voila_arguments("127.0.0.1", 8866, "token")
                 if a.startswith("--VoilaExecutor.")]
    config: Config = KVArgParseConfigLoader(arguments).load_config()
    executor = VoilaExecutor(nbformat.v4.new_notebook(), config=config)
    assert executor.iopub_timeout == app.IOPUB_TIMEOUT_SECONDS


def test_serving_beyond_this_computer_needs_a_token():
    with pytest.raises(ValueError, match="token"):
        app.voila_arguments("0.0.0.0", 8866, None)
