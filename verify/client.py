"""A minimal HTTP client for the probes: one request per connection, loopback only."""

from __future__ import annotations

import http.client
import json
from typing import Any
from urllib.parse import urlsplit


def request(
    base: str,
    method: str,
    path: str,
    *,
    token: str | None = None,
    body: Any = None,
    raw: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 10,
) -> tuple[int, Any, http.client.HTTPMessage]:
    """(status, parsed JSON or raw bytes, headers). Raises OSError or HTTPException when the
    server is not there or drops the connection."""
    parts = urlsplit(base)
    assert parts.hostname == "127.0.0.1", "the probes talk to loopback only"
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    sent = dict(headers or {})
    if token:
        sent["Authorization"] = f"Bearer {token}"
    data = raw
    if body is not None:
        data = json.dumps(body).encode()
        sent["Content-Type"] = "application/json"
    try:
        connection.request(method, path, body=data, headers=sent)
        response = connection.getresponse()
        raw = response.read()
        parsed: Any = raw
        if response.headers.get_content_type() == "application/json" and raw:
            parsed = json.loads(raw)
        return response.status, parsed, response.headers
    finally:
        connection.close()
