"""Learn pages about harms and safety: skin, interactions, products, opioid recovery and when to
seek help."""

from __future__ import annotations

from django.utils.translation import gettext_noop

from stepdown.core.rules.learn import LearnSlug
from stepdown.learn.pages.model import LearnPage, Section

SKIN_DARKENING = LearnPage(
    slug=LearnSlug.SKIN_DARKENING,
    title=gettext_noop("Skin darkening with long, heavy use"),
    summary=(
        gettext_noop(
            "A few people who used kratom daily for years developed blue-grey or grey-brown "
            "patches on sun-exposed skin. It seems rare, and it may not fade."
        )
    ),
    sections=(
        Section(
            gettext_noop("What has been reported"),
            (
                gettext_noop(
                    "Case reports describe slowly spreading darkening on the face, neck, backs of "
                    "the hands and forearms — the places that see the sun — in people with years "
                    "of regular use. A skin sample in one case showed the pigment melanin deep in "
                    "the skin."
                ),
            ),
        ),
        Section(
            gettext_noop("What is not known"),
            (
                gettext_noop(
                    "How often it happens, why, and at what amounts. Only a handful of cases have "
                    "been published. In one, the colour had not faded 16 months after the person "
                    "stopped, and no treatment has been shown to reverse it."
                ),
            ),
        ),
        Section(
            gettext_noop("What you can do"),
            (),
            (
                gettext_noop(
                    "Show any new or spreading skin change to a doctor — other causes need ruling "
                    "out."
                ),
                gettext_noop("Protect exposed skin from the sun."),
                gettext_noop(
                    "Track it with calibrated photos in Stepdown's skin tracker, which flags "
                    "change only when it is bigger than normal variation."
                ),
            ),
        ),
    ),
    sources=("Patel2024Skin", "Suleman2023Skin", "ASDP26398", "SeedRecovery"),
    evidence=gettext_noop("Case reports only; no study has counted how common it is."),
    related=(LearnSlug.SEEK_HELP_NOW, LearnSlug.TAPERING),
)

INTERACTIONS = LearnPage(
    slug=LearnSlug.INTERACTIONS,
    title=gettext_noop("Interactions with medicines and other substances"),
    summary=(
        gettext_noop(
            "Kratom changes how the body handles some medicines, and mixing it with other sedating "
            "substances is behind most serious harm."
        )
    ),
    sections=(
        Section(
            gettext_noop("Mixing with sedating substances"),
            (
                gettext_noop(
                    "Alcohol, opioids, benzodiazepines, sleeping tablets and gabapentin or "
                    "pregabalin all slow the brain and breathing. Together with kratom the effects "
                    "add up. In death records where kratom was found, other substances were almost "
                    "always present too — most often opioids or alcohol."
                ),
            ),
        ),
        Section(
            gettext_noop("Effects on other medicines"),
            (
                gettext_noop(
                    "Mitragynine slows liver and gut enzymes that clear many medicines. In a small "
                    "study, one cup of kratom tea left about 40 % more of a test sedative "
                    "(midazolam) in the blood. Quetiapine, some antidepressants, stimulants and "
                    "sedating antihistamines have each appeared in serious case reports."
                ),
            ),
        ),
        Section(
            gettext_noop("What you can do"),
            (),
            (
                gettext_noop("Tell your doctor and pharmacist that you use kratom, and how much."),
                gettext_noop(
                    "Enter your medicines in Stepdown to see warnings with their reasons."
                ),
                gettext_noop("Do not combine kratom with opioids, alcohol or other sedatives."),
                gettext_noop(
                    "Get help at once for slow or shallow breathing, or someone who cannot be "
                    "woken."
                ),
            ),
        ),
    ),
    sources=(
        "Tanna2023CPT",
        "Kamble2019",
        "Olsen2019",
        "Corkery2019",
        "Suriaga2024",
        "Hughes2018",
        "MalaysianSeizure2021",
    ),
    evidence=(
        gettext_noop(
            "One small clinical study, laboratory data, case reports and death records; most "
            "combinations have never been tested."
        )
    ),
    related=(LearnSlug.SEEK_HELP_NOW, LearnSlug.OPIOID_RECOVERY),
)

PRODUCT_QUALITY = LearnPage(
    slug=LearnSlug.PRODUCT_QUALITY,
    title=gettext_noop("Product quality, contamination and 7-OH products"),
    summary=(
        gettext_noop(
            "What is in a packet varies a lot. Contaminated batches have made people ill, and "
            "concentrated 7-OH products are a different, much stronger thing."
        )
    ),
    sections=(
        Section(
            gettext_noop("Strength varies"),
            (
                gettext_noop(
                    "Tested US products held from about 4 to 62 mg of mitragynine per gram — a "
                    "sixteen-fold range. The same number of grams can be a very different dose."
                ),
            ),
        ),
        Section(
            gettext_noop("Contamination"),
            (
                gettext_noop(
                    "A Salmonella outbreak linked to kratom made 199 people ill in 41 US states. "
                    "Federal testing found lead and nickel at levels unsafe for people who use a "
                    "lot for a long time, and a smaller study found microbes in most samples."
                ),
            ),
        ),
        Section(
            gettext_noop("7-OH products"),
            (
                gettext_noop(
                    "Natural leaf holds only traces of 7-hydroxymitragynine. Tablets, shots and "
                    "gummies sold as '7-OH' contain concentrated amounts, most likely made in a "
                    "lab, and some kratom products have had it added. US regulators recommended "
                    "in 2025 that these products be controlled. Being so concentrated, they are "
                    "likely to carry a higher risk of dependence than leaf — a reasonable guess, "
                    "not yet studied in people."
                ),
            ),
        ),
        Section(
            gettext_noop("What you can do"),
            (),
            (
                gettext_noop(
                    "Pick a vendor that publishes a recent independent lab certificate for each "
                    "batch: mitragynine, 7-OH, heavy metals and microbes."
                ),
                gettext_noop(
                    "Stay with one tested product while you cut down, and enter its lab values."
                ),
                gettext_noop(
                    "When you switch product, compare strength first; Stepdown warns when the same "
                    "grams would be a stronger dose."
                ),
                gettext_noop("Avoid extracts and 7-OH products."),
            ),
        ),
    ),
    sources=(
        "Prozialeck2020",
        "CDC2018Salmonella",
        "FDA2019Metals",
        "KikuraHanajiri2009",
        "Lydecker2016",
        "Brown2025",
        "FDA2025SevenOH",
    ),
    evidence=(
        gettext_noop(
            "Product testing by regulators and researchers; small samples of a large, changing "
            "market."
        )
    ),
    related=(LearnSlug.EFFECTS_AND_DOSE, LearnSlug.AVOIDING_DEPENDENCE),
)

