"""``formatting.times_writer``: a list's times written as Django's date format writes them, the
day part once per day. Compared with Django's own ``date_format`` over random times and zones,
in both languages, for patterns it splits and patterns it must leave whole."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import formats, translation
from hypothesis import given
from hypothesis import strategies as st

from stepdown.web.formatting import times_writer

ZONES = ["UTC", "Europe/Paris", "America/Chicago", "Australia/Adelaide", "Asia/Kathmandu"]
PATTERNS = [
    "D j M, H:i",  # the journal's, in English
    "D j N, H:i",  # and in French
    "l j F Y H:i",
    "d/m/Y H:i",
    "H:i",  # no day part
    "D j M, G:i",  # another clock: written whole
    "j M, H:i e",  # the zone after the clock: written whole
    "D j M \\à H:i",  # an escape in the day part: written whole
]


@given(
    moments=st.lists(
        st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2040, 12, 31)),
        min_size=1,
        max_size=30,
    ),
    zone=st.sampled_from(ZONES),
    pattern=st.sampled_from(PATTERNS),
    language=st.sampled_from(["en", "fr"]),
)
def test_each_time_is_written_as_djangos_date_format_writes_it(
    moments: list[dt.datetime], zone: str, pattern: str, language: str
) -> None:
    local = [m.replace(tzinfo=dt.UTC).astimezone(ZoneInfo(zone)) for m in moments]
    # Several times of one day too, so the day part is reused.
    local += [m + dt.timedelta(minutes=37) for m in local[:3]]
    with translation.override(language):
        write = times_writer(pattern)
        assert [write(m) for m in local] == [formats.date_format(m, pattern) for m in local]


@pytest.mark.parametrize(
    ("language", "expected"), [("en", "Thu 10 Dec, 08:05"), ("fr", "jeu 10 déc., 08:05")]
)
def test_the_journals_pattern_in_each_language(language: str, expected: str) -> None:
    moment = dt.datetime(2026, 12, 10, 8, 5, tzinfo=dt.UTC)
    with translation.override(language):
        assert times_writer(translation.gettext("D j M, H:i"))(moment) == expected
