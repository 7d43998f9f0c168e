"""Crisis and support lines shown on the "Get help now" page.

References:
    Lifeline988 (988 in the US since 16 July 2022, Canada 9-8-8 since 30 November 2023,
    Lifeline Australia 13 11 14), SAMHSAHelpline (1-800-662-4357, 24/7, free and confidential).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HelpLine:
    region: str
    name: str
    how: str
    href: str
    note: str
    source: str


CRISIS_LINES = (
    HelpLine(
        "United States",
        "988 Suicide & Crisis Lifeline",
        "Call or text 988",
        "tel:988",
        "Any time, day or night, for anyone in distress.",
        "Lifeline988",
    ),
    HelpLine(
        "Canada",
        "9-8-8 Suicide Crisis Helpline",
        "Call or text 988",
        "tel:988",
        "Any time, in English or French.",
        "Lifeline988",
    ),
    HelpLine(
        "Australia",
        "Lifeline",
        "Call 13 11 14",
        "tel:131114",
        "Any time, for crisis support.",
        "Lifeline988",
    ),
)

SUPPORT_LINES = (
    HelpLine(
        "United States",
        "SAMHSA National Helpline",
        "Call 1-800-662-4357",
        "tel:18006624357",
        "Free, confidential, every day of the year; treatment referrals in English and Spanish.",
        "SAMHSAHelpline",
    ),
)
