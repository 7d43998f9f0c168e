"""Answer scales shared by several instruments, and small builders for common item shapes."""

from __future__ import annotations

from decimal import Decimal

from stepdown.core.instruments.base import AskedIf, Item, ItemKind, Option


def options(*labels: str, values: tuple[int, ...] | None = None) -> tuple[Option, ...]:
    """Options scored 0, 1, 2... in the order given, or with explicit ``values``."""
    scores = values if values is not None else tuple(range(len(labels)))
    if len(scores) != len(labels):
        raise ValueError("every option label needs exactly one value")
    return tuple(
        Option(value=value, label=label) for value, label in zip(scores, labels, strict=True)
    )


# PHQ and GAD: how often over the last two weeks (Kroenke2001, Spitzer2006).
FREQUENCY_2_WEEKS = options(
    "Not at all", "Several days", "More than half the days", "Nearly every day"
)

# The unscored closing question of the PHQ-9 and GAD-7 (Kroenke2001, Spitzer2006).
DIFFICULTY = options(
    "Not difficult at all", "Somewhat difficult", "Very difficult", "Extremely difficult"
)

# Stepdown's symptom diary: how bad a symptom was (own scale, not validated).
SYMPTOM_SEVERITY = options("None", "Mild", "Moderate", "Severe", "Extreme")

# Stepdown's effects and sleep-quality questions (own scales, not validated).
HOW_MUCH = options("Not at all", "A little", "Moderately", "Quite a bit", "Very much")
SLEEP_QUALITY = options("Very poorly", "Poorly", "Fairly well", "Well", "Very well")

YES_NO = options("No", "Yes")

# The ASQ toolkit counts a refusal to answer as a positive answer (NIMHASQ): stored as its own
# value (2) so a clinician sees it was a refusal, scored 1 like a "yes".
REFUSED = Option(value=2, label="I would rather not answer", score=1, refusal=True)
YES_NO_OR_REFUSED = (*YES_NO, REFUSED)

# French for the scales above, merged into each instrument's translation. The PHQ and GAD answers
# are Pfizer's French for France (PHQ9FR, GAD7FR); the rest is the project's own French.
FREQUENCY_2_WEEKS_FR = {
    "Not at all": "Jamais",
    "Several days": "Plusieurs jours",
    "More than half the days": "Plus de la moitié du temps",
    "Nearly every day": "Presque tous les jours",
}
DIFFICULTY_FR = {
    "Not difficult at all": "Pas du tout difficile(s)",
    "Somewhat difficult": "Assez difficile(s)",
    "Very difficult": "Très difficile(s)",
    "Extremely difficult": "Extrêmement difficile(s)",
}
SYMPTOM_SEVERITY_FR = {
    "None": "Aucun",
    "Mild": "Léger",
    "Moderate": "Modéré",
    "Severe": "Sévère",
    "Extreme": "Extrême",
}
HOW_MUCH_FR = {
    "Not at all": "Pas du tout",
    "A little": "Un peu",
    "Moderately": "Moyennement",
    "Quite a bit": "Assez",
    "Very much": "Beaucoup",
}
SLEEP_QUALITY_FR = {
    "Very poorly": "Très mal",
    "Poorly": "Mal",
    "Fairly well": "Plutôt bien",
    "Well": "Bien",
    "Very well": "Très bien",
}
YES_NO_FR = {"No": "Non", "Yes": "Oui", "I would rather not answer": "Je préfère ne pas répondre"}
VISUAL_ANALOGUE_FR = {"Not at all": "Pas du tout", "Extremely": "Extrêmement"}


def choice_item(
    code: str,
    text: str,
    choices: tuple[Option, ...],
    *,
    section: str = "",
    optional: bool = False,
    help_text: str = "",
) -> Item:
    """A question answered by picking one of ``choices``."""
    return Item(
        code=code,
        text=text,
        kind=ItemKind.CHOICE,
        options=choices,
        section=section,
        optional=optional,
        help_text=help_text,
    )


def yes_no_item(
    code: str,
    text: str,
    *,
    section: str = "",
    optional: bool = False,
    asked_if: AskedIf | None = None,
    help_text: str = "",
    refusable: bool = False,
) -> Item:
    """A question answered yes (1) or no (0), or also "rather not answer" when ``refusable``."""
    return Item(
        code=code,
        text=text,
        kind=ItemKind.YES_NO,
        options=YES_NO_OR_REFUSED if refusable else YES_NO,
        section=section,
        optional=optional,
        asked_if=asked_if,
        help_text=help_text,
    )


def number_item(
    code: str,
    text: str,
    *,
    minimum: int,
    maximum: int,
    decimal_places: int = 0,
    unit: str | None = None,
    min_label: str | None = None,
    max_label: str | None = None,
    section: str = "",
    optional: bool = False,
) -> Item:
    """A question answered with a number between ``minimum`` and ``maximum``."""
    return Item(
        code=code,
        text=text,
        kind=ItemKind.NUMBER,
        minimum=Decimal(minimum),
        maximum=Decimal(maximum),
        decimal_places=decimal_places,
        unit=unit,
        min_label=min_label,
        max_label=max_label,
        section=section,
        optional=optional,
    )


def visual_analogue_item(
    code: str, text: str, *, section: str = "", optional: bool = False
) -> Item:
    """A 0-100 slider anchored "not at all" and "extremely" (NIDADataShareVAS)."""
    return number_item(
        code,
        text,
        minimum=0,
        maximum=100,
        min_label="Not at all",
        max_label="Extremely",
        section=section,
        optional=optional,
    )
