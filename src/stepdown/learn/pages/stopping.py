"""Learn pages about cutting down and stopping: withdrawal, tapering, lifestyle and support."""

from __future__ import annotations

from django.utils.translation import gettext_noop

from stepdown.core.rules.learn import LearnSlug
from stepdown.learn.pages.model import LearnPage, Section

WITHDRAWAL = LearnPage(
    slug=LearnSlug.WITHDRAWAL,
    title=gettext_noop("Withdrawal and what helps"),
    summary=(
        gettext_noop(
            "Cutting down after regular use can bring days of feeling unwell. It is expected, it "
            "passes, and a slower pace makes it milder."
        )
    ),
    sections=(
        Section(
            gettext_noop("What people notice"),
            (),
            (
                gettext_noop("irritability, low mood, anxiety and restlessness;"),
                gettext_noop("poor sleep and tiredness;"),
                gettext_noop("aches and muscle discomfort;"),
                gettext_noop("runny nose, watery eyes, hot and cold flushes;"),
                gettext_noop("nausea, stomach upset or diarrhoea;"),
                gettext_noop("strong urges to use."),
            ),
        ),
        Section(
            gettext_noop("How long it lasts"),
            (
                gettext_noop(
                    "This has not been measured well. People commonly describe symptoms starting "
                    "within a day, being worst over the first few days and easing within about a "
                    "week, with sleep and mood taking longer. Treat that as people's reports, not "
                    "a promise. Mitragynine leaves the body slowly — its half-life has been "
                    "measured at roughly one to three days — so symptoms may build more gradually "
                    "than with short-acting opioids."
                ),
            ),
        ),
        Section(
            gettext_noop("What helps"),
            (),
            (
                gettext_noop("Reducing gradually instead of stopping all at once."),
                gettext_noop("Sleep routines, regular food, plenty of fluids, gentle movement."),
                gettext_noop(
                    "Riding out urges: the urge timer and the breathing exercise are here for that."
                ),
                gettext_noop("Telling someone you trust what you are doing."),
                gettext_noop(
                    "A doctor, who can treat symptoms and, for some people, offer a medicine such "
                    "as buprenorphine (used for kratom dependence so far only in case series)."
                ),
            ),
        ),
        Section(
            gettext_noop("No kratom-specific scale exists"),
            (
                gettext_noop(
                    "Stepdown's withdrawal diary adapts general opioid symptom lists. It helps you "
                    "see a trend; it is not a diagnosis."
                ),
            ),
        ),
        Section(
            gettext_noop("Why mood and anxiety scores can rise after a cut"),
            (
                gettext_noop(
                    "The PHQ-9 (mood) and GAD-7 (anxiety) questionnaires ask about poor sleep, "
                    "tiredness, appetite, restlessness, trouble concentrating, irritability and "
                    "feeling on edge. Withdrawal brings the same things, so both scores can go up "
                    "for a week or two after a step down without a new depression or anxiety "
                    "disorder behind them."
                ),
                gettext_noop(
                    "Read them as a trend over several weeks, beside your withdrawal diary. If "
                    "they stay high once withdrawal has settled, or the mood questions themselves "
                    "(feeling down, no interest, worry you cannot control) are high, talk to a "
                    "clinician."
                ),
                gettext_noop(
                    "Thoughts of harming yourself are different: they always count, whatever the "
                    "cause. Stepdown shows crisis help at once whenever you answer yes."
                ),
            ),
        ),
    ),
    sources=(
        "Singh2014",
        "Smith2022",
        "Trakulsrichai2015",
        "Tanna2022",
        "Weiss2021",
        "SeedRisk",
        "Kroenke2001",
        "Spitzer2006",
    ),
    evidence=(
        gettext_noop(
            "Symptom lists come from surveys of regular users; the time course and treatments rest "
            "on reports and small case series."
        )
    ),
    related=(LearnSlug.TAPERING, LearnSlug.LIFESTYLE, LearnSlug.SEEK_HELP_NOW),
    tools=("learn:urge", "learn:breathe"),
)

