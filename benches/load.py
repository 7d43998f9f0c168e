"""Load benchmark on loopback: user-facing requests against a same-run baseline.

Starts granian (as ``stepdown serve`` does) on a temporary SQLite database with three years of
doses for one person, warms up, then drives each endpoint with wrk at 16 connections for a bounded
time. On a shared machine throughput drifts over minutes, so the endpoints are interleaved with
the baseline endpoint (one ORM read and one write) in rounds — baseline, endpoint, baseline, … —
and each endpoint's ratio in a round is its requests per second over the mean of the baselines
just before and after it. Prints, per endpoint, the median over ``ROUNDS`` rounds of requests per
second, p99 latency and ratio, with the ratio's spread (lowest–highest). Budget
(docs/performance.md): ratio ≥ 0.5 and p99 < 50 ms.

Run with ``make bench``. Needs Debian's ``wrk`` (``apt-get install wrk``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benches.account import BENCH_EMAIL, BENCH_PASSWORD  # noqa: E402
from stepdown.cli.web import granian_command  # noqa: E402

OUT = ROOT / "benches" / "out"
CONNECTIONS = 16
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
ROUNDS = max(3, int(os.environ.get("BENCH_ROUNDS", "3")))
WARMUP_SECONDS = 2
BASELINE = "baseline (1 read + 1 write)"
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


def _rounds(targets: dict[str, dict[str, Any]], *, env: dict[str, str]) -> dict[str, Any]:
    """``ROUNDS`` rounds of baseline, endpoint, baseline, endpoint, …, baseline; each endpoint
    run with the ratio to the mean of the two baseline runs around it."""
    endpoints = {name: target for name, target in targets.items() if name != BASELINE}
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in targets}
    for _ in range(ROUNDS):
        before = _wrk(seconds=SECONDS, env=env, **targets[BASELINE])
        runs[BASELINE].append(before | {"ratio": 1.0})
        for name, target in endpoints.items():
            figures = _wrk(seconds=SECONDS, env=env, **target)
            after = _wrk(seconds=SECONDS, env=env, **targets[BASELINE])
            runs[BASELINE].append(after | {"ratio": 1.0})
            figures["ratio"] = figures["rps"] / ((before["rps"] + after["rps"]) / 2)
            runs[name].append(figures)
            before = after
    return runs


def _summary(runs: dict[str, list[dict[str, float]]]) -> dict[str, dict[str, float]]:
    """Per endpoint: the median of each figure over its runs, and the ratio's lowest and
    highest."""
    results = {}
    for name, items in runs.items():
        figures = {key: statistics.median(run[key] for run in items) for key in items[0]}
        ratios = [run["ratio"] for run in items]
        results[name] = figures | {
            "ratio_low": min(ratios),
            "ratio_high": max(ratios),
            "runs": float(len(items)),
        }
    return results


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
            granian_command(host="127.0.0.1", port=port, workers=2, python=python),
            env=env,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(f"{base}/healthz")
            cookie = _session_cookie(base, BENCH_EMAIL, BENCH_PASSWORD)
            wrk_env = {**os.environ, "BENCH_TOKEN": token}
            targets = {
                BASELINE: {"url": f"{base}/bench/baseline"},
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
                "POST /api/v1/doses": {
                    "url": f"{base}/api/v1/doses",
                    "script": ROOT / "benches" / "post_dose.lua",
                },
            }
            # Warm every endpoint once, then the rounds; the dose POST goes last (it adds
            # thousands of doses to today) with rounds of its own.
            post = targets.pop("POST /api/v1/doses")
            for target in targets.values():
                _wrk(seconds=WARMUP_SECONDS, env=wrk_env, **target)  # type: ignore[arg-type]
            runs = _rounds(targets, env=wrk_env)
            _wrk(seconds=WARMUP_SECONDS, env=wrk_env, **post)  # type: ignore[arg-type]
            posts = _rounds({BASELINE: targets[BASELINE], "POST /api/v1/doses": post}, env=wrk_env)
            runs[BASELINE] += posts.pop(BASELINE)
            runs |= posts
        finally:
            server.terminate()
            server.wait(timeout=10)
    results = _summary(runs)
    print(f"rounds: {ROUNDS}, {SECONDS} s per run; median over the rounds, ratio spread low–high")
    print(f"{'endpoint':34} {'req/s':>8} {'p99 ms':>8} {'ratio':>6} {'spread':>11} {'non-2xx':>8}")
    for name, figures in results.items():
        spread = f"{figures['ratio_low']:.2f}–{figures['ratio_high']:.2f}"
        print(
            f"{name:34} {figures['rps']:8.0f} {figures['p99_ms']:8.1f} "
            f"{figures['ratio']:6.2f} {spread:>11} {figures['non_2xx']:8.0f}"
        )
    (OUT / "results.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
