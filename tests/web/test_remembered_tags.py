"""``{% url %}``, ``{% translate %}`` and ``{% static %}`` remembering their results
(web/remembered_*.py) write what Django's own tags write.

The reference is Django's engine with the same templates and libraries but its own ``url``,
``i18n`` and ``static``: real pages (the shell and Today's content, in English and French) and
each form of the three tags are rendered both ways and compared character for character. A
remembered result must also follow what it depends on: the language, the script prefix, the URL
configuration, the static files' settings.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.template import Context, Engine, engines
from django.template.defaulttags import URLNode
from django.templatetags.i18n import TranslateNode
from django.templatetags.static import StaticNode
from django.test import RequestFactory, override_settings
from django.urls import NoReverseMatch, set_script_prefix
from django.utils import timezone, translation

from stepdown.goals.services import goal_save
from stepdown.journal.models import Dose, Product
from stepdown.today import panels
from stepdown.web import remembered_builtins

OURS: Engine = engines["django"].engine  # type: ignore[attr-defined]
STOCK = Engine(
    dirs=OURS.dirs,
    loaders=OURS.loaders,
    libraries={
        **OURS.libraries,
        "i18n": "django.templatetags.i18n",
        "static": "django.templatetags.static",
    },
    builtins=[
        b for b in OURS.builtins if b not in Engine.default_builtins and "remembered" not in b
    ],
    autoescape=OURS.autoescape,
)


def _both(source: str, context: dict[str, Any]) -> tuple[str, str]:
    rendered = []
    for engine in (OURS, STOCK):
        made = Context(context, autoescape=engine.autoescape)
        made.use_l10n = False  # as the project's backend renders (web/template_backend.py)
        rendered.append(engine.from_string(source).render(made))
    return rendered[0], rendered[1]


def _page(engine: Engine, name: str, context: dict[str, Any]) -> str:
    made = Context(context)
    made.use_l10n = False
    return str(engine.get_template(name).render(made))


def test_the_project_engine_uses_the_remembering_tags() -> None:
    """Otherwise every comparison below would compare Django with itself."""
    base = OURS.get_template("base.html")
    assert {type(n).__name__ for n in base.nodelist.get_nodes_by_type(URLNode)} == {
        "RememberedURLNode"
    }
    assert {type(n).__name__ for n in base.nodelist.get_nodes_by_type(TranslateNode)} == {
        "RememberedTranslateNode"
    }
    assert {type(n).__name__ for n in base.nodelist.get_nodes_by_type(StaticNode)} == {
        "RememberedStaticNode"
    }
    stock = STOCK.get_template("base.html")
    assert {type(n) for n in stock.nodelist.get_nodes_by_type(URLNode)} == {URLNode}
    assert {type(n) for n in stock.nodelist.get_nodes_by_type(StaticNode)} == {StaticNode}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_shell_and_todays_content_are_written_as_django_writes_them(
    person: Any, language: str
) -> None:
    leaf = Product.objects.create(owner=person, name="Leaf & <co>", mitragynine_mg_per_unit=15)
    for hours in (1, 5, 9):
        Dose.objects.create(
            owner=person,
            product=leaf,
            amount=2,
            grams=2,
            taken_at=timezone.now() - dt.timedelta(hours=hours),
        )
    goal_save(owner=person, fields={"max_g_per_day": Decimal(8)})
    person.refresh_from_db()
    request = RequestFactory().get("/today/")
    request.user = person
    with translation.override(language):
        content = panels.today_context(person)
        known = {"request": request, "user": person, "csrf_token": "token", "messages": []}
        shell = {**known, "LANGUAGE_CODE": language, "LANGUAGES": [("en", "English")]}
        for _ in range(2):  # the second render is the one that reads what was kept
            ours = _page(OURS, "today/today.html#today-content", content | known)
            assert ours == _page(STOCK, "today/today.html#today-content", content | known)
            assert _page(OURS, "base.html", shell) == _page(STOCK, "base.html", shell)
            page = shell | {"content": ours}  # the whole page: Today's template extends the shell
            assert _page(OURS, "today/today.html", page) == _page(STOCK, "today/today.html", page)
    assert ours.startswith("<h1>Today") == (language == "en")
    assert "Leaf &amp; &lt;co&gt;" in ours


@pytest.mark.parametrize(
    "source",
    [
        "{% url 'today:today' %}",
        "{% url 'journal:dose_edit' 7 %}",
        "{% url 'journal:dose_edit' dose_id=number %}",
        "{% url 'journal:dose_edit' number as edit %}[{{ edit }}]",
        "{% url 'checkins:answer' \"phq9\" %}",
        "{% url name %}",
        "{% url 'today:today' as here %}[{{ here }}]",
        "{% url 'no:such' as missing %}[{{ missing }}]",
        "{% autoescape off %}{% url 'today:today' %}{% endautoescape %}",
    ],
)
def test_each_form_of_url_writes_what_djangos_writes(source: str) -> None:
    for _ in range(2):
        ours, stock = _both(source, {"number": 7, "name": "plans:page"})
        assert ours == stock
        assert ours.strip("[]") or "no:such" in source


def test_a_kept_path_follows_its_arguments_and_what_is_kept_stays_bounded() -> None:
    source = "{% url 'journal:dose_edit' number %}"
    for number in range(1, remembered_builtins.KEPT_PATHS + 10):
        assert _both(source, {"number": number})[0] == f"/doses/{number}/edit/"
    assert 0 < len(remembered_builtins._paths) <= remembered_builtins.KEPT_PATHS


def test_arguments_equal_in_python_but_written_differently_are_different_paths() -> None:
    """1 and True compare equal (one dictionary key), and Django writes them as two paths."""
    source = "{% url 'checkins:answer' code %}"
    for code in (1, True, 1, True):
        ours, stock = _both(source, {"code": code})
        assert ours == stock == f"/checkins/{code}/"


def test_an_unknown_page_is_refused_as_django_refuses_it() -> None:
    for engine in (OURS, STOCK):
        # ``as`` leaves the variable empty; what it found (nothing) must not be kept.
        assert (
            engine.from_string("{% url 'no:such' as gone %}[{{ gone }}]").render(Context()) == "[]"
        )
        with pytest.raises(NoReverseMatch):
            engine.from_string("{% url 'no:such' %}").render(Context({}))


def test_a_kept_path_follows_the_script_prefix() -> None:
    source = "{% url 'today:today' %}"
    assert _both(source, {}) == ("/today/", "/today/")
    set_script_prefix("/stepdown/")
    try:
        assert _both(source, {}) == ("/stepdown/today/", "/stepdown/today/")
    finally:
        set_script_prefix("/")
    assert _both(source, {})[0] == "/today/"


def test_a_kept_path_follows_the_url_configuration() -> None:
    source = "{% url 'today:today' %}"
    assert _both(source, {})[0] == "/today/"
    with override_settings(ROOT_URLCONF="tests.web.remembered_urlconf"):
        assert _both(source, {}) == ("/elsewhere/", "/elsewhere/")
    assert _both(source, {})[0] == "/today/"


@pytest.mark.parametrize(
    "source",
    [
        '{% translate "Today" %}',
        '{% translate "Today" context "a day" %}',
        '{% translate "Today" as word %}[{{ word }}]',
        '{% translate "Today" noop %}',
        "{% translate phrase %}",
        '{% translate "Today"|upper %}',
        '{% translate "100%% kept" %}',
        '{% translate "Fish & <chips>" %}',
        '{% autoescape off %}{% translate "Fish & <chips>" %}{% endautoescape %}',
        "{% blocktranslate %}Today is {{ phrase }}{% endblocktranslate %}",
        "{% blocktranslate trimmed with day=phrase %}\n  Since\n  {{ day }}\n"
        "{% endblocktranslate %}",
        "{% blocktranslate count count=number %}{{ count }} dose{% plural %}{{ count }} doses"
        "{% endblocktranslate %}",
        "{% blocktranslate count count=number|add:-6 trimmed %}{{ count }} dose{% plural %}"
        "{{ count }} doses{% endblocktranslate %}",
        "{% blocktranslate context 'a day' %}Today{% endblocktranslate %}",
        "{% blocktranslate asvar said %}100% {{ phrase }}{% endblocktranslate %}[{{ said }}]",
    ],
)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_form_of_translate_writes_what_djangos_writes(source: str, language: str) -> None:
    with translation.override(language):
        for _ in range(2):
            ours, stock = _both(
                f"{{% load i18n %}}{source}", {"phrase": "Journal & <co>", "number": 7}
            )
            assert ours == stock


def test_a_kept_phrase_follows_the_language() -> None:
    source = '{% load i18n %}{% translate "Today" %}'
    with translation.override("en"):
        assert _both(source, {}) == ("Today", "Today")
    with translation.override("fr"):
        assert _both(source, {}) == ("Aujourd’hui", "Aujourd’hui")
    with translation.override("en"):
        assert _both(source, {})[0] == "Today"


@pytest.mark.parametrize("outside", ["en", "fr"])
def test_a_language_block_speaks_its_language_and_the_rest_the_pages(outside: str) -> None:
    """A render finds the active language once (web/per_render.py); ``{% language %}`` changes
    it for its block only, nested blocks included, and what follows speaks the page's again."""
    source = (
        '{% load i18n %}{% translate "Today" %}|{% language "fr" %}{% translate "Today" %}'
        '{% language "en" %}/{% translate "Today" %}/{% endlanguage %}{% translate "Today" %}'
        '{% endlanguage %}|{% translate "Today" %}'
    )
    with translation.override(outside):
        ours, stock = _both(source, {})
    assert ours == stock
    page = "Today" if outside == "en" else "Aujourd’hui"
    assert ours == f"{page}|Aujourd’hui/Today/Aujourd’hui|{page}"