TAPERING = LearnPage(
    slug=LearnSlug.TAPERING,
    title=gettext_noop("Tapering, and why slowly"),
    summary=(
        gettext_noop(
            "Lowering your amount in small steps gives the body time to readjust, so withdrawal "
            "stays manageable. Small, steady and adjustable beats fast."
        )
    ),
    sections=(
        Section(
            gettext_noop("Why not stop at once"),
            (
                gettext_noop(
                    "Stopping suddenly after daily use tends to bring the strongest withdrawal. "
                    "Cutting down in steps lets the body catch up between them."
                ),
            ),
        ),
        Section(
            gettext_noop("How big a step"),
            (
                gettext_noop(
                    "No study has tested a taper schedule for kratom. Guidance for tapering other "
                    "medicines that act on the brain suggests cutting 10 to 20 % of your current "
                    "amount at each step, at a pace you can tolerate, and going slower near the "
                    "end. Stepdown borrows that approach and says so."
                ),
                gettext_noop(
                    "Taking fewer doses a day may matter as much as taking fewer grams (a survey "
                    "finding, not a trial). Stepdown lowers the number of doses by leaving one "
                    "out, never by joining doses into bigger ones, and no step cuts more than a "
                    "quarter."
                ),
            ),
        ),
        Section(
            gettext_noop("How long between steps"),
            (
                gettext_noop(
                    "With daily dosing, mitragynine takes about eight or nine days to settle at a "
                    "new level in one study, and up to about two weeks at the longest half-life "
                    "measured. That is why plans keep each step for one to two weeks, and why the "
                    "plan's “settled by” dates are a range (Stepdown's reasoning from those "
                    "studies, not a tested rule)."
                ),
            ),
        ),
        Section(
            gettext_noop("When a step is hard"),
            (
                gettext_noop(
                    "Pausing on a step until you feel steadier is part of a good plan, not a "
                    "failure. If symptoms stay severe, talk to a clinician — especially with heavy "
                    "use, other substances, or pregnancy."
                ),
            ),
        ),
        Section(
            gettext_noop("After the last step, or a break"),
            (
                gettext_noop(
                    "Tolerance falls quickly once you take less. Going back to your old amount, "
                    "trying a 7-OH product, or using opioids after a taper or a break can then "
                    "cause an overdose, even at an amount that used to feel normal."
                ),
                gettext_noop(
                    "If you do use again, start far lower, do not use alone, and keep naloxone "
                    "(Narcan) at hand: it reverses an opioid overdose and is safe to give. "
                    "Pharmacies in many countries sell it without a prescription."
                ),
            ),
        ),
        Section(
            gettext_noop("Pregnant or breastfeeding"),
            (
                gettext_noop(
                    "In pregnancy, withdrawal can harm the baby, and babies of mothers who used "
                    "kratom have needed treatment for withdrawal after birth. For opioids, doctors "
                    "prefer steady treatment with methadone or buprenorphine to a taper during "
                    "pregnancy. Stepdown therefore pauses a plan and stops suggesting cuts when "
                    "you say you are pregnant or breastfeeding: please plan any change with a "
                    "clinician."
                ),
            ),
        ),
    ),
    sources=(
        "SeedRisk",
        "Maudsley2024",
        "HorowitzTaylor2019",
        "Huestis2024",
        "Rogers2024",
        "Strang2003",
        "WHO2014Naloxone",
        "ACOG2017Opioid",
        "Eldridge2018",
    ),
    evidence=(
        gettext_noop(
            "Borrowed from tapering research on other medicines; no kratom taper has been tested "
            "in a trial."
        )
    ),
    # Medicine as another way out has its own page (this one stays a phone screen or two).
    related=(LearnSlug.WITHDRAWAL, LearnSlug.SUPPORT, "medicine-instead-of-a-taper"),
    tools=("learn:urge",),
)

