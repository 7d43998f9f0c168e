"""Combination products: one name, several active ingredients.

A product's names resolve to every ingredient it contains, so it carries every ingredient's
classes: Suboxone is an opioid (buprenorphine) and an opioid antagonist (naloxone); Tylenol 3 is
codeine and acetaminophen. Ingredients not in the knowledge base (ibuprofen, aspirin, caffeine)
are left out; a product whose other ingredients are all unknown stays a brand of the one known
(Nurofen Plus is listed under codeine).
"""

from __future__ import annotations

from stepdown.core.interactions.model import Combination

_APAP = "acetaminophen"

COMBINATIONS: tuple[Combination, ...] = (
    Combination(
        name="acetaminophen/codeine",
        ingredients=(_APAP, "codeine"),
        brands=(
            "Tylenol with codeine",
            "Tylenol 2",
            "Tylenol 3",
            "Tylenol 4",
            "co-codamol",
            "Panadeine",
            "Panadeine Forte",
            "Solpadeine",
            "Tylex",
            "Dafalgan Codeine",
            "Efferalgan Codeine",
            "Codoliprane",
        ),
    ),
    Combination(
        name="oxycodone/acetaminophen",
        ingredients=("oxycodone", _APAP),
        brands=("Percocet", "Endocet", "Roxicet", "Xartemis", "Prolate", "Nalocet"),
    ),
    Combination(
        name="hydrocodone/acetaminophen",
        ingredients=("hydrocodone", _APAP),
        brands=("Vicodin", "Norco", "Lortab", "Lorcet", "Xodol", "Verdrocet"),
    ),
    Combination(
        name="tramadol/acetaminophen",
        ingredients=("tramadol", _APAP),
        brands=("Ultracet", "Zaldiar", "Tramacet"),
    ),
    Combination(
        name="dihydrocodeine/acetaminophen",
        ingredients=("dihydrocodeine", _APAP),
        brands=("co-dydramol",),
    ),
    Combination(
        name="acetaminophen/diphenhydramine",
        ingredients=(_APAP, "diphenhydramine"),
        brands=("Tylenol PM", "Panadol Night"),
    ),
    Combination(
        name="butalbital/acetaminophen/caffeine",
        ingredients=("butalbital", _APAP),
        brands=("Fioricet", "Esgic"),
    ),
    Combination(
        name="buprenorphine/naloxone",
        ingredients=("buprenorphine", "naloxone"),
        brands=("Suboxone", "Zubsolv", "Bunavail"),
    ),
    Combination(
        name="pentazocine/naloxone",
        ingredients=("pentazocine", "naloxone"),
        brands=("Talwin NX",),
    ),
    Combination(
        name="oxycodone/naloxone",
        ingredients=("oxycodone", "naloxone"),
        brands=("Targin", "Targiniq", "Targinact"),
    ),
    Combination(
        name="oxycodone/naltrexone",
        ingredients=("oxycodone", "naltrexone"),
        brands=("Troxyca",),
    ),
    Combination(
        name="morphine/naltrexone",
        ingredients=("morphine", "naltrexone"),
        brands=("Embeda",),
    ),
    Combination(
        name="naltrexone/bupropion",
        ingredients=("naltrexone", "bupropion"),
        brands=("Contrave", "Mysimba"),
    ),
    Combination(
        name="olanzapine/samidorphan",
        ingredients=("olanzapine", "samidorphan"),
        brands=("Lybalvi",),
    ),
    Combination(
        name="lopinavir/ritonavir",
        ingredients=("lopinavir", "ritonavir"),
        brands=("Kaletra", "Aluvia"),
    ),
)
