"""Edit distance for tolerating misspellings ("alprazolm", "quetiapene", "gabapentine").

Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
neighbouring letters each cost 1, the four mistakes people make most when typing drug names.
"""

from __future__ import annotations

# How many mistakes a name of a given length may contain and still be recognised. Assumption
# (no published rule for drug names): one mistake in 5–7 letters, two from 8 letters, none below
# 5 letters, where one edit already turns a name into a different word.
MIN_FUZZY_LENGTH = 5
_LONG_NAME_LENGTH = 8


def allowed_edits(length: int) -> int:
    """The number of edits tolerated in a typed name of ``length`` letters."""
    if length < MIN_FUZZY_LENGTH:
        return 0
    return 1 if length < _LONG_NAME_LENGTH else 2


def edit_distance(a: str, b: str, *, limit: int) -> int:
    """Optimal string alignment distance between ``a`` and ``b``, or ``limit + 1`` if larger.

    Stops early once every cell of a row exceeds ``limit``, so checking hundreds of names stays
    fast.
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous_previous: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, previous_previous[j - 2] + 1)
            current[j] = best
        if min(current) > limit:
            return limit + 1
        previous_previous, previous = previous, current
    return min(previous[len(b)], limit + 1)
