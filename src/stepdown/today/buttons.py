"""Today's one-tap buttons ("same as last time"), written in Python.

Each is a small form of hidden fields; through the template engine (a loop, a CSRF tag and a
dozen lookups a button) they cost the Today page more than its dose list. One ``format_html``
a button escapes every value as the template would. The CSRF token and the idempotency key are
the page cache's placeholders, filled in for each response (``stepdown.web.fragments``).
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from stepdown.journal.recent import QuickPair
from stepdown.web.fragments import CSRF_HOLE, KEY_HOLE
from stepdown.web.html import format_html

BUTTON_HTML = (
    '<form method="post" action="{url}" data-offline="dose" data-offline-label="{label}" '
    'hx-post="{url}" hx-target="#today-panel" hx-swap="outerHTML">\n'
    '<input type="hidden" name="csrfmiddlewaretoken" value="{csrf}">\n'
    '<input type="hidden" name="amount" value="{amount}">\n'
    '<input type="hidden" name="unit" value="{unit}">\n'
    '<input type="hidden" name="product" value="{product}">\n'
    '<input type="hidden" name="client_id" value="{key}">\n'
    '<button type="submit" class="quick{over}" data-testid="quick-dose"{described}>{text}</button>'
    "{note}\n</form>"
)
NOTE_HTML = '\n<small class="quick-note" id="{}" data-testid="quick-note">{}</small>'


def quick_buttons_html(pairs: list[tuple[QuickPair, str]]) -> SafeString:
    """One button per (recent product and amount, the words under it when it would take today
    past a target or limit, else "")."""
    url, label = reverse("today:dose_quick"), gettext("Dose")
    buttons = (_button(pair, note, n, url, label) for n, (pair, note) in enumerate(pairs, 1))
    return SafeString("\n".join(buttons))


def _button(pair: QuickPair, note: str, number: int, url: str, label: str) -> SafeString:
    note_id = f"quick-note-{number}"
    return format_html(
        BUTTON_HTML,
        url=url,
        label=label,
        csrf=CSRF_HOLE,
        amount=pair.amount,
        unit=pair.unit,
        product="" if pair.product is None else pair.product.pk,
        # A fresh key per rendered button: a double tap or a retried request logs it once.
        key=KEY_HOLE,
        over=" quick-over" if note else "",
        described=format_html(' aria-describedby="{}"', note_id) if note else "",
        text=pair.label,
        note=format_html(NOTE_HTML, note_id, note) if note else "",
    )
