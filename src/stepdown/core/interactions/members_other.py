"""Drugs in the serotonin, stimulant and enzyme or transporter classes, with their names.

Class membership follows docs/interactions.md; the sources for each class are
on the class itself. Brands are common ones in the US, UK, Europe and Australia; the list is not
exhaustive, which is why an unknown name is reported as "not in the knowledge base".
"""

from __future__ import annotations

from stepdown.core.interactions.model import Substance

_SERO = "serotonergic"
_2D6 = "cyp2d6_substrates"
_STIM = "stimulants"

SEROTONERGIC_MEMBERS: tuple[Substance, ...] = (
    Substance(name="fluoxetine", classes=(_SERO, _2D6), brands=("Prozac", "Sarafem")),
    Substance(name="sertraline", classes=(_SERO,), brands=("Zoloft", "Lustral")),
    Substance(
        name="paroxetine",
        classes=(_SERO, _2D6),
        brands=("Paxil", "Seroxat", "Pexeva", "Brisdelle"),
    ),
    Substance(name="citalopram", classes=(_SERO, "qt_prolonging"), brands=("Celexa", "Cipramil")),
    Substance(
        name="escitalopram", classes=(_SERO, "qt_prolonging"), brands=("Lexapro", "Cipralex")
    ),
    Substance(name="fluvoxamine", classes=(_SERO,), brands=("Luvox", "Faverin")),
    Substance(name="venlafaxine", classes=(_SERO, _2D6), brands=("Effexor",)),
    Substance(name="desvenlafaxine", classes=(_SERO,), brands=("Pristiq",)),
    Substance(name="duloxetine", classes=(_SERO, _2D6), brands=("Cymbalta",)),
    Substance(name="levomilnacipran", classes=(_SERO,), brands=("Fetzima",)),
    Substance(name="milnacipran", classes=(_SERO,), brands=("Savella",)),
    Substance(name="vortioxetine", classes=(_SERO, _2D6), brands=("Trintellix", "Brintellix")),
    Substance(name="vilazodone", classes=(_SERO,), brands=("Viibryd",)),
    Substance(name="amitriptyline", classes=(_SERO, _2D6), brands=("Elavil", "Endep")),
    Substance(name="clomipramine", classes=(_SERO, _2D6), brands=("Anafranil",)),
    Substance(name="imipramine", classes=(_SERO, _2D6), brands=("Tofranil",)),
    Substance(name="buspirone", classes=(_SERO,), brands=("Buspar",)),
    Substance(
        name="lithium",
        classes=(_SERO,),
        brands=("Lithobid", "Priadel", "Camcolit", "Eskalith"),
    ),
    Substance(name="sumatriptan", classes=(_SERO,), brands=("Imitrex", "Imigran")),
    Substance(name="rizatriptan", classes=(_SERO,), brands=("Maxalt",)),
    Substance(name="zolmitriptan", classes=(_SERO,), brands=("Zomig",)),
    Substance(
        name="St John's wort",
        classes=(_SERO, "cyp3a_inducers"),
        synonyms=("Saint John's wort", "hypericum", "hypericum perforatum"),
    ),
    Substance(
        name="dextromethorphan",
        classes=(_SERO, _2D6),
        synonyms=("DXM",),
        brands=("Robitussin DM", "Delsym"),
        street_names=("robo",),
    ),
    Substance(
        name="MDMA",
        classes=(_STIM, _SERO),
        synonyms=("methylenedioxymethamphetamine",),
        street_names=("ecstasy", "molly", "mandy", "xtc"),
    ),
    Substance(name="nefazodone", classes=(_SERO, "cyp3a_inhibitors"), brands=("Serzone",)),
)

_MAOI = "maois"

MAOI_MEMBERS: tuple[Substance, ...] = (
    Substance(name="phenelzine", classes=(_MAOI,), brands=("Nardil",)),
    Substance(name="tranylcypromine", classes=(_MAOI,), brands=("Parnate",)),
    Substance(name="isocarboxazid", classes=(_MAOI,), brands=("Marplan",)),
    Substance(name="selegiline", classes=(_MAOI,), brands=("Emsam", "Eldepryl", "Zelapar")),
    Substance(name="rasagiline", classes=(_MAOI,), brands=("Azilect",)),
    Substance(name="safinamide", classes=(_MAOI,), brands=("Xadago",)),
    Substance(name="moclobemide", classes=(_MAOI,), brands=("Aurorix", "Manerix")),
    Substance(name="linezolid", classes=(_MAOI,), brands=("Zyvox",)),
    Substance(
        name="methylene blue",
        classes=(_MAOI,),
        synonyms=("methylthioninium chloride",),
        brands=("ProvayBlue",),
    ),
)

