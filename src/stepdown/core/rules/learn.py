"""Slugs of the Learn pages that risk factors, nudges and alerts link to.

The Learn section (docs/learn.md) must publish a page under each of these slugs; a test in the
Learn app can import :data:`LEARN_SLUGS` to check that none is missing.
"""

from __future__ import annotations

from enum import StrEnum


class LearnSlug(StrEnum):
    """One Learn page each; values are URL slugs."""

    WHAT_IS_KRATOM = "what-is-kratom"
    EFFECTS_AND_DOSE = "effects-and-dose"
    TOLERANCE_AND_DEPENDENCE = "tolerance-and-dependence"
    WHO_IS_MOST_AT_RISK = "who-is-most-at-risk"
    AVOIDING_DEPENDENCE = "avoiding-dependence"
    WITHDRAWAL = "withdrawal"
    TAPERING = "tapering"
    LIFESTYLE = "lifestyle"
    SUPPORT = "support-and-counselling"
    SKIN_DARKENING = "skin-darkening"
    INTERACTIONS = "interactions"
    PRODUCT_QUALITY = "product-quality-and-7-oh"
    OPIOID_RECOVERY = "kratom-and-opioid-recovery"
    SEEK_HELP_NOW = "when-to-seek-help"


LEARN_SLUGS = frozenset(slug.value for slug in LearnSlug)
