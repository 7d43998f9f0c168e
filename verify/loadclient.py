"""The load client, run as its own process pinned to one core (``load.py`` starts it): N
keep-alive HTTP/1.1 connections on asyncio, each one person, 70 % dose posts and 30 % reads of
``/api/v1/today``, for a bounded time and count. Reads a JSON job on stdin, prints figures."""

from __future__ import annotations

import asyncio
import json
import os
import random
import sys
import time
import uuid
from typing import Any

MAX_REQUESTS_PER_CLIENT = 100_000


def probe_request(write: bool) -> tuple[str, str, bytes]:
    """(method, path, body) of one request: a dose with a fresh idempotency key, or a read of
    the day's summary (benches/api_requests.py sends the same ones in process)."""
    if write:
        payload = {"amount": 1.5, "unit": "g", "client_id": str(uuid.uuid4()),
                   "confirm_unusual": True}  # fmt: skip
        return "POST", "/api/v1/doses", json.dumps(payload).encode()
    return "GET", "/api/v1/today", b""


async def _call(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, method: str, path: str,
    token: str, body: bytes,
) -> tuple[int, bool]:  # fmt: skip
    """One request on an open connection: (status, whether the server keeps it open)."""
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
    if body:
        head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    writer.write(head.encode() + b"\r\n" + body)
    await writer.drain()
    status = int((await reader.readline()).split()[1])
    length, keep, chunked = 0, True, False
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        name, value = name.strip().lower(), value.strip().lower()
        if name == "content-length":
            length = int(value)
        elif name == "connection" and value == "close":
            keep = False
        elif name == "transfer-encoding" and "chunked" in value:
            chunked = True
    if chunked:
        while size := int((await reader.readline()).strip() or b"0", 16):
            await reader.readexactly(size + 2)
        await reader.readline()
    else:
        await reader.readexactly(length)
    return status, keep


async def _person(job: dict[str, Any], token: str, seed: int, out: dict[str, list[Any]]) -> None:
    rng = random.Random(seed)
    port, deadline = job["port"], job["deadline"]
    connection = None
    for _ in range(MAX_REQUESTS_PER_CLIENT):
        if time.time() >= deadline:
            break
        write = rng.random() < job["write_share"]
        method, path, body = probe_request(write)
        began = time.perf_counter()
        try:
            if connection is None:
                connection = await asyncio.open_connection("127.0.0.1", port)
            status, keep = await _call(*connection, method, path, token, body)
        except (OSError, asyncio.IncompleteReadError, ValueError, IndexError):
            status, keep = 0, False
        took = (time.perf_counter() - began) * 1000
        out["writes" if write else "reads"].append((status, took))
        if not keep and connection is not None:
            connection[1].close()
            connection = None
    if connection is not None:
        connection[1].close()


async def _main(job: dict[str, Any]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {"writes": [], "reads": []}
    await asyncio.gather(*(_person(job, t, n, out) for n, t in enumerate(job["tokens"])))
    return out


def main() -> None:
    job = json.loads(sys.stdin.read())
    if job.get("cpu") is not None:
        os.sched_setaffinity(0, {job["cpu"]})
    began = time.time()
    job["deadline"] = began + job["seconds"]
    out = asyncio.run(_main(job))
    out["seconds"] = [time.time() - began]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
