"""COWS: the Clinical Opiate Withdrawal Scale, paraphrased, for clinicians.

Eleven signs and symptoms rated by a clinician, each with its own set of allowed scores; rate a
sign only when it looks due to withdrawal. Total 0-48 (the sum of the item maxima).
Bands: under 5 none, 5-12 mild, 13-24 moderate, 25-36 moderately severe, over 36 severe.

Pulse and pupil size need an observer, so this instrument is clinician-only. No withdrawal scale
has been validated for kratom; studies of kratom withdrawal borrow the COWS (Singh2019).

References
----------
Wesson2003 : items, each item's allowed scores, total and bands; free to copy for clinical use.
"""

from __future__ import annotations

from stepdown.core.instruments.base import Audience, Band, Instrument, Wording
from stepdown.core.instruments.options import choice_item, options
from stepdown.core.instruments.translation import Translation

ITEMS = (
    choice_item(
        "pulse",
        "Resting pulse, measured after one minute sitting or lying",
        options("80 or below", "81–100", "101–120", "Above 120", values=(0, 1, 2, 4)),
        help_text="Beats per minute.",
    ),
    choice_item(
        "sweating",
        "Sweating over the last half hour, not explained by room temperature or activity",
        options(
            "No chills or flushing reported",
            "Reports chills or flushing",
            "Face looks flushed or moist",
            "Beads of sweat on the brow or face",
            "Sweat streaming off the face",
        ),
    ),
    choice_item(
        "restlessness",
        "Restlessness seen during the assessment",
        options(
            "Can sit still",
            "Says it is hard to sit still, but manages",
            "Often shifts or moves arms and legs without purpose",
            "Cannot sit still for more than a few seconds",
            values=(0, 1, 3, 5),
        ),
    ),
    choice_item(
        "pupils",
        "Pupil size",
        options(
            "Pinpoint, or normal for the room light",
            "Possibly larger than normal for the room light",
            "Moderately dilated",
            "So dilated that only the rim of the iris shows",
            values=(0, 1, 2, 5),
        ),
    ),
    choice_item(
        "aches",
        "Bone or joint aches (count only pain beyond any usual pain)",
        options(
            "None",
            "Mild, spread-out discomfort",
            "Reports severe, spread-out aching of joints or muscles",
            "Rubbing joints or muscles and cannot sit still from the discomfort",
            values=(0, 1, 2, 4),
        ),
    ),
    choice_item(
        "runny_nose",
        "Runny nose or tearing, not from a cold or allergy",
        options(
            "None",
            "Stuffy nose or unusually moist eyes",
            "Nose running or eyes tearing",
            "Nose running constantly, or tears streaming down the cheeks",
            values=(0, 1, 2, 4),
        ),
    ),
    choice_item(
        "gi_upset",
        "Stomach or bowel upset over the last half hour",
        options(
            "None",
            "Stomach cramps",
            "Nausea or loose stools",
            "Vomiting or diarrhoea",
            "Several bouts of diarrhoea or vomiting",
            values=(0, 1, 2, 3, 5),
        ),
    ),
    choice_item(
        "tremor",
        "Tremor with the arms held out",
        options(
            "None",
            "Felt but not seen",
            "Slight tremor seen",
            "Marked tremor or muscle twitching",
            values=(0, 1, 2, 4),
        ),
    ),
    choice_item(
        "yawning",
        "Yawning during the assessment",
        options(
            "None",
            "Once or twice",
            "Three times or more",
            "Several times a minute",
            values=(0, 1, 2, 4),
        ),
    ),
    choice_item(
        "anxiety",
        "Anxiety or irritability",
        options(
            "None",
            "Reports growing irritability or anxiety",
            "Clearly irritable or anxious",
            "So irritable or anxious that taking part in the assessment is hard",
            values=(0, 1, 2, 4),
        ),
    ),
    choice_item(
        "gooseflesh",
        "Gooseflesh",
        options(
            "Skin is smooth",
            "Gooseflesh can be felt, or hairs stand up on the arms",
            "Marked gooseflesh",
            values=(0, 3, 5),
        ),
    ),
)

