"""A JSON client for /api/v1 with a bearer token, used across the API tests."""

from __future__ import annotations

from typing import Any

from django.test import Client


class ApiClient:
    """A test client that talks JSON to /api/v1 with a bearer token."""

    def __init__(self, token: str | None) -> None:
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def _send(self, method: str, path: str, body: Any = None, **params: Any) -> Any:
        call = getattr(self.client, method)
        kwargs: dict[str, Any] = {"headers": self.headers}
        if body is not None:
            kwargs |= {"data": body, "content_type": "application/json"}
        elif params:
            kwargs["data"] = params
        return call(f"/api/v1{path}", **kwargs)

    def get(self, path: str, **params: Any) -> Any:
        return self._send("get", path, **params)

    def post(self, path: str, body: Any = None) -> Any:
        return self._send("post", path, body if body is not None else {})

    def put(self, path: str, body: Any) -> Any:
        return self._send("put", path, body)

    def patch(self, path: str, body: Any) -> Any:
        return self._send("patch", path, body)

    def delete(self, path: str) -> Any:
        return self._send("delete", path)
