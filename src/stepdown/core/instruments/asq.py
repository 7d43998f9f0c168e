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
from stepdown.core.instruments.options import YES_NO_FR, yes_no_item
from stepdown.core.instruments.translation import Translation

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

# The project's own French of Stepdown's paraphrase: not validated (the NIMH toolkit has its own
# translations, which a clinic may use instead).
FRENCH = {
    **YES_NO_FR,
    SCREEN_ITEMS[0].text: "Au cours des dernières semaines, avez-vous souhaité être mort(e) ?",
    SCREEN_ITEMS[1].text: "Au cours des dernières semaines, avez-vous eu le sentiment que vous, "
    "ou votre famille, seriez mieux si vous étiez mort(e) ?",
    SCREEN_ITEMS[2].text: "Au cours de la dernière semaine, avez-vous pensé à vous suicider ?",
    SCREEN_ITEMS[3].text: "Avez-vous déjà fait une tentative de suicide ?",
    ACUITY_ITEM.text: "En ce moment, avez-vous des pensées de suicide ?",
    ACUITY_ITEM.help_text: "Posée seulement après un « oui » à l’une des quatre premières "
    "questions.",
    "Ask Suicide-Screening Questions (ASQ)": "Questions de dépistage du risque suicidaire (ASQ)",
    "A short, direct screen for suicide risk from the US National Institute of Mental Health.": (
        "Un dépistage court et direct du risque suicidaire, conçu par l’Institut national de la "
        "santé mentale des États-Unis (NIMH)."
    ),
    "Please answer each question yes or no. There is no wrong answer; help is available "
    "whatever you answer.": "Répondez à chaque question par oui ou par non. Il n’y a pas de "
    "mauvaise réponse ; de l’aide existe, quelle que soit votre réponse.",
    "the last few weeks, the last week, ever, and right now (varies by question)": (
        "les dernières semaines, la dernière semaine, à un moment de votre vie, et en ce moment "
        "(selon la question)"
    ),
    "Questions 1–4 answered yes or not answered (0–4)": (
        "Questions 1 à 4 avec un « oui » ou sans réponse (0–4)"
    ),
    "Negative screen": "Dépistage négatif",
    "Positive screen": "Dépistage positif",
    "A positive suicide-risk screen: show crisis help now and arrange a safety assessment.": (
        "Dépistage positif du risque suicidaire : montrer l’aide de crise tout de suite et "
        "organiser une évaluation de sécurité."
    ),
    "Thoughts of suicide right now: an acute positive screen that needs an urgent safety "
    "assessment.": "Des pensées de suicide en ce moment : un dépistage positif aigu, qui demande "
    "une évaluation de sécurité urgente.",
    "Free to use: a US National Institute of Mental Health toolkit (NIMHASQ). Stepdown shows its "
    "own paraphrase; a clinic may use the published wording instead.": "Libre d’utilisation : "
    "une boîte à outils de l’Institut national de la santé mentale des États-Unis (NIMHASQ). "
    "Stepdown affiche sa propre reformulation ; un cabinet peut utiliser le texte publié à la "
    "place.",
    "Ask Suicide-Screening Questions (ASQ), National Institute of Mental Health.": (
        "Ask Suicide-Screening Questions (ASQ), National Institute of Mental Health (États-Unis)."
    ),
    "The acuity question is required after any 'yes' to questions 1–4 and is not asked "
    "otherwise; an answer given anyway is still scored, so a 'yes' is never discarded.": (
        "La question sur le moment présent est obligatoire après tout « oui » aux questions 1 à "
        "4, et n’est pas posée sinon ; une réponse donnée malgré tout est comptée, donc un « oui » "
        "n’est jamais perdu."
    ),
    "The toolkit counts a refusal to answer as positive: each question offers 'I would rather "
    "not answer' (stored as 2, scored 1), which raises the flags like a 'yes'.": (
        "La boîte à outils compte un refus de répondre comme positif : chaque question propose "
        "« Je préfère ne pas répondre » (enregistré 2, compté 1), qui lève les signaux comme un "
        "« oui »."
    ),
    "A 'yes' (or a refusal) counts even when the rest is left blank: the response is kept as "
    "an unfinished draft with its flags, and crisis help is shown at once.": (
        "Un « oui » (ou un refus) compte même si le reste est vide : la réponse est gardée comme "
        "brouillon inachevé avec ses signaux, et l’aide de crise s’affiche tout de suite."
    ),
}

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
    translations=(Translation(language="fr", texts=FRENCH),),
)
