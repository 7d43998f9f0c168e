"""Learn pages about professional help: finding a clinician, what to ask, and medicine as
another way out of kratom."""

from __future__ import annotations

from django.utils.translation import gettext_noop

from stepdown.core.rules.learn import LearnSlug
from stepdown.learn.pages.model import LearnPage, Section

# Linked from the risk page's "Find professional help" and from the two-tapers warning.
FINDING_A_CLINICIAN_SLUG = "finding-a-clinician"

FINDING_A_CLINICIAN = LearnPage(
    slug=FINDING_A_CLINICIAN_SLUG,
    title=gettext_noop("Finding a clinician"),
    summary=(
        gettext_noop(
            "You do not have to cut down alone. A doctor, nurse, pharmacist or counsellor can make "
            "a plan safer, treat withdrawal and check your medicines."
        )
    ),
    sections=(
        Section(
            gettext_noop("Who can help"),
            (),
            (
                gettext_noop(
                    "Your family doctor (GP or primary care): a good first stop, and they can "
                    "refer you on."
                ),
                gettext_noop(
                    "An addiction medicine doctor or clinic: experienced with withdrawal and with "
                    "medicines such as buprenorphine or methadone, which some people use to stop "
                    "kratom."
                ),
                gettext_noop(
                    "A pharmacist: can check your medicines against kratom, often the same day and "
                    "without an appointment."
                ),
                gettext_noop(
                    "A counsellor or psychologist: for cravings, stress, mood and what kratom was "
                    "helping you cope with."
                ),
                gettext_noop(
                    "A treatment helpline: in the US, the SAMHSA National Helpline "
                    "(1-800-662-4357) is free, confidential and open every day, and can find "
                    "services near you."
                ),
            ),
        ),
        Section(
            gettext_noop("How to ask"),
            (
                gettext_noop(
                    "Say it plainly: “I use kratom every day and I want to cut down or stop. "
                    "Can you help, or tell me who can?” Many clinicians know little about "
                    "kratom; it helps to say that it acts on the same receptors as opioids, how "
                    "much you take and how often. Stepdown's clinician report and your journal can "
                    "show this for you."
                ),
            ),
        ),
        Section(
            gettext_noop("Questions to bring"),
            (),
            (
                gettext_noop("Is it safe for me to cut down on my own, and how fast?"),
                gettext_noop("Do any of my medicines interact with kratom?"),
                gettext_noop(
                    "Would a medicine such as buprenorphine help me, and how would we start it "
                    "safely?"
                ),
                gettext_noop(
                    "If I also drink or take a benzodiazepine, which should change first?"
                ),
                gettext_noop("What symptoms should make me call you, or get urgent help?"),
                gettext_noop("Can we meet again after the first week of my plan?"),
            ),
        ),
        Section(
            gettext_noop("If it is urgent"),
            (
                gettext_noop(
                    "Chest pain, a seizure, fainting, very slow breathing, thoughts of harming "
                    "yourself or yellow skin or eyes cannot wait for an appointment: use Get help "
                    "now."
                ),
            ),
        ),
    ),
    sources=("SAMHSAHelpline", "WHO2009Opioid", "Weiss2021"),
    evidence=(
        gettext_noop(
            "Advice on where to turn, based on helpline information and treatment guidelines; "
            "buprenorphine for kratom dependence rests on case series."
        )
    ),
    related=(LearnSlug.SUPPORT, LearnSlug.SEEK_HELP_NOW),
    tools=("learn:support", "web:help"),
)

MEDICINE_INSTEAD_OF_A_TAPER = LearnPage(
    slug="medicine-instead-of-a-taper",
    title=gettext_noop("Medicine instead of a taper"),
    summary=(
        gettext_noop(
            "Some people stop kratom more safely by switching, with a clinician, to a medicine "
            "made for opioid dependence and tapering that slowly later."
        )
    ),
    sections=(
        Section(
            gettext_noop("Medicine instead of a taper"),
            (
                gettext_noop(
                    "A taper is not the only way out. Buprenorphine and methadone are the "
                    "established treatments for opioid dependence, and doctors have used "
                    "buprenorphine for kratom dependence too (so far in case series). For some "
                    "people, above all with heavy daily use, opioids in the past, or tapers that "
                    "keep stalling, switching to one of these under a clinician's care and later "
                    "tapering it slowly works better than tapering kratom."
                ),
                gettext_noop("A clinician starts them, never you on your own:"),
            ),
            (
                gettext_noop(
                    "Buprenorphine is started only once withdrawal has clearly begun, usually many "
                    "hours after the last kratom. Taken too soon, it pushes kratom off the same "
                    "receptors and can bring on sudden, severe withdrawal. The clinician checks "
                    "your symptoms and times the first dose, then adjusts it over a few days."
                ),
                gettext_noop(
                    "Methadone is given by a specialised clinic in most countries, starting low "
                    "and rising slowly over days to weeks, with close checks because it builds up "
                    "in the body and can affect the heart's rhythm."
                ),
                gettext_noop(
                    "Tell the clinician how much kratom you take, how often, and which products "
                    "(7-OH products especially), so they can plan the start safely."
                ),
            ),
        ),
    ),
    sources=("WHO2009Opioid", "Weiss2021", "Kiyokawa2023", "LeiButzValentino"),
    evidence=(
        gettext_noop(
            "Buprenorphine and methadone are well tested for opioid dependence; for kratom only "
            "case reports and series exist."
        )
    ),
    related=(LearnSlug.TAPERING, FINDING_A_CLINICIAN_SLUG),
    tools=("web:help",),
)

PAGES = (FINDING_A_CLINICIAN, MEDICINE_INSTEAD_OF_A_TAPER)