# The project's own French, for clinicians: not validated.
FRENCH = {
    "Resting pulse, measured after one minute sitting or lying": (
        "Pouls au repos, mesuré après une minute en position assise ou allongée"
    ),
    "80 or below": "80 ou moins",
    "81–100": "81–100",
    "101–120": "101–120",
    "Above 120": "Plus de 120",
    "Beats per minute.": "Battements par minute.",
    "Sweating over the last half hour, not explained by room temperature or activity": (
        "Sueurs au cours de la dernière demi-heure, non expliquées par la température de la pièce "
        "ou par l’activité"
    ),
    "No chills or flushing reported": "Ni frissons ni bouffées de chaleur signalés",
    "Reports chills or flushing": "Signale des frissons ou des bouffées de chaleur",
    "Face looks flushed or moist": "Visage rouge ou moite",
    "Beads of sweat on the brow or face": "Gouttes de sueur sur le front ou le visage",
    "Sweat streaming off the face": "Sueur ruisselant sur le visage",
    "Restlessness seen during the assessment": "Agitation observée pendant l’évaluation",
    "Can sit still": "Peut rester assis tranquille",
    "Says it is hard to sit still, but manages": "Dit avoir du mal à rester assis, mais y parvient",
    "Often shifts or moves arms and legs without purpose": (
        "Change souvent de position ou bouge bras et jambes sans but"
    ),
    "Cannot sit still for more than a few seconds": (
        "Ne peut pas rester assis plus de quelques secondes"
    ),
    "Pupil size": "Taille des pupilles",
    "Pinpoint, or normal for the room light": (
        "En tête d’épingle, ou normales pour la lumière de la pièce"
    ),
    "Possibly larger than normal for the room light": (
        "Peut-être plus grandes que la normale pour la lumière de la pièce"
    ),
    "Moderately dilated": "Modérément dilatées",
    "So dilated that only the rim of the iris shows": (
        "Si dilatées que seul le bord de l’iris est visible"
    ),
    "Bone or joint aches (count only pain beyond any usual pain)": (
        "Douleurs osseuses ou articulaires (ne compter que ce qui dépasse la douleur habituelle)"
    ),
    "None": "Aucun signe",
    "Mild, spread-out discomfort": "Gêne diffuse légère",
    "Reports severe, spread-out aching of joints or muscles": (
        "Signale des douleurs diffuses et fortes des articulations ou des muscles"
    ),
    "Rubbing joints or muscles and cannot sit still from the discomfort": (
        "Se frotte les articulations ou les muscles et ne peut pas rester assis à cause de la gêne"
    ),
    "Runny nose or tearing, not from a cold or allergy": (
        "Nez qui coule ou larmoiement, sans rhume ni allergie"
    ),
    "Stuffy nose or unusually moist eyes": "Nez bouché ou yeux anormalement humides",
    "Nose running or eyes tearing": "Nez qui coule ou yeux qui larmoient",
    "Nose running constantly, or tears streaming down the cheeks": (
        "Nez qui coule sans arrêt, ou larmes qui coulent sur les joues"
    ),
    "Stomach or bowel upset over the last half hour": (
        "Troubles digestifs au cours de la dernière demi-heure"
    ),
    "Stomach cramps": "Crampes d’estomac",
    "Nausea or loose stools": "Nausées ou selles molles",
    "Vomiting or diarrhoea": "Vomissements ou diarrhée",
    "Several bouts of diarrhoea or vomiting": "Plusieurs épisodes de diarrhée ou de vomissements",
    "Tremor with the arms held out": "Tremblement, bras tendus",
    "Felt but not seen": "Senti mais pas visible",
    "Slight tremor seen": "Léger tremblement visible",
    "Marked tremor or muscle twitching": "Tremblement marqué ou contractions musculaires",
    "Yawning during the assessment": "Bâillements pendant l’évaluation",
    "Once or twice": "Une ou deux fois",
    "Three times or more": "Trois fois ou plus",
    "Several times a minute": "Plusieurs fois par minute",
    "Anxiety or irritability": "Anxiété ou irritabilité",
    "Reports growing irritability or anxiety": "Signale une irritabilité ou une anxiété croissante",
    "Clearly irritable or anxious": "Nettement irritable ou anxieux",
    "So irritable or anxious that taking part in the assessment is hard": (
        "Si irritable ou anxieux que participer à l’évaluation est difficile"
    ),
    "Gooseflesh": "Chair de poule",
    "Skin is smooth": "Peau lisse",
    "Gooseflesh can be felt, or hairs stand up on the arms": (
        "Chair de poule perceptible au toucher, ou poils dressés sur les bras"
    ),
    "Marked gooseflesh": "Chair de poule marquée",
    "Clinical Opiate Withdrawal Scale (COWS)": "Échelle clinique de sevrage aux opiacés (COWS)",
    "A clinician's rating of 11 withdrawal signs and symptoms.": (
        "L’évaluation par un clinicien de 11 signes et symptômes de sevrage."
    ),
    "Rate each sign as observed now. Score a sign only when it appears to be due to "
    "withdrawal; for example, a fast pulse after climbing stairs scores 0.": "Cotez chaque "
    "signe tel qu’il est observé maintenant. Ne cotez un signe que s’il semble dû au sevrage ; "
    "par exemple, un pouls rapide après avoir monté des escaliers vaut 0.",
    "now, at the assessment (sweating and stomach upset: the last 30 minutes)": (
        "maintenant, pendant l’évaluation (sueurs et troubles digestifs : les 30 dernières minutes)"
    ),
    "COWS total (0–48)": "Total de la COWS (0–48)",
    "No withdrawal": "Pas de sevrage",
    "Mild": "Léger",
    "Moderate": "Modéré",
    "Moderately severe": "Modérément sévère",
    "Severe": "Sévère",
    "The authors publish the scale for free clinical copying and use (Wesson2003); Stepdown "
    "shows its own paraphrase of the item anchors.": "Les auteurs publient l’échelle pour une "
    "copie et un usage cliniques libres (Wesson2003) ; Stepdown affiche sa propre reformulation "
    "des réponses.",
    "Clinical Opiate Withdrawal Scale, Wesson DR and Ling W (2003).": (
        "Clinical Opiate Withdrawal Scale, Wesson DR et Ling W (2003)."
    ),
    "Validated for opioid withdrawal, not for kratom withdrawal; kratom studies borrow it.": (
        "Validée pour le sevrage aux opioïdes, pas pour le sevrage du kratom ; les études sur le "
        "kratom l’empruntent."
    ),
    "Each item accepts only its own scores (for example pulse 0, 1, 2 or 4).": (
        "Chaque item n’accepte que ses propres scores (par exemple pouls 0, 1, 2 ou 4)."
    ),
}

