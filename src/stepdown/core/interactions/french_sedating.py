"""French for the sedating classes (``classes_sedating``): the project's own translation.

Not a validated text; the pages say where it comes from. Every number is the English entry's
number, written the French way; sources are the English entry's (docs/clinical-sources.md).
"""

from __future__ import annotations

from stepdown.core.interactions.model import ClassWording

SEDATING_FRENCH = {
    "opioids": ClassWording(
        label="Opioïdes",
        mechanism=(
            "Les alcaloïdes du kratom agissent sur le même récepteur mu des opioïdes : les effets "
            "s’additionnent, jusqu’à une respiration ralentie ou arrêtée. Le kratom ralentit aussi "
            "le CYP3A, l’enzyme qui élimine le fentanyl, l’oxycodone, la méthadone, la "
            "buprénorphine et l’hydrocodone : leur taux peut monter."
        ),
        advice=(
            "Évitez de prendre du kratom et un opioïde à peu de temps d’intervalle, et ne "
            "consommez jamais seul·e. Gardez de la naloxone (Narcan) à portée "
            "de main et montrez à votre entourage comment s’en servir. Si un opioïde vous est "
            "prescrit, dites au prescripteur que vous prenez du kratom, pour que le traitement "
            "reste sûr. Une respiration très lente, des lèvres bleues ou une personne qu’on "
            "n’arrive pas à réveiller : appelez les secours tout de suite. La buprénorphine "
            "(Subutex, Suboxone, Sublocade et autres) commencée trop tôt après le kratom peut "
            "déclencher un sevrage brutal et sévère : attendez que le sevrage soit bien installé, "
            "et laissez un clinicien vérifier les signes et fixer le moment de la première prise."
        ),
        evidence=(
            "Les opioïdes sont les substances le plus souvent retrouvées avec le kratom dans les "
            "décès par surdose : au moins un opioïde était présent dans 79,3 % des décès positifs "
            "à la mitragynine en Floride, et la plupart des décès positifs au kratom relevés par "
            "la surveillance américaine impliquaient d’autres drogues. Dans une étude clinique, "
            "une infusion de kratom a augmenté d’environ 1,4 fois le taux d’un médicament éliminé "
            "par le CYP3A (le midazolam)."
        ),
    ),
    "o_desmethyltramadol": ClassWording(
        label="O-desméthyltramadol (« Krypton »)",
        mechanism=(
            "L’O-desméthyltramadol est l’opioïde puissant que devient le tramadol dans le corps. "
            "On en a trouvé ajouté à du kratom vendu sous le nom de « Krypton », ce qui fait d’un "
            "produit à base de feuilles un mélange d’opioïdes puissant."
        ),
        advice=(
            "Tenez-vous à l’écart des produits vendus sous le nom de « Krypton » et des mélanges "
            "de kratom sans certificat d’analyse : on ne peut pas voir si un opioïde a été ajouté. "
            "Si vous en avez pris, ne consommez pas seul·e, gardez de la naloxone à proximité, et "
            "appelez les secours en cas de respiration très lente ou si l’on n’arrive pas à "
            "réveiller quelqu’un."
        ),
        evidence=(
            "Neuf décès en Suède entre 2009 et 2011 ont été liés au Krypton, un produit à base de "
            "kratom additionné d’O-desméthyltramadol (série de cas médico-légaux)."
        ),
    ),
    "benzodiazepines": ClassWording(
        label="Benzodiazépines",
        mechanism=(
            "Les deux ralentissent le cerveau et la respiration, et ensemble leurs effets "
            "s’additionnent. Le kratom ralentit aussi le CYP3A, qui élimine le midazolam, "
            "l’alprazolam et le triazolam : leur taux monte."
        ),
        advice=(
            "Évitez de prendre une benzodiazépine et du kratom ensemble. Si vous avez besoin des "
            "deux, parlez-en à votre prescripteur avant de changer l’un ou l’autre : arrêter "
            "brutalement une benzodiazépine peut être dangereux en soi. N’ajoutez jamais d’alcool "
            "ni d’opioïdes au mélange, et ne consommez pas seul·e."
        ),
        evidence=(
            "Dans une étude clinique, 2 g de kratom en infusion ont augmenté l’exposition au "
            "midazolam d’environ 40 % (rapport d’AUC 1,39). Les benzodiazépines font partie des "
            "médicaments retrouvés avec le kratom dans les décès par surdose."
        ),
    ),
    "alcohol": ClassWording(
        label="Alcool",
        mechanism=(
            "L’alcool et le kratom engourdissent tous deux le cerveau et, à forte dose, la "
            "respiration ; ensemble, les effets s’additionnent. On ne sait pas si l’alcool modifie "
            "le taux de kratom : cela n’a pas été étudié."
        ),
        advice=(
            "Le plus sûr est de ne pas boire les jours où vous prenez du kratom. Si vous buvez, "
            "buvez peu, jamais en plus de sédatifs ou d’opioïdes, et pas seul·e. Dites à votre "
            "clinicien si vous buvez davantage pendant que vous réduisez : remplacer une substance "
            "par une autre est fréquent, et cela vaut la peine d’en parler."
        ),
        evidence=(
            "L’alcool fait partie des substances le plus souvent retrouvées dans les décès avec "
            "du kratom ; 87 % des 156 décès étudiés impliquaient plus d’une substance. Aucune "
            "étude n’a mesuré l’effet de l’alcool sur le taux de kratom."
        ),
    ),
    "gabapentinoids": ClassWording(
        label="Gabapentinoïdes (gabapentine, prégabaline)",
        mechanism=(
            "La gabapentine et la prégabaline peuvent ralentir la respiration lorsqu’elles sont "
            "associées aux opioïdes et à d’autres médicaments sédatifs. Le kratom agit sur les "
            "récepteurs des opioïdes, donc la même chose peut se produire ; c’est une déduction "
            "tirée de la classe de médicaments, pas une mesure faite avec le kratom."
        ),
        advice=(
            "Dites à votre prescripteur que vous prenez du kratom, et prenez le gabapentinoïde "
            "exactement comme prescrit. Surveillez une somnolence inhabituelle, une confusion ou "
            "une respiration lente et superficielle, surtout quand l’une des doses change, et "
            "demandez de l’aide tout de suite si elles apparaissent. Prendre de la gabapentine ou "
            "de la prégabaline qui ne vous a pas été prescrite pour soulager le sevrage ajoute ce "
            "risque sans personne pour veiller."
        ),
        evidence=(
            "Aucune donnée propre au kratom n’a été trouvée. L’avertissement est déduit de la "
            "classe (théorique) : les autorités de santé préviennent que les gabapentinoïdes "
            "peuvent causer de graves problèmes respiratoires avec les opioïdes et les autres "
            "dépresseurs du système nerveux central."
        ),
    ),
    "cyp3a_antipsychotics": ClassWording(
        label="Quétiapine et autres antipsychotiques éliminés par le CYP3A",
        mechanism=(
            "Ces médicaments sont éliminés par le CYP3A, que le kratom ralentit : leur taux peut "
            "monter ; la plupart sont aussi sédatifs, ce qui s’ajoute à l’effet sédatif du kratom."
        ),
        advice=(
            "N’arrêtez pas et ne modifiez pas votre antipsychotique de vous-même : il compte pour "
            "votre santé. Dites au prescripteur que vous prenez du kratom, pour qu’il revoie la "
            "dose et surveille les effets indésirables. Demandez de l’aide en urgence en cas de "
            "somnolence extrême, d’évanouissement, de cœur qui s’emballe ou bat irrégulièrement, "
            "ou de difficulté à respirer."
        ),
        evidence=(
            "Un décès a été rapporté après l’association de mitragynine et de quétiapine (cas "
            "clinique). Dans une étude clinique, le kratom a augmenté le taux d’un autre "
            "médicament éliminé par le CYP3A, le midazolam. Pour les autres antipsychotiques de "
            "ce groupe, le raisonnement est déduit de la classe."
        ),
    ),
    "cyp3a_sedatives": ClassWording(
        label="Somnifères éliminés par le CYP3A",
        mechanism=(
            "Le zolpidem, la zopiclone, l’eszopiclone, le suvorexant et les somnifères semblables "
            "sont éliminés par le CYP3A, que le kratom ralentit : leur taux peut monter ; les "
            "effets sédatifs s’additionnent aussi."
        ),
        advice=(
            "Parlez du kratom à votre prescripteur. Ne prenez le somnifère qu’au coucher, jamais "
            "avec de l’alcool, et ne conduisez pas le lendemain matin si vous vous sentez encore "
            "somnolent·e."
        ),
        evidence=(
            "Aucun rapport propre au kratom n’a été trouvé pour ces médicaments. Le kratom a "
            "augmenté le midazolam d’environ 1,4 fois dans une étude clinique et inhibe le CYP3A "
            "en laboratoire, donc la même chose peut s’appliquer (déduit de la classe, "
            "théorique)."
        ),
    ),
    "other_sedatives": ClassWording(
        label="Autres médicaments sédatifs",
        mechanism=(
            "Les barbituriques, les myorelaxants comme le carisoprodol et le baclofène, "
            "l’oxybate de sodium (GHB) et les médicaments sédatifs comme l’olanzapine ou la "
            "mirtazapine ralentissent le cerveau ; avec le kratom, la somnolence et le "
            "ralentissement de la respiration peuvent s’additionner."
        ),
        advice=(
            "Dites au prescripteur que vous prenez du kratom. Tenez l’alcool et les autres "
            "sédatifs à l’écart, ne conduisez pas tant que vous vous sentez ralenti·e, et "
            "demandez de l’aide tout de suite en cas de respiration très lente ou si l’on n’arrive "
            "pas à réveiller quelqu’un."
        ),
        evidence=(
            "Aucune donnée propre au kratom n’a été trouvée pour ces médicaments. La plupart des "
            "décès où l’on a retrouvé du kratom impliquaient plusieurs substances, souvent "
            "sédatives ; cette fiche est déduite de la classe (théorique)."
        ),
    ),
    "sedating_antihistamines": ClassWording(
        label="Antihistaminiques sédatifs (par ex. diphénhydramine)",
        mechanism=(
            "Les anciens antihistaminiques font somnoler et, à forte dose, provoquent des "
            "convulsions. Du sirop de diphénhydramine est parfois mélangé aux boissons au kratom, "
            "et des convulsions et des décès ont été rapportés avec ces mélanges."
        ),
        advice=(
            "Ne mélangez pas de sirop contre la toux ni de somnifère aux boissons au kratom. Pour "
            "une allergie ou le sommeil, demandez à un pharmacien quel médicament vous convient "
            "en même temps que le kratom. Appelez les secours en cas de convulsions, "
            "d’évanouissement ou de confusion."
        ),
        evidence=(
            "Dans une série malaisienne de 11 jeunes adultes ayant fait des convulsions après des "
            "boissons au kratom, 4 y avaient mélangé du sirop de diphénhydramine. Les "
            "antihistaminiques étaient les autres médicaments les plus fréquents (8 cas sur 24) "
            "dans une série d’autopsies thaïlandaise de décès positifs à la mitragynine."
        ),
    ),
    "cannabis": ClassWording(
        label="Cannabis (THC)",
        mechanism=(
            "La façon dont le cannabis et le kratom agissent ensemble n’a pas été étudiée chez "
            "l’humain. Les deux peuvent modifier la vigilance et la coordination, donc les effets "
            "peuvent s’additionner ; beaucoup de produits au cannabis contiennent aussi du CBD, "
            "qui a augmenté le taux de kratom chez le rat."
        ),
        advice=(
            "Remarquez ce que vous ressentez avec les deux ensemble, ne conduisez pas après avoir "
            "pris l’un ou l’autre, et parlez du cannabis à votre clinicien : sa consommation "
            "change souvent pendant une diminution. Vérifiez si un produit contient du CBD (voir "
            "la fiche CBD)."
        ),
        evidence=(
            "Aucune donnée d’interaction kratom–cannabis (THC) n’a été trouvée. La seule étude "
            "proche a donné du CBD avec du kratom à des rats. La gravité est faible parce "
            "qu’aucun dommage n’a été documenté, pas parce que l’association a été montrée sans "
            "danger."
        ),
    ),
    "cannabidiol": ClassWording(
        label="Cannabidiol (CBD)",
        mechanism=(
            "Chez le rat, le CBD donné avec du kratom a augmenté l’exposition à la mitragynine "
            "d’environ 2,8 fois et retardé son pic : les effets du kratom peuvent arriver plus "
            "tard et être plus forts."
        ),
        advice=(
            "Soyez prudent·e quand vous commencez ou arrêtez un produit au CBD en prenant du "
            "kratom : les effets peuvent arriver plus tard et être plus forts que d’habitude, "
            "alors ne reprenez pas une dose parce que la première semble lente. Parlez des deux "
            "à votre clinicien."
        ),
        evidence=(
            "Étude animale seulement (rats, produits de kratom et de CBD du commerce) ; aucune "
            "donnée chez l’humain trouvée."
        ),
    ),
}
