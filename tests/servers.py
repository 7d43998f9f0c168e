"""Real app servers for the tests that need several processes: started with the same granian
command as ``stepdown serve`` and always stopped, even when granian ignores a SIGTERM."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator, Mapping

from stepdown.cli.web import STOP_GRACE_S, granian_command


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(port: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5):
                return
        except OSError:  # refused, reset, or no answer yet from a worker still importing
            time.sleep(0.3)
    raise AssertionError(f"the server on port {port} did not start")


@contextlib.contextmanager
def running_servers(env: Mapping[str, str], count: int) -> Iterator[list[str]]:
    """Start ``count`` one-worker servers with ``env``; yield their base URLs."""
    ports = [free_port() for _ in range(count)]
    processes = [
        subprocess.Popen(
            granian_command(host="127.0.0.1", port=port, workers=1),
            env=dict(env),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # so a stop reaches granian's worker processes too
        )
        for port in ports
    ]
    try:
        for port in ports:
            wait_until_up(port)
        yield [f"http://127.0.0.1:{port}" for port in ports]
    finally:
        for process in processes:
            _signal_group(process, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=STOP_GRACE_S)
            except subprocess.TimeoutExpired:
                # A granian that ignored the SIGTERM (seen in CI) must not fail the test run.
                _signal_group(process, signal.SIGKILL)
                process.wait(timeout=STOP_GRACE_S)


def _signal_group(process: subprocess.Popen[bytes], sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)