INSTRUMENT = Instrument(
    code="cows",
    name="Clinical Opiate Withdrawal Scale (COWS)",
    version="1",
    description="A clinician's rating of 11 withdrawal signs and symptoms.",
    instructions="Rate each sign as observed now. Score a sign only when it appears to be due "
    "to withdrawal; for example, a fast pulse after climbing stairs scores 0.",
    time_window="now, at the assessment (sweating and stomach upset: the last 30 minutes)",
    audience=Audience.CLINICIAN,
    wording=Wording.PARAPHRASED,
    validated=True,
    items=ITEMS,
    total_items=tuple(item.code for item in ITEMS),
    total_label="COWS total (0–48)",
    bands=(
        Band(name="none", label="No withdrawal", low=0, high=4),
        Band(name="mild", label="Mild", low=5, high=12),
        Band(name="moderate", label="Moderate", low=13, high=24),
        Band(name="moderately_severe", label="Moderately severe", low=25, high=36),
        Band(name="severe", label="Severe", low=37, high=48),
    ),
    licence="The authors publish the scale for free clinical copying and use (Wesson2003); "
    "Stepdown shows its own paraphrase of the item anchors.",
    attribution="Clinical Opiate Withdrawal Scale, Wesson DR and Ling W (2003).",
    sources=("Wesson2003", "Singh2019"),
    notes=(
        "Validated for opioid withdrawal, not for kratom withdrawal; kratom studies borrow it.",
        "Each item accepts only its own scores (for example pulse 0, 1, 2 or 4).",
    ),
    translations=(Translation(language="fr", texts=FRENCH),),
)
