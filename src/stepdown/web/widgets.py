"""Form widgets drawn in Python, with exactly the HTML of Django's own widget templates.

Django renders every widget through a template (an ``<input>`` is a template that includes
another for its attributes, and a ``<select>`` one more per option). On the pages with forms that
was the largest single cost of a render: the seven fields of Today's dose form took about a third
of the page's template time. :class:`WidgetRenderer` (``FORM_RENDERER``) draws the widgets of
Django's templates listed in ``_DRAWERS`` with string formatting and leaves every other template
(form and error layouts, any widget not listed) to the template engine.

The markup is Django's, character for character: ``tests/web/test_widgets.py`` renders every
widget kind both ways and compares. A project template that overrides one of Django's widget
templates would be ignored here, so there is none; add the drawer's name to ``_DRAWERS`` only with
that test's cases.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.forms.renderers import DjangoTemplates
from django.http import HttpRequest
from django.utils.formats import localize
from django.utils.timezone import template_localtime  # type: ignore[attr-defined]  # not in the stubs

from stepdown.web.html import escaped

_WIDGETS = "django/forms/widgets/"


def _shown(value: Any) -> str:
    """``{{ value }}``: localised like a template variable, then escaped unless already safe."""
    if type(value) is str:  # left as it is by both: only escaped
        return escaped(value)
    return escaped(localize(template_localtime(value)))


def _as_text(value: Any) -> str:
    """``{{ value|stringformat:'s' }}``: ``str()`` without localisation, escaped unless safe."""
    return escaped(value)


def _attrs(attrs: Mapping[str, Any]) -> str:
    """``attrs.html``: ``False`` leaves the attribute out, ``True`` writes its name alone."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(
            f" {_shown(name)}" if value is True else f' {_shown(name)}="{_as_text(value)}"'
        )
    return "".join(parts)


def _input(widget: Mapping[str, Any]) -> str:
    value = widget["value"]
    shown = f' value="{_as_text(value)}"' if value is not None else ""
    return (
        f'<input type="{_shown(widget["type"])}" name="{_shown(widget["name"])}"'
        f"{shown}{_attrs(widget['attrs'])}>"
    )


def _option(option: Mapping[str, Any]) -> str:
    """An option as its widget's template includes it: each of Django's option templates ends
    with a line break, which only the outermost render strips."""
    name = option["template_name"].removeprefix(_WIDGETS)
    if name == "select_option.html":
        return (
            f'<option value="{_as_text(option["value"])}"{_attrs(option["attrs"])}>'
            f"{_shown(option['label'])}</option>\n"
        )
    if name == "input_option.html":
        return _input_option(option)
    if name in {"radio_option.html", "checkbox_option.html"}:
        return _input_option(option) + "\n"
    raise LookupError(name)  # a widget subclass with an option template of its own


def _select(widget: Mapping[str, Any]) -> str:
    parts = [f'<select name="{_shown(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_shown(group_name)}">')
        parts.extend(f"\n  {_option(option)}" for option in options)
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def _textarea(widget: Mapping[str, Any]) -> str:
    value = _shown(widget["value"]) if widget["value"] else ""
    return (
        f'<textarea name="{_shown(widget["name"])}"{_attrs(widget["attrs"])}>\n{value}</textarea>'
    )


def _input_option(option: Mapping[str, Any]) -> str:
    """``input_option.html``: the input (its own template's line break kept) in its label."""
    if not option["wrap_label"]:
        return f"{_input(option)}\n\n"
    option_id = option["attrs"].get("id")
    label_for = f' for="{_shown(option_id)}"' if option_id else ""
    return f"<label{label_for}>{_input(option)}\n {_shown(option['label'])}</label>\n"


def _multiple_input(widget: Mapping[str, Any]) -> str:
    attrs = widget["attrs"]
    widget_id, css_class = attrs.get("id"), attrs.get("class")
    parts = [
        "<div",
        f' id="{_shown(widget_id)}"' if widget_id else "",
        f' class="{_shown(css_class)}"' if css_class else "",
        ">",
    ]
    for group, options, _index in widget["optgroups"]:
        if group:
            parts.append(f"\n  <div><label>{_shown(group)}</label>")
        parts.extend(f"<div>\n    {_option(option)}</div>" for option in options)
        if group:
            parts.append("\n  </div>")
    parts.append("\n</div>")
    return "".join(parts)


def _names(*names: str) -> Iterable[str]:
    return (f"{_WIDGETS}{name}.html" for name in names)


# Each of these of Django's templates is only ``{% include "django/forms/widgets/input.html" %}``.
_INPUTS = _names(
    "input", "text", "number", "email", "password", "hidden", "date", "datetime", "time",
    "url", "search", "tel", "color", "checkbox", "file",
)  # fmt: skip
_DRAWERS: dict[str, Callable[[Mapping[str, Any]], str]] = {
    **dict.fromkeys(_INPUTS, _input),
    f"{_WIDGETS}select.html": _select,
    f"{_WIDGETS}textarea.html": _textarea,
    **dict.fromkeys(_names("radio", "checkbox_select", "multiple_input"), _multiple_input),
    **dict.fromkeys(
        _names("select_option", "radio_option", "checkbox_option", "input_option"), _option
    ),
}


class WidgetRenderer(DjangoTemplates):
    """Django's template renderer, except for the widgets drawn above."""

    def render(
        self, template_name: str, context: dict[str, Any], request: HttpRequest | None = None
    ) -> str:
        draw = _DRAWERS.get(template_name)
        if draw is None:
            return super().render(template_name, context, request)
        try:
            return draw(context["widget"]).strip()  # as Django strips the outermost template
        except LookupError:  # an option template not drawn here: the whole widget by template
            return super().render(template_name, context, request)
