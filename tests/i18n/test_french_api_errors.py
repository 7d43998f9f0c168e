"""The API's own refusals in the request's language: every kind of pydantic error the schemas
can raise, worded by its type code in the app's voice, English or French, on the right field;
and the API's 400, 401, 404 and 405 answers.

Each case is a real request through the API (token, middleware, ninja, the handlers), and its
expected sentences are written here, not read from the code.
"""

from __future__ import annotations

import typing
from typing import Any

import pytest
from django.utils import translation
from pydantic import BaseModel
from pydantic import ValidationError as PydanticError
from tests.api_client import ApiClient
from tests.i18n.french import english_sentences

from stepdown import api_wording
from stepdown.api import api as ninja_api

FRENCH_HEADER = {"Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5"}
ENGLISH_HEADER = {"Accept-Language": "en-GB,en;q=0.9"}
CONTACT = {"name": "Noor", "how_to_reach": "07700 900123"}
DOSE = {"amount": 2}
POLYGON = {"kind": "polygon", "points": [[1, 2]]}

# (error type, method, path, body or query, loc, English, French)
CASES: list[tuple[str, str, str, Any, list[Any], str, str]] = [
    (
        "missing",
        "post",
        "/support/contacts",
        {"how_to_reach": "07700 900123"},
        ["body", "name"],
        "This is required.",
        "Ce champ est obligatoire.",
    ),
    (
        "extra_forbidden",
        "post",
        "/support/contacts",
        CONTACT | {"colour": "green"},
        ["body", "colour"],
        "This field is not accepted here.",
        "Ce champ n’est pas accepté ici.",
    ),
    (
        "string_type",
        "post",
        "/support/contacts",
        CONTACT | {"name": 5},
        ["body", "name"],
        "Must be text.",
        "Doit être du texte.",
    ),
    (
        "string_too_short",
        "post",
        "/support/contacts",
        CONTACT | {"name": ""},
        ["body", "name"],
        "Must have at least 1 character.",
        "Doit contenir au moins 1 caractère.",
    ),
    (
        "string_too_long",
        "post",
        "/support/contacts",
        CONTACT | {"name": "n" * 81},
        ["body", "name"],
        "Must have at most 80 characters.",
        "Doit contenir au plus 80 caractères.",
    ),
    (
        "blank",
        "post",
        "/support/contacts",
        CONTACT | {"name": "   "},
        ["body", "name"],
        "Cannot be empty.",
        "Ne peut pas être vide.",
    ),
    (
        "nul_character",
        "post",
        "/support/contacts",
        CONTACT | {"name": "No\x00or"},
        ["body", "name"],
        "Must not contain the NUL character.",
        "Ne doit pas contenir le caractère NUL.",
    ),
    (
        "model_attributes_type",
        "post",
        "/support/contacts",
        ["Noor"],
        ["body"],
        "Must be an object.",
        "Doit être un objet.",
    ),
    (
        "float_type",
        "post",
        "/doses",
        {"amount": "2"},
        ["body", "amount"],
        "Must be a number.",
        "Doit être un nombre.",
    ),
    (
        "greater_than",
        "post",
        "/doses",
        {"amount": 0},
        ["body", "amount"],
        "Must be more than 0.",
        "Doit être supérieur à 0.",
    ),
    (
        "finite_number",
        "put",
        "/skin/photos/1/region",
        {"region": {"kind": "polygon", "points": [[float("inf"), 1], [1, 1], [2, 2]]}},
        ["body", "region", "polygon", "points", 0, 0],
        "Must be a finite number.",
        "Doit être un nombre fini.",
    ),
    (
        "literal_error",
        "post",
        "/doses",
        DOSE | {"unit": "kg"},
        ["body", "unit"],
        'Must be one of: "g", "mg", "capsule", "ml".',
        'Doit être l’une de ces valeurs : "g", "mg", "capsule", "ml".',
    ),
    (
        "int_type",
        "post",
        "/doses",
        DOSE | {"product_id": "3"},
        ["body", "product_id"],
        "Must be a whole number.",
        "Doit être un nombre entier.",
    ),
    (
        "datetime_from_date_parsing",
        "post",
        "/doses",
        DOSE | {"taken_at": "yesterday"},
        ["body", "taken_at"],
        "Must be a date and time like 2026-01-31T08:30:00+01:00.",
        "Doit être une date et une heure comme 2026-01-31T08:30:00+01:00.",
    ),
    (
        "timezone_aware",
        "post",
        "/doses",
        DOSE | {"taken_at": "2026-12-10T08:30:00"},
        ["body", "taken_at"],
        "Must include a time zone, like 2026-01-31T08:30:00+01:00.",
        "Doit indiquer un fuseau horaire, comme 2026-01-31T08:30:00+01:00.",
    ),
    (
        "uuid_parsing",
        "post",
        "/doses",
        DOSE | {"client_id": "not-a-uuid"},
        ["body", "client_id"],
        "Must be a UUID, like 3f2b1c9e-8a4d-4b6e-9c1a-2d3e4f5a6b7c.",
        "Doit être un UUID, comme 3f2b1c9e-8a4d-4b6e-9c1a-2d3e4f5a6b7c.",
    ),
    (
        "bool_type",
        "post",
        "/doses",
        DOSE | {"confirm_unusual": "yes"},
        ["body", "confirm_unusual"],
        "Must be true or false.",
        "Doit valoir true ou false.",
    ),
    (
        "digits",
        "get",
        "/doses",
        {"limit": "ten"},
        ["query", "limit"],
        "Must be a whole number written in digits, like 20.",
        "Doit être un nombre entier écrit en chiffres, comme 20.",
    ),
    (
        "greater_than_equal",
        "get",
        "/doses",
        {"limit": "0"},
        ["query", "limit"],
        "Must be 1 or more.",
        "Doit valoir 1 ou plus.",
    ),
    (
        "less_than_equal",
        "get",
        "/doses",
        {"limit": "5000"},
        ["query", "limit"],
        "Must be 1000 or less.",
        "Doit valoir 1000 ou moins.",
    ),
    (
        "date_parsing",
        "get",
        "/doses",
        {"since": "tomorrow"},
        ["query", "since"],
        "Must be a date like 2026-01-31.",
        "Doit être une date comme 2026-01-31.",
    ),
    (
        "date_from_datetime_parsing",
        "get",
        "/doses",
        {"since": "2026-02-30"},
        ["query", "since"],
        "Must be a date like 2026-01-31.",
        "Doit être une date comme 2026-01-31.",
    ),
    (
        "bool_parsing",
        "get",
        "/products",
        {"include_archived": "maybe"},
        ["query", "include_archived"],
        "Must be true or false.",
        "Doit valoir true ou false.",
    ),
    (
        "list_type",
        "put",
        "/goals",
        {"allowed_weekdays": "mon"},
        ["body", "allowed_weekdays"],
        "Must be a list.",
        "Doit être une liste.",
    ),
    (
        "too_long",
        "put",
        "/goals",
        {"allowed_weekdays": [0, 1, 2, 3, 4, 5, 6, 0]},
        ["body", "allowed_weekdays"],
        "Must have at most 7 items.",
        "Doit contenir au plus 7 éléments.",
    ),
    (
        "less_than_equal",
        "put",
        "/goals",
        {"allowed_weekdays": [9]},
        ["body", "allowed_weekdays", 0],
        "Must be 6 or less.",
        "Doit valoir 6 ou moins.",
    ),
    (
        "time_of_day",
        "put",
        "/goals",
        {"no_use_after": "8pm"},
        ["body", "no_use_after"],
        "Must be a time of day written HH:MM, like 20:00.",
        "Doit être une heure de la journée écrite HH:MM, comme 20:00.",
    ),
    (
        "dict_type",
        "post",
        "/responses",
        {"instrument": "phq9", "answers": [1, 2]},
        ["body", "answers"],
        "Must be an object.",
        "Doit être un objet.",
    ),
    (
        "union_tag_invalid",
        "put",
        "/skin/photos/1/region",
        {"region": {"kind": "circle"}},
        ["body", "region"],
        "Must be one of the listed kinds.",
        "Doit être l’un des types prévus.",
    ),
    (
        "union_tag_not_found",
        "put",
        "/skin/photos/1/region",
        {"region": {}},
        ["body", "region"],
        "Must be one of the listed kinds.",
        "Doit être l’un des types prévus.",
    ),
    (
        "too_short",
        "put",
        "/skin/photos/1/region",
        {"region": POLYGON},
        ["body", "region", "polygon", "points"],
        "Must have at least 3 items.",
        "Doit contenir au moins 3 éléments.",
    ),
    (
        "string_pattern_mismatch",
        "post",
        "/plans",
        {"reminder_time": "8pm"},
        ["body", "reminder_time"],
        "Is not written in the expected form.",
        "N’est pas écrit sous la forme attendue.",
    ),
]


