"""Words the consent pages and the API share (42 CFR Part 2 §2.31 and §2.32)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.utils.translation import gettext, gettext_noop

from stepdown.accounts.models import User
from stepdown.errors import InvalidInput
from stepdown.web.formatting import number

# §2.32's short form of the notice that goes with every disclosure. The API, FHIR and stored
# texts keep it in English; a page gives it in the reader's language, and the French keeps the
# English sentence after its own (the regulation's words are the English ones).
REDISCLOSURE_NOTICE = gettext_noop(
    "42 CFR part 2 prohibits unauthorized use or disclosure of these records."
)
PURPOSE_TEXT = gettext_noop(
    "Treatment: so that these clinicians can supervise and support your care."
)
REVOKE_TEXT = (
    "You can revoke this consent at any time, on the Sharing page of your account or with "
    "POST /api/v1/consents/{id}/revoke. From the next moment the clinic sees nothing more; "
    "what it already saw for your care stays in its records."
)
# The consent page's own wording of the right to revoke (the API's above adds where to POST).
REVOKE_TEXT_PAGE = gettext_noop(
    "You can revoke this consent at any time, on the Sharing page of your account. From the next "
    "moment the clinic sees nothing more; what it already saw for your care stays in its records."
)
TREATING_CLINICIANS = gettext_noop(
    "the clinicians who treat you at %(clinic)s (every active clinician there)"
)
NAMED_CLINICIANS = gettext_noop("%(names)s at %(clinic)s (%(only)s)")
ONLY_THEM = gettext_noop("only them")
ONLY_THIS_CLINICIAN = gettext_noop("only this clinician")


def notice() -> str:
    """The redisclosure notice as a page or the report shows it, in the reader's language."""
    return gettext(REDISCLOSURE_NOTICE)


def written_text(text: str, *, limit: int, empty: str, too_long: str) -> str:
    """What a person or clinician wrote (a note, a message): trimmed, not empty, at most
    ``limit`` characters; ``InvalidInput`` at ``text`` otherwise. The messages come translated,
    ``too_long`` with a ``%(limit)s``."""
    cleaned = (text or "").strip()
    if not cleaned:
        raise InvalidInput("text", empty)
    if len(cleaned) > limit:
        raise InvalidInput("text", too_long % {"limit": number(limit)})
    return cleaned


def person_name(user: User) -> str:
    return user.display_name or user.email


def recipients_text(
    clinic_name: str, clinicians: Iterable[User], translate: Callable[[str], str] = str
) -> str:
    """To whom the person discloses, in words: English for the API and the records, the page's
    language with ``translate=gettext``."""
    names = [person_name(user) for user in clinicians]
    if not names:
        return translate(TREATING_CLINICIANS) % {"clinic": clinic_name}
    only = translate(ONLY_THEM if len(names) > 1 else ONLY_THIS_CLINICIAN)
    return translate(NAMED_CLINICIANS) % {
        "names": ", ".join(names),
        "clinic": clinic_name,
        "only": only,
    }
