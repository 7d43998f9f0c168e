"""Interaction classes about stimulation, serotonin and drug-clearing enzymes or transporters.

Built from the interaction table (docs/interactions.md) with every entry's sources listed in
``docs/clinical-sources.md``. Advice never suggests taking more kratom.

References
----------
Boyer2008: seizure with kratom and modafinil.  MalaysianSeizure2021, Jittasopa2021, Afzal2020:
stimulants and seizures.  Brooks2023, BoyerShannon2005: serotonin toxicity.
Tanna2023CPT: dextromethorphan AUC ratio 0.99 and midazolam AUC x1.39 after 2 g kratom tea.
Tanna2021: CYP2D6 Ki 1.17 uM.  Tanna2023Review: IC50 CYP2D6 0.67 uM, P-gp 18.2 uM.
Kamble2019: mitragynine cleared mainly by CYP3A4.  Hill2022Resp, Kamble2023JPET: ketoconazole
changes mitragynine's effects in mice and rats.
Tay2016, Tay2019: mitragynine blocks the hERG potassium channel (in vitro).
LeongBinAbdullah2021: more borderline QTc in regular kratom users.  Ahmad2021: kratom liver
injury (all 11 cases jaundiced).
"""

from __future__ import annotations

from stepdown.core.interactions.model import Basis, EvidenceType, InteractionClass, Severity

MODAFINIL = InteractionClass(
    code="modafinil",
    label="Modafinil and armodafinil",
    severity=Severity.MODERATE,
    mechanism=(
        "A man who used kratom together with modafinil had a tonic-clonic seizure; whether the "
        "two interacted is not certain."
    ),
    advice=(
        "Tell the prescriber that you use kratom before starting modafinil or armodafinil. Keep "
        "other stimulants out of the mix, and call emergency services for a seizure."
    ),
    evidence_types=(EvidenceType.CASE_REPORT,),
    evidence="One case report (seizure). Armodafinil is included by analogy (class-based).",
    basis=Basis.OBSERVED,
    sources=("Boyer2008",),
)

STIMULANTS = InteractionClass(
    code="stimulants",
    label="Stimulants",
    severity=Severity.MODERATE,
    mechanism=(
        "Kratom can lower the seizure threshold and has stimulant effects of its own; stimulants "
        "add strain on the heart and brain. Methamphetamine and amphetamine turn up in kratom "
        "seizure cases and autopsies."
    ),
    advice=(
        "Avoid combining kratom with methamphetamine, cocaine or other street stimulants. If you "
        "take a prescribed stimulant for ADHD, keep to the prescribed dose and tell the "
        "prescriber about kratom. Get urgent help for a seizure, chest pain, a racing heart or "
        "overheating."
    ),
    evidence_types=(EvidenceType.CASE_SERIES, EvidenceType.DEATH_DATA),
    evidence=(
        "One patient in a Malaysian seizure series took methamphetamine with kratom; "
        "amphetamine was found in 4 of 24 mitragynine-positive deaths in a Thai autopsy series; "
        "seizures have also been reported with kratom alone. Prescribed ADHD medicines have no "
        "specific data (class-based)."
    ),
    basis=Basis.OBSERVED,
    sources=("MalaysianSeizure2021", "Jittasopa2021", "Afzal2020"),
    aliases=("stimulants", "stimulant", "uppers", "amphetamines"),
)

