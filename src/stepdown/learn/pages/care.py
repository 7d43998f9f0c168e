"""Learn pages about professional help: finding a clinician and what to ask."""

from __future__ import annotations

from stepdown.core.rules.learn import LearnSlug
from stepdown.learn.pages.model import LearnPage, Section

# Linked from the risk page's "Find professional help" and from the two-tapers warning.
FINDING_A_CLINICIAN_SLUG = "finding-a-clinician"

FINDING_A_CLINICIAN = LearnPage(
    slug=FINDING_A_CLINICIAN_SLUG,
    title="Finding a clinician",
    summary=(
        "You do not have to cut down alone. A doctor, nurse, pharmacist or counsellor can make "
        "a plan safer, treat withdrawal and check your medicines."
    ),
    sections=(
        Section(
            "Who can help",
            (),
            (
                "Your family doctor (GP or primary care): a good first stop, and they can refer "
                "you on.",
                "An addiction medicine doctor or clinic: experienced with withdrawal and with "
                "medicines such as buprenorphine or methadone, which some people use to stop "
                "kratom.",
                "A pharmacist: can check your medicines against kratom, often the same day and "
                "without an appointment.",
                "A counsellor or psychologist: for cravings, stress, mood and what kratom was "
                "helping you cope with.",
                "A treatment helpline: in the US, the SAMHSA National Helpline (1-800-662-4357) "
                "is free, confidential and open every day, and can find services near you.",
            ),
        ),
        Section(
            "How to ask",
            (
                "Say it plainly: \u201cI use kratom every day and I want to cut down or stop. "
                "Can you help, or tell me who can?\u201d Many clinicians know little about "
                "kratom; it helps to say that it acts on the same receptors as opioids, how "
                "much you take and how often. Stepdown's clinician report and your journal can "
                "show this for you.",
            ),
        ),
        Section(
            "Questions to bring",
            (),
            (
                "Is it safe for me to cut down on my own, and how fast?",
                "Do any of my medicines interact with kratom?",
                "Would a medicine such as buprenorphine help me, and how would we start it safely?",
                "If I also drink or take a benzodiazepine, which should change first?",
                "What symptoms should make me call you, or get urgent help?",
                "Can we meet again after the first week of my plan?",
            ),
        ),
        Section(
            "If it is urgent",
            (
                "Chest pain, a seizure, fainting, very slow breathing, thoughts of harming "
                "yourself or yellow skin or eyes cannot wait for an appointment: use Get help "
                "now.",
            ),
        ),
    ),
    sources=("SAMHSAHelpline", "WHO2009Opioid", "Weiss2021"),
    evidence=(
        "Advice on where to turn, based on helpline information and treatment guidelines; "
        "buprenorphine for kratom dependence rests on case series."
    ),
    related=(LearnSlug.SUPPORT, LearnSlug.SEEK_HELP_NOW),
    tools=("learn:support", "web:help"),
)

PAGES = (FINDING_A_CLINICIAN,)
