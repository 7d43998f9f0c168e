"""Interaction classes that slow the brain or breathing: opioids, sedatives, alcohol, cannabis.

Built from the interaction table (docs/interactions.md) with every entry's sources
listed in ``docs/clinical-sources.md``. Advice is written for the person using kratom; it never
suggests taking more kratom.

References
----------
Olsen2019, Suriaga2024, Torrico2024, Corkery2019: deaths with kratom and other substances.
Tanna2023CPT: midazolam AUC x1.39 after 2 g kratom tea (CYP3A).  Tanna2021: CYP3A inhibition.
Weiss2021: buprenorphine for kratom dependence (first dose timed by a clinician, once withdrawal
has begun).
Backstrom2010, Kronstrand2011: "Krypton" deaths.  Hughes2018: quetiapine death.
FDA2019Gabapentinoids: gabapentinoid breathing risk with opioids and sedatives (class-based).
MalaysianSeizure2021, Jittasopa2021: diphenhydramine and antihistamines with kratom.
Berthold2024: CBD raised mitragynine exposure 2.8-fold in rats.
"""

from __future__ import annotations

from stepdown.core.interactions.model import Basis, EvidenceType, InteractionClass, Severity

OPIOIDS = InteractionClass(
    code="opioids",
    label="Opioids",
    severity=Severity.HIGH,
    mechanism=(
        "Kratom's alkaloids act on the same mu-opioid receptor, so the effects add up, including "
        "slowed or stopped breathing. Kratom also slows CYP3A, the enzyme that clears fentanyl, "
        "oxycodone, methadone, buprenorphine and hydrocodone, so their levels can rise."
    ),
    advice=(
        "Avoid taking kratom and an opioid close together, and never use alone. Keep naloxone "
        "(Narcan) at hand and show the people around you how to use it. If an opioid is "
        "prescribed to you, tell the prescriber that you use kratom so the plan is safe. Very "
        "slow breathing, blue lips or someone who can't be woken means calling emergency "
        "services straight away. Buprenorphine (Subutex, Suboxone, Sublocade and others) "
        "started too soon after kratom can bring on sudden, severe withdrawal: wait until "
        "withdrawal is clearly under way, and let a clinician check the signs and time the "
        "first dose."
    ),
    evidence_types=(EvidenceType.DEATH_DATA, EvidenceType.CLINICAL_STUDY),
    evidence=(
        "Opioids are the substances most often found with kratom in overdose deaths: at least "
        "one opioid was present in 79.3 % of mitragynine-positive deaths in Florida, and most "
        "kratom-positive deaths in US surveillance involved other drugs. In a clinical study, "
        "kratom tea raised the level of a CYP3A-cleared drug (midazolam) about 1.4-fold."
    ),
    basis=Basis.OBSERVED,
    sources=("Olsen2019", "Suriaga2024", "Torrico2024", "Tanna2023CPT", "Weiss2021"),
    aliases=("opioids", "opioid", "opiates", "opiate", "narcotics"),
)

O_DESMETHYLTRAMADOL = InteractionClass(
    code="o_desmethyltramadol",
    label='O-desmethyltramadol ("Krypton")',
    severity=Severity.HIGH,
    mechanism=(
        "O-desmethyltramadol is the strong opioid that tramadol becomes in the body. It has been "
        'found added to kratom sold as "Krypton", turning a leaf product into a potent opioid mix.'
    ),
    advice=(
        'Stay away from products sold as "Krypton" and from kratom blends without a lab '
        "certificate: you cannot see whether an opioid was added. If you have used one, don't "
        "use alone, keep naloxone nearby, and call emergency services for very slow breathing or "
        "if someone can't be woken."
    ),
    evidence_types=(EvidenceType.CASE_SERIES,),
    evidence=(
        "Nine deaths in Sweden in 2009–2011 were linked to Krypton, a kratom product with added "
        "O-desmethyltramadol (forensic case series)."
    ),
    basis=Basis.OBSERVED,
    sources=("Backstrom2010", "Kronstrand2011"),
)

BENZODIAZEPINES = InteractionClass(
    code="benzodiazepines",
    label="Benzodiazepines",
    severity=Severity.HIGH,
    mechanism=(
        "Both slow the brain and breathing, and together the effects add up. Kratom also slows "
        "CYP3A, which clears midazolam, alprazolam and triazolam, so their levels rise."
    ),
    advice=(
        "Avoid taking a benzodiazepine and kratom together. If you rely on both, talk to your "
        "prescriber before changing either: stopping a benzodiazepine suddenly can be dangerous "
        "in itself. Never add alcohol or opioids to the mix, and don't use alone."
    ),
    evidence_types=(EvidenceType.CLINICAL_STUDY, EvidenceType.DEATH_DATA),
    evidence=(
        "In a clinical study, 2 g of kratom tea raised midazolam exposure by about 40 % (AUC "
        "ratio 1.39). Benzodiazepines are among the drugs found together with kratom in "
        "overdose deaths."
    ),
    basis=Basis.OBSERVED,
    sources=("Tanna2023CPT", "Olsen2019", "Torrico2024"),
    aliases=("benzodiazepines", "benzodiazepine", "benzos", "benzo", "street benzos"),
)