SEROTONERGIC = InteractionClass(
    code="serotonergic",
    label="Serotonergic medicines (SSRIs, SNRIs and others)",
    severity=Severity.MODERATE,
    mechanism=(
        "Many medicines that raise serotonin are cleared by liver enzymes that kratom blocks "
        "(CYP2D6, CYP3A and others), so their levels may rise; too much serotonin causes "
        "serotonin toxicity."
    ),
    advice=(
        "Keep taking your antidepressant as prescribed: stopping suddenly causes problems of its "
        "own. Tell the prescriber about kratom and learn the warning signs: agitation, sweating, "
        "fever, shaking, twitching or stiff muscles, confusion. If they appear, get medical help "
        "the same day, and urgently if you have a high temperature."
    ),
    evidence_types=(EvidenceType.CASE_REPORT, EvidenceType.IN_VITRO),
    evidence=(
        "One case report of possible serotonin syndrome in a man taking kratom with several "
        "serotonergic medicines (bupropion, buspirone, desvenlafaxine, trazodone, ziprasidone). "
        "Lab studies show that kratom inhibits CYP2D6 and CYP3A."
    ),
    basis=Basis.OBSERVED,
    sources=("Brooks2023", "Tanna2023Review", "BoyerShannon2005"),
    aliases=("ssris", "ssri", "snris", "snri", "antidepressants", "antidepressant", "triptans"),
)

MAOIS = InteractionClass(
    code="maois",
    label="MAO inhibitors",
    severity=Severity.MODERATE,
    mechanism=(
        "MAO inhibitors can cause dangerous serotonin toxicity with many opioid-like and "
        "serotonergic drugs. Kratom has not been studied with them, but it has been linked to "
        "serotonin toxicity with other serotonergic medicines, so the risk is reasoned from the "
        "drug class."
    ),
    advice=(
        "Talk to the prescriber before combining kratom with an MAO inhibitor, including "
        "selegiline patches, linezolid and methylene blue. Know the signs of serotonin toxicity "
        "(agitation, fever, sweating, stiffness, twitching) and get urgent help if they appear."
    ),
    evidence_types=(EvidenceType.CLASS_BASED, EvidenceType.CASE_REPORT),
    evidence=(
        "No MAOI-specific kratom data was found. Class-based reasoning (theoretical) from the "
        "general serotonin-toxicity risk of MAO inhibitors and one kratom case with serotonergic "
        "medicines."
    ),
    basis=Basis.THEORETICAL,
    sources=("Brooks2023", "BoyerShannon2005"),
    aliases=("maois", "maoi", "mao inhibitors", "mao inhibitor"),
)

CYP2D6_SUBSTRATES = InteractionClass(
    code="cyp2d6_substrates",
    label="Medicines cleared or activated by CYP2D6",
    severity=Severity.LOW,
    mechanism=(
        "In the lab, mitragynine blocks CYP2D6 strongly. That could raise levels of drugs that "
        "CYP2D6 clears (dextromethorphan, many tricyclic antidepressants, metoprolol) or weaken "
        "drugs it activates (codeine, tramadol, tamoxifen). At about 2 g of kratom a clinical "
        "study saw no effect."
    ),
    advice=(
        "At usual amounts this interaction looks small. Tell your prescriber or pharmacist about "
        "kratom, especially with heart-rhythm medicines or tamoxifen. If codeine or tramadol "
        "seems to relieve pain less than expected, say so rather than adjusting doses yourself."
    ),
    evidence_types=(EvidenceType.CLINICAL_STUDY, EvidenceType.IN_VITRO),
    evidence=(
        "A clinical study with 2 g of kratom tea found no change in dextromethorphan exposure "
        "(AUC ratio 0.99). Mitragynine inhibits CYP2D6 in the lab (Ki 1.17 µM; IC50 0.67 µM). "
        "Higher or repeated kratom doses have not been tested, so the effect there is unknown."
    ),
    basis=Basis.THEORETICAL,
    sources=("Tanna2023CPT", "Tanna2021", "Tanna2023Review"),
    aliases=("cyp2d6 substrates", "tricyclic antidepressants", "tricyclics"),
)

