"""Crash probe: kill -9 the server's process group again and again during write load, then
check that the database is whole and holds every acknowledged write exactly once.

Acknowledged means the client got a 2xx with the dose's id. Every post carries an idempotency key
(``client_id``); a post that fails (the server died under it) is retried with the same key once the
server is back, so a write that was committed but not answered must come back as the same dose,
never as a second one."""

from __future__ import annotations

import http.client
import random
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from verify.client import request
from verify.figures import Measured
from verify.instance import Instance
from verify.logs import NOTE_MARK
from verify.server import Server

CLIENTS = 8
RETRIES = 120  # a post is retried for as long as a restart can take (~30 s on a busy machine)
RETRY_PAUSE_S = 0.25
MAX_POSTS_PER_CLIENT = 5000
# Load between kills: a restart and its first request take ~4 s here, so a few hundred writes
# land between kills and 20 kills fit in ~2.5 min.
RUN_S = (2.0, 4.0)
# The load's clock starts at the restarted server's first acknowledged write (its first requests
# load the API, seconds on a busy machine): every kill lands during write load, never in a
# warm-up that no write has got through yet.
FIRST_WRITE_MAX_S = 60


@dataclass
class Tally:
    acknowledged: dict[str, int] = field(default_factory=dict)  # client_id → dose id
    refused: Counter[int] = field(default_factory=Counter)  # non-2xx answers by status
    given_up: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def client(server: Server, token: str, tally: Tally, stop: threading.Event, seed: int) -> None:
    """Post doses until stopped, each with a new idempotency key, retried across restarts."""
    rng = random.Random(seed)
    for _ in range(MAX_POSTS_PER_CLIENT):
        if stop.is_set():
            return
        key = str(uuid.uuid4())
        body: dict[str, Any] = {
            "amount": round(rng.uniform(0.5, 4.0), 1),
            "unit": "g",
            "client_id": key,
            "confirm_unusual": True,
            "note": f"{NOTE_MARK} {key[:8]}",  # the logs probe looks for it
        }
        for _attempt in range(RETRIES):
            try:
                status, answer, _ = request(server.url, "POST", "/api/v1/doses", token=token,
                                            body=body, timeout=10)  # fmt: skip
            except (OSError, http.client.HTTPException):
                time.sleep(RETRY_PAUSE_S)
                continue
            with tally.lock:
                if status in (200, 201):
                    tally.acknowledged[key] = int(answer["id"])
                else:
                    tally.refused[status] += 1
            break
        else:
            with tally.lock:
                tally.given_up += 1


def _under_load(tally: Tally, rng: random.Random) -> None:
    """Until the server has acknowledged a write since it started, then RUN_S more."""
    before, deadline = len(tally.acknowledged), time.monotonic() + FIRST_WRITE_MAX_S
    while len(tally.acknowledged) == before and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(rng.uniform(*RUN_S))


def run(instance: Instance, *, kills: int) -> tuple[list[Measured], str]:
    people = instance.people("crash", CLIENTS)
    server = Server(instance, workers=1)
    tally, stop = Tally(), threading.Event()
    started = time.monotonic()
    server.start()
    threads = [
        threading.Thread(target=client, args=(server, p["token"], tally, stop, n), daemon=True)
        for n, p in enumerate(people)
    ]
    for thread in threads:
        thread.start()
    rng = random.Random(17)
    try:
        for _ in range(kills):
            _under_load(tally, rng)
            server.kill()
            server.start()  # same port: the clients retry against it
        _under_load(tally, rng)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=120)
        server.stop()
    seconds = time.monotonic() - started
    check = instance.module("verify.dbcheck", {"prefix": "crash"})
    assert isinstance(check, dict)
    return _figures(instance.kind, kills, tally, check, seconds)


def _figures(
    kind: str, kills: int, tally: Tally, check: dict[str, Any], seconds: float
) -> tuple[list[Measured], str]:
    stored: dict[str, list[int]] = {}
    for key, pk in check["doses"]:
        stored.setdefault(key, []).append(pk)
    lost = [k for k, pk in tally.acknowledged.items() if stored.get(k) != [pk]]
    duplicates = sum(len(pks) - 1 for pks in stored.values())
    problems = check["integrity"] + check["orphans"]
    met = not lost and not duplicates and not problems and len(tally.acknowledged) > 0
    value = (
        f"{len(lost)} of {len(tally.acknowledged):,} acknowledged writes lost, "
        f"{duplicates} duplicates, {kills} kills, integrity/FK problems: {len(problems)}"
    )
    detail = (
        f"crash {kind} ({check['vendor']}): {value}; {seconds:.0f} s; "
        f"refused {dict(tally.refused)}; given up {tally.given_up}; "
        f"problems {problems[:5]}; lost {lost[:5]}"
    )
    return [Measured("crash", kind, value, met)], detail