def _send(api: ApiClient, method: str, path: str, data: Any, language: dict[str, str]) -> Any:
    headers = api.headers | language
    if method == "get":
        return api.client.get(f"/api/v1{path}", data=data, headers=headers)
    call = getattr(api.client, method)
    return call(f"/api/v1{path}", data=data, content_type="application/json", headers=headers)


def _said_at(response: Any, loc: list[Any]) -> dict[str, Any]:
    assert response.status_code == 422, response.content
    found = [item for item in response.json()["detail"] if item["loc"] == loc]
    assert found, response.json()
    return found[0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "method", "path", "data", "loc", "english", "french"),
    CASES,
    ids=[f"{case[0]}-{case[2]}" for case in CASES],
)
def test_each_kind_of_bad_input_is_refused_on_its_field_in_both_languages(
    api: ApiClient,
    kind: str,
    method: str,
    path: str,
    data: Any,
    loc: list[Any],
    english: str,
    french: str,
) -> None:
    said = _said_at(_send(api, method, path, data, ENGLISH_HEADER), loc)
    assert (said["type"], said["msg"]) == (kind, english)
    response = _send(api, method, path, data, FRENCH_HEADER)
    assert response["Content-Language"] == "fr"
    said = _said_at(response, loc)
    assert (said["type"], said["msg"]) == (kind, french)
    assert french not in english_sentences()


