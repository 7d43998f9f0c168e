"""What is wrong with an answer is one kind of object (``InvalidAnswerError``: its place and
its ``says``): every such message of the core is in the catalogue, and the pages, the API and
the command line word it, values and all, in the reader's language."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from tests.api_client import ApiClient
from tests.checkins.checkins_answers import daily, phq9
from tests.i18n.cli import ENGLISH, FRENCH, assert_one_french_line, run

from stepdown.checkins.wording import CORE_ANSWER_PROBLEMS
from stepdown.core import instruments
from stepdown.core.instruments import InvalidAnswerError, score_responses
from stepdown.core.instruments.errors import PLACE_AND_PROBLEM, PLACE_INSTRUMENT, PLACE_ITEM

FRENCH_HEADER = {"Accept-Language": "fr-FR,fr;q=0.9"}


def _raised_messages() -> set[str]:
    """The first argument of every ``InvalidAnswerError(...)`` and ``where.error(...)`` call
    in the instruments package."""
    found: set[str] = set()
    for path in Path(instruments.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in {"InvalidAnswerError", "error"} and isinstance(node.args[0], ast.Constant):
                found.add(str(node.args[0].value))
    return found


def test_every_answer_problem_of_the_core_is_in_the_catalogue() -> None:
    found = _raised_messages() | {PLACE_ITEM, PLACE_INSTRUMENT, PLACE_AND_PROBLEM}
    assert len(found) >= 15
    assert not sorted(found - set(CORE_ANSWER_PROBLEMS))


def test_the_english_sentence_names_the_questionnaire_and_the_question() -> None:
    with pytest.raises(InvalidAnswerError) as raised:
        score_responses("phq9", phq9(0, 0, 0, 7, 0, 0, 0, 0, 0))
    assert str(raised.value) == "phq9 item q4: 7 is not an allowed answer (allowed: 0, 1, 2, 3)"
    assert raised.value.says.values == {"answer": "7", "allowed": "0, 1, 2, 3"}
    with pytest.raises(InvalidAnswerError) as raised:
        score_responses("phq9", ["1"] * 11)
    assert str(raised.value) == (
        "phq9: 11 answers given but the questionnaire has only 10 questions "
        "(q1, q2, q3, q4, q5, q6, q7, q8, q9, difficulty)"
    )


@pytest.mark.django_db
def test_a_refused_answer_on_a_french_page_is_french(web: Client, person: Any) -> None:
    person.language = "fr"
    person.save(update_fields=["language"])
    answers = {f"q{n}": "1" for n in range(1, 8)} | {"q1": "7", "difficulty": "1"}
    page = web.post("/checkins/gad7/", answers).content.decode()
    errors = re.findall(r'role="alert">([^<]+)<', page)
    assert "&#x27;7&#x27; n’est pas une réponse possible (possibles : 0, 1, 2, 3)" in errors
    assert not [error for error in errors if "allowed" in error]


@pytest.mark.django_db
def test_a_refused_answer_in_the_api_follows_the_request_language(api: ApiClient) -> None:
    answers = daily() | {"sleep_hours": "30"}
    body = {"instrument": "daily", "answers": answers}
    french = api.client.post(
        "/api/v1/responses", data=body, content_type="application/json",
        headers=api.headers | FRENCH_HEADER,
    )  # fmt: skip
    assert french.status_code == 422
    [said] = french.json()["detail"]
    assert said["loc"] == ["body", "answers.sleep_hours"]
    assert said["msg"] == "daily, question sleep_hours : 30 h est hors de 0–24 h"
    english = api.post("/responses", body)
    assert english.json()["detail"][0]["msg"] == "daily item sleep_hours: 30 h is outside 0–24 h"
    half = api.post(
        "/responses", {"instrument": "daily", "answers": answers | {"sleep_hours": 7.5}}
    )
    assert half.status_code == 201, half.content  # two decimal places allowed


@pytest.mark.django_db
def test_an_unknown_questionnaire_in_french(api: ApiClient) -> None:
    response = api.client.post(
        "/api/v1/responses", data={"instrument": "nope", "answers": {"q1": 0}},
        content_type="application/json", headers=api.headers | FRENCH_HEADER,
    )  # fmt: skip
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"].startswith("questionnaire inconnu 'nope'")


def test_the_command_line_words_a_refused_answer_in_its_language() -> None:
    french = run(FRENCH, "score", "phq9", "--answers", "1,1,9,1,1,1,1,1,0")
    assert_one_french_line(
        french, "phq9, question q3 : '9' n’est pas une réponse possible (possibles : 0, 1, 2, 3)"
    )
    english = run(ENGLISH, "score", "phq9", "--answers", "1,1,9,1,1,1,1,1,0")
    assert english.err.strip() == (
        "stepdown: phq9 item q3: '9' is not an allowed answer (allowed: 0, 1, 2, 3)"
    )