CYP3A_INHIBITORS = InteractionClass(
    code="cyp3a_inhibitors",
    label="Strong CYP3A inhibitors (and grapefruit)",
    severity=Severity.MODERATE,
    mechanism=(
        "Mitragynine is cleared mainly by CYP3A, which also turns it into the stronger "
        "7-hydroxymitragynine. Blocking CYP3A changes both: in rats ketoconazole raised "
        "mitragynine and 7-OH exposure and strengthened their effects, while in mice it weakened "
        "mitragynine's effects. Which way it goes in people is unknown."
    ),
    advice=(
        "Tell the prescriber that you use kratom before starting one of these (for example an "
        "azole antifungal, clarithromycin, or an HIV or COVID-19 treatment such as Paxlovid). "
        "Watch for unusual sleepiness or other changes while on it and for some days after it "
        "stops. Don't use grapefruit juice to strengthen kratom: it makes the effect harder to "
        "predict."
    ),
    evidence_types=(EvidenceType.ANIMAL, EvidenceType.IN_VITRO),
    evidence=(
        "Animal studies only: ketoconazole raised mitragynine exposure by 120 % in rats and "
        "weakened mitragynine's effects in mice. Mitragynine is metabolised mainly by CYP3A4 in "
        "human liver microsomes. No human data found (theoretical)."
    ),
    basis=Basis.THEORETICAL,
    sources=("Kamble2019", "Hill2022Resp", "Kamble2023JPET"),
    aliases=("cyp3a inhibitors", "cyp3a4 inhibitors", "azole antifungals"),
)

CYP3A_INDUCERS = InteractionClass(
    code="cyp3a_inducers",
    label="Strong CYP3A inducers",
    severity=Severity.MODERATE,
    mechanism=(
        "These medicines speed up CYP3A, so mitragynine may be cleared faster and converted "
        "differently: kratom may feel weaker and withdrawal-like symptoms may appear. When the "
        "inducer stops, levels drift back up over the following weeks."
    ),
    advice=(
        "Tell the prescriber about kratom before starting or stopping one of these. If kratom "
        "seems to work less, don't chase the effect; talk to your clinician instead. After the "
        "inducer stops, a dose you are used to may feel stronger again."
    ),
    evidence_types=(EvidenceType.CLASS_BASED, EvidenceType.ANIMAL),
    evidence=(
        "No kratom study with an inducer was found. Reasoned (theoretical) from mitragynine's "
        "clearance by CYP3A4 and animal studies showing that CYP3A activity shapes its effects."
    ),
    basis=Basis.THEORETICAL,
    sources=("Kamble2019", "Hill2022Resp"),
    aliases=("cyp3a inducers", "cyp3a4 inducers"),
)

PGP_SUBSTRATES = InteractionClass(
    code="pgp_substrates",
    label="P-gp substrates (e.g. loperamide, digoxin)",
    # The reference rates this low/moderate; the upper end is kept because loperamide is often
    # taken for withdrawal diarrhoea.
    severity=Severity.MODERATE,
    mechanism=(
        "In lab tests kratom blocks P-glycoprotein, a pump in the gut wall that limits how much "
        "of some drugs gets in; their levels could rise. This matters for digoxin, dabigatran and "
        "loperamide."
    ),
    advice=(
        "Loperamide (Imodium) is often used for diarrhoea during withdrawal: take no more than "
        "the dose on the pack, and stop if you feel drowsy or faint or your heart races. If you "
        "take digoxin, a blood thinner such as dabigatran or another medicine with a narrow "
        "safety margin, tell the prescriber about kratom so levels can be checked."
    ),
    evidence_types=(EvidenceType.IN_VITRO,),
    evidence=(
        "In vitro only: kratom inhibited P-gp (IC50 18.2 µM) and a static model flagged the "
        "intestinal pump. No clinical study found (theoretical)."
    ),
    basis=Basis.THEORETICAL,
    sources=("Tanna2023Review",),
    aliases=("p-gp substrates", "pgp substrates"),
)

