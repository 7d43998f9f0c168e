"""Every URL pattern and API operation, tried as each of nine personas (issue #15 §6).

The table is tests/route_matrix.py, the objects and personas tests/route_world.py. Pages are
tried with GET and with an empty POST, API operations with their method and a minimal body.
Each request runs in a savepoint that is rolled back, so a write (a delete, a revocation, a
sign-out) never changes what the next route sees. A persona let through must not get 401, 403,
404 or a redirect to sign-in; a persona kept out must get exactly its answer (a 422 before the
404 would tell that the object exists); nobody ever gets a 500.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from tests import route_matrix as matrix
from tests.route_world import PERSONAS, World, build_world

pytestmark = pytest.mark.django_db

PARAM = re.compile(r"<(?:\w+:)?(\w+)>|\{(\w+)\}")
ADMIN_VALUES = {"object_id": "1", "content_type_id": "1", "pk": "1"}


def _walk(patterns: list[Any], prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str]]:
    """(key, route) for every leaf pattern: the key is the URL name with its namespaces, or the
    route itself for an unnamed pattern (the admin has a few)."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, route, inner)
        elif isinstance(pattern, URLPattern):
            # The API's operations are enumerated by method below, not by path.
            if getattr(pattern.callback, "__module__", "").startswith("ninja.operation"):
                continue
            name = pattern.name or route
            yield (f"{namespace}:{name}" if namespace else name), route


def page_routes() -> dict[str, str]:
    return dict(_walk(get_resolver().url_patterns))


def api_routes() -> set[str]:
    """Every operation of the ninja API, as "METHOD /api/v1/path"."""
    from stepdown.api import api

    root = reverse("api:api-root").rstrip("/")
    found = set()
    for prefix, router in api._routers:
        for path, view in router.path_operations.items():
            for operation in view.operations:
                for method in operation.methods:
                    found.add(f"{method} {root}{re.sub('/+', '/', '/' + prefix + path)}")
    return found


def test_every_route_is_in_the_matrix_and_every_entry_is_a_route() -> None:
    pages = {k for k in page_routes() if not k.startswith(f"{matrix.ADMIN_NAMESPACE}:")}
    missing = sorted((pages - set(matrix.PAGES)) | (api_routes() - set(matrix.API)))
    stale = sorted((set(matrix.PAGES) - pages) | (set(matrix.API) - api_routes()))
    assert not missing, f"routes with no entry in tests/route_matrix.py: {missing}"
    assert not stale, f"entries in tests/route_matrix.py for routes that are gone: {stale}"
    assert any(k.startswith("admin:") for k in page_routes()), "the admin namespace is gone"


def _value(world: World, value: Any) -> Any:
    return world.extra[value[1:]] if isinstance(value, str) and value.startswith("@") else value


def _params(world: World, route: matrix.Route, names: list[str]) -> dict[str, Any]:
    chosen = world.params | route.params
    return {name: _value(world, chosen[name]) for name in names}


def _names(route: str) -> list[str]:
    return [a or b for a, b in PARAM.findall(route)]


def _fill(template: str, values: dict[str, Any]) -> str:
    return PARAM.sub(lambda m: str(values[m.group(1) or m.group(2)]), template)


def _admin_url(key: str, route: str) -> str:
    if not key.startswith("admin:^") and "(?P" not in route and key != f"admin:{route}":
        return reverse(key, kwargs={n: ADMIN_VALUES[n] for n in _names(route)})
    path = re.sub(r"\(\?P<app_label>[^)]*\)", "audit", route)
    path = re.sub(r"\(\?P<url>[^)]*\)", "nothing-here/", path)
    path = PARAM.sub(lambda m: ADMIN_VALUES[m.group(1) or m.group(2)], path)
    return "/" + path.replace("^", "").replace("$", "")


