"""Benzodiazepines, alcohol and other sedating drugs, and cannabis, with all their names.

Class membership follows docs/interactions.md; the sources for each class are
on the class itself (``classes_sedating`` and ``classes_other``). Brands are common ones in the
US, UK, Europe and Australia; the list is not exhaustive, which is why an unknown name is
reported as "not in the knowledge base" and never as safe.
"""

from __future__ import annotations

from stepdown.core.interactions.model import Substance

_2D6 = "cyp2d6_substrates"
_SERO = "serotonergic"

_BENZO = "benzodiazepines"

BENZODIAZEPINE_MEMBERS: tuple[Substance, ...] = (
    Substance(
        name="alprazolam",
        classes=(_BENZO,),
        brands=("Xanax", "Niravam", "Alprax", "Kalma", "Xanor", "Tafil"),
        street_names=("xannies", "xanies", "zannies", "xans", "xanax bars", "bars"),
    ),
    Substance(name="clonazepam", classes=(_BENZO,), brands=("Klonopin", "Rivotril", "Paxam")),
    Substance(
        name="diazepam",
        classes=(_BENZO,),
        brands=("Valium", "Diastat", "Valtoco", "Stesolid", "Diazemuls", "Libervant"),
    ),
    Substance(name="lorazepam", classes=(_BENZO,), brands=("Ativan", "Temesta", "Tavor")),
    Substance(name="temazepam", classes=(_BENZO,), brands=("Restoril", "Normison")),
    Substance(name="triazolam", classes=(_BENZO,), brands=("Halcion",)),
    Substance(
        name="midazolam",
        classes=(_BENZO,),
        brands=("Versed", "Dormicum", "Buccolam", "Nayzilam", "Hypnovel", "Epistatus"),
    ),
    Substance(name="chlordiazepoxide", classes=(_BENZO,), brands=("Librium",)),
    Substance(name="clorazepate", classes=(_BENZO,), brands=("Tranxene",)),
    Substance(name="oxazepam", classes=(_BENZO,), brands=("Serax", "Serepax")),
    Substance(name="estazolam", classes=(_BENZO,), brands=("ProSom",)),
    Substance(name="flurazepam", classes=(_BENZO,), brands=("Dalmane",)),
    Substance(
        name="flunitrazepam",
        classes=(_BENZO,),
        brands=("Rohypnol",),
        street_names=("roofies",),
    ),
    Substance(name="bromazepam", classes=(_BENZO,), brands=("Lexotan", "Lexotanil", "Lexomil")),
    Substance(name="nitrazepam", classes=(_BENZO,), brands=("Mogadon",)),
    Substance(name="clobazam", classes=(_BENZO,), brands=("Onfi", "Frisium", "Sympazan")),
    Substance(name="lormetazepam", classes=(_BENZO,), brands=("Noctamid",)),
    Substance(name="quazepam", classes=(_BENZO,), brands=("Doral",)),
    Substance(name="etizolam", classes=(_BENZO,), brands=("Etilaam", "Depas", "Etizest")),
    Substance(name="flualprazolam", classes=(_BENZO,)),
    Substance(name="flubromazolam", classes=(_BENZO,)),
    Substance(name="bromazolam", classes=(_BENZO,)),
    Substance(name="clonazolam", classes=(_BENZO,)),
)

