"""What the French page tests share: the browser's language headers, a fixed Thursday, and the
check that a page reads wholly in French (no English sentence of the catalogue left on it)."""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

import polib
from tests.i18n.catalogue import PO_FILE

CHICAGO = dt.timezone(dt.timedelta(hours=-6))  # Chicago in winter (CST)
THURSDAY = dt.datetime(2026, 12, 10, 12, 0, tzinfo=CHICAGO)  # jeudi 10 décembre
FRENCH = {"HTTP_ACCEPT_LANGUAGE": "fr-FR,fr;q=0.9,en;q=0.5"}
ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}
PLACEHOLDER = re.compile(r"%\(|\{|<")


def english_sentences() -> list[str]:
    """The catalogue's English messages of two words or more whose French differs: none of them
    may appear on a French page (unless the French itself keeps the English words, as the
    Part 2 notice does)."""
    return [
        entry.msgid
        for entry in polib.pofile(str(PO_FILE)).translated_entries()
        if not entry.msgid_plural
        and not PLACEHOLDER.search(entry.msgid)
        and len(entry.msgid.split()) >= 2
        and entry.msgid not in entry.msgstr
    ]


def visible(response: Any) -> str:
    """The page's text and its human attributes, unescaped, spaces collapsed."""
    body = response.content.decode()
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    attributes = re.findall(r'(?:aria-label|title|placeholder|alt)="([^"]*)"', body)
    text = re.sub(r"<[^>]+>", " ", body)
    return " ".join(html.unescape(" ".join([text, *attributes])).split())


def assert_french(response: Any, *expected: str) -> str:
    assert response.status_code in (200, 201, 403, 404, 422), response.status_code
    assert '<html lang="fr"' in response.content.decode()
    assert response["Content-Language"] == "fr"
    text = visible(response)
    for phrase in expected:
        assert phrase in text, phrase
    left = [sentence for sentence in english_sentences() if sentence in text]
    assert not left, f"English left on a French page: {left}"
    return text
