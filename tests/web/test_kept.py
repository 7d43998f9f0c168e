"""``web.kept.Kept``: what a process keeps is emptied when a setting it depends on changes, and
when it reaches its limit; other settings leave it alone."""

from __future__ import annotations

from django.test import override_settings

from stepdown.web.kept import Kept


def test_a_setting_it_depends_on_empties_it_and_others_do_not() -> None:
    kept: Kept[str, int] = Kept(depends_on={"ROOT_URLCONF"})
    assert kept.keep("a", 1) == 1
    with override_settings(TIME_ZONE="Europe/Paris"):
        assert kept == {"a": 1}
    with override_settings(ROOT_URLCONF="tests.web.remembered_urlconf"):
        assert kept == {}


def test_reaching_the_limit_starts_again() -> None:
    kept: Kept[int, int] = Kept(depends_on=(), limit=3)
    for number in range(3):
        kept.keep(number, number)
    assert len(kept) == 3
    kept.keep(3, 3)
    assert kept == {3: 3}
