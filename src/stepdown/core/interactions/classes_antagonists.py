"""Opioid antagonists: medicines that block the receptor kratom acts on.

Naltrexone has brought on sudden, severe withdrawal in people who used kratom daily, once as a
tablet for alcohol cravings and once as a monthly injection. Peripheral antagonists (for
constipation) act mainly in the gut and are a separate, milder class.

References
----------
JarkaGregoire2023: withdrawal precipitated by oral naltrexone in undisclosed daily kratom use.
Jensen2021: withdrawal precipitated by IM naltrexone in a kratom user with liver inflammation.
Matsumoto2005: naloxone precipitates withdrawal from 7-hydroxymitragynine in mice.
"""

from __future__ import annotations

from stepdown.core.interactions.model import Basis, EvidenceType, InteractionClass, Severity

# Said in every antagonist entry so that nobody hesitates over naloxone in an emergency.
NALOXONE_IN_AN_EMERGENCY = (
    "Naloxone (Narcan) for a suspected overdose is still the right thing to use: give it and "
    "call emergency services. It may bring on withdrawal, which is miserable but passes; an "
    "overdose can kill."
)

OPIOID_ANTAGONISTS = InteractionClass(
    code="opioid_antagonists",
    label="Opioid antagonists (naltrexone, naloxone, nalmefene, samidorphan)",
    severity=Severity.HIGH,
    mechanism=(
        "These medicines push kratom's alkaloids off the mu-opioid receptor. In someone who "
        "uses kratom every day that can start sudden, severe withdrawal within an hour: "
        "agitation, vomiting, diarrhoea, cramps, a racing heart. A long-acting injection "
        "(Vivitrol) keeps blocking for about a month. Naltrexone is also in medicines for "
        "alcohol use (Revia, Vivitrol) and weight loss (Contrave, Mysimba), and samidorphan in "
        "Lybalvi."
    ),
    advice=(
        "Do not start naltrexone, nalmefene, samidorphan or a medicine that contains one of "
        "them — for alcohol, for weight loss or for opioids — while you use kratom. Tell the "
        "prescriber about your kratom use first, so they can plan when and how to start. In "
        "buprenorphine/naloxone under the tongue (Suboxone, Zubsolv) the naloxone is hardly "
        "absorbed; the timing of its first dose is about buprenorphine (see Opioids). "
        + NALOXONE_IN_AN_EMERGENCY
    ),
    evidence_types=(EvidenceType.CASE_REPORT, EvidenceType.ANIMAL),
    evidence=(
        "Two published case reports of withdrawal precipitated by naltrexone in people using "
        "kratom (one oral, one intramuscular). In mice, naloxone precipitated withdrawal from "
        "7-hydroxymitragynine as it does from morphine. Nalmefene and samidorphan are included "
        "because they block the same receptor (class-based)."
    ),
    basis=Basis.OBSERVED,
    sources=("JarkaGregoire2023", "Jensen2021", "Matsumoto2005"),
    aliases=("opioid antagonists", "opioid antagonist", "opioid blockers"),
)

PERIPHERAL_OPIOID_ANTAGONISTS = InteractionClass(
    code="peripheral_opioid_antagonists",
    label="Peripheral opioid antagonists for constipation",
    severity=Severity.MODERATE,
    mechanism=(
        "Methylnaltrexone, naloxegol, naldemedine and alvimopan block opioid receptors in the "
        "gut and barely reach the brain, so they do not undo kratom's main effects. In people "
        "who take opioid-like substances every day they can still bring on gut withdrawal "
        "(cramps, diarrhoea, sweating), and occasionally wider withdrawal."
    ),
    advice=(
        "Tell the prescriber that you use kratom before starting one of these, and stop and call "
        "them if you get cramps, diarrhoea, sweating or shaking after a dose. "
        + NALOXONE_IN_AN_EMERGENCY
    ),
    evidence_types=(EvidenceType.CLASS_BASED,),
    evidence=(
        "No kratom report with these medicines was found. Reasoned (theoretical) from how they "
        "act and from withdrawal precipitated by antagonists that do reach the brain."
    ),
    basis=Basis.THEORETICAL,
    sources=("JarkaGregoire2023", "Matsumoto2005"),
    aliases=("peripheral opioid antagonists", "pamoras"),
)

ANTAGONIST_CLASSES: tuple[InteractionClass, ...] = (
    OPIOID_ANTAGONISTS,
    PERIPHERAL_OPIOID_ANTAGONISTS,
)
