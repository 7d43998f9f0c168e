"""Django's check that no two template tag libraries share a name, knowing the replacements
made on purpose: ``i18n`` and ``static`` are Django's libraries with a remembering
``{% translate %}`` and ``{% static %}`` (web/remembered_i18n.py, web/remembered_static.py).
Django's own check (templates.W003) warns about those, so it is silenced in the settings and
this one, identical otherwise, takes its place."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.core.checks import Warning, register
from django.template import engines
from django.template.backends.django import DjangoTemplates, get_template_tag_modules

REPLACED = {
    "i18n": ("django.templatetags.i18n", "stepdown.web.remembered_i18n"),
    "static": ("django.templatetags.static", "stepdown.web.remembered_static"),
}


@register("templates")
def same_library_names(**_kwargs: Any) -> list[Warning]:
    warnings = []
    for engine in engines.all():
        if not isinstance(engine, DjangoTemplates):
            continue
        libraries: defaultdict[str, set[str]] = defaultdict(set)
        for name, path in [*get_template_tag_modules(), *engine.engine.libraries.items()]:
            libraries[name].add(path)
        for name, paths in libraries.items():
            if len(paths) > 1 and paths != set(REPLACED.get(name, ())):
                listed = ", ".join(repr(path) for path in sorted(paths))
                warnings.append(
                    Warning(
                        f"{name!r} is used for multiple template tag modules: {listed}",
                        obj=engine,
                        id="web.W003",
                    )
                )
    return warnings
