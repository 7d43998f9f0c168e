"""Crisis and support lines shown on the "Get help now" page.

References:
    Lifeline988 (988 in the US since 16 July 2022), Canada988 (9-8-8 in Canada since
    30 November 2023), LifelineAU (Lifeline Australia 13 11 14), SAMHSAHelpline (1-800-662-4357,
    24/7, free and confidential), France3114 (3114, France's national suicide prevention line),
    FranceSAMU15 (15, emergency medical help in France), EU112 (112, the European emergency number),
    BelgiumCPS (0800 32 123, Belgium's Centre de Prévention du Suicide), Belgium112 (112, Belgium's
    emergency number), SwissMainTendue143 (143, La Main Tendue), SwissEmergency (144 and 112,
    emergency medical help in Switzerland).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_noop

# Region, how to call and the note are English here, marked for the catalogue (gettext_noop):
# pages show them with {% translate %}, while the API and the tests read the plain values. A
# service's own name stays as it is; France's are English descriptions, so they are marked too.


@dataclass(frozen=True)
class HelpLine:
    region: str
    name: str
    how: str
    href: str
    note: str
    source: str
    # ISO 3166 code: the offline crisis page puts the person's own country first.
    country: str


CRISIS_LINES = (
    HelpLine(
        gettext_noop("United States"),
        "988 Suicide & Crisis Lifeline",
        gettext_noop("Call or text 988"),
        "tel:988",
        gettext_noop("Any time, day or night, for anyone in distress."),
        "Lifeline988",
        country="US",
    ),
    HelpLine(
        gettext_noop("Canada"),
        "9-8-8 Suicide Crisis Helpline",
        gettext_noop("Call or text 988"),
        "tel:988",
        gettext_noop("Any time, in English or French."),
        "Canada988",
        country="CA",
    ),
    HelpLine(
        gettext_noop("Australia"),
        "Lifeline",
        gettext_noop("Call 13 11 14"),
        "tel:131114",
        gettext_noop("Any time, for crisis support."),
        "LifelineAU",
        country="AU",
    ),
    HelpLine(
        "France",
        gettext_noop("3114, national suicide prevention line"),
        gettext_noop("Call 3114"),
        "tel:3114",
        gettext_noop(
            "Free, any time, day or night, for anyone thinking of suicide or worried about someone."
        ),
        "France3114",
        country="FR",
    ),
    HelpLine(
        "France",
        gettext_noop("SAMU, emergency medical help"),
        gettext_noop("Call 15"),
        "tel:15",
        gettext_noop("For a medical emergency, such as an overdose or a seizure."),
        "FranceSAMU15",
        country="FR",
    ),
    HelpLine(
        "France",
        gettext_noop("European emergency number"),
        gettext_noop("Call 112"),
        "tel:112",
        gettext_noop(
            "Reaches the emergency services from any phone, anywhere in the European Union."
        ),
        "EU112",
        country="FR",
    ),
    HelpLine(
        gettext_noop("Belgium"),
        "Centre de Prévention du Suicide",
        gettext_noop("Call 0800 32 123"),
        "tel:080032123",
        gettext_noop("Free and anonymous, any time, day or night."),
        "BelgiumCPS",
        country="BE",
    ),
    HelpLine(
        gettext_noop("Belgium"),
        gettext_noop("Emergency number: ambulance and fire service"),
        gettext_noop("Call 112"),
        "tel:112",
        gettext_noop("Free, any time, for a medical emergency such as an overdose or a seizure."),
        "Belgium112",
        country="BE",
    ),
    HelpLine(
        gettext_noop("Switzerland"),
        "La Main Tendue (143.ch)",
        gettext_noop("Call 143"),
        "tel:143",
        gettext_noop("Anonymous listening, any time, day or night; a call costs CHF 0.20."),
        "SwissMainTendue143",
        country="CH",
    ),
    HelpLine(
        gettext_noop("Switzerland"),
        gettext_noop("Ambulance, emergency medical help"),
        gettext_noop("Call 144"),
        "tel:144",
        gettext_noop("Free, any time, for a medical emergency such as an overdose or a seizure."),
        "SwissEmergency",
        country="CH",
    ),
    HelpLine(
        gettext_noop("Switzerland"),
        gettext_noop("European emergency number"),
        gettext_noop("Call 112"),
        "tel:112",
        gettext_noop(
            "Free from any phone; in Switzerland it reaches the police's emergency centre."
        ),
        "SwissEmergency",
        country="CH",
    ),
)


def lines_for_country(lines: tuple[HelpLine, ...], country: str) -> tuple[HelpLine, ...]:
    """``lines`` with ``country``'s first, the others after in their usual order."""
    return (
        *(line for line in lines if line.country == country),
        *(line for line in lines if line.country != country),
    )


# Where 988 answers, and the default when the country is not known: the crisis pages' call
# buttons are 988's there; elsewhere they are the country's own crisis lines.
REACHES_988 = frozenset({"", "US", "CA"})


# SAMHSA's helpline refers callers to treatment in the US (SAMHSAHelpline): a call button where
# the person is in the US or their country is not known, never for someone in Canada.
US_TREATMENT_CALL = frozenset({"", "US"})


def call_lines_for(country: str) -> tuple[HelpLine, ...]:
    """The crisis lines the crisis pages make buttons of for ``country``: none (so 988's) where
    988 answers or no line of the country is known."""
    if country in REACHES_988:
        return ()
    return tuple(line for line in CRISIS_LINES if line.country == country)


SUPPORT_LINES = (
    HelpLine(
        gettext_noop("United States"),
        "SAMHSA National Helpline",
        gettext_noop("Call 1-800-662-4357"),
        "tel:18006624357",
        gettext_noop(
            "Free, confidential, every day of the year; treatment referrals in English and Spanish."
        ),
        "SAMHSAHelpline",
        country="US",
    ),
)


@dataclass(frozen=True)
class PeerGroup:
    """A peer-support group named on the Support page. No web address is given: only the name
    and how to find it, because addresses change and could not all be checked."""

    name: str
    what: str
    how_to_find: str
    source: str


PEER_GROUPS = (
    PeerGroup(
        "SMART Recovery",
        gettext_noop(
            "Free, non-religious meetings for any substance or habit, built on practical skills: "
            "staying motivated, coping with urges, handling thoughts and feelings, and a balanced "
            "life."
        ),
        gettext_noop(
            "Meets in person and online. Search for “SMART Recovery” with your country to reach "
            "its meeting finder."
        ),
        "SMARTRecovery",
    ),
    PeerGroup(
        "Narcotics Anonymous",
        gettext_noop(
            "A free twelve-step fellowship for anyone who wants to stop using drugs, with meetings "
            "in many countries."
        ),
        gettext_noop(
            "Search for “Narcotics Anonymous meetings” with your town, or ask a local clinic."
        ),
        "NarcoticsAnonymous",
    ),
    PeerGroup(
        "Kratom Anonymous",
        gettext_noop("Peer meetings for people who want to stop using kratom."),
        gettext_noop("Search for “Kratom Anonymous” to find its current meeting list."),
        "KratomAnonymous",
    ),
    PeerGroup(
        gettext_noop("The quitting-kratom community"),
        gettext_noop(
            "An online forum (r/quittingkratom on Reddit) where people share taper plans and what "
            "stopping was like. These are peers, not clinicians: check medical advice with one."
        ),
        gettext_noop(
            "Search Reddit for “quittingkratom”. The similarly named r/kratom is a different "
            "community that favours use."
        ),
        "QuittingKratom",
    ),
)
