"""Opioids, including "Krypton" (kratom with added O-desmethyltramadol), with their names.

Class membership follows docs/interactions.md; the sources for each class are
on the class itself (``classes_sedating`` and ``classes_other``). Combination products
(Percocet, Suboxone, Tylenol 3) are in ``combinations``. Brands are common ones in the US, UK,
Europe and Australia; the list is not exhaustive, which is why an unknown name is reported as
"not in the knowledge base" and never as safe.
"""

from __future__ import annotations

from stepdown.core.interactions.model import Substance

_OPIOID = "opioids"
_2D6 = "cyp2d6_substrates"
_SERO = "serotonergic"
_QT = "qt_prolonging"

OPIOID_MEMBERS: tuple[Substance, ...] = (
    Substance(
        name="morphine",
        classes=(_OPIOID,),
        brands=("MS Contin", "Kadian", "Oramorph", "Sevredol", "Zomorph", "Avinza", "Arymo"),
    ),
    Substance(
        name="oxycodone",
        classes=(_OPIOID,),
        brands=(
            "OxyContin",
            "Roxicodone",
            "Oxaydo",
            "Xtampza",
            "OxyNorm",
            "Endone",
            "Percodan",
        ),
        street_names=("oxy", "oxys", "percs", "roxies"),
    ),
    Substance(
        name="hydrocodone",
        classes=(_OPIOID, _2D6),
        brands=("Hysingla", "Zohydro", "Vicoprofen"),
    ),
    Substance(
        name="codeine",
        classes=(_OPIOID, _2D6),
        brands=("Nurofen Plus",),
    ),
    Substance(
        name="promethazine with codeine",
        classes=(_OPIOID, _2D6, "sedating_antihistamines"),
        synonyms=("codeine promethazine", "promethazine codeine"),
        brands=("Phenergan with codeine",),
        street_names=("lean", "purple drank", "sizzurp", "dirty sprite"),
    ),
    Substance(
        name="dihydrocodeine",
        classes=(_OPIOID, _2D6),
        brands=("DF118",),
    ),
    Substance(
        name="hydromorphone",
        classes=(_OPIOID,),
        brands=("Dilaudid", "Exalgo", "Jurnista", "Palladone", "Hydromorph Contin"),
    ),
    Substance(name="oxymorphone", classes=(_OPIOID,), brands=("Opana", "Numorphan")),
    Substance(
        name="fentanyl",
        classes=(_OPIOID,),
        synonyms=("fentanil",),
        brands=(
            "Duragesic",
            "Durogesic",
            "Actiq",
            "Fentora",
            "Abstral",
            "Sublimaze",
            "Subsys",
            "Lazanda",
            "Instanyl",
            "PecFent",
        ),
        street_names=("fent", "fetty"),
    ),
    Substance(name="carfentanil", classes=(_OPIOID,), synonyms=("carfentanyl",)),
    Substance(name="sufentanil", classes=(_OPIOID,), brands=("Dsuvia", "Sufenta")),
    Substance(name="remifentanil", classes=(_OPIOID,), brands=("Ultiva",)),
    Substance(name="alfentanil", classes=(_OPIOID,), brands=("Alfenta", "Rapifen")),
    Substance(
        name="heroin",
        classes=(_OPIOID,),
        synonyms=("diamorphine", "diacetylmorphine"),
        street_names=("smack", "black tar", "skag", "scag"),
    ),
    Substance(
        name="methadone",
        classes=(_OPIOID, _QT),
        brands=("Dolophine", "Methadose", "Physeptone", "Metadol", "Diskets"),
    ),
    Substance(
        name="buprenorphine",
        classes=(_OPIOID,),
        brands=(
            "Subutex",
            "Sublocade",
            "Brixadi",
            "Buvidal",
            "Butrans",
            "Belbuca",
            "Temgesic",
            "Norspan",
            "Transtec",
            "Espranor",
        ),
        street_names=("bupe", "bupes", "subs"),
    ),
    Substance(
        name="tramadol",
        classes=(_OPIOID, _SERO, _2D6),
        brands=(
            "Ultram",
            "ConZip",
            "Tramal",
            "Zydol",
            "Ralivia",
            "Durela",
            "Tridural",
            "Qdolo",
        ),
    ),
    Substance(name="tapentadol", classes=(_OPIOID, _SERO), brands=("Nucynta", "Palexia")),
    Substance(
        name="meperidine",
        classes=(_OPIOID, _SERO),
        synonyms=("pethidine",),
        brands=("Demerol",),
    ),
    Substance(name="levorphanol", classes=(_OPIOID,)),
    Substance(name="butorphanol", classes=(_OPIOID,), brands=("Stadol",)),
    Substance(name="nalbuphine", classes=(_OPIOID,), brands=("Nubain",)),
    Substance(name="pentazocine", classes=(_OPIOID,), brands=("Talwin",)),
    Substance(
        name="opium",
        classes=(_OPIOID,),
        synonyms=("laudanum", "opium tincture", "paregoric"),
    ),
    Substance(
        name="nitazenes",
        classes=(_OPIOID,),
        synonyms=("nitazene", "isotonitazene", "metonitazene", "protonitazene", "etonitazene"),
    ),
    Substance(
        name="tianeptine",
        classes=(_OPIOID,),
        brands=("Stablon", "Coaxil", "Tianeurax", "Tianaa", "Zaza Red", "Neptune's Fix"),
        street_names=("gas station heroin",),
    ),
    Substance(
        name="O-desmethyltramadol",
        classes=("o_desmethyltramadol", _OPIOID),
        synonyms=("desmetramadol", "O-DSMT", "desmethyltramadol"),
        street_names=("krypton", "krypton kratom"),
    ),
)
