"""Opioid antagonists, medicines that lengthen the QT interval, and acetaminophen, with names.

Medicines already listed in another members module get the QT class there (methadone,
citalopram, haloperidol, loperamide, quetiapine...). Combination products are in
``combinations``.
"""

from __future__ import annotations

from stepdown.core.interactions.model import Substance

_ANT = "opioid_antagonists"
_PERIPHERAL = "peripheral_opioid_antagonists"
_QT = "qt_prolonging"

ANTAGONIST_MEMBERS: tuple[Substance, ...] = (
    Substance(
        name="naltrexone",
        classes=(_ANT,),
        brands=("Revia", "Vivitrol", "Depade", "Nalorex", "Adepend"),
    ),
    Substance(
        name="naloxone",
        classes=(_ANT,),
        brands=(
            "Narcan",
            "Evzio",
            "Kloxxado",
            "Zimhi",
            "Nyxoid",
            "Prenoxad",
            "Rextovy",
            "RiVive",
            "Nyloxin",
        ),
    ),
    Substance(name="nalmefene", classes=(_ANT,), brands=("Selincro", "Opvee", "Zurnai", "Revex")),
    Substance(name="samidorphan", classes=(_ANT,)),
    Substance(name="methylnaltrexone", classes=(_PERIPHERAL,), brands=("Relistor",)),
    Substance(name="naloxegol", classes=(_PERIPHERAL,), brands=("Movantik", "Moventig")),
    Substance(name="naldemedine", classes=(_PERIPHERAL,), brands=("Symproic", "Rizmoic")),
    Substance(name="alvimopan", classes=(_PERIPHERAL,), brands=("Entereg",)),
)

QT_MEMBERS: tuple[Substance, ...] = (
    Substance(name="ondansetron", classes=(_QT,), brands=("Zofran", "Zuplenz")),
    Substance(name="domperidone", classes=(_QT,), brands=("Motilium", "Motinorm")),
    Substance(name="droperidol", classes=(_QT,), brands=("Inapsine", "Xomolix")),
    Substance(
        name="azithromycin",
        classes=(_QT,),
        brands=("Zithromax", "Z-Pak", "Zmax", "Azithrocin"),
    ),
    Substance(name="erythromycin", classes=(_QT,), brands=("Ery-Tab", "Erythrocin", "Erymax")),
    Substance(name="levofloxacin", classes=(_QT,), brands=("Levaquin", "Tavanic")),
    Substance(name="moxifloxacin", classes=(_QT,), brands=("Avelox", "Avalox")),
    Substance(name="ciprofloxacin", classes=(_QT,), brands=("Cipro", "Ciproxin", "Ciloxan")),
    Substance(name="fluconazole", classes=(_QT,), brands=("Diflucan",)),
    Substance(name="amiodarone", classes=(_QT,), brands=("Cordarone", "Pacerone", "Nexterone")),
    Substance(name="dronedarone", classes=(_QT,), brands=("Multaq",)),
    Substance(name="sotalol", classes=(_QT,), brands=("Betapace", "Sotacor", "Sotalex")),
    Substance(name="dofetilide", classes=(_QT,), brands=("Tikosyn",)),
    Substance(name="hydroxychloroquine", classes=(_QT,), brands=("Plaquenil", "Quensyl")),
    Substance(name="chloroquine", classes=(_QT,), brands=("Aralen", "Nivaquine")),
)

ACETAMINOPHEN_MEMBERS: tuple[Substance, ...] = (
    Substance(
        name="acetaminophen",
        classes=("acetaminophen_liver",),
        synonyms=("paracetamol", "APAP", "paracetamolum"),
        brands=(
            "Tylenol",
            "Panadol",
            "Doliprane",
            "Dafalgan",
            "Efferalgan",
            "Calpol",
            "Tempra",
            "Mapap",
            "Feverall",
            "Ofirmev",
            "Perfalgan",
            "Panamax",
            "Anacin Aspirin Free",
        ),
    ),
)

ANTAGONIST_QT_LIVER_MEMBERS: tuple[Substance, ...] = (
    ANTAGONIST_MEMBERS + QT_MEMBERS + ACETAMINOPHEN_MEMBERS
)
