"""What a process keeps between requests because it cannot change while the process runs: the
paths ``{% url %}`` found, the phrases ``{% translate %}`` found, static file URLs, the public
files' paths.

Only a change of settings can change them, and settings change only in tests
(``override_settings``): a :class:`Kept` is emptied when one of the settings it depends on
changes, and when it reaches its ``limit`` (values keyed by something that can grow, such as
ids in links, must not add up).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from django.core.signals import setting_changed

K = TypeVar("K")
V = TypeVar("V")


class Kept(dict[K, V]):
    def __init__(self, *, depends_on: Iterable[str], limit: int | None = None) -> None:
        super().__init__()
        self.depends_on, self.limit = frozenset(depends_on), limit
        setting_changed.connect(self._forget, weak=False)

    def keep(self, key: K, value: V) -> V:
        """Keeps ``value`` under ``key`` and gives it back."""
        if self.limit is not None and len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value

    def _forget(self, *, setting: str, **_kwargs: Any) -> None:
        if setting in self.depends_on:
            self.clear()