ALCOHOL = InteractionClass(
    code="alcohol",
    label="Alcohol",
    # The reference rates alcohol high/moderate; the upper end is kept (docs/interactions.md).
    severity=Severity.HIGH,
    mechanism=(
        "Alcohol and kratom both dull the brain and, in large amounts, breathing; together the "
        "effects add up. Whether alcohol changes kratom levels has not been studied."
    ),
    advice=(
        "The safest choice is not to drink on days you take kratom. If you do drink, keep it "
        "small, never on top of sedatives or opioids, and not alone. Tell your clinician if your "
        "drinking goes up while you cut down: swapping one substance for another is common and "
        "worth talking about."
    ),
    evidence_types=(EvidenceType.DEATH_DATA,),
    evidence=(
        "Alcohol was one of the substances most often found in deaths with kratom; 87 % of 156 "
        "deaths reviewed involved more than one substance. No study has measured alcohol's "
        "effect on kratom levels."
    ),
    basis=Basis.OBSERVED,
    sources=("Corkery2019",),
)

GABAPENTINOIDS = InteractionClass(
    code="gabapentinoids",
    label="Gabapentinoids (gabapentin, pregabalin)",
    severity=Severity.MODERATE,
    mechanism=(
        "Gabapentin and pregabalin can slow breathing when combined with opioids and other "
        "sedating drugs. Kratom acts on opioid receptors, so the same may happen; this is "
        "reasoned from the drug class, not measured with kratom."
    ),
    advice=(
        "Tell your prescriber that you use kratom and take the gabapentinoid exactly as "
        "prescribed. Watch for unusual sleepiness, confusion or slow, shallow breathing, above "
        "all when either dose changes, and get help at once if they appear. Using gabapentin or "
        "pregabalin that was not prescribed to you to ease withdrawal adds this risk with nobody "
        "watching."
    ),
    evidence_types=(EvidenceType.CLASS_BASED,),
    evidence=(
        "No kratom-specific data was found. The warning is class-based (theoretical): regulators "
        "warn that gabapentinoids can cause serious breathing problems with opioids and other "
        "central nervous system depressants."
    ),
    basis=Basis.THEORETICAL,
    sources=("FDA2019Gabapentinoids",),
    aliases=("gabapentinoids", "gabapentinoid"),
)

CYP3A_ANTIPSYCHOTICS = InteractionClass(
    code="cyp3a_antipsychotics",
    label="Quetiapine and other CYP3A-cleared antipsychotics",
    severity=Severity.HIGH,
    mechanism=(
        "These medicines are cleared by CYP3A, which kratom slows, so their levels can rise; "
        "most are also sedating, which adds to kratom's sedation."
    ),
    advice=(
        "Don't stop or change your antipsychotic on your own; it matters for your health. Tell "
        "the prescriber that you use kratom so they can review the dose and watch for side "
        "effects. Get urgent help for extreme drowsiness, fainting, a racing or irregular "
        "heartbeat, or trouble breathing."
    ),
    evidence_types=(EvidenceType.CASE_REPORT, EvidenceType.CLINICAL_STUDY),
    evidence=(
        "A death was reported after mitragynine was combined with quetiapine (case report). In a "
        "clinical study kratom raised the level of another CYP3A-cleared drug, midazolam. For the "
        "other antipsychotics in this group the reasoning is class-based."
    ),
    basis=Basis.OBSERVED,
    sources=("Hughes2018", "Tanna2023CPT"),
)

CYP3A_SEDATIVES = InteractionClass(
    code="cyp3a_sedatives",
    label="CYP3A-cleared sleep medicines",
    severity=Severity.MODERATE,
    mechanism=(
        "Zolpidem, zopiclone, eszopiclone, suvorexant and similar sleep medicines are cleared by "
        "CYP3A, which kratom slows, so their levels may rise; the sedation also adds up."
    ),
    advice=(
        "Let your prescriber know about kratom. Take the sleep medicine only at bedtime, never "
        "with alcohol, and don't drive the next morning if you still feel drowsy."
    ),
    evidence_types=(EvidenceType.CLASS_BASED, EvidenceType.CLINICAL_STUDY),
    evidence=(
        "No kratom-specific reports for these medicines were found. Kratom raised midazolam "
        "about 1.4-fold in a clinical study and inhibits CYP3A in the lab, so the same may apply "
        "(class-based, theoretical)."
    ),
    basis=Basis.THEORETICAL,
    sources=("Tanna2023CPT", "Tanna2021"),
    aliases=("z-drugs", "z drugs", "orexin antagonists"),
)

