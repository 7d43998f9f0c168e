"""Licence and attribution shared by the PHQ and GAD screeners."""

from __future__ import annotations

from stepdown.core.instruments.options import (
    DIFFICULTY,
    DIFFICULTY_FR,
    FREQUENCY_2_WEEKS_FR,
    choice_item,
)

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

# Pfizer's French for France (PHQ9FR, GAD7FR): the closing question, its answers and the
# attribution as printed on the French forms. The licence sentence is the project's French.
PHQ_GAD_FR = {
    DIFFICULTY_ITEM.text: "Si vous avez coché au moins un des problèmes évoqués, à quel point "
    "ce(s) problème(s) a-t-il (ont-ils) rendu votre travail, vos tâches à la maison ou votre "
    "capacité à vous entendre avec les autres difficile(s) ?",
    "Not scored.": "Non compté dans le score.",
    **DIFFICULTY_FR,
    PHQ_GAD_ATTRIBUTION: "Développé par les Dr Robert L. Spitzer, Janet B.W. Williams, Kurt "
    "Kroenke et leurs collègues grâce à une allocation d’études de Pfizer Inc.",
    PHQ_GAD_LICENCE: "Libre de reproduction, de traduction, d’affichage et de distribution sans "
    "autorisation ; le titulaire des droits (Pfizer Inc) demande que la mention des auteurs soit "
    "conservée (PHQScreeners).",
    **FREQUENCY_2_WEEKS_FR,
}
