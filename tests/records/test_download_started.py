"""The web export's completion signal: a well-formed token from the form comes back in a
short-lived cookie readable by the page's script; a missing or bad token gets no cookie; the
download works either way and the cookie holds nothing about the person."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from tests.i18n.french import FRENCH

pytestmark = pytest.mark.django_db

TOKEN = "3f9a1c0e7b2d4a6f8e1c3b5d7f9a0c2e"  # what the page's script makes: 16 random bytes in hex


@pytest.fixture
def sam(make_user: Any, settings: Any, tmp_path: Any) -> Client:
    settings.MEDIA_ROOT = tmp_path / "media"
    client = Client()
    client.force_login(make_user("sam@example.org"))
    return client


def _download(client: Client, **data: str) -> Any:
    response = client.post(reverse("records:export"), data)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert json.loads(archive.read("stepdown.json"))["format"] == "stepdown-export"
    return response


def test_a_good_token_comes_back_in_a_short_lived_cookie_for_the_export_page_only(
    sam: Client,
) -> None:
    response = _download(sam, download_token=TOKEN)
    cookie = response.cookies["stepdown_download"]
    assert cookie.value == TOKEN
    assert cookie["max-age"] == 60
    assert cookie["path"] == reverse("records:export")
    assert cookie["samesite"] == "Strict"
    assert not cookie["httponly"]  # the page's script reads it


@pytest.mark.parametrize(
    "token",
    [
        "",
        "short",
        "a" * 65,
        "sam@example.org",
        TOKEN + "; Path=/",
        TOKEN + "\r\nSet-Cookie: x=1",
        "../" + TOKEN,
    ],
)
def test_a_missing_or_bad_token_gets_no_cookie_and_the_file_still_downloads(
    sam: Client, token: str
) -> None:
    response = _download(sam, download_token=token)
    assert "stepdown_download" not in response.cookies


def test_no_token_field_at_all_still_downloads(sam: Client) -> None:
    response = _download(sam)
    assert "stepdown_download" not in response.cookies


def test_the_cookie_says_nothing_about_the_person(sam: Client) -> None:
    response = _download(sam, download_token=TOKEN)
    cookie = response.cookies["stepdown_download"]
    # The browser's own token, and attributes that say only how long and where it lives.
    assert cookie.value == TOKEN
    assert {name for name, value in cookie.items() if value} == {
        "expires",
        "max-age",
        "path",
        "samesite",
    }
    assert "sam" not in cookie.output()
    assert "example.org" not in cookie.output()


def test_the_page_carries_the_empty_token_field_and_both_messages_in_french(sam: Client) -> None:
    sam.cookies.load({"stepdown_language": "fr"})
    html = sam.get(reverse("records:export"), **FRENCH).content.decode()
    assert 'name="download_token" value=""' in html
    assert 'data-preparing="stepdown_download"' in html
    assert "Préparation de votre fichier." in html
    assert "Votre fichier est en route : votre navigateur l’enregistre dans vos" in html


def test_over_https_the_cookie_is_secure(sam: Client, settings: Any) -> None:
    settings.SESSION_COOKIE_SECURE = True
    response = _download(sam, download_token=TOKEN)
    assert response.cookies["stepdown_download"]["secure"]