STIMULANT_MEMBERS: tuple[Substance, ...] = (
    Substance(
        name="methamphetamine",
        classes=(_STIM,),
        synonyms=("metamfetamine",),
        brands=("Desoxyn",),
        street_names=(
            "meth",
            "crystal meth",
            "crystal",
            "ice",
            "tina",
            "crank",
            "shabu",
            "yaba",
        ),
    ),
    Substance(
        name="amphetamine",
        classes=(_STIM,),
        synonyms=("amfetamine",),
        brands=("Adderall", "Evekeo", "Adzenys", "Mydayis"),
        street_names=("speed", "addy", "addies"),
    ),
    Substance(
        name="dextroamphetamine",
        classes=(_STIM,),
        synonyms=("dexamfetamine", "dexamphetamine"),
        brands=("Dexedrine", "Zenzedi", "ProCentra"),
    ),
    Substance(
        name="lisdexamfetamine",
        classes=(_STIM,),
        synonyms=("lisdexamphetamine",),
        brands=("Vyvanse", "Elvanse"),
    ),
    Substance(
        name="methylphenidate",
        classes=(_STIM,),
        brands=(
            "Ritalin",
            "Concerta",
            "Medikinet",
            "Equasym",
            "Daytrana",
            "Metadate",
            "Methylin",
            "Aptensio",
            "Jornay",
        ),
    ),
    Substance(name="dexmethylphenidate", classes=(_STIM,), brands=("Focalin",)),
    Substance(
        name="cocaine",
        classes=(_STIM,),
        street_names=("coke", "crack", "crack cocaine", "blow"),
    ),
    Substance(
        name="mephedrone",
        classes=(_STIM,),
        synonyms=("4-MMC", "4-methylmethcathinone"),
        street_names=("meow meow", "m-cat"),
    ),
    Substance(
        name="synthetic cathinones",
        classes=(_STIM,),
        synonyms=("cathinones", "alpha-PVP", "MDPV"),
        street_names=("bath salts", "flakka"),
    ),
    Substance(
        name="phentermine",
        classes=(_STIM,),
        brands=("Adipex", "Adipex-P", "Lomaira", "Duromine", "Qsymia"),
    ),
    Substance(
        name="bupropion",
        classes=(_STIM,),
        brands=("Wellbutrin", "Zyban", "Aplenzin", "Forfivo"),
    ),
    Substance(
        name="modafinil",
        classes=("modafinil",),
        brands=("Provigil", "Modavigil", "Modalert", "Modiodal", "Alertec"),
    ),
    Substance(
        name="armodafinil",
        classes=("modafinil",),
        brands=("Nuvigil", "Waklert", "Artvigil"),
    ),
)

CYP2D6_MEMBERS: tuple[Substance, ...] = (
    Substance(
        name="metoprolol",
        classes=(_2D6,),
        brands=("Lopressor", "Toprol", "Toprol-XL", "Betaloc", "Seloken"),
    ),
    Substance(name="carvedilol", classes=(_2D6,), brands=("Coreg",)),
    Substance(name="propranolol", classes=(_2D6,), brands=("Inderal", "Hemangeol", "InnoPran")),
    Substance(name="nebivolol", classes=(_2D6,), brands=("Bystolic", "Nebilet")),
    Substance(name="flecainide", classes=(_2D6,), brands=("Tambocor",)),
    Substance(name="propafenone", classes=(_2D6,), brands=("Rythmol", "Rytmonorm")),
    Substance(name="atomoxetine", classes=(_2D6,), brands=("Strattera",)),
    Substance(name="tamoxifen", classes=(_2D6,), brands=("Nolvadex", "Soltamox")),
    Substance(name="risperidone", classes=(_2D6,), brands=("Risperdal",)),
    Substance(name="haloperidol", classes=(_2D6, "qt_prolonging"), brands=("Haldol", "Serenace")),
    Substance(name="perphenazine", classes=(_2D6,), brands=("Trilafon",)),
    Substance(name="thioridazine", classes=(_2D6, "qt_prolonging"), brands=("Mellaril",)),
    Substance(name="iloperidone", classes=(_2D6,), brands=("Fanapt",)),
    Substance(name="nortriptyline", classes=(_2D6,), brands=("Pamelor", "Aventyl", "Allegron")),
    Substance(name="desipramine", classes=(_2D6,), brands=("Norpramin",)),
    Substance(name="metoclopramide", classes=(_2D6,), brands=("Reglan", "Maxolon", "Gimoti")),
    Substance(name="tetrabenazine", classes=(_2D6,), brands=("Xenazine",)),
    Substance(name="deutetrabenazine", classes=(_2D6,), brands=("Austedo",)),
    Substance(name="lofexidine", classes=(_2D6,), brands=("Lucemyra", "BritLofex")),
    Substance(name="eliglustat", classes=(_2D6,), brands=("Cerdelga",)),
)