CYP3A_NARROW_MARGIN = InteractionClass(
    code="cyp3a_narrow_margin",
    label="CYP3A-cleared medicines with a narrow safety margin",
    severity=Severity.MODERATE,
    mechanism=(
        "Transplant medicines such as tacrolimus, ciclosporin, sirolimus and everolimus, and "
        "colchicine, are cleared by CYP3A, which kratom slows; small rises in their levels can "
        "cause harm."
    ),
    advice=(
        "Tell your transplant team or prescriber that you use kratom, and tell them again before "
        "you stop or change your use, so they can check blood levels. Don't stop these medicines "
        "on your own."
    ),
    evidence_types=(EvidenceType.CLASS_BASED, EvidenceType.CLINICAL_STUDY),
    evidence=(
        "No kratom-specific reports for these medicines were found. Kratom raised midazolam "
        "(a CYP3A test drug) exposure about 1.4-fold in a clinical study; the same mechanism "
        "applies (class-based, theoretical)."
    ),
    basis=Basis.THEORETICAL,
    sources=("Tanna2023CPT", "Tanna2021"),
    aliases=("immunosuppressants", "transplant medicines"),
)

QT_PROLONGING = InteractionClass(
    code="qt_prolonging",
    label="Medicines that can lengthen the QT interval (heart rhythm)",
    severity=Severity.MODERATE,
    mechanism=(
        "In lab studies mitragynine blocks hERG, the heart's potassium channel through which "
        "many medicines lengthen the QT interval on an ECG; regular kratom users had a "
        "borderline-long QTc more often than people who did not use it. Adding a medicine that "
        "does the same may raise the risk of a dangerous heart rhythm (torsades de pointes)."
    ),
    advice=(
        "Tell the prescriber that you use kratom and ask whether you need an ECG (heart tracing) "
        "before starting, when the dose goes up, or if you take several of these medicines. "
        "Vomiting and diarrhoea during withdrawal lower potassium and magnesium, which adds to "
        "the risk. Take loperamide (Imodium) only at the dose on the pack: large amounts have "
        "caused fatal heart rhythm problems. Fainting, a pounding or irregular heartbeat or a "
        "seizure needs emergency care."
    ),
    evidence_types=(EvidenceType.IN_VITRO, EvidenceType.CLINICAL_STUDY, EvidenceType.CLASS_BASED),
    evidence=(
        "Mitragynine blocked hERG channels in cell studies. In 100 regular users against 100 "
        "controls, borderline QTc was more common but prolonged QTc was not. No study has tested "
        "kratom together with a QT-lengthening medicine (class-based, theoretical)."
    ),
    basis=Basis.THEORETICAL,
    sources=("Tay2016", "Tay2019", "LeongBinAbdullah2021"),
    aliases=("qt prolonging medicines", "qt prolonging drugs", "qt drugs"),
)

ACETAMINOPHEN_LIVER = InteractionClass(
    code="acetaminophen_liver",
    label="Acetaminophen (paracetamol) and the liver",
    severity=Severity.LOW,
    mechanism=(
        "Kratom has been linked to liver injury, and too much acetaminophen (paracetamol) "
        "damages the liver too. Each is a strain on the same organ, especially with heavy "
        "kratom use or alcohol. Many cold, flu and prescription pain medicines contain "
        "acetaminophen, so it is easy to take more than you think."
    ),
    advice=(
        "Keep to the dose on the pack, count every product that contains acetaminophen or "
        "paracetamol, and talk to a pharmacist if you use kratom heavily or drink. Yellow skin "
        "or eyes, dark urine, pale stools, itching or pain under the right ribs need a doctor "
        "the same day."
    ),
    evidence_types=(EvidenceType.CASE_SERIES, EvidenceType.CLASS_BASED),
    evidence=(
        "Eleven cases of kratom liver injury in a US network, all with jaundice. No study has "
        "tested acetaminophen together with kratom (class-based, theoretical)."
    ),
    basis=Basis.THEORETICAL,
    sources=("Ahmad2021",),
)

OTHER_CLASSES: tuple[InteractionClass, ...] = (
    MODAFINIL,
    STIMULANTS,
    SEROTONERGIC,
    MAOIS,
    CYP2D6_SUBSTRATES,
    CYP3A_INHIBITORS,
    CYP3A_INDUCERS,
    PGP_SUBSTRATES,
    CYP3A_NARROW_MARGIN,
    QT_PROLONGING,
    ACETAMINOPHEN_LIVER,
)
