"""Licence and attribution shared by the PHQ and GAD screeners."""

from __future__ import annotations

from stepdown.core.instruments.options import DIFFICULTY, choice_item

PHQ_GAD_ATTRIBUTION = (
    "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, "
    "with an educational grant from Pfizer Inc."
)

PHQ_GAD_LICENCE = (
    "Free to reproduce, translate, display and distribute without permission; the copyright "
    "holder (Pfizer Inc) asks that the attribution be kept (PHQScreeners)."
)

# The closing question of both forms; optional and not scored (Kroenke2001, Spitzer2006).
DIFFICULTY_ITEM = choice_item(
    "difficulty",
    "If you checked off any problems, how difficult have these problems made it for you to do "
    "your work, take care of things at home, or get along with other people?",
    DIFFICULTY,
    optional=True,
    help_text="Not scored.",
)