@pytest.mark.django_db
def test_an_account_set_to_french_with_a_french_request_gets_french(
    api: ApiClient, person: Any
) -> None:
    """The API follows the request's Accept-Language (docs/i18n.md); an account whose language
    is French, asking in French, reads French; with no Accept-Language, English."""
    person.language = "fr"
    person.save(update_fields=["language"])
    said = _said_at(_send(api, "post", "/doses", {"amount": 0}, FRENCH_HEADER), ["body", "amount"])
    assert said["msg"] == "Doit être supérieur à 0."
    plain = api.client.post(
        "/api/v1/doses", data={"amount": 0}, content_type="application/json", headers=api.headers
    )
    assert _said_at(plain, ["body", "amount"])["msg"] == "Must be more than 0."


@pytest.mark.django_db
def test_one_character_and_two_characters_take_their_plural(api: ApiClient) -> None:
    """A limit of 1 reads "1 character", a limit of 2 "2 characters" (and "1 item"), in both
    languages: pydantic's own "at least 1 characters" never shows."""
    with translation.override("en"):
        one = api_wording.message({"type": "too_short", "ctx": {"min_length": 1}})
        two = api_wording.message({"type": "string_too_long", "ctx": {"max_length": 2}})
    with translation.override("fr"):
        un = api_wording.message({"type": "too_short", "ctx": {"min_length": 1}})
        deux = api_wording.message({"type": "string_too_long", "ctx": {"max_length": 2}})
    assert (one, two) == ("Must have at least 1 item.", "Must have at most 2 characters.")
    assert (un, deux) == (
        "Doit contenir au moins 1 élément.",
        "Doit contenir au plus 2 caractères.",
    )


