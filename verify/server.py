"""One granian server started as ``stepdown serve`` starts it, in a process group of its own so
that a kill -9 reaches its workers too; its output goes to the run's log."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from collections.abc import Iterator
from typing import IO

from tests.servers import free_port, wait_until_up

from stepdown.cli.web import STOP_GRACE_S, granian_command
from verify.instance import Instance


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
        self._log = self.instance.log.open("ab")
        self.process = subprocess.Popen(
            granian_command(host="127.0.0.1", port=self.port, workers=self.workers),
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_until_up(self.port)

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
