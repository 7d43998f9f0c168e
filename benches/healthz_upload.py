"""How long /healthz waits while a large photo upload is received, for a number of granian
blocking threads per worker.

Starts granian as ``stepdown serve`` does (1 worker, ``--blocking-threads N``) on a fresh data
directory with one account and API token, then sends a 23.5 MB PNG (noise: every byte counts,
the header check verifies every chunk's checksum) to ``POST /api/v1/skin/sessions/{id}/photos``
in 64 KB pieces, at full speed or at ``--rate`` MB/s (a phone on a slow uplink), while another
thread asks ``/healthz`` every 10 ms. Prints the slowest and the 99th-percentile answer before
and during, and the upload's own time. The photo is only stored raw in the request; preparing
it is the worker's job, and no worker runs here.

``--measuring`` instead runs the worker's heaviest step (preparing and measuring a 40 MP photo,
``benches/skin_bounds.py --case noise-jpeg``) in another process, as ``stepdown worker`` does,
and polls /healthz meanwhile.

Run: .venv/bin/python benches/healthz_upload.py [--threads 1 2 4] [--rate MB/s] [--measuring]
Nothing here asserts a budget; the figures go into docs/performance.md.
"""

from __future__ import annotations

import argparse
import http.client
import io
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from pathlib import Path

import numpy as np
from PIL import Image

HERE = Path(__file__).resolve().parent
CHUNK = 64 * 1024

SETUP = """
from stepdown.cli.django_setup import setup_django
setup_django(migrate=True)
from stepdown.accounts.models import User
from stepdown.accounts.services import token_create
user = User.objects.create_user("bench@example.org", "bench-password-123")
print(token_create(owner=user, name="bench")[1])
"""


def big_png() -> bytes:
    """A 2800 × 2800 noise PNG: about 23.5 MB, under the 25 MB limit."""
    array = np.random.default_rng(0).integers(0, 256, (2800, 2800, 3), dtype=np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(array).save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get_ms(port: int, path: str = "/healthz") -> float:
    start = time.perf_counter()
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
        response.read()
    return (time.perf_counter() - start) * 1000


class Poller(threading.Thread):
    """Asks /healthz every 10 ms until stopped; keeps every answer's time."""

    def __init__(self, port: int) -> None:
        super().__init__(daemon=True)
        self.port = port
        self.times: list[float] = []
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.times.append(get_ms(self.port))
            time.sleep(0.01)


def start_server(threads: int) -> tuple[subprocess.Popen[bytes], int, str]:
    env = {**os.environ, "STEPDOWN_DATA_DIR": tempfile.mkdtemp(), "STEPDOWN_ENV": "local"}
    token = subprocess.run(
        [sys.executable, "-c", SETUP], env=env, capture_output=True, text=True, check=True
    ).stdout.split()[-1]
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable, "-m", "granian", "--interface", "wsgi", "--host", "127.0.0.1",
            "--port", str(port), "--workers", "1", "--blocking-threads", str(threads),
            "--no-ws", "--log-level", "warning", "stepdown.config.wsgi:application",
        ],
        env=env,
    )  # fmt: skip
    for _ in range(300):
        try:
            get_ms(port)
            break
        except OSError:
            time.sleep(0.1)
    return server, port, token


def upload(port: int, token: str, data: bytes, rate_mb_s: float | None) -> tuple[int, float]:
    auth = {"Authorization": f"Bearer {token}"}
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.request(
        "POST",
        "/api/v1/skin/sessions",
        body="{}",
        headers={**auth, "Content-Type": "application/json"},
    )
    session_id = json.loads(connection.getresponse().read())["id"]
    boundary = uuid.uuid4().hex
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="site"\r\n\r\nexposed\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\n'
        "Content-Type: image/png\r\n\r\n"
    ).encode()
    body = head + data + f"\r\n--{boundary}--\r\n".encode()
    start = time.perf_counter()
    connection.putrequest("POST", f"/api/v1/skin/sessions/{session_id}/photos")
    for name, value in {
        **auth,
        "Content-Type": f"multipart/form-data; boundary={boundary}",
        "Content-Length": str(len(body)),
    }.items():
        connection.putheader(name, value)
    connection.endheaders()
    for offset in range(0, len(body), CHUNK):
        connection.send(body[offset : offset + CHUNK])
        if rate_mb_s:
            time.sleep(CHUNK / (rate_mb_s * 1e6))
    status = connection.getresponse().status
    connection.close()
    return status, time.perf_counter() - start


def summary(times: list[float]) -> dict[str, float]:
    return {
        "max_ms": round(max(times), 1),
        "p99_ms": round(float(np.percentile(times, 99)), 1),
        "samples": len(times),
    }


def run(threads: int, *, rate: float | None, measuring: bool, repeats: int) -> dict[str, object]:
    data = big_png()
    server, port, token = start_server(threads)
    try:
        idle = [get_ms(port) for _ in range(50)]
        poller = Poller(port)
        poller.start()
        statuses, seconds = [], []
        if measuring:
            worker = subprocess.run(
                [sys.executable, str(HERE / "skin_bounds.py"), "--case", "noise-jpeg"],
                capture_output=True,
                text=True,
                check=True,
            )
            seconds.append(json.loads(worker.stdout.splitlines()[-1])["upload_s"])
        else:
            for _ in range(repeats):
                status, took = upload(port, token, data, rate)
                statuses.append(status)
                seconds.append(round(took, 2))
        poller.stop.set()
        poller.join()
        return {
            "blocking_threads": threads,
            "while": "measuring" if measuring else f"upload {len(data) / 1e6:.1f} MB",
            "rate_mb_s": rate,
            "statuses": statuses,
            "seconds": seconds,
            "healthz_idle": summary(idle),
            "healthz_during": summary(poller.times),
        }
    finally:
        server.terminate()
        server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--rate", type=float, default=None, help="MB/s; default: full speed")
    parser.add_argument("--measuring", action="store_true")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    for threads in args.threads:
        result = run(threads, rate=args.rate, measuring=args.measuring, repeats=args.repeats)
        print(json.dumps(result))


if __name__ == "__main__":
    main()