@pytest.mark.parametrize(
    ("kind", "ctx", "english", "french"),
    [
        ("not_negative", {}, "Cannot be negative.", "Ne peut pas être négatif."),
        (
            "not_an_option",
            {},
            "Must be one of the listed options.",
            "Doit être l’une des options prévues.",
        ),
        ("greater_than", {"gt": 0.5}, "Must be more than 0.5.", "Doit être supérieur à 0,5."),
        ("less_than", {"lt": 2.5}, "Must be less than 2.5.", "Doit être inférieur à 2,5."),
        (
            "literal_error",
            {"expected": "1, 2 or 3"},  # numbers, where pydantic says "or" in English
            "Must be one of: 1, 2, 3.",
            "Doit être l’une de ces valeurs : 1, 2, 3.",
        ),
        (
            "some_new_pydantic_code",
            {},
            "This value is not valid.",
            "Cette valeur n’est pas valide.",
        ),
        ("value_error", {}, "This value is not valid.", "Cette valeur n’est pas valide."),
        (
            "json_invalid",
            {},
            "The body is not valid JSON.",
            "Le corps de la requête n’est pas du JSON valide.",
        ),
    ],
)
def test_codes_the_requests_above_do_not_reach(
    kind: str, ctx: dict[str, Any], english: str, french: str
) -> None:
    """Codes only a clinician's route, a future schema or pydantic itself produce, and the
    fallback for a code nobody listed (a framework sentence never passes through)."""
    item = {"type": kind, "ctx": ctx, "msg": "Value error, Input should be a valid thing"}
    with translation.override("en"):
        assert api_wording.message(item) == english
    with translation.override("fr"):
        assert api_wording.message(item) == french


# -- the class: every code any schema of the API can raise is worded ---------------------------

BAD_VALUES: list[Any] = [
    *("text", "", "   ", "a\x00b", "x" * 20_000, "nan", "1e3", "280.0", "20"),
    *("2025-13-45", "2025-02-30", "2025-03-14", "2025-03-14T08:30:00", "yesterday", "25:99"),
    *("2025-03-14T08:30:00+01:00", "00000000-0000-0000-0000-000000000000", "not-a-uuid"),
    *(-1, 0, 1.5, 10**30, float("inf"), True, None),
    *([], {}, [1], [-1], [7], ["x"], [""], ["x" * 200], [[1]], [[-1, 2]], [[1, 2, 3]]),
    *([[1.0, "x"]], [[1, 2]] * 300, [{"x": 1}], list(range(20))),
    *({"kind": "rect"}, {"kind": "nope"}, {"kind": "polygon", "points": [[1, 2]]}, {"q1": "x"}),
]


def _input_models() -> set[type[BaseModel]]:
    found: set[type[BaseModel]] = set()

    def visit(annotation: Any) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation in found:
                return
            found.add(annotation)
            for field in annotation.model_fields.values():
                visit(field.annotation)
        for argument in typing.get_args(annotation):
            visit(argument)

    for _prefix, router in ninja_api._routers:
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                for model in operation.models:
                    # A file parameter is read from the upload itself, never from JSON.
                    if model.__name__ != "FileParams":
                        visit(model)
    return found


def test_every_error_any_api_schema_raises_is_worded_in_both_languages() -> None:
    models = _input_models()
    assert len(models) > 100
    kinds: dict[str, str] = {}
    for model in models:
        attempts: list[Any] = [
            {},
            "x",
            *(
                {name: value, "not_a_field": 1}
                for name in model.model_fields
                for value in BAD_VALUES
            ),
        ]
        for attempt in attempts:
            try:
                model.model_validate(attempt)
            except PydanticError as error:
                for item in error.errors():
                    kinds.setdefault(item["type"], f"{model.__name__} {item['loc']}")
    unworded = {
        kind: where
        for kind, where in kinds.items()
        if kind not in api_wording.MESSAGES and kind not in api_wording.COUNTED
    }
    assert unworded == {}, "add these codes to stepdown.api_wording"
    # A bare ValueError in a validator would reach clients as the generic sentence: every
    # check of Stepdown's raises stepdown.schemas.refusal with its code.
    assert "value_error" not in kinds
    assert len(kinds) >= 30  # the walk reaches the schemas' variety, not a handful
    english = set(english_sentences())
    for kind in kinds:
        ctx = {
            "gt": 1,
            "ge": 1,
            "lt": 1,
            "le": 1,
            "min_length": 2,
            "max_length": 2,
            "expected": "'a' or 'b'",
        }
        item = {"type": kind, "ctx": ctx}
        with translation.override("en"):
            said_in_english = api_wording.message(item)
        with translation.override("fr"):
            said_in_french = api_wording.message(item)
        assert said_in_english != "This value is not valid.", kind
        assert said_in_french != said_in_english, kind
        assert said_in_french not in english, kind


