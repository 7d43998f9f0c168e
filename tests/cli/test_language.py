"""The command line's language: chosen from the environment as command-line tools choose it."""

from __future__ import annotations

import pytest

from stepdown.cli.language import language_from


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "fr_CA"}, "fr"),
        ({"LANG": "fr"}, "fr"),
        ({"LANG": "C"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),  # a language Stepdown does not speak
        ({"LANG": ""}, "en"),
        # The first of LANGUAGE, LC_ALL, LC_MESSAGES, LANG that is set decides.
        ({"LC_MESSAGES": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"}, "en"),
        ({"LC_ALL": "fr_BE.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LANGUAGE": "fr", "LC_ALL": "en_US.UTF-8"}, "fr"),
        ({"LANGUAGE": "", "LANG": "fr_FR.UTF-8"}, "fr"),  # empty is as unset
        # LANGUAGE lists languages in order: the first one Stepdown speaks wins.
        ({"LANGUAGE": "de:fr:en"}, "fr"),
        ({"LANGUAGE": "en:fr"}, "en"),
        ({"LANGUAGE": "fr_FR@euro"}, "fr"),
    ],
)
def test_the_language_follows_the_environment(environment: dict[str, str], expected: str) -> None:
    assert language_from(environment) == expected
