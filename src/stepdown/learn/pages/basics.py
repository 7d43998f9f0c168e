"""Learn pages about kratom itself: what it is, its effects, tolerance, risk and prevention.

Written in Stepdown's own words from the research notes; every figure names its source ID.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop

from stepdown.core.rules.learn import LearnSlug
from stepdown.learn.pages.model import LearnPage, Section

WHAT_IS_KRATOM = LearnPage(
    slug=LearnSlug.WHAT_IS_KRATOM,
    title=gettext_noop("What kratom is and how it acts"),
    summary=(
        gettext_noop(
            "A leaf from a Southeast Asian tree. Its main compounds act on the same brain receptor "
            "as opioid painkillers, which explains both its effects and its pull."
        )
    ),
    sections=(
        Section(
            gettext_noop("The plant"),
            (
                gettext_noop(
                    "Kratom is the leaf of Mitragyna speciosa, a tree in the coffee family that "
                    "grows in Thailand, Malaysia and nearby countries. People chew the fresh "
                    "leaf, brew it as tea, or buy it as dried powder, capsules, liquid shots or "
                    "concentrated extracts."
                ),
            ),
        ),
        Section(
            gettext_noop("What it does in the body"),
            (
                gettext_noop(
                    "The leaf contains dozens of alkaloids. The best known is mitragynine. The "
                    "liver turns part of it into 7-hydroxymitragynine (7-OH), which acts far more "
                    "strongly on the mu-opioid receptor — the receptor that morphine and "
                    "oxycodone work on."
                ),
                gettext_noop(
                    "That is why kratom can ease pain and lift mood, and also why the body can "
                    "come to rely on it when it is used every day."
                ),
            ),
        ),
        Section(
            gettext_noop("What it is not"),
            (
                gettext_noop(
                    "Kratom is not an approved medicine. US regulators have said there is no "
                    "evidence that it is safe or effective for any medical use, and it is sold "
                    "with little oversight, so two packets with the same label can hold quite "
                    "different amounts of alkaloid."
                ),
                gettext_noop(
                    "Coming from a plant does not make it harmless; a bad reputation does not make "
                    "every use harmful either. Much is still unknown, and Stepdown tries to say so "
                    "plainly."
                ),
            ),
        ),
    ),
    sources=("Kamble2019", "Hill2022Resp", "Tanna2023Review", "Prozialeck2020", "FDA2018Kratom"),
    evidence=(
        gettext_noop(
            "How kratom acts comes mostly from laboratory and animal work; studies in people are "
            "few and small."
        )
    ),
    related=(LearnSlug.EFFECTS_AND_DOSE, LearnSlug.TOLERANCE_AND_DEPENDENCE),
)

EFFECTS_AND_DOSE = LearnPage(
    slug=LearnSlug.EFFECTS_AND_DOSE,
    title=gettext_noop("Effects at low and high doses"),
    summary=(
        gettext_noop(
            "Small amounts tend to feel stimulating and large amounts sedating, but the gram "
            "figures people quote are rough guesses, not measured limits."
        )
    ),
    sections=(
        Section(
            gettext_noop("Two kinds of effect"),
            (
                gettext_noop(
                    "Many people describe more energy, focus and chattiness after a small amount, "
                    "and calm, pain relief and drowsiness after a large one. The figures you "
                    "often see — about 1 to 5 g for a lift, 5 to 15 g for opioid-like effects — "
                    "come from users' reports, not from studies that tested doses."
                ),
                gettext_noop(
                    "Products also differ many-fold in strength, so the same number of grams can "
                    "be a very different dose from one bag to the next. In one US survey about "
                    "half of people took 1 to 3 g at a time."
                ),
            ),
        ),
        Section(
            gettext_noop("Unwanted effects"),
            (
                gettext_noop(
                    "Common ones are nausea, constipation, dizziness, sweating, itching and poor "
                    "sleep. In a large US survey, people reported unwanted effects mostly when "
                    "they took about 5 g or more at a time, or 22 or more doses a week."
                ),
            ),
        ),
        Section(
            gettext_noop("Seeing your own pattern"),
            (
                gettext_noop(
                    "General figures say little about you. Logging each dose next to how you felt "
                    "shows your own pattern over a few weeks. If the effect you used to get has "
                    "faded, that is a sign of tolerance worth noticing — the next page explains it."
                ),
            ),
        ),
    ),
    sources=("Prozialeck2012", "GarciaRomeu2020", "Grundmann2017", "Prozialeck2020"),
    evidence=(
        gettext_noop(
            "Based on surveys of people who use kratom and on product testing; no controlled study "
            "has mapped doses to effects."
        )
    ),
    related=(LearnSlug.TOLERANCE_AND_DEPENDENCE, LearnSlug.PRODUCT_QUALITY),
)

TOLERANCE_AND_DEPENDENCE = LearnPage(
    slug=LearnSlug.TOLERANCE_AND_DEPENDENCE,
    title=gettext_noop("Tolerance and dependence"),
    summary=(
        gettext_noop(
            "With regular use the body adapts: the same amount does less, and stopping brings "
            "withdrawal. How often you dose matters as much as how much."
        )
    ),
    sections=(
        Section(
            gettext_noop("Tolerance"),
            (
                gettext_noop(
                    "Used regularly, kratom gradually does less at the same amount, because the "
                    "brain's opioid system adjusts. Many people respond by dosing more often or in "
                    "larger amounts, which deepens the adjustment."
                ),
            ),
        ),
        Section(
            gettext_noop("Dependence and use disorder"),
            (
                gettext_noop(
                    "Once the body has adapted, cutting down or stopping brings withdrawal "
                    "symptoms. That is physical dependence. A use disorder is wider: use keeps "
                    "causing problems, is hard to control, and crowds out other things."
                ),
                gettext_noop(
                    "Estimates of how common this is disagree: about 2 % of one large US survey "
                    "met moderate or severe criteria, while 25 to 30 % of other US samples met "
                    "criteria for kratom use disorder, and most daily tea drinkers studied in "
                    "Malaysia showed dependence. Who was asked explains much of the gap."
                ),
            ),
        ),
        Section(
            gettext_noop("What pushes it along"),
            (
                gettext_noop(
                    "In a US study, withdrawal tracked how often people dosed more closely than "
                    "how many grams they took. Longer stretches of regular use predicted a harder "
                    "time stopping."
                ),
            ),
            (
                gettext_noop("the same amount no longer does what it did;"),
                gettext_noop("feeling unwell or on edge when a dose is late;"),
                gettext_noop("planning your day around doses;"),
                gettext_noop("trying to cut down and finding it hard."),
            ),
        ),
    ),
    sources=("GarciaRomeu2020", "Hill2024", "Smith2022", "Singh2014", "Rogers2024", "SeedRisk"),
    evidence=(
        gettext_noop(
            "Surveys and clinic samples that disagree with one another; no long-term studies "
            "follow people from first use."
        )
    ),
    related=(LearnSlug.AVOIDING_DEPENDENCE, LearnSlug.WITHDRAWAL, LearnSlug.TAPERING),
)

WHO_IS_MOST_AT_RISK = LearnPage(
    slug=LearnSlug.WHO_IS_MOST_AT_RISK,
    title=gettext_noop("Who is most at risk"),
    summary=(
        gettext_noop(
            "Some people are more likely to become dependent. Knowing your own risk factors helps "
            "you choose where to be careful."
        )
    ),
    sections=(
        Section(
            gettext_noop("The main groups"),
            (),
            (
                gettext_noop(
                    "People who have had problems with alcohol or other drugs before. In one US "
                    "study, another substance use disorder almost tripled the odds of kratom use "
                    "disorder."
                ),
                gettext_noop(
                    "People using kratom to treat themselves — for pain, low mood, stress, sleep "
                    "or withdrawal from another substance — because the relief can turn into a "
                    "habit."
                ),
                gettext_noop(
                    "People living with anxiety or depression, for whom the mood lift can feel "
                    "like an answer."
                ),
                gettext_noop(
                    "People who take large amounts or dose many times a day: more than five times "
                    "a day, about 5 g or more at a time, or 22 or more doses a week have all been "
                    "linked to more harm."
                ),
            ),
        ),
        Section(
            gettext_noop("Other things that add to risk"),
            (),
            (
                gettext_noop("extracts and 7-OH products, which are much stronger than leaf;"),
                gettext_noop(
                    "many years of daily use — more than seven years was linked to severe "
                    "dependence in one Malaysian study."
                ),
            ),
        ),
        Section(
            gettext_noop("A risk factor is not a verdict"),
            (
                gettext_noop(
                    "These factors raise the odds; they do not decide what happens to you. Your "
                    "risk profile in Stepdown lists the ones that apply to you, with one thing "
                    "you can do about each."
                ),
            ),
        ),
    ),
    sources=("SeedRisk", "Hill2024", "Singh2019", "Grundmann2017", "Brown2025"),
    evidence=(
        gettext_noop(
            "Drawn from surveys of people who use kratom; they show links, not causes, and the "
            "people who answer may not be typical."
        )
    ),
    related=(LearnSlug.AVOIDING_DEPENDENCE, LearnSlug.SUPPORT),
)

AVOIDING_DEPENDENCE = LearnPage(
    slug=LearnSlug.AVOIDING_DEPENDENCE,
    title=gettext_noop("How to avoid dependence"),
    summary=(
        gettext_noop(
            "Keep use occasional and modest, know why and until when you are using, know what is "
            "in the packet, and bring in a professional early."
        )
    ),
    sections=(
        Section(
            gettext_noop("Habits that protect you"),
            (),
            (
                gettext_noop(
                    "Leave days off. Daily use, and many doses a day, is what most often leads to "
                    "dependence."
                ),
                gettext_noop(
                    "Keep amounts modest and set a limit you write down — then log against it."
                ),
                gettext_noop(
                    "Use it for a clear, short-term purpose, with an end date, rather than as "
                    "part of every day."
                ),
                gettext_noop(
                    "Choose one product with a recent lab certificate, so a dose is what you think "
                    "it is."
                ),
                gettext_noop("Keep it apart from alcohol, sedatives and opioids."),
                gettext_noop(
                    "Talk to a doctor, especially if you have had problems with other substances "
                    "or with your mental health."
                ),
            ),
        ),
        Section(
            gettext_noop("Notice drift early"),
            (
                gettext_noop(
                    "Use tends to creep: a dose a little earlier, one more on a hard day. Stepdown "
                    "compares your log with the limits you set and points out drift with a short "
                    "reason and one thing to try. The earlier you notice, the easier it is to step "
                    "back."
                ),
            ),
        ),
    ),
    sources=("SeedRisk", "Rogers2024", "Grundmann2017", "Singh2014"),
    evidence=(
        gettext_noop(
            "Common-sense protections from the source document, supported by surveys linking "
            "frequent and heavy use to dependence; none has been tested in a trial."
        )
    ),
    related=(
        LearnSlug.WHO_IS_MOST_AT_RISK,
        LearnSlug.PRODUCT_QUALITY,
        LearnSlug.INTERACTIONS,
    ),
)

PAGES = (
    WHAT_IS_KRATOM,
    EFFECTS_AND_DOSE,
    TOLERANCE_AND_DEPENDENCE,
    WHO_IS_MOST_AT_RISK,
    AVOIDING_DEPENDENCE,
)
