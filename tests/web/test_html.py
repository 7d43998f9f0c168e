"""``web.html`` escapes exactly as Django's ``conditional_escape`` and ``format_html`` do."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.utils import html as django_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy, override

from stepdown.web.html import escaped, format_html, format_html_join


class _Markup:
    """A third-party value that is already HTML (the ``__html__`` convention)."""

    def __html__(self) -> str:
        return "<em>kept</em>"


VALUES: list[Any] = [
    "plain",
    "",
    "<script>alert('x')</script>",
    "quote \" and apostrophe ' & amp",
    "déjà & <vu>",
    mark_safe("<b>already safe</b>"),
    SafeString("a & b"),
    gettext_lazy("Today"),
    gettext_lazy("Fish & <chips>"),
    0,
    -2.5,
    Decimal("1.250"),
    None,
    True,
    _Markup(),
    ["<list>"],
]


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("value", VALUES, ids=lambda v: type(v).__name__)
def test_a_value_is_escaped_as_django_escapes_it(value: Any, language: str) -> None:
    with override(language):
        assert escaped(value) == str(django_html.conditional_escape(value))


@pytest.mark.parametrize("value", VALUES, ids=lambda v: type(v).__name__)
def test_a_template_is_filled_as_django_fills_it(value: Any) -> None:
    template = '<a title="{}" data-x="{name}">{}</a>'
    ours = format_html(template, value, "<second>", name=value)
    theirs = django_html.format_html(template, value, "<second>", name=value)
    assert ours == theirs
    assert isinstance(ours, SafeString)


def test_rows_are_filled_and_joined_as_django_does_it() -> None:
    rows = [(value, "<2>") for value in VALUES]
    named = [{"a": value, "b": "&"} for value in VALUES]
    assert format_html_join("<br>", "<p>{}{}</p>", rows) == django_html.format_html_join(
        "<br>", "<p>{}{}</p>", rows
    )
    assert format_html_join(
        mark_safe("<br>"), "<p>{a}{b}</p>", named
    ) == django_html.format_html_join(mark_safe("<br>"), "<p>{a}{b}</p>", named)
