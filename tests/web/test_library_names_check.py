"""The check that replaces Django's templates.W003 (web/checks.py) still finds two libraries
of one name, and only lets through the replacements made on purpose (``i18n``, ``static``)."""

from __future__ import annotations

from django.test import override_settings

from stepdown.web.checks import same_library_names

TEMPLATES = "django.template.backends.django.DjangoTemplates"


def test_the_deliberate_i18n_replacement_is_not_reported() -> None:
    assert same_library_names() == []


def test_a_second_library_under_an_existing_name_is_reported() -> None:
    clash = {
        "BACKEND": TEMPLATES,
        "OPTIONS": {"libraries": {"static": "stepdown.web.remembered_i18n"}},
    }
    with override_settings(TEMPLATES=[clash]):
        (warning,) = same_library_names()
    assert warning.id == "web.W003"
    assert "'static'" in warning.msg
    assert "django.templatetags.static" in warning.msg


def test_replacing_i18n_with_anything_else_is_reported() -> None:
    other_module = "stepdown.web.remembered_builtins"
    other = {"BACKEND": TEMPLATES, "OPTIONS": {"libraries": {"i18n": other_module}}}
    with override_settings(TEMPLATES=[other]):
        assert [w.id for w in same_library_names()] == ["web.W003"]
