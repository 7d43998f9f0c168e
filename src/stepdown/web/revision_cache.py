"""Per-person values cached under a revision key (``web.cache_keys.revision_key``).

A value is computed once per revision and kept in the shared cache (Django's ``cache``: this
process's memory, or Redis or a table that every app server shares), and for a short while in
this process's memory as it is: the shared cache hands out a fresh unpickled copy on every read,
and unpickling a journal window of some 400 doses cost a page more (1.5 ms) than its queries.

A revision key never names a value that has changed (the person's ``data_revision`` moves with
every write), so the copy kept here is never stale. It is kept at most ``LOCAL_S`` seconds and
for the ``LOCAL_ENTRIES`` most recent keys, so an erased person's values leave every process's
memory soon; :func:`forget` drops them at once in the process that erases. Readers must not
change a value: they are frozen dataclasses of tuples.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.core.cache import cache

LOCAL_S = 60.0
LOCAL_ENTRIES = 256

T = TypeVar("T")

_local: OrderedDict[str, tuple[float, Any]] = OrderedDict()  # key -> (kept until, value)
_lock = threading.Lock()  # a server may run several threads in one process


def remembered(key: str, compute: Callable[[], T], *, timeout_s: int) -> T:
    """The value cached under ``key``, computed and cached for ``timeout_s`` when missing."""
    now = time.monotonic()
    with _lock:
        kept = _local.get(key)
        if kept is not None and kept[0] > now:
            _local.move_to_end(key)
            return kept[1]  # type: ignore[no-any-return]
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout_s)
    with _lock:
        _local[key] = (now + min(LOCAL_S, timeout_s), value)
        _local.move_to_end(key)
        while len(_local) > LOCAL_ENTRIES:
            _local.popitem(last=False)
    return value  # type: ignore[no-any-return]


def forget(keys: Iterable[str]) -> None:
    """Drop ``keys`` from the shared cache and from this process's memory."""
    keys = list(keys)
    cache.delete_many(keys)
    with _lock:
        for key in keys:
            _local.pop(key, None)


def forget_local() -> None:
    """Empty this process's copies (the tests' clean slate: rolled-back tests reuse ids)."""
    with _lock:
        _local.clear()