def outcome(response: Any, *, api: bool) -> str:
    """The answer in the matrix's words."""
    code = response.status_code
    if code >= 500:
        return "500"
    if code == 401 and api:
        return "login"
    if code in (401, 403, 404, 405, 422):
        return str(code)
    if code in (301, 302, 303):
        location = response["Location"]
        if location.startswith(reverse("accounts:login")):
            return "login"
        if location.startswith(reverse("admin:login")):
            return "admin-login"
        if location.startswith("/account/mfa/"):
            return "mfa"
    return "ok"


def matches(expected: str, got: str, *, writing: bool) -> bool:
    # 405 is decided by the route alone (same for every id and every persona): it tells nothing.
    if got == "405":
        return True
    if expected == "ok":
        # A form or a body the route refuses is still "let through".
        return got == "ok" or (got == "422" and writing)
    return got == expected


def _send(client: Any, method: str, url: str, **kwargs: Any) -> Any:
    """One request in a savepoint that is rolled back, the client's cookies kept as they were
    (a sign-out or a new password would otherwise sign the persona out for the next route)."""
    cookies = client.cookies
    client.cookies = type(cookies)(cookies)
    try:
        with transaction.atomic():
            response = getattr(client, method)(url, **kwargs)
            transaction.set_rollback(True)
    finally:
        client.cookies = cookies
    return response


Request = tuple[str, matrix.Route | None, str, str, str, dict[str, Any], bool]


def _requests(world: World) -> Iterator[Request]:
    """(key, entry, audience, method, url, request kwargs, is_api) for every route and method."""
    for key, route in page_routes().items():
        if key.startswith(f"{matrix.ADMIN_NAMESPACE}:"):
            audience = matrix.PUBLIC if key in matrix.ADMIN_PUBLIC else matrix.ADMIN_SITE
            yield key, None, audience, "get", _admin_url(key, route), {}, False
            continue
        entry = matrix.PAGES[key]
        url = reverse(key, kwargs=_params(world, entry, _names(route)))
        query = {k: _value(world, v) for k, v in entry.query.items()}
        yield key, entry, entry.audience, "get", url, {"data": query}, False
        if entry.audience not in (matrix.PUBLIC, matrix.NOWHERE):  # nothing to keep out
            yield key, entry, entry.audience, "post", url, {"data": query}, False
    for key, entry in matrix.API.items():
        method, template = key.split(" ", 1)
        values = _params(world, entry, _names(template))
        url = _fill(template, values)
        query = {k: _value(world, v) for k, v in entry.query.items()}
        if method == "GET":
            kwargs: dict[str, Any] = {"data": query}
        else:
            body = {k: _value(world, v) for k, v in (entry.body or {}).items()}
            if isinstance(body.get("file"), bytes):  # a photo upload is a multipart form
                kwargs = {"data": body | {"file": SimpleUploadedFile("p.png", body["file"])}}
            else:
                kwargs = {"data": body, "content_type": "application/json"}
        yield key, entry, entry.audience, method.lower(), url, kwargs, True


def run_matrix(world: World, persona: str) -> tuple[list[str], int]:
    web, api = world.clients(persona)
    failures, sent = [], 0
    allowed_somehow: dict[str, bool] = {}
    for key, entry, audience, method, url, kwargs, is_api in _requests(world):
        want = matrix.expected(entry, audience, persona)
        if is_api:
            kwargs = kwargs | {"headers": api.headers}
        response = _send(api.client if is_api else web, method, url, **kwargs)
        sent += 1
        got = outcome(response, api=is_api)
        if want == "ok":
            allowed_somehow[key] = allowed_somehow.get(key, False) or got != "405"
        if not matches(want, got, writing=method != "get"):
            failures.append(
                f"{persona} {method.upper()} {url} [{key}, {audience}]: "
                f"expected {want}, got {got} ({response.status_code})"
            )
    failures += [
        f"{persona}: every method of {k} answered 405"
        for k, ok in allowed_somehow.items()
        if not ok
    ]
    return failures, sent