LIFESTYLE = LearnPage(
    slug=LearnSlug.LIFESTYLE,
    title=gettext_noop("Exercise, mindfulness, food and sleep"),
    summary=(
        gettext_noop(
            "Looking after the basics will not make withdrawal vanish, but it takes the edge off "
            "and makes the days between steps easier."
        )
    ),
    sections=(
        Section(
            gettext_noop("Move a little every day"),
            (
                gettext_noop(
                    "A walk, a swim, stretching — whatever you can manage. Movement eases "
                    "restlessness, lifts mood for a while and helps sleep come at night."
                ),
            ),
        ),
        Section(
            gettext_noop("Practise noticing"),
            (
                gettext_noop(
                    "Mindfulness means paying attention to what is happening now without rushing "
                    "to change it. With urges it can mean watching one rise and fall instead of "
                    "acting on it. A few minutes of slow breathing is an easy way to start."
                ),
            ),
        ),
        Section(
            gettext_noop("Eat and drink regularly"),
            (
                gettext_noop(
                    "Small, regular meals and plenty of water help when the stomach is upset. "
                    "Fibre and fluids help with the constipation that regular use often brings."
                ),
            ),
        ),
        Section(
            gettext_noop("Protect your sleep"),
            (
                gettext_noop(
                    "Sleep is often poor while cutting down and usually improves with time. Keep a "
                    "fixed wake-up time, dim screens in the last hour, keep caffeine to the "
                    "morning, and avoid late doses — a 'no use after' limit can help."
                ),
            ),
        ),
    ),
    sources=("SeedRisk", "Singh2014", "Grundmann2017"),
    evidence=(
        gettext_noop(
            "General health advice named in the source document; it has not been tested for kratom "
            "specifically."
        )
    ),
    related=(LearnSlug.WITHDRAWAL, LearnSlug.SUPPORT),
    tools=("learn:breathe", "learn:urge"),
)

SUPPORT = LearnPage(
    slug=LearnSlug.SUPPORT,
    title=gettext_noop("Support and counselling"),
    summary=(
        gettext_noop(
            "Other people make change easier: a friend who knows, a group of people who have been "
            "there, a counsellor or a doctor."
        )
    ),
    sections=(
        Section(
            gettext_noop("People who know you"),
            (
                gettext_noop(
                    "Telling one person what you are doing — and how they can help on a hard day — "
                    "is one of the simplest protections there is. Stepdown keeps their names and "
                    "numbers with your reasons to change, so both are at hand when an urge hits."
                ),
            ),
        ),
        Section(
            gettext_noop("People who have been there"),
            (
                gettext_noop(
                    "Peer groups meet in person and online. SMART Recovery teaches practical "
                    "skills for urges and setbacks; Narcotics Anonymous follows the 12 steps; "
                    "Kratom Anonymous holds meetings focused on kratom; and an online "
                    "quitting-kratom community shares taper experiences. The Support page says "
                    "how to find each."
                ),
            ),
        ),
        Section(
            gettext_noop("Professionals"),
            (
                gettext_noop(
                    "A family doctor, an addiction service or a counsellor can help you plan, "
                    "treat symptoms and handle setbacks. In the US, SAMHSA's free helpline gives "
                    "referrals at any hour. Talking therapies help with substance use in general; "
                    "they have not been studied for kratom in particular."
                ),
            ),
        ),
    ),
    sources=(
        "SeedRisk",
        "SAMHSAHelpline",
        "SMARTRecovery",
        "NarcoticsAnonymous",
        "KratomAnonymous",
        "QuittingKratom",
    ),
    evidence=(
        gettext_noop(
            "Support is recommended in the source document; the groups are described from their "
            "own materials, and none has been studied for kratom."
        )
    ),
    related=(LearnSlug.TAPERING, LearnSlug.OPIOID_RECOVERY),
    tools=("learn:support",),
)

PAGES = (WITHDRAWAL, TAPERING, LIFESTYLE, SUPPORT)