_INH = "cyp3a_inhibitors"
_IND = "cyp3a_inducers"

CYP3A_MODULATOR_MEMBERS: tuple[Substance, ...] = (
    Substance(name="ketoconazole", classes=(_INH,), brands=("Nizoral",)),
    Substance(name="itraconazole", classes=(_INH,), brands=("Sporanox", "Tolsura")),
    Substance(name="posaconazole", classes=(_INH,), brands=("Noxafil",)),
    Substance(name="voriconazole", classes=(_INH,), brands=("Vfend",)),
    Substance(name="ritonavir", classes=(_INH,), brands=("Norvir",)),
    Substance(
        name="cobicistat",
        classes=(_INH,),
        brands=("Tybost", "Genvoya", "Stribild", "Prezcobix", "Symtuza", "Evotaz"),
    ),
    Substance(
        name="nirmatrelvir with ritonavir",
        classes=(_INH,),
        synonyms=("nirmatrelvir",),
        brands=("Paxlovid",),
    ),
    Substance(name="lopinavir", classes=(_INH,)),
    Substance(name="saquinavir", classes=(_INH,), brands=("Invirase",)),
    Substance(name="indinavir", classes=(_INH,), brands=("Crixivan",)),
    Substance(name="nelfinavir", classes=(_INH,), brands=("Viracept",)),
    Substance(
        name="clarithromycin",
        classes=(_INH, "qt_prolonging"),
        brands=("Biaxin", "Klacid", "Klaricid"),
    ),
    Substance(name="telithromycin", classes=(_INH,), brands=("Ketek",)),
    Substance(name="tucatinib", classes=(_INH,), brands=("Tukysa",)),
    Substance(name="idelalisib", classes=(_INH,), brands=("Zydelig",)),
    Substance(name="grapefruit", classes=(_INH,), synonyms=("grapefruit juice",)),
    Substance(
        name="rifampicin",
        classes=(_IND,),
        synonyms=("rifampin",),
        brands=("Rifadin", "Rimactane"),
    ),
    Substance(name="rifabutin", classes=(_IND,), brands=("Mycobutin",)),
    Substance(name="rifapentine", classes=(_IND,), brands=("Priftin",)),
    Substance(
        name="carbamazepine",
        classes=(_IND,),
        brands=("Tegretol", "Carbatrol", "Equetro", "Epitol"),
    ),
    Substance(name="phenytoin", classes=(_IND,), brands=("Dilantin", "Epanutin", "Phenytek")),
    Substance(name="enzalutamide", classes=(_IND,), brands=("Xtandi",)),
    Substance(name="apalutamide", classes=(_IND,), brands=("Erleada",)),
    Substance(name="mitotane", classes=(_IND,), brands=("Lysodren",)),
    Substance(name="lumacaftor", classes=(_IND,), brands=("Orkambi",)),
)

_PGP = "pgp_substrates"
_NARROW = "cyp3a_narrow_margin"

TRANSPORTER_MEMBERS: tuple[Substance, ...] = (
    Substance(
        name="loperamide", classes=(_PGP, "qt_prolonging"), brands=("Imodium", "Imodium A-D")
    ),
    Substance(name="digoxin", classes=(_PGP,), brands=("Lanoxin",)),
    Substance(name="dabigatran", classes=(_PGP,), brands=("Pradaxa", "Pradax")),
    Substance(name="fexofenadine", classes=(_PGP,), brands=("Allegra", "Telfast")),
    Substance(name="edoxaban", classes=(_PGP,), brands=("Savaysa", "Lixiana")),
    Substance(
        name="colchicine",
        classes=(_NARROW, _PGP),
        brands=("Colcrys", "Mitigare", "Gloperba"),
    ),
    Substance(
        name="tacrolimus",
        classes=(_NARROW,),
        brands=("Prograf", "Advagraf", "Envarsus"),
    ),
    Substance(
        name="ciclosporin",
        classes=(_NARROW, _PGP),
        synonyms=("cyclosporine", "cyclosporin"),
        brands=("Neoral", "Sandimmune", "Gengraf"),
    ),
    Substance(name="sirolimus", classes=(_NARROW, _PGP), brands=("Rapamune",)),
    Substance(
        name="everolimus",
        classes=(_NARROW, _PGP),
        brands=("Afinitor", "Zortress", "Certican"),
    ),
)

OTHER_MEMBERS: tuple[Substance, ...] = (
    SEROTONERGIC_MEMBERS
    + MAOI_MEMBERS
    + STIMULANT_MEMBERS
    + CYP2D6_MEMBERS
    + CYP3A_MODULATOR_MEMBERS
    + TRANSPORTER_MEMBERS
)
