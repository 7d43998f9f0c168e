"""The knowledge base's words in the page's language: ``{{ interaction|worded }}`` and
``{{ interaction|evidence_kinds }}``.

The words are data in the core (``core/interactions/wording.py``); these filters only pick the
page's language, so every page that shows an interaction (medicines, the checker, co-use
warnings on Today and the substances page) words it the same way.
"""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from stepdown.core.interactions import Interaction
from stepdown.core.interactions.wording import evidence_words, in_language

register = template.Library()


@register.filter
def worded(interaction: Interaction) -> Interaction:
    """The interaction with its name and sentences in the page's language."""
    return in_language(interaction, get_language() or "en")


@register.filter
def evidence_kinds(interaction: Interaction) -> str:
    """Its kinds of evidence in the page's language, comma-separated."""
    return ", ".join(evidence_words(interaction, get_language() or "en"))
