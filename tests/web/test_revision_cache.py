"""Values cached under a revision key: computed once, kept in this process for a while, bounded,
and forgotten on request (an erasure)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache

from stepdown.web import revision_cache
from stepdown.web.revision_cache import forget, remembered


class Computations:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> tuple[str, int]:
        self.count += 1
        return ("value", self.count)


@pytest.fixture
def compute() -> Computations:
    return Computations()


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    now = [1000.0]
    monkeypatch.setattr(revision_cache.time, "monotonic", lambda: now[0])
    return now


def test_a_value_is_computed_once_and_kept_in_the_shared_cache(compute: Computations) -> None:
    assert remembered("k:1:1", compute, timeout_s=600) == ("value", 1)
    assert remembered("k:1:1", compute, timeout_s=600) == ("value", 1)
    assert compute.count == 1
    assert cache.get("k:1:1") == ("value", 1)


def test_this_process_keeps_its_copy_for_a_minute_then_reads_the_shared_cache(
    compute: Computations, clock: list[float]
) -> None:
    first = remembered("k:1:1", compute, timeout_s=600)
    assert remembered("k:1:1", compute, timeout_s=600) is first  # the same object: no unpickling
    clock[0] += revision_cache.LOCAL_S + 1
    again = remembered("k:1:1", compute, timeout_s=600)
    assert again == first
    assert again is not first  # a fresh copy from the shared cache
    assert compute.count == 1


def test_the_copy_never_outlives_the_shared_entrys_timeout(
    compute: Computations, clock: list[float]
) -> None:
    remembered("k:1:1", compute, timeout_s=5)
    clock[0] += 6
    cache.delete("k:1:1")  # as the shared cache would have after 5 s
    remembered("k:1:1", compute, timeout_s=5)
    assert compute.count == 2


def test_only_the_newest_keys_are_kept_in_this_process(compute: Computations) -> None:
    for n in range(revision_cache.LOCAL_ENTRIES + 1):
        remembered(f"k:{n}:1", compute, timeout_s=600)
    cache.clear()
    remembered(f"k:{revision_cache.LOCAL_ENTRIES}:1", compute, timeout_s=600)  # still kept
    assert compute.count == revision_cache.LOCAL_ENTRIES + 1
    remembered("k:0:1", compute, timeout_s=600)  # the oldest was let go: computed again
    assert compute.count == revision_cache.LOCAL_ENTRIES + 2


def test_forget_drops_the_value_everywhere(compute: Computations) -> None:
    remembered("k:1:1", compute, timeout_s=600)
    remembered("k:2:1", compute, timeout_s=600)
    forget(["k:1:1"])
    assert cache.get("k:1:1") is None
    assert remembered("k:1:1", compute, timeout_s=600) == ("value", 3)
    assert remembered("k:2:1", compute, timeout_s=600) == ("value", 2)


def test_a_write_moves_the_revision_so_the_next_read_is_fresh(person: Any) -> None:
    from stepdown.accounts.models import User
    from stepdown.journal.services import dose_create
    from stepdown.journal.summary_cache import cached_today_summary

    before = cached_today_summary(owner=person)
    dose_create(owner=person, amount="2.5")
    person = User.objects.get(pk=person.pk)
    after = cached_today_summary(owner=person)
    assert (before.dose_count, after.dose_count) == (0, 1)
