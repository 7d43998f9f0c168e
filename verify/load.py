"""Load probe: 20 clients for 60 s, 70 % writes, against granian with 2 workers. The client is
one process pinned to the second core (verify/loadclient.py); the server may use both, so the
client can take at most one core from it and the server at least one for itself."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

from verify.figures import Measured
from verify.instance import Instance
from verify.server import serving

CLIENTS = 20
SECONDS = 60
WARM_S = 5
WRITE_SHARE = 0.7
CLIENT_CPU = 1
TARGET_WRITES_S = 300
TARGET_P99_MS = 250


def _drive(port: int, tokens: list[str], seconds: int) -> dict[str, Any]:
    job = {"port": port, "tokens": tokens, "seconds": seconds, "write_share": WRITE_SHARE,
           "cpu": CLIENT_CPU if (os.cpu_count() or 1) > 1 else None}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "verify.loadclient"], input=json.dumps(job), text=True,
        capture_output=True, check=True, timeout=seconds + 120,
    )  # fmt: skip
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _p99(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] if ordered else float("inf")


def run(instance: Instance) -> tuple[list[Measured], str]:
    people = instance.people("load", CLIENTS)
    tokens = [p["token"] for p in people]
    with serving(instance, workers=2) as server:
        _drive(server.port, tokens, WARM_S)  # both workers load the API before the clock runs
        load_before = os.getloadavg()[0]
        out = _drive(server.port, tokens, SECONDS)
        load_after = os.getloadavg()[0]
    seconds = out["seconds"][0]
    answers = out["writes"] + out["reads"]
    writes_ok = sum(200 <= s < 300 for s, _ in out["writes"])
    errors = sum(not 200 <= s < 300 for s, _ in answers)
    writes_s = writes_ok / seconds
    p99 = _p99([t for _, t in answers])
    met = writes_s >= TARGET_WRITES_S and p99 < TARGET_P99_MS and errors == 0
    value = (
        f"{writes_s:.0f} writes/s ({len(answers) / seconds:.0f} requests/s), p99 {p99:.0f} ms "
        f"(writes {_p99([t for _, t in out['writes']]):.0f}, reads "
        f"{_p99([t for _, t in out['reads']]):.0f}), {errors} errors over {len(answers):,} "
        f"requests; load average {load_before:.1f} → {load_after:.1f}"
    )
    return [Measured("load", instance.kind, value, met)], f"load {instance.kind}: {value}"
