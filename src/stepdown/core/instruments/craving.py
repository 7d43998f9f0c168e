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
from stepdown.core.instruments.options import visual_analogue_item

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
)
