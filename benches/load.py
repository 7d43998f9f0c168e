"""Load benchmark on loopback: user-facing requests against a same-run baseline.

Starts granian (as ``stepdown serve`` does) on a temporary SQLite database with three years of
doses for one person, warms up, then drives each endpoint with wrk at 16 connections for a bounded
time. Prints requests per second, p99 latency and the ratio to the baseline endpoint (one ORM read
and one write). Budget (docs/performance.md): ratio ≥ 0.5 and p99 < 50 ms.

Run with ``make bench``. Needs Debian's ``wrk`` (``apt-get install wrk``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benches.account import BENCH_EMAIL, BENCH_PASSWORD  # noqa: E402

OUT = ROOT / "benches" / "out"
CONNECTIONS = 16
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
WARMUP_SECONDS = 2
OTHER_PAGES = ("/doses/", "/plan/", "/checkins/", "/goals/")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_up(url: str) -> None:
    for _ in range(100):
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310  (loopback only)
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server did not start at {url}")


def _session_cookie(base: str, email: str, password: str) -> str:
    """Sign in like a browser and return the Cookie header for the Today page."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/account/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token is not None
    data = urllib.parse.urlencode(
        {"username": email, "password": password, "csrfmiddlewaretoken": token.group(1)}
    ).encode()
    request = urllib.request.Request(  # noqa: S310
        f"{base}/account/login/", data=data, headers={"Referer": f"{base}/account/login/"}
    )
    opener.open(request)
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def _wrk(
    url: str,
    *,
    seconds: int,
    script: Path | None = None,
    headers: dict[str, str] | None = None,
    env: dict[str, str] | None = None,
) -> dict[str, float]:
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s", "--latency"]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    if script is not None:
        command += ["-s", str(script)]
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True, env=env
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", output)
    assert p99 is not None
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return {
        "rps": rps,
        "p99_ms": float(p99.group(1)) * scale,
        "non_2xx": float(non2xx.group(1)) if non2xx else 0.0,
    }


def main() -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("make bench needs wrk: apt-get install wrk")
    OUT.mkdir(parents=True, exist_ok=True)
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="stepdown-bench-") as data_dir:
        env = {
            **os.environ,
            "STEPDOWN_DATA_DIR": data_dir,
            "DJANGO_SETTINGS_MODULE": "benches.settings",
            "PYTHONPATH": f"{ROOT}:{ROOT / 'src'}",
        }
        subprocess.run([python, "-m", "django", "migrate", "-v0"], env=env, check=True)
        token = subprocess.run(
            [
                python,
                "-c",
                "import django; django.setup(); "
                "from benches.generate import generate; print(generate())",
            ],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        port = _free_port()
        server = subprocess.Popen(
            [
                python,
                "-m",
                "granian",
                "--interface",
                "wsgi",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--workers",
                "2",
                "--blocking-threads",
                "1",
                "--log-level",
                "warning",
                "--no-ws",
                "stepdown.config.wsgi:application",
            ],
            env=env,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(f"{base}/healthz")
            cookie = _session_cookie(base, BENCH_EMAIL, BENCH_PASSWORD)
            wrk_env = {**os.environ, "BENCH_TOKEN": token}
            targets = {
                "baseline (1 read + 1 write)": {"url": f"{base}/bench/baseline"},
                "GET /today/ (3 years of data)": {
                    "url": f"{base}/today/",
                    "headers": {"Cookie": cookie},
                },
                "GET /api/v1/today": {
                    "url": f"{base}/api/v1/today",
                    "headers": {"Authorization": f"Bearer {token}"},
                },
                # Other pages, against the same budget (docs/performance.md says which meet it).
                **{
                    f"GET {path}": {"url": f"{base}{path}", "headers": {"Cookie": cookie}}
                    for path in OTHER_PAGES
                },
                # Last: it adds thousands of doses to today.
                "POST /api/v1/doses": {
                    "url": f"{base}/api/v1/doses",
                    "script": ROOT / "benches" / "post_dose.lua",
                },
            }
            results = {}
            for name, target in targets.items():
                _wrk(seconds=WARMUP_SECONDS, env=wrk_env, **target)  # type: ignore[arg-type]
                results[name] = _wrk(seconds=SECONDS, env=wrk_env, **target)  # type: ignore[arg-type]
        finally:
            server.terminate()
            server.wait(timeout=10)
    baseline = results["baseline (1 read + 1 write)"]["rps"]
    print(f"{'endpoint':34} {'req/s':>8} {'p99 ms':>8} {'ratio':>6} {'non-2xx':>8}")
    for name, figures in results.items():
        figures["ratio"] = figures["rps"] / baseline
        print(
            f"{name:34} {figures['rps']:8.0f} {figures['p99_ms']:8.1f} "
            f"{figures['ratio']:6.2f} {figures['non_2xx']:8.0f}"
        )
    (OUT / "results.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
