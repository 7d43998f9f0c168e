"""ASQ: the NIMH Ask Suicide-Screening Questions, paraphrased.

Four yes/no questions; a "yes" to any of them is a positive screen. Only then is the acuity
question asked ("thoughts of killing yourself right now"); a "yes" to it is an acute positive
screen that needs a full safety assessment at once.

A refusal to answer counts as a positive answer (NIMHASQ): every question offers "I would rather
not answer", stored as its own value (2) and scored like a "yes" (1).

The total is the number of "yes" (or refused) answers to questions 1-4 (0-4): the ASQ itself has
no score, so the bands only say negative (0) or positive (1-4). Whether a positive screen is
acute is carried by the ``self_harm_acute`` flag.

References
----------
Horowitz2012 : the four questions, the acuity question and the positive-screen rule.
NIMHASQ : the toolkit's scoring steps (questions 1-4 "no" ends the screen; acuity "yes" is acute;
a refusal to answer counts as positive); free to use.
"""

from __future__ import annotations

from stepdown.core.instruments.base import AskedIf, Audience, Band, FlagRule, Instrument, Wording
from stepdown.core.instruments.options import yes_no_item

SCREEN_ITEMS = (
    yes_no_item(
        "q1", "Over the last few weeks, have you wished that you were dead?", refusable=True
    ),
    yes_no_item(
        "q2",
        "Over the last few weeks, have you felt that you, or your family, would be better off if "
        "you were dead?",
        refusable=True,
    ),
    yes_no_item(
        "q3", "During the last week, have you had thoughts about killing yourself?", refusable=True
    ),
    yes_no_item("q4", "Have you ever made an attempt to kill yourself?", refusable=True),
)
SCREEN_CODES = tuple(item.code for item in SCREEN_ITEMS)

ACUITY_ITEM = yes_no_item(
    "acuity",
    "Right now, are you having thoughts of killing yourself?",
    asked_if=AskedIf(items=SCREEN_CODES, minimum=1),
    help_text="Asked only after a 'yes' to any of the first four questions.",
    refusable=True,
)

INSTRUMENT = Instrument(
    code="asq",
    name="Ask Suicide-Screening Questions (ASQ)",
    version="2",
    description="A short, direct screen for suicide risk from the US National Institute of Mental "
    "Health.",
    instructions="Please answer each question yes or no. There is no wrong answer; help is "
    "available whatever you answer.",
    time_window="the last few weeks, the last week, ever, and right now (varies by question)",
    audience=Audience.SELF_REPORT,
    wording=Wording.PARAPHRASED,
    validated=True,
    items=(*SCREEN_ITEMS, ACUITY_ITEM),
    total_items=SCREEN_CODES,
    total_label="Questions 1–4 answered yes or not answered (0–4)",
    bands=(
        Band(name="negative", label="Negative screen", low=0, high=0),
        Band(name="positive", label="Positive screen", low=1, high=4),
    ),
    flags=(
        FlagRule(
            code="self_harm",
            description="A positive suicide-risk screen: show crisis help now and arrange a "
            "safety assessment.",
            at_least=1,
            items=(*SCREEN_CODES, ACUITY_ITEM.code),
            sources=("Horowitz2012", "NIMHASQ"),
        ),
        FlagRule(
            code="self_harm_acute",
            description="Thoughts of suicide right now: an acute positive screen that needs an "
            "urgent safety assessment.",
            at_least=1,
            items=(ACUITY_ITEM.code,),
            sources=("Horowitz2012", "NIMHASQ"),
        ),
    ),
    licence="Free to use: a US National Institute of Mental Health toolkit (NIMHASQ). Stepdown "
    "shows its own paraphrase; a clinic may use the published wording instead.",
    attribution="Ask Suicide-Screening Questions (ASQ), National Institute of Mental Health.",
    sources=("Horowitz2012", "NIMHASQ"),
    notes=(
        "The acuity question is required after any 'yes' to questions 1–4 and is not asked "
        "otherwise; an answer given anyway is still scored, so a 'yes' is never discarded.",
        "The toolkit counts a refusal to answer as positive: each question offers 'I would rather "
        "not answer' (stored as 2, scored 1), which raises the flags like a 'yes'.",
        "A 'yes' (or a refusal) counts even when the rest is left blank: the response is kept as "
        "an unfinished draft with its flags, and crisis help is shown at once.",
    ),
)