# -- the API's other refusals -------------------------------------------------------------------


@pytest.mark.django_db
def test_the_api_s_400_401_404_and_405_answers_are_french_on_a_french_request(
    api: ApiClient, anonymous_api: ApiClient
) -> None:
    french = api.headers | FRENCH_HEADER
    not_json = api.client.post(
        "/api/v1/doses", data="{amount: 2", content_type="application/json", headers=french
    )
    assert (not_json.status_code, not_json.json()) == (
        400,
        {"detail": "Le corps de la requête n’est pas du JSON valide."},
    )
    no_token = anonymous_api.client.get("/api/v1/doses", headers=FRENCH_HEADER)
    assert (no_token.status_code, no_token.json()) == (401, {"detail": "Authentification requise."})
    missing = api.client.get("/api/v1/doses/987654", headers=french)
    assert (missing.status_code, missing.json()) == (404, {"detail": "Introuvable."})
    wrong_method = api.client.put(
        "/api/v1/doses", data={}, content_type="application/json", headers=french
    )
    assert wrong_method.status_code == 405
    assert set(wrong_method["Allow"].split(", ")) == {"GET", "POST"}
    detail = wrong_method.json()["detail"]
    assert detail.startswith("Cette adresse n’accepte pas PUT ; elle accepte "), detail
    for response in (not_json, no_token, missing, wrong_method):
        assert response["Content-Language"] == "fr"


@pytest.mark.django_db
def test_the_same_answers_in_english(api: ApiClient, anonymous_api: ApiClient) -> None:
    not_json = api.client.post(
        "/api/v1/doses", data="{amount: 2", content_type="application/json", headers=api.headers
    )
    assert not_json.json() == {"detail": "The request body is not valid JSON."}
    no_token = anonymous_api.client.get("/api/v1/doses")
    assert no_token.json() == {"detail": "Authentication required."}
    assert api.get("/doses/987654").json() == {"detail": "Not found."}
    wrong_method = api.put("/doses", {})
    assert wrong_method.status_code == 405
    assert wrong_method.json()["detail"].startswith("This address does not take PUT; it takes ")


@pytest.mark.django_db
def test_the_token_route_refuses_in_french(anonymous_api: ApiClient, person: Any) -> None:
    response = anonymous_api.client.post(
        "/api/v1/auth/token",
        data={"email": person.email, "password": "not the password"},
        content_type="application/json",
        headers=FRENCH_HEADER,
    )
    assert response.status_code == 401
    assert response.json()["detail"] == "L’adresse e-mail ou le mot de passe n’est pas le bon."


@pytest.mark.django_db
def test_an_unlikely_value_asks_for_confirmation_in_french(api: ApiClient) -> None:
    """The service's refusal and the API's "send confirm_unusual" both in French."""
    body = {
        "name": "Feuille verte",
        "form": "leaf_powder",
        "mitragynine_mg_per_unit": 10,
        "seven_oh_mg_per_unit": 50,
    }
    response = _send(api, "post", "/products", body, FRENCH_HEADER)
    assert response.status_code == 422, response.content
    (item,) = [i for i in response.json()["detail"] if i["type"] == "needs_confirmation"]
    assert item["msg"].endswith(' Pour l’enregistrer quand même, envoyez "confirm_unusual": true.')
    assert not [sentence for sentence in english_sentences() if sentence in item["msg"]]


@pytest.mark.django_db
def test_a_services_refusal_is_in_french_too(api: ApiClient) -> None:
    """Past the schema, a service refuses (a goal's end date in the past) in the request's
    language."""
    said = _said_at(
        _send(api, "put", "/goals", {"end_date": "2020-01-31"}, FRENCH_HEADER), ["body", "end_date"]
    )
    assert said["msg"] == "Choisissez aujourd’hui ou une date plus tard."
    said = _said_at(
        _send(api, "put", "/goals", {"end_date": "2020-01-31"}, ENGLISH_HEADER),
        ["body", "end_date"],
    )
    assert said["msg"] == "Choose today or a later date."