OTHER_DEPRESSANT_MEMBERS: tuple[Substance, ...] = (
    Substance(
        name="alcohol",
        classes=("alcohol",),
        synonyms=("ethanol", "ethyl alcohol", "alcoholic drinks", "alcoholic beverages"),
        street_names=(
            "beer",
            "wine",
            "spirits",
            "liquor",
            "vodka",
            "whisky",
            "whiskey",
            "rum",
            "gin",
            "tequila",
            "cider",
            "booze",
            "sake",
        ),
    ),
    Substance(
        name="gabapentin",
        classes=("gabapentinoids",),
        brands=("Neurontin", "Gralise"),
        street_names=("gabbies",),
    ),
    Substance(name="gabapentin enacarbil", classes=("gabapentinoids",), brands=("Horizant",)),
    Substance(name="pregabalin", classes=("gabapentinoids",), brands=("Lyrica",)),
    Substance(name="mirogabalin", classes=("gabapentinoids",), brands=("Tarlige",)),
    Substance(
        name="quetiapine",
        classes=("cyp3a_antipsychotics", "qt_prolonging"),
        brands=("Seroquel",),
    ),
    Substance(name="lurasidone", classes=("cyp3a_antipsychotics",), brands=("Latuda",)),
    Substance(
        name="cariprazine",
        classes=("cyp3a_antipsychotics",),
        brands=("Vraylar", "Reagila"),
    ),
    Substance(
        name="ziprasidone",
        classes=("cyp3a_antipsychotics", "qt_prolonging"),
        brands=("Geodon", "Zeldox"),
    ),
    Substance(name="lumateperone", classes=("cyp3a_antipsychotics",), brands=("Caplyta",)),
    Substance(
        name="brexpiprazole",
        classes=("cyp3a_antipsychotics", _2D6),
        brands=("Rexulti",),
    ),
    Substance(
        name="aripiprazole",
        classes=("cyp3a_antipsychotics", _2D6),
        brands=("Abilify", "Abilify Maintena", "Aristada"),
    ),
    Substance(
        name="pimozide", classes=("cyp3a_antipsychotics", _2D6, "qt_prolonging"), brands=("Orap",)
    ),
    Substance(
        name="zolpidem",
        classes=("cyp3a_sedatives",),
        brands=("Ambien", "Stilnox", "Edluar", "Intermezzo", "Zolpimist"),
    ),
    Substance(name="eszopiclone", classes=("cyp3a_sedatives",), brands=("Lunesta",)),
    Substance(name="zopiclone", classes=("cyp3a_sedatives",), brands=("Imovane", "Zimovane")),
    Substance(name="suvorexant", classes=("cyp3a_sedatives",), brands=("Belsomra",)),
    Substance(name="lemborexant", classes=("cyp3a_sedatives",), brands=("Dayvigo",)),
    Substance(name="daridorexant", classes=("cyp3a_sedatives",), brands=("Quviviq",)),
    Substance(
        name="trazodone",
        classes=("cyp3a_sedatives", _SERO),
        brands=("Desyrel", "Oleptro", "Molipaxin", "Trittico"),
    ),
    Substance(
        name="phenobarbital",
        classes=("other_sedatives", "cyp3a_inducers"),
        synonyms=("phenobarbitone",),
        brands=("Luminal",),
    ),
    Substance(name="butalbital", classes=("other_sedatives",), brands=("Fiorinal",)),
    Substance(
        name="primidone",
        classes=("other_sedatives", "cyp3a_inducers"),
        brands=("Mysoline",),
    ),
    Substance(name="carisoprodol", classes=("other_sedatives",), brands=("Soma",)),
    Substance(
        name="baclofen",
        classes=("other_sedatives",),
        brands=("Lioresal", "Ozobax", "Lyvispah"),
    ),
    Substance(
        name="cyclobenzaprine",
        classes=("other_sedatives",),
        brands=("Flexeril", "Amrix", "Fexmid"),
    ),
    Substance(name="tizanidine", classes=("other_sedatives",), brands=("Zanaflex",)),
    Substance(name="methocarbamol", classes=("other_sedatives",), brands=("Robaxin",)),
    Substance(
        name="sodium oxybate",
        classes=("other_sedatives",),
        synonyms=("GHB", "gamma-hydroxybutyrate", "oxybate"),
        brands=("Xyrem", "Xywav", "Lumryz"),
    ),
    Substance(name="olanzapine", classes=("other_sedatives",), brands=("Zyprexa",)),
    Substance(
        name="clozapine",
        classes=("other_sedatives",),
        brands=("Clozaril", "Leponex", "FazaClo", "Versacloz"),
    ),
    Substance(
        name="chlorpromazine",
        classes=("other_sedatives", "qt_prolonging"),
        brands=("Thorazine", "Largactil"),
    ),
    Substance(
        name="mirtazapine",
        classes=("other_sedatives", _SERO),
        brands=("Remeron", "Zispin", "RemeronSolTab"),
    ),
    Substance(
        name="doxepin",
        classes=("other_sedatives", _SERO, _2D6),
        brands=("Sinequan", "Silenor"),
    ),
)

_AH = "sedating_antihistamines"

ANTIHISTAMINE_MEMBERS: tuple[Substance, ...] = (
    Substance(
        name="diphenhydramine",
        classes=(_AH,),
        synonyms=("dimedrol",),
        brands=(
            "Benadryl",
            "Nytol",
            "ZzzQuil",
            "Sominex",
            "Advil PM",
            "Unisom SleepGels",
        ),
    ),
    Substance(
        name="doxylamine",
        classes=(_AH,),
        brands=("Unisom", "Unisom SleepTabs", "Restavit"),
    ),
    Substance(
        name="chlorphenamine",
        classes=(_AH,),
        synonyms=("chlorpheniramine",),
        brands=("Chlor-Trimeton", "Piriton"),
    ),
    Substance(name="dexchlorpheniramine", classes=(_AH,), brands=("Polaramine",)),
    Substance(name="promethazine", classes=(_AH,), brands=("Phenergan", "Avomine")),
    Substance(
        name="hydroxyzine", classes=(_AH, "qt_prolonging"), brands=("Atarax", "Vistaril", "Ucerax")
    ),
    Substance(name="dimenhydrinate", classes=(_AH,), brands=("Dramamine", "Gravol")),
    Substance(name="cyproheptadine", classes=(_AH,), brands=("Periactin",)),
    Substance(
        name="meclizine",
        classes=(_AH,),
        synonyms=("meclozine",),
        brands=("Antivert", "Bonine"),
    ),
    Substance(name="brompheniramine", classes=(_AH,), brands=("Dimetapp",)),
    Substance(name="clemastine", classes=(_AH,), brands=("Tavist", "Tavegil")),
    Substance(name="carbinoxamine", classes=(_AH,), brands=("Karbinal",)),
)

CANNABIS_MEMBERS: tuple[Substance, ...] = (
    Substance(
        name="cannabis",
        classes=("cannabis",),
        synonyms=(
            "marijuana",
            "marihuana",
            "THC",
            "tetrahydrocannabinol",
            "delta-9-THC",
            "delta-8-THC",
            "delta 8",
            "hashish",
            "hash",
            "hash oil",
        ),
        street_names=("weed", "pot", "grass", "ganja", "skunk", "joint", "mary jane"),
    ),
    Substance(name="dronabinol", classes=("cannabis",), brands=("Marinol", "Syndros")),
    Substance(name="nabilone", classes=("cannabis",), brands=("Cesamet",)),
    Substance(name="nabiximols", classes=("cannabis", "cannabidiol"), brands=("Sativex",)),
    Substance(
        name="cannabidiol",
        classes=("cannabidiol",),
        synonyms=("CBD",),
        brands=("Epidiolex", "Epidyolex"),
    ),
)

SEDATING_MEMBERS: tuple[Substance, ...] = (
    BENZODIAZEPINE_MEMBERS + OTHER_DEPRESSANT_MEMBERS + ANTIHISTAMINE_MEMBERS + CANNABIS_MEMBERS
)