@pytest.fixture(scope="module")
def world(django_db_setup: None, django_db_blocker: Any) -> Iterator[World]:
    """Built once for the module: every request is rolled back, so no test changes it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_exactly_what_the_matrix_says(world: World, persona: str) -> None:
    failures, sent = run_matrix(world, persona)
    assert sent > 300, sent  # every route was tried, not a few
    assert not failures, f"{len(failures)} of {sent} answers are wrong:\n" + "\n".join(failures)


# Classes whose routes need a clinic membership.
CLINIC_CLASSES = (matrix.STAFF, matrix.CLINIC, matrix.CLINIC_ADMIN, matrix.PATIENT)
MFA_SETUP = ("POST /api/v1/auth/mfa/totp", "POST /api/v1/auth/mfa/totp/confirm")


def test_a_clinician_who_has_not_passed_mfa_reaches_no_clinic_route(world: World) -> None:
    """The same admin, signed in without the second factor: every clinic page sends them to the
    code step, and a token issued without a code gets 403 mfa_required from every API route
    but the MFA set-up ones (so the matrix above checks authorisation, not this gate)."""
    from django.test import Client

    from stepdown.accounts.services import token_create

    web = Client(raise_request_exception=False)
    web.force_login(world.users["clin_ok"])
    secret = token_create(owner=world.users["clin_ok"], name="no code")[1]
    headers = {"Authorization": f"Bearer {secret}"}
    wrong, tried = [], 0
    for key, _entry, audience, method, url, kwargs, is_api in _requests(world):
        if is_api:
            if key in MFA_SETUP or audience == matrix.PUBLIC:
                continue
            response = _send(web, method, url, **kwargs, headers=headers)
            ok = response.status_code == 403 and response.json().get("code") == "mfa_required"
        elif audience in CLINIC_CLASSES:
            response = _send(web, method, url, **kwargs)
            ok = outcome(response, api=False) in ("mfa", "405")
        else:
            continue
        tried += 1
        if not ok:
            wrong.append(f"{method.upper()} {url} [{key}]: {response.status_code}")
    assert tried > 100, tried
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("persona", ["other_person", "clin_none"])
def test_an_empty_body_is_answered_the_same_for_an_object_that_exists_or_not(
    world: World, persona: str
) -> None:
    """Where the API checks a body's shape before the object's owner (ninja validates first),
    someone kept out may get a 422 for an empty body; it must be the same answer as for an id
    that exists for no one, so it tells nothing about the owner's object."""
    api = world.clients(persona)[1]
    differ, compared = [], 0
    for key, entry in matrix.API.items():
        method, template = key.split(" ", 1)
        names = _names(template)
        if method == "GET" or not names or matrix.expected(entry, entry.audience, persona) != "404":
            continue
        real = _params(world, entry, names)
        answers = []
        for values in (
            real,
            {n: (v + 10**6 if isinstance(v, int) else v) for n, v in real.items()},
        ):
            url = _fill(template, values)
            response = _send(
                api.client, method.lower(), url, data={}, content_type="application/json",
                headers=api.headers,
            )  # fmt: skip
            answers.append((response.status_code, response.content))
        compared += 1
        if answers[0] != answers[1]:
            differ.append(
                f"{key}: {answers[0][0]} for the owner's object, {answers[1][0]} for none"
            )
    assert compared > 25, compared
    assert not differ, "\n".join(differ)


@pytest.mark.parametrize("persona", matrix.ACTIVE_CLINICIANS)
def test_the_clinic_lists_name_the_owner_only_to_the_clinician_the_consent_covers(
    world: World, persona: str
) -> None:
    """The staff lists answer 200 to every clinician; only Dr. Lee's may hold the owner."""
    api = world.clients(persona)[1]
    patients = api.get("/clinic/patients").json()["items"]
    alerts = api.get("/clinic/alerts").json()["items"]
    owner = world.users["owner"].pk
    expected = {owner} if persona == "clin_ok" else set()
    assert {row["id"] for row in patients} == expected
    assert {row["person_id"] for row in alerts} == expected