@pytest.mark.parametrize(
    "source",
    [
        "{% static 'stepdown/app.css' %}",
        "{% static name %}",
        "{% static 'stepdown/a file & <more>.css' %}",
        "{% static 'stepdown/app.css' as css %}[{{ css }}]",
        "{% static 'stepdown/a&b.css' as css %}[{{ css }}]",
        "{% autoescape off %}{% static 'stepdown/a&b.css' as css %}[{{ css }}]{% endautoescape %}",
        "{% autoescape off %}{% static 'stepdown/a&b.css' %}{% endautoescape %}",
    ],
)
def test_each_form_of_static_writes_what_djangos_writes(source: str) -> None:
    for _ in range(2):
        ours, stock = _both(f"{{% load static %}}{source}", {"name": "stepdown/goals.js"})
        assert ours == stock
        assert "/static/stepdown/" in ours


def test_a_kept_static_url_follows_the_settings_and_the_script_prefix() -> None:
    source = "{% load static %}{% static 'stepdown/app.css' %}"
    assert _both(source, {})[0] == "/static/stepdown/app.css"
    with override_settings(STATIC_URL="/assets/"):
        assert _both(source, {}) == ("/assets/stepdown/app.css", "/assets/stepdown/app.css")
    with override_settings(STATIC_URL="assets/"):  # relative: under the script prefix
        set_script_prefix("/stepdown/")
        try:
            expected = "/stepdown/assets/stepdown/app.css"
            assert _both(source, {}) == (expected, expected)
        finally:
            set_script_prefix("/")
    assert _both(source, {})[0] == "/static/stepdown/app.css"


def test_a_chain_of_extends_fills_its_blocks_as_django_does() -> None:
    """Three levels, a block the middle one leaves alone, ``block.super``, and a parent chosen
    by a variable (a different parent on each render)."""
    sources = {
        "root": "<{% block a %}root a{% endblock %}|{% block b %}root b{% endblock %}>",
        "middle": "{% extends root %}{% block a %}middle a, {{ block.super }}{% endblock %}",
    }
    leaf = "{% extends parent %}{% block b %}leaf b, {{ block.super }}{% endblock %}"
    for engine in (OURS, STOCK):
        engine_sources = {name: engine.from_string(text) for name, text in sources.items()}
        written = [
            engine.from_string(leaf).render(
                Context({"parent": engine_sources[name], "root": engine_sources["root"]})
            )
            for name in ("middle", "root", "middle")
        ]
        assert written == [
            "<middle a, root a|leaf b, root b>",
            "<root a|leaf b, root b>",
            "<middle a, root a|leaf b, root b>",
        ]