OTHER_SEDATIVES = InteractionClass(
    code="other_sedatives",
    label="Other sedating medicines",
    severity=Severity.MODERATE,
    mechanism=(
        "Barbiturates, muscle relaxants such as carisoprodol and baclofen, sodium oxybate (GHB) "
        "and sedating medicines such as olanzapine or mirtazapine slow the brain; with kratom, "
        "drowsiness and slowed breathing can add up."
    ),
    advice=(
        "Tell the prescriber that you use kratom. Keep alcohol and other sedatives out of the "
        "mix, don't drive while you feel slowed, and get help at once for very slow breathing "
        "or if someone can't be woken."
    ),
    evidence_types=(EvidenceType.CLASS_BASED, EvidenceType.DEATH_DATA),
    evidence=(
        "No kratom-specific data for these medicines was found. Most deaths in which kratom was "
        "found involved several substances, often sedating ones; this entry is class-based "
        "(theoretical)."
    ),
    basis=Basis.THEORETICAL,
    sources=("Corkery2019", "Olsen2019"),
    aliases=("barbiturates", "barbiturate", "muscle relaxants", "muscle relaxant"),
)

SEDATING_ANTIHISTAMINES = InteractionClass(
    code="sedating_antihistamines",
    label="Sedating antihistamines (e.g. diphenhydramine)",
    severity=Severity.MODERATE,
    mechanism=(
        "Older antihistamines cause drowsiness and, in large amounts, seizures. Diphenhydramine "
        "syrup is sometimes mixed into kratom drinks, and seizures and deaths have been reported "
        "with such mixes."
    ),
    advice=(
        "Don't mix cough syrups or sleep aids into kratom drinks. For allergies or sleep, ask a "
        "pharmacist which medicine suits you alongside kratom. Call emergency services for a "
        "seizure, fainting or confusion."
    ),
    evidence_types=(EvidenceType.CASE_SERIES, EvidenceType.DEATH_DATA),
    evidence=(
        "In a Malaysian series of 11 young adults with seizures after kratom drinks, 4 had "
        "mixed in diphenhydramine syrup. Antihistamines were the most common other drugs (8 of "
        "24 cases) in a Thai autopsy series of mitragynine-positive deaths."
    ),
    basis=Basis.OBSERVED,
    sources=("MalaysianSeizure2021", "Jittasopa2021"),
    aliases=("antihistamines", "antihistamine", "sedating antihistamines"),
)

CANNABIS = InteractionClass(
    code="cannabis",
    label="Cannabis (THC)",
    severity=Severity.LOW,
    mechanism=(
        "How cannabis and kratom act together has not been studied in people. Both can affect "
        "alertness and coordination, so the effects may add up; many cannabis products also "
        "contain CBD, which raised kratom levels in rats."
    ),
    advice=(
        "Notice how the two feel together, don't drive after using either, and mention cannabis "
        "to your clinician, since use often shifts during a taper. Check whether a product "
        "contains CBD (see the CBD entry)."
    ),
    evidence_types=(EvidenceType.CLASS_BASED,),
    evidence=(
        "No kratom–cannabis (THC) interaction data was found. The only related study gave CBD with "
        "kratom to rats. Severity is low because no harm has been documented, not because the "
        "combination has been shown to be safe."
    ),
    basis=Basis.THEORETICAL,
    sources=("Berthold2024",),
    aliases=("cannabis products", "cannabinoids"),
)

CANNABIDIOL = InteractionClass(
    code="cannabidiol",
    label="Cannabidiol (CBD)",
    severity=Severity.MODERATE,
    mechanism=(
        "In rats, CBD given with kratom raised mitragynine exposure about 2.8-fold and delayed "
        "its peak, so kratom's effects may come later and be stronger."
    ),
    advice=(
        "Take care when you start or stop a CBD product while using kratom: effects may arrive "
        "later and feel stronger than you are used to, so don't take another dose because the "
        "first seems slow. Tell your clinician about both."
    ),
    evidence_types=(EvidenceType.ANIMAL,),
    evidence="Animal study only (rats, commercial kratom and CBD products); no human data found.",
    basis=Basis.THEORETICAL,
    sources=("Berthold2024",),
)

SEDATING_CLASSES: tuple[InteractionClass, ...] = (
    OPIOIDS,
    O_DESMETHYLTRAMADOL,
    BENZODIAZEPINES,
    ALCOHOL,
    GABAPENTINOIDS,
    CYP3A_ANTIPSYCHOTICS,
    CYP3A_SEDATIVES,
    OTHER_SEDATIVES,
    SEDATING_ANTIHISTAMINES,
    CANNABIS,
    CANNABIDIOL,
)
