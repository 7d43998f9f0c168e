"""Craving: a 0-100 slider from "not at all" to "extremely", with an optional second slider.

The second slider is for another substance a person is recovering from (for example opioids
they left for kratom); the person's profile says which substance it is. The total is the kratom
craving. A slider like this has no norms or cut-offs, so there are no bands, and no craving scale
has been validated for kratom.

References
----------
NIDADataShareVAS : the 0-100 scale anchored "not at all" and "extremely", used for opioid
craving in NIDA Clinical Trials Network studies.
Kleykamp2019 : the most used opioid craving measure, though few craving measures were tested.
"""

from __future__ import annotations

from stepdown.core.instruments.base import Audience, Instrument, Subscore, Wording
from stepdown.core.instruments.options import VISUAL_ANALOGUE_FR, visual_analogue_item
from stepdown.core.instruments.translation import Translation

SECTION = "craving"

CRAVING_ITEM = visual_analogue_item(
    "craving", "Over the last 24 hours, how strong was your craving for kratom?", section=SECTION
)
CRAVING_OTHER_ITEM = visual_analogue_item(
    "craving_other",
    "Over the last 24 hours, how strong was your craving for the other substance you are "
    "recovering from?",
    section=SECTION,
    optional=True,
)
ITEMS = (CRAVING_ITEM, CRAVING_OTHER_ITEM)
SUBSCORES = (
    Subscore(code="craving", label="Kratom craving (0–100)", items=("craving",)),
    Subscore(
        code="craving_other", label="Other substance craving (0–100)", items=("craving_other",)
    ),
)
SOURCES = ("NIDADataShareVAS", "Kleykamp2019")
NOT_VALIDATED = (
    "A simple 0–100 craving slider: widely used, but it has no cut-offs and has not been "
    "validated for kratom."
)

# The project's own French (not validated); the daily check-in reuses it.
CRAVING_FR = {
    **VISUAL_ANALOGUE_FR,
    CRAVING_ITEM.text: "Au cours des dernières 24 heures, quelle a été la force de votre envie "
    "de kratom ?",
    CRAVING_OTHER_ITEM.text: "Au cours des dernières 24 heures, quelle a été la force de votre "
    "envie de l’autre substance dont vous cherchez à vous libérer ?",
    "Kratom craving (0–100)": "Envie de kratom (0–100)",
    "Other substance craving (0–100)": "Envie d’une autre substance (0–100)",
}
FRENCH = {
    **CRAVING_FR,
    NOT_VALIDATED: "Un simple curseur d’envie de 0 à 100 : très utilisé, mais il n’a pas de "
    "seuils et n’a pas été validé pour le kratom.",
    "Craving (0–100)": "Envie (0–100)",
    "How strong your craving was, from 0 (not at all) to 100 (extremely).": (
        "La force de votre envie, de 0 (pas du tout) à 100 (extrêmement)."
    ),
    "Move the slider to show how strong your craving was.": (
        "Déplacez le curseur pour montrer la force de votre envie."
    ),
    "past 24 hours": "dernières 24 heures",
    "Stepdown's own wording of a generic 0–100 scale, under the same licence as Stepdown "
    "(AGPL-3.0-or-later).": "Formulation propre à Stepdown d’une échelle générique de 0 à 100, "
    "sous la même licence que Stepdown (AGPL-3.0-or-later).",
    "The second slider is optional.": "Le second curseur est facultatif.",
}

INSTRUMENT = Instrument(
    code="craving",
    name="Craving (0–100)",
    version="1",
    description="How strong your craving was, from 0 (not at all) to 100 (extremely).",
    instructions="Move the slider to show how strong your craving was.",
    time_window="past 24 hours",
    audience=Audience.SELF_REPORT,
    wording=Wording.STEPDOWN,
    validated=False,
    items=ITEMS,
    total_items=("craving",),
    total_label="Kratom craving (0–100)",
    subscores=SUBSCORES,
    licence="Stepdown's own wording of a generic 0–100 scale, under the same licence as Stepdown "
    "(AGPL-3.0-or-later).",
    sources=SOURCES,
    notes=(NOT_VALIDATED, "The second slider is optional."),
    translations=(Translation(language="fr", texts=FRENCH),),
)
