"""One granian server started as ``stepdown serve`` starts it, in a process group of its own so
that a kill -9 reaches its workers too; its output goes to the run's log."""

from __future__ import annotations

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from typing import IO

from stepdown.cli.web import STOP_GRACE_S, granian_command
from verify.instance import Instance

START_MAX_S = 120
# Readiness is polled, not waited for: a start takes 1-4 s (granian, then the worker importing
# Django and the app), and a crash probe restarts its server 20 times per database.
POLL_S = 0.05

_ports_lock = threading.Lock()
_ports_given: set[int] = set()


def free_port() -> int:
    """A loopback port nothing listens on, never one this run handed out before (probes of the
    two databases run side by side; a killed server's port must stay its own for its restart)."""
    with _ports_lock:
        while True:
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                port = int(probe.getsockname()[1])
            if port not in _ports_given:
                _ports_given.add(port)
                return port


def wait_until_up(port: int) -> None:
    """Until /healthz answers 200: refused, reset or not answered yet (a worker still importing
    accepts the connection before it can answer) means not yet."""
    deadline = time.monotonic() + START_MAX_S
    while time.monotonic() < deadline:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except (OSError, http.client.HTTPException):
            pass
        finally:
            connection.close()
        time.sleep(POLL_S)
    raise AssertionError(f"the server on port {port} did not start within {START_MAX_S} s")


class Server:
    def __init__(self, instance: Instance, *, workers: int = 1, env: dict[str, str] | None = None):
        self.instance = instance
        self.workers = workers
        self.env = env or instance.env
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    def start(self) -> None:
        began = time.monotonic()
        self._log = self.instance.log.open("ab")
        self.process = subprocess.Popen(
            granian_command(host="127.0.0.1", port=self.port, workers=self.workers),
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_until_up(self.port)
        self.instance.spend("server starts", time.monotonic() - began)

    def kill(self, sig: signal.Signals = signal.SIGKILL) -> None:
        """Signal the whole process group (the granian parent and its workers) and reap it."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, sig)
        try:
            self.process.wait(timeout=STOP_GRACE_S)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=STOP_GRACE_S)
        # A worker may outlive its parent for a moment; the group must be empty before a restart.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process = None
        if self._log:
            self._log.close()

    def stop(self) -> None:
        self.kill(signal.SIGTERM)


@contextlib.contextmanager
def serving(instance: Instance, **kwargs: object) -> Iterator[Server]:
    server = Server(instance, **kwargs)  # type: ignore[arg-type]
    try:
        server.start()
        yield server
    finally:
        server.stop()
