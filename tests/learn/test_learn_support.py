"""The Support page: resources for everyone; a person's own contacts and reasons, editable,
private to them, with clear errors; and the support card other pages include."""

from __future__ import annotations

from typing import Any

import pytest
from django.template.loader import render_to_string
from django.test import Client

from stepdown.errors import InvalidInput
from stepdown.learn import selectors, services
from stepdown.learn.models import ReasonToChange, SupportContact
from stepdown.learn.templatetags.learn import reach_link

pytestmark = pytest.mark.django_db


def test_visitors_see_resources_and_an_invitation_to_sign_in(client: Client) -> None:
    response = client.get("/learn/support/")
    body = response.content.decode()
    assert response.status_code == 200
    for text in ("988", "13 11 14", "1-800-662-4357", "SMART Recovery", "Narcotics Anonymous"):
        assert text in body
    assert "Kratom Anonymous" in body
    assert "quittingkratom" in body
    assert "Finding a clinician" in body
    assert "Sign in</a> to keep your own list" in body
    assert 'action="/learn/support/contacts/"' not in body


def test_adding_a_contact_and_a_reason_shows_them(web: Client, person: Any) -> None:
    response = web.post(
        "/learn/support/contacts/",
        {"name": " Maya ", "how_to_reach": "+1 (312) 555-0188", "note": "evenings"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/learn/support/#contacts"
    web.post("/learn/support/reasons/", {"text": "Mornings with my kids"})
    body = web.get("/learn/support/").content.decode()
    assert "<strong>Maya</strong>" in body  # the name is trimmed
    # "+1 (312) 555-0188" keeps its plus and loses the punctuation: tel:+13125550188
    assert 'href="tel:+13125550188"' in body
    assert "Mornings with my kids" in body


def test_bad_input_names_the_field_with_422(web: Client) -> None:
    response = web.post("/learn/support/contacts/", {"name": "Maya", "how_to_reach": "   "})
    body = response.content.decode()
    assert response.status_code == 422
    assert 'aria-invalid="true"' in body
    assert "id_how_to_reach" in body
    response = web.post("/learn/support/reasons/", {"text": ""})
    assert response.status_code == 422
    assert "Please fill this in." in response.content.decode()
    response = web.post("/learn/support/reasons/", {"text": "x" * 301})
    assert response.status_code == 422
    assert not ReasonToChange.objects.exists()


def test_edit_and_remove(web: Client, person: Any) -> None:
    contact = services.contact_create(owner=person, name="Maya", how_to_reach="maya@example.org")
    reason = services.reason_create(owner=person, text="Sleep better")
    page = web.get(f"/learn/support/contacts/{contact.pk}/edit/")
    assert page.status_code == 200
    assert 'value="maya@example.org"' in page.content.decode()
    response = web.post(
        f"/learn/support/contacts/{contact.pk}/edit/",
        {"name": "Maya R", "how_to_reach": "text 555 0188"},
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert (contact.name, contact.how_to_reach, contact.note) == ("Maya R", "text 555 0188", "")
    bad = web.post(f"/learn/support/reasons/{reason.pk}/edit/", {"text": " "})
    assert bad.status_code == 422
    web.post(f"/learn/support/reasons/{reason.pk}/edit/", {"text": "Sleep through the night"})
    reason.refresh_from_db()
    assert reason.text == "Sleep through the night"
    assert web.post(f"/learn/support/contacts/{contact.pk}/delete/").status_code == 302
    assert web.post(f"/learn/support/reasons/{reason.pk}/delete/").status_code == 302
    assert not SupportContact.objects.exists()
    assert not ReasonToChange.objects.exists()


def test_another_persons_items_are_not_found(web: Client, other_person: Any) -> None:
    contact = services.contact_create(owner=other_person, name="Jo", how_to_reach="555 0100")
    reason = services.reason_create(owner=other_person, text="Alex reason text")
    for path in (
        f"/learn/support/contacts/{contact.pk}/edit/",
        f"/learn/support/reasons/{reason.pk}/edit/",
    ):
        assert web.get(path).status_code == 404
        assert web.post(path, {"name": "X", "how_to_reach": "1", "text": "X"}).status_code == 404
    assert web.post(f"/learn/support/contacts/{contact.pk}/delete/").status_code == 404
    assert web.post(f"/learn/support/reasons/{reason.pk}/delete/").status_code == 404
    assert SupportContact.objects.filter(name="Jo").exists()
    assert "Alex reason text" not in web.get("/learn/support/").content.decode()


def test_writes_need_sign_in(client: Client) -> None:
    response = client.post("/learn/support/reasons/", {"text": "x"})
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")


def test_the_list_caps_at_twenty(person: Any) -> None:
    for n in range(services.MAX_REASONS):
        services.reason_create(owner=person, text=f"reason {n}")
    with pytest.raises(InvalidInput) as error:
        services.reason_create(owner=person, text="one more reason")
    assert error.value.field == "text"


def test_support_for_returns_only_the_owners_items_in_written_order(
    person: Any, other_person: Any
) -> None:
    services.reason_create(owner=person, text="first")
    services.reason_create(owner=person, text="second")
    services.contact_create(owner=person, name="Maya", how_to_reach="555 0188")
    services.reason_create(owner=other_person, text="not Sam's")
    summary = selectors.support_for(owner=person)
    assert [r.text for r in summary.reasons] == ["first", "second"]
    assert [c.name for c in summary.contacts] == ["Maya"]
    assert not summary.is_empty


def test_support_page_query_count_does_not_grow_with_the_lists(
    web: Client, person: Any, django_assert_max_num_queries: Any
) -> None:
    for n in range(15):
        services.reason_create(owner=person, text=f"reason {n}")
        services.contact_create(owner=person, name=f"Friend {n}", how_to_reach=f"555 01{n:02}")
    # session + user + reasons + contacts, and a little headroom for middleware.
    # The session is a database read on every request (sign-out ends it on every worker at once).
    with django_assert_max_num_queries(7):
        assert web.get("/learn/support/").status_code == 200


def _render_card(user: Any) -> str:
    """The card as a page includes it: with the person's support read by its view, none for a
    visitor."""
    support = selectors.support_for(owner=user) if user.is_authenticated else None
    return render_to_string("learn/support_card.html", {"support": support})


def test_support_card_shows_reasons_and_contacts(
    person: Any, django_assert_num_queries: Any
) -> None:
    services.reason_create(owner=person, text="Be there for Sam junior")
    services.contact_create(owner=person, name="Maya", how_to_reach="maya@example.org")
    with django_assert_num_queries(2):  # contacts and reasons, one query each
        html = _render_card(person)
    assert 'data-testid="support-card"' in html
    assert "Be there for Sam junior" in html
    assert 'href="mailto:maya@example.org"' in html
    assert 'href="/learn/tools/urge/"' in html


def test_support_card_is_empty_for_visitors_and_prompts_when_nothing_is_saved(
    person: Any,
) -> None:
    from django.contrib.auth.models import AnonymousUser

    assert _render_card(AnonymousUser()).strip() == ""
    assert "add them on the Support page" in _render_card(person)


def test_support_card_escapes_what_people_write(person: Any) -> None:
    services.reason_create(owner=person, text="<script>alert(1)</script>")
    assert "<script>" not in _render_card(person)


@pytest.mark.parametrize(
    ("text", "href"),
    [
        ("maya@example.org", "mailto:maya@example.org"),
        ("email maya@example.org after 6", "mailto:maya@example.org"),
        ("+44 7700 900123", "tel:+447700900123"),
        ("text first: 555-0188", "tel:5550188"),
        ("knock on the door at 2 pm", ""),
        ("call 12345", ""),  # five digits is not a phone number
    ],
)
def test_reach_link(text: str, href: str) -> None:
    assert reach_link(text) == href
