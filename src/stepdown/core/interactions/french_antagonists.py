"""French for the opioid-antagonist classes (``classes_antagonists``): the project's own
translation.

Not a validated text; the pages say where it comes from. Sources are the English entry's
(docs/clinical-sources.md).
"""

from __future__ import annotations

from stepdown.core.interactions.model import ClassWording

# The same closing words as the English entries share: naloxone for an overdose is still right.
_NALOXONE_STILL = (
    "La naloxone (Narcan) en cas de surdose supposée reste la bonne chose à faire : donnez-la et "
    "appelez les secours. Elle peut déclencher un sevrage, pénible mais passager ; une surdose "
    "peut tuer."
)

ANTAGONIST_FRENCH = {
    "opioid_antagonists": ClassWording(
        label="Antagonistes des opioïdes (naltrexone, naloxone, nalméfène, samidorphan)",
        mechanism=(
            "Ces médicaments chassent les alcaloïdes du kratom du récepteur mu des opioïdes. Chez "
            "quelqu’un qui prend du kratom tous les jours, cela peut déclencher en moins d’une "
            "heure un sevrage brutal et sévère : agitation, vomissements, diarrhée, crampes, cœur "
            "qui s’emballe. Une injection à action prolongée (Vivitrol) continue de bloquer "
            "pendant environ un mois. La naltrexone entre aussi dans des médicaments contre "
            "l’alcool (Revia, Vivitrol) et pour la perte de poids (Contrave, Mysimba), et le "
            "samidorphan dans le Lybalvi."
        ),
        advice=(
            "Ne commencez pas la naltrexone, le nalméfène, le samidorphan ou un médicament qui en "
            "contient — contre l’alcool, pour perdre du poids ou contre les opioïdes — tant que "
            "vous prenez du kratom. Parlez d’abord de votre consommation de kratom au "
            "prescripteur, pour qu’il prévoie quand et comment commencer. Dans la "
            "buprénorphine/naloxone sous la langue (Suboxone, Zubsolv), la naloxone est à peine "
            "absorbée ; le moment de la première prise dépend de la buprénorphine (voir "
            "Opioïdes). " + _NALOXONE_STILL
        ),
        evidence=(
            "Deux cas cliniques publiés de sevrage déclenché par la naltrexone chez des personnes "
            "qui prenaient du kratom (l’un par voie orale, l’autre intramusculaire). Chez la "
            "souris, la naloxone a déclenché un sevrage de la 7-hydroxymitragynine comme de la "
            "morphine. Le nalméfène et le samidorphan sont inclus parce qu’ils bloquent le même "
            "récepteur (déduit de la classe)."
        ),
    ),
    "peripheral_opioid_antagonists": ClassWording(
        label="Antagonistes opioïdes périphériques contre la constipation",
        mechanism=(
            "La méthylnaltrexone, le naloxégol, la naldémédine et l’alvimopan bloquent les "
            "récepteurs des opioïdes dans l’intestin et atteignent à peine le cerveau : ils "
            "n’annulent pas les effets principaux du kratom. Chez les personnes qui prennent "
            "chaque jour des substances de type opioïde, ils peuvent quand même déclencher un "
            "sevrage digestif (crampes, diarrhée, sueurs), et parfois un sevrage plus large."
        ),
        advice=(
            "Dites au prescripteur que vous prenez du kratom avant de commencer l’un de ces "
            "médicaments, et arrêtez-le et appelez-le si vous avez des crampes, une diarrhée, des "
            "sueurs ou des tremblements après une prise. " + _NALOXONE_STILL
        ),
        evidence=(
            "Aucun rapport sur le kratom avec ces médicaments n’a été trouvé. Raisonnement "
            "(théorique) tiré de leur mode d’action et du sevrage déclenché par les antagonistes "
            "qui atteignent le cerveau."
        ),
    ),
}