OPIOID_RECOVERY = LearnPage(
    slug=LearnSlug.OPIOID_RECOVERY,
    title=gettext_noop("Kratom and recovery from opioids: what is and is not known"),
    summary=(
        gettext_noop(
            "Many people use kratom to get off opioids, and some say it helped. It has not been "
            "tested as a treatment, while proven treatments exist."
        )
    ),
    sections=(
        Section(
            gettext_noop("What people report"),
            (
                gettext_noop(
                    "In one large US survey, 41 % said they had used kratom to cut down or stop "
                    "opioids. Personal accounts describe easier withdrawal and fewer cravings."
                ),
            ),
        ),
        Section(
            gettext_noop("What is not known"),
            (
                gettext_noop(
                    "No controlled trial has shown that kratom helps people stay off opioids, or "
                    "that it is safe for this; it is not an approved treatment. It acts on the "
                    "same receptor, so it can keep dependence going, and many people later need "
                    "to taper off kratom as well."
                ),
            ),
        ),
        Section(
            gettext_noop("Real risks"),
            (
                gettext_noop(
                    "Mixing kratom with opioids is dangerous: in Florida, most deaths with kratom "
                    "found also involved at least one opioid. Street opioids may contain fentanyl."
                ),
            ),
        ),
        Section(
            gettext_noop("Treatments with evidence"),
            (
                gettext_noop(
                    "Buprenorphine and methadone are approved, well-studied treatments for opioid "
                    "dependence. Buprenorphine has also been used to help people stop kratom. A "
                    "clinician can talk you through the options — you can keep using Stepdown "
                    "alongside."
                ),
            ),
        ),
    ),
    sources=(
        "GarciaRomeu2020",
        "SeedRecovery",
        "FDA2018Kratom",
        "Suriaga2024",
        "WHO2009Opioid",
        "Weiss2021",
    ),
    evidence=(
        gettext_noop(
            "Surveys and personal accounts on one side; no trials of kratom for opioid recovery; "
            "strong trial evidence for buprenorphine and methadone."
        )
    ),
    related=(LearnSlug.INTERACTIONS, LearnSlug.SUPPORT, LearnSlug.TAPERING),
    tools=("learn:support",),
)

SEEK_HELP_NOW = LearnPage(
    slug=LearnSlug.SEEK_HELP_NOW,
    title=gettext_noop("When to seek medical help now"),
    summary=gettext_noop(
        "Some symptoms need a doctor today, and some need an emergency number right now."
    ),
    sections=(
        Section(
            gettext_noop("Call your emergency number now if"),
            (),
            (
                gettext_noop("someone has a seizure;"),
                gettext_noop(
                    "breathing is slow or shallow, or someone cannot be woken — if you have "
                    "naloxone, use it;"
                ),
                gettext_noop("there is chest pain, a racing heart with fainting, or collapse;"),
                gettext_noop(
                    "you are thinking of ending your life or harming yourself — a crisis line is "
                    "also there any time."
                ),
            ),
        ),
        Section(
            gettext_noop("See a doctor today if"),
            (),
            (
                gettext_noop(
                    "your skin or the whites of your eyes turn yellow, your urine turns dark, your "
                    "stools turn pale or clay-coloured, or your skin itches all over without a "
                    "rash — these can be signs of liver injury;"
                ),
                gettext_noop(
                    "you cannot stop vomiting or keep fluids down, or have severe diarrhoea;"
                ),
                gettext_noop("you are confused or see or hear things that are not there."),
            ),
        ),
        Section(
            gettext_noop("If you are pregnant"),
            (
                gettext_noop(
                    "Talk to a clinician before changing how much you use. Babies born to mothers "
                    "who used kratom every day have needed treatment for withdrawal after birth."
                ),
            ),
        ),
    ),
    sources=(
        "WikEMKratom",
        "Ahmad2021",
        "SchimmelDart2020",
        "Eldridge2018",
        "LeongBinAbdullah2021",
        "Afzal2020",
        "Lifeline988",
    ),
    evidence=(
        gettext_noop(
            "Case reports and clinical reference pages; these are warning signs to act on, not "
            "rates."
        )
    ),
    related=(LearnSlug.WITHDRAWAL, LearnSlug.INTERACTIONS),
)

PAGES = (
    SKIN_DARKENING,
    INTERACTIONS,
    PRODUCT_QUALITY,
    OPIOID_RECOVERY,
    SEEK_HELP_NOW,
)
