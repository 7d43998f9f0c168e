"""French for the other classes (``classes_other``): the project's own translation.

Not a validated text; the pages say where it comes from. Every number is the English entry's
number, written the French way; sources are the English entry's (docs/clinical-sources.md).
"""

from __future__ import annotations

from stepdown.core.interactions.model import ClassWording

OTHER_FRENCH = {
    "modafinil": ClassWording(
        label="Modafinil et armodafinil",
        mechanism=(
            "Un homme qui prenait du kratom avec du modafinil a fait une crise tonico-clonique ; "
            "on ne sait pas avec certitude si les deux ont interagi."
        ),
        advice=(
            "Dites au prescripteur que vous prenez du kratom avant de commencer le modafinil ou "
            "l’armodafinil. Tenez les autres stimulants à l’écart, et appelez les secours en cas "
            "de crise convulsive."
        ),
        evidence="Un cas clinique (crise convulsive). L’armodafinil est inclus par analogie "
        "(déduit de la classe).",
    ),
    "stimulants": ClassWording(
        label="Stimulants",
        mechanism=(
            "Le kratom peut abaisser le seuil convulsif et a lui-même des effets stimulants ; "
            "les stimulants fatiguent le cœur et le cerveau. La méthamphétamine et l’amphétamine "
            "apparaissent dans des cas de convulsions et des autopsies liés au kratom."
        ),
        advice=(
            "Évitez d’associer le kratom à la méthamphétamine, à la cocaïne ou à d’autres "
            "stimulants de rue. Si vous prenez un stimulant prescrit pour un TDAH, respectez la "
            "dose prescrite et parlez du kratom au prescripteur. Demandez de l’aide en urgence en "
            "cas de convulsions, de douleur dans la poitrine, de cœur qui s’emballe ou de "
            "surchauffe du corps."
        ),
        evidence=(
            "Un patient d’une série malaisienne de convulsions avait pris de la méthamphétamine "
            "avec du kratom ; de l’amphétamine a été retrouvée dans 4 des 24 décès positifs à la "
            "mitragynine d’une série d’autopsies thaïlandaise ; des convulsions ont aussi été "
            "rapportées avec le kratom seul. Les médicaments prescrits pour le TDAH n’ont pas de "
            "données propres (déduit de la classe)."
        ),
    ),
    "serotonergic": ClassWording(
        label="Médicaments sérotoninergiques (ISRS, IRSN et autres)",
        mechanism=(
            "Beaucoup de médicaments qui augmentent la sérotonine sont éliminés par des enzymes "
            "du foie que le kratom bloque (CYP2D6, CYP3A et d’autres) : leur taux peut monter ; "
            "un excès de sérotonine provoque une toxicité sérotoninergique."
        ),
        advice=(
            "Continuez votre antidépresseur comme prescrit : l’arrêter brutalement pose ses "
            "propres problèmes. Parlez du kratom au prescripteur et apprenez les signes d’alerte : "
            "agitation, sueurs, fièvre, tremblements, secousses ou raideur des muscles, "
            "confusion. S’ils apparaissent, consultez un médecin le jour même, et en urgence si "
            "vous avez une forte fièvre."
        ),
        evidence=(
            "Un cas clinique de possible syndrome sérotoninergique chez un homme qui prenait du "
            "kratom avec plusieurs médicaments sérotoninergiques (bupropion, buspirone, "
            "desvenlafaxine, trazodone, ziprasidone). Des études en laboratoire montrent que le "
            "kratom inhibe le CYP2D6 et le CYP3A."
        ),
    ),
    "maois": ClassWording(
        label="Inhibiteurs de la MAO",
        mechanism=(
            "Les inhibiteurs de la MAO peuvent causer une toxicité sérotoninergique dangereuse "
            "avec beaucoup de médicaments de type opioïde et sérotoninergiques. Le kratom n’a pas "
            "été étudié avec eux, mais il a été associé à une toxicité sérotoninergique avec "
            "d’autres médicaments sérotoninergiques : le risque est donc déduit de la classe."
        ),
        advice=(
            "Parlez-en au prescripteur avant d’associer le kratom à un inhibiteur de la MAO, y "
            "compris les patchs de sélégiline, le linézolide et le bleu de méthylène. Connaissez "
            "les signes de toxicité sérotoninergique (agitation, fièvre, sueurs, raideur, "
            "secousses) et demandez de l’aide en urgence s’ils apparaissent."
        ),
        evidence=(
            "Aucune donnée sur le kratom propre aux IMAO n’a été trouvée. Raisonnement déduit de "
            "la classe (théorique), à partir du risque général de toxicité sérotoninergique des "
            "inhibiteurs de la MAO et d’un cas avec du kratom et des médicaments "
            "sérotoninergiques."
        ),
    ),
    "cyp2d6_substrates": ClassWording(
        label="Médicaments éliminés ou activés par le CYP2D6",
        mechanism=(
            "En laboratoire, la mitragynine bloque fortement le CYP2D6. Cela pourrait augmenter "
            "le taux des médicaments que le CYP2D6 élimine (dextrométhorphane, beaucoup "
            "d’antidépresseurs tricycliques, métoprolol) ou affaiblir ceux qu’il active (codéine, "
            "tramadol, tamoxifène). À environ 2 g de kratom, une étude clinique n’a vu aucun effet."
        ),
        advice=(
            "Aux quantités habituelles, cette interaction semble faible. Parlez du kratom à votre "
            "prescripteur ou à votre pharmacien, surtout avec des médicaments du rythme cardiaque "
            "ou le tamoxifène. Si la codéine ou le tramadol semble moins soulager la douleur que "
            "prévu, dites-le plutôt que d’ajuster les doses vous-même."
        ),
        evidence=(
            "Une étude clinique avec 2 g de kratom en infusion n’a trouvé aucun changement de "
            "l’exposition au dextrométhorphane (rapport d’AUC 0,99). La mitragynine inhibe le "
            "CYP2D6 en laboratoire (Ki 1,17 µM ; CI50 0,67 µM). Des doses de kratom plus fortes ou "
            "répétées n’ont pas été testées : l’effet y est inconnu."
        ),
    ),
    "cyp3a_inhibitors": ClassWording(
        label="Inhibiteurs puissants du CYP3A (et pamplemousse)",
        mechanism=(
            "La mitragynine est éliminée surtout par le CYP3A, qui la transforme aussi en "
            "7-hydroxymitragynine, plus puissante. Bloquer le CYP3A change les deux : chez le rat, "
            "le kétoconazole a augmenté l’exposition à la mitragynine et au 7-OH et renforcé "
            "leurs effets, alors que chez la souris il a affaibli les effets de la mitragynine. "
            "On ne sait pas dans quel sens cela va chez l’humain."
        ),
        advice=(
            "Dites au prescripteur que vous prenez du kratom avant de commencer l’un de ces "
            "médicaments (par exemple un antifongique azolé, la clarithromycine, ou un traitement "
            "du VIH ou de la COVID-19 comme le Paxlovid). Surveillez une somnolence inhabituelle "
            "ou d’autres changements pendant le traitement et quelques jours après son arrêt. "
            "N’utilisez pas de jus de pamplemousse pour renforcer le kratom : l’effet devient "
            "plus difficile à prévoir."
        ),
        evidence=(
            "Études animales seulement : le kétoconazole a augmenté l’exposition à la mitragynine "
            "de 120 % chez le rat et affaibli les effets de la mitragynine chez la souris. La "
            "mitragynine est métabolisée surtout par le CYP3A4 dans les microsomes de foie "
            "humain. Aucune donnée chez l’humain trouvée (théorique)."
        ),
    ),
    "cyp3a_inducers": ClassWording(
        label="Inducteurs puissants du CYP3A",
        mechanism=(
            "Ces médicaments accélèrent le CYP3A : la mitragynine peut être éliminée plus vite et "
            "transformée autrement. Le kratom peut sembler plus faible et des symptômes "
            "ressemblant au sevrage peuvent apparaître. Quand l’inducteur s’arrête, les taux "
            "remontent peu à peu au cours des semaines suivantes."
        ),
        advice=(
            "Parlez du kratom au prescripteur avant de commencer ou d’arrêter l’un de ces "
            "médicaments. Si le kratom semble moins agir, ne cherchez pas à retrouver l’effet : "
            "parlez-en plutôt à votre clinicien. Après l’arrêt de l’inducteur, une dose habituelle "
            "peut de nouveau sembler plus forte."
        ),
        evidence=(
            "Aucune étude sur le kratom avec un inducteur n’a été trouvée. Raisonnement "
            "(théorique) tiré de l’élimination de la mitragynine par le CYP3A4 et d’études "
            "animales montrant que l’activité du CYP3A façonne ses effets."
        ),
    ),
    "pgp_substrates": ClassWording(
        label="Substrats de la P-gp (par ex. lopéramide, digoxine)",
        mechanism=(
            "Dans des tests de laboratoire, le kratom bloque la glycoprotéine P, une pompe de la "
            "paroi intestinale qui limite la quantité de certains médicaments absorbée : leur "
            "taux pourrait monter. Cela compte pour la digoxine, le dabigatran et le lopéramide."
        ),
        advice=(
            "Le lopéramide (Imodium) est souvent utilisé contre la diarrhée pendant le sevrage : "
            "ne dépassez pas la dose indiquée sur la boîte, et arrêtez si vous vous sentez "
            "somnolent·e ou au bord du malaise, ou si votre cœur s’emballe. Si vous prenez de la "
            "digoxine, un anticoagulant comme le dabigatran ou un autre médicament à marge "
            "thérapeutique étroite, parlez du kratom au prescripteur pour que les taux puissent "
            "être contrôlés."
        ),
        evidence=(
            "In vitro seulement : le kratom a inhibé la P-gp (CI50 18,2 µM) et un modèle statique "
            "a signalé la pompe intestinale. Aucune étude clinique trouvée (théorique)."
        ),
    ),
    "cyp3a_narrow_margin": ClassWording(
        label="Médicaments éliminés par le CYP3A à marge thérapeutique étroite",
        mechanism=(
            "Les médicaments de la greffe comme le tacrolimus, la ciclosporine, le sirolimus et "
            "l’évérolimus, ainsi que la colchicine, sont éliminés par le CYP3A, que le kratom "
            "ralentit ; de petites hausses de leur taux peuvent faire du mal."
        ),
        advice=(
            "Dites à votre équipe de greffe ou à votre prescripteur que vous prenez du kratom, et "
            "redites-le avant d’arrêter ou de changer votre consommation, pour qu’ils contrôlent "
            "les taux sanguins. N’arrêtez pas ces médicaments de vous-même."
        ),
        evidence=(
            "Aucun rapport propre au kratom n’a été trouvé pour ces médicaments. Le kratom a "
            "augmenté d’environ 1,4 fois l’exposition au midazolam (un médicament test du CYP3A) "
            "dans une étude clinique ; le même mécanisme s’applique (déduit de la classe, "
            "théorique)."
        ),
    ),
    "qt_prolonging": ClassWording(
        label="Médicaments qui peuvent allonger l’intervalle QT (rythme cardiaque)",
        mechanism=(
            "Dans des études en laboratoire, la mitragynine bloque le canal hERG, le canal "
            "potassique du cœur par lequel beaucoup de médicaments allongent l’intervalle QT sur "
            "un ECG ; les consommateurs réguliers de kratom avaient plus souvent un QTc à la "
            "limite du long que les personnes qui n’en prenaient pas. Ajouter un médicament qui "
            "fait de même peut augmenter le risque de trouble du rythme dangereux (torsades de "
            "pointes)."
        ),
        advice=(
            "Dites au prescripteur que vous prenez du kratom et demandez s’il vous faut un ECG "
            "(électrocardiogramme) avant de commencer, quand la dose augmente, ou si vous prenez "
            "plusieurs de ces médicaments. Les vomissements et la diarrhée du sevrage font baisser "
            "le potassium et le magnésium, ce qui ajoute au risque. Ne prenez le lopéramide "
            "(Imodium) qu’à la dose indiquée sur la boîte : de grandes quantités ont causé des "
            "troubles du rythme mortels. Un évanouissement, un cœur qui bat fort ou "
            "irrégulièrement, ou une crise convulsive demandent des soins d’urgence."
        ),
        evidence=(
            "La mitragynine a bloqué les canaux hERG dans des études sur cellules. Chez 100 "
            "consommateurs réguliers comparés à 100 témoins, un QTc limite était plus fréquent, "
            "mais pas un QTc allongé. Aucune étude n’a testé le kratom avec un médicament qui "
            "allonge le QT (déduit de la classe, théorique)."
        ),
    ),
    "acetaminophen_liver": ClassWording(
        label="Paracétamol et le foie",
        mechanism=(
            "Le kratom a été associé à des atteintes du foie, et trop de paracétamol abîme aussi "
            "le foie. Chacun sollicite le même organe, surtout avec une forte consommation de "
            "kratom ou de l’alcool. Beaucoup de médicaments contre le rhume, la grippe ou la "
            "douleur, y compris sur ordonnance, contiennent du paracétamol : il est facile d’en "
            "prendre plus qu’on ne le pense."
        ),
        advice=(
            "Respectez la dose indiquée sur la boîte, comptez chaque produit qui contient du "
            "paracétamol (ou acétaminophène), et parlez-en à un pharmacien si vous prenez "
            "beaucoup de kratom ou si vous buvez. Une peau ou des yeux jaunes, des urines "
            "foncées, des selles pâles, des démangeaisons ou une douleur sous les côtes à droite "
            "demandent un médecin le jour même."
        ),
        evidence=(
            "Onze cas d’atteinte du foie due au kratom dans un réseau américain, tous avec une "
            "jaunisse. Aucune étude n’a testé le paracétamol avec le kratom (déduit de la classe, "
            "théorique)."
        ),
    ),
}
