"""Recognising typed names: brands, misspellings, salts and forms, case and accents, unknowns."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stepdown.core.interactions import SUBSTANCES, MatchKind, resolve
from stepdown.core.interactions.knowledge_base import NAME_INDEX
from stepdown.core.interactions.normalise import key


def resolved_name(text: str) -> str | None:
    resolution = resolve(text)
    return None if resolution is None else resolution.name


@pytest.mark.parametrize(
    ("typed", "generic"),
    [
        ("Xanax", "alprazolam"),
        ("Seroquel", "quetiapine"),
        ("Klonopin", "clonazepam"),
        ("Neurontin", "gabapentin"),
        ("Lyrica", "pregabalin"),
        ("Suboxone", "buprenorphine + naloxone"),
        ("OxyContin", "oxycodone"),
        ("Percocet", "oxycodone + acetaminophen"),
        ("Ultram", "tramadol"),
        ("Benadryl", "diphenhydramine"),
        ("Provigil", "modafinil"),
        ("Imodium", "loperamide"),
        ("Zoloft", "sertraline"),
        ("Nardil", "phenelzine"),
        ("Paxlovid", "nirmatrelvir with ritonavir"),
        ("Tegretol", "carbamazepine"),
        ("Lanoxin", "digoxin"),
        ("Adderall", "amphetamine"),
        ("Dolophine", "methadone"),
        ("Duragesic", "fentanyl"),
    ],
)
def test_brand_names_resolve_to_their_generic(typed: str, generic: str) -> None:
    resolution = resolve(typed)
    assert resolution is not None
    assert resolution.name == generic
    assert resolution.match is MatchKind.ALIAS


def test_brand_resolution_carries_every_class_of_the_drug() -> None:
    # Xanax -> alprazolam -> benzodiazepines, the example in docs/interactions.md.
    xanax = resolve("Xanax")
    assert xanax is not None
    assert xanax.classes == ("benzodiazepines",)
    # tramadol is an opioid, a serotonergic drug and a CYP2D6-activated prodrug at once.
    tramadol = resolve("tramadol")
    assert tramadol is not None
    assert set(tramadol.classes) == {"opioids", "serotonergic", "cyp2d6_substrates"}


@pytest.mark.parametrize(
    ("typed", "generic"),
    [
        ("alprazolm", "alprazolam"),  # one letter dropped
        ("quetiapene", "quetiapine"),  # one letter changed
        ("gabapentine", "gabapentin"),  # one letter added
        ("codiene", "codeine"),  # two letters swapped
        ("hydrocodon", "hydrocodone"),
        ("clonazapam", "clonazepam"),
        ("Quetiapin", "quetiapine"),  # German spelling
        ("Adderal", "amphetamine"),  # misspelt brand
        ("setraline", "sertraline"),
    ],
)
def test_common_misspellings_resolve_as_fuzzy_matches(typed: str, generic: str) -> None:
    resolution = resolve(typed)
    assert resolution is not None
    assert resolution.name == generic
    assert resolution.match is MatchKind.FUZZY


@pytest.mark.parametrize(
    ("typed", "generic"),
    [
        ("alprazolam er", "alprazolam"),
        ("oxycodone hcl", "oxycodone"),
        ("morphine sulfate", "morphine"),
        ("morphine sulphate 30 mg ER", "morphine"),
        ("Seroquel XR 50mg", "quetiapine"),
        ("quetiapine fumarate 25 mg tablets", "quetiapine"),
        ("Xanax XR 1 mg", "alprazolam"),
        ("Klonopin ODT 0.5 mg", "clonazepam"),
        ("methylphenidate SR", "methylphenidate"),
        ("Effexor XR 75", "venlafaxine"),
        ("fentanyl 25 mcg/h patch", "fentanyl"),
        ("Percocet 10/325", "oxycodone + acetaminophen"),
        ("alprazolam, 0,5 mg", "alprazolam"),
        ("Lyrica CR", "pregabalin"),
        ("CBD oil", "cannabidiol"),
    ],
)
def test_salt_form_and_strength_words_are_ignored(typed: str, generic: str) -> None:
    assert resolved_name(typed) == generic


@pytest.mark.parametrize(
    "typed",
    ["QUÉTIAPINE", "quétiapine", "Quetiapine", "  quetiapine  ", "QUETIAPINE", "Quetiapine."],
)
def test_case_accents_and_spacing_do_not_matter(typed: str) -> None:
    resolution = resolve(typed)
    assert resolution is not None
    assert resolution.name == "quetiapine"
    assert resolution.match is MatchKind.EXACT


def test_spacing_and_punctuation_inside_names_do_not_matter() -> None:
    assert resolved_name("Zzz Quil") == "diphenhydramine"
    assert resolved_name("St. John's Wort") == "St John's wort"
    assert resolved_name("st johns wort") == "St John's wort"
    assert resolved_name("Tylenol #3") == "acetaminophen + codeine"
    assert resolved_name("O-DSMT") == "O-desmethyltramadol"


@pytest.mark.parametrize(
    "typed",
    ["metformin", "clonidine", "kratom", "vitamin D", "ibuprofen", "zzzzzzz", "Ксанакс"],
)
def test_names_not_in_the_knowledge_base_resolve_to_none(typed: str) -> None:
    assert resolve(typed) is None


@pytest.mark.parametrize("typed", ["", "   ", "10 mg", "er", "tablets", "!!!"])
def test_entries_with_no_drug_name_resolve_to_none(typed: str) -> None:
    assert resolve(typed) is None


def test_street_names_match_only_as_the_whole_entry() -> None:
    assert resolved_name("coke") == "cocaine"
    assert resolved_name("krypton") == "O-desmethyltramadol"
    assert resolved_name("lean") == "promethazine with codeine"
    # ...but never inside ordinary words or phrases.
    assert resolve("diet coke") is None
    assert resolve("ice cream") is None
    assert resolve("wine gums for kids") is None
    assert resolve("rum and coke") is None  # a drink, not cocaine


def test_street_names_are_never_matched_fuzzily() -> None:
    # "cake" is one edit from the street name "coke" and must not become cocaine.
    assert resolve("cake") is None
    assert resolve("speeds") is None


def test_combination_products_resolve_each_known_part_and_name_the_rest() -> None:
    resolution = resolve("oxycodone/metformin 5/325 mg")
    assert resolution is not None
    assert resolution.substances == ("oxycodone",)
    assert resolution.unrecognised == ("metformin",)
    assert resolution.match is MatchKind.PARTIAL


def test_two_known_drugs_in_one_entry_both_resolve() -> None:
    resolution = resolve("sertraline + tramadol")
    assert resolution is not None
    assert resolution.substances == ("sertraline", "tramadol")
    assert resolution.name == "sertraline + tramadol"
    assert "opioids" in resolution.classes
    assert "serotonergic" in resolution.classes


def test_known_name_inside_a_longer_entry_resolves_partially() -> None:
    resolution = resolve("buprenorphine for pain film")
    assert resolution is not None
    assert resolution.substances == ("buprenorphine",)
    assert resolution.unrecognised == ("for", "pain")


def test_exact_names_win_over_close_neighbours() -> None:
    # codeine and cocaine are two edits apart; each exact name must find itself.
    assert resolved_name("codeine") == "codeine"
    assert resolved_name("cocaine") == "cocaine"
    assert resolved_name("oxazepam") == "oxazepam"
    assert resolved_name("lorazepam") == "lorazepam"


def test_a_typo_equally_close_to_two_drugs_is_not_guessed() -> None:
    # "clonazolam" and "clonazepam" are both known; "clonazelam" is one edit from clonazolam
    # (e->o) and one edit from clonazepam (l->p), so there is no single closest drug.
    assert resolve("clonazelam") is None


def test_short_typos_are_not_guessed() -> None:
    # Four letters: one edit already makes another word ("soma" vs "some").
    assert resolve("some") is None
    assert resolve("xanx") is None


def test_class_names_resolve_to_the_class() -> None:
    resolution = resolve("benzos")
    assert resolution is not None
    assert resolution.classes == ("benzodiazepines",)
    assert resolution.substances == ()
    assert resolved_name("SSRIs") == "Serotonergic medicines (SSRIs, SNRIs and others)"


def test_resolution_keeps_the_query_as_typed() -> None:
    resolution = resolve("Xanax XR 1 mg")
    assert resolution is not None
    assert resolution.query == "Xanax XR 1 mg"
    assert resolution.matched == ("Xanax",)


# Common medicines and substances that are not in the knowledge base. None may be guessed into a
# known drug by the misspelling rule (docs/interactions.md cites this list).
_COMMON_OUTSIDE_TEXT = """
lisinopril atorvastatin levothyroxine metformin amlodipine omeprazole simvastatin losartan
albuterol hydrochlorothiazide furosemide pantoprazole prednisone montelukast rosuvastatin
esomeprazole tamsulosin meloxicam clopidogrel warfarin insulin glipizide spironolactone atenolol
cetirizine loratadine ibuprofen naproxen aspirin clonidine guanfacine prazosin famotidine
ranitidine methotrexate allopurinol topiramate lamotrigine levetiracetam valproate divalproex
oxcarbazepine lacosamide zonisamide melatonin magnesium caffeine nicotine varenicline acamprosate
disulfiram ketamine esketamine psilocybin lsd kava kavain akuamma amoxicillin doxycycline
cephalexin diltiazem verapamil apixaban rivaroxaban estradiol progesterone testosterone
finasteride sildenafil tadalafil metronidazole valacyclovir dexamethasone budesonide fluticasone
mometasone benzonatate guaifenesin pseudoephedrine phenylephrine semaglutide liraglutide
empagliflozin dapagliflozin sitagliptin pioglitazone glyburide bisoprolol nifedipine hydralazine
minoxidil terazosin doxazosin oxybutynin tolterodine mirabegron donepezil memantine ropinirole
pramipexole levodopa carbidopa amantadine benztropine trihexyphenidyl propylthiouracil methimazole
cyanocobalamin folate iron zinc kratom ezetimibe pravastatin lansoprazole sucralfate mesalamine
hydrocortisone triamcinolone nystatin acyclovir cefuroxime
"""
_COMMON_OUTSIDE = tuple(_COMMON_OUTSIDE_TEXT.split())


def test_common_medicines_outside_the_knowledge_base_are_not_guessed() -> None:
    assert len(_COMMON_OUTSIDE) >= 120
    wrongly_resolved = {name: resolved_name(name) for name in _COMMON_OUTSIDE if resolve(name)}
    assert wrongly_resolved == {}


_GENERICS = sorted(SUBSTANCES)
_ACCENTED = str.maketrans({"a": "á", "e": "é", "i": "í", "o": "ö", "u": "ü"})


@settings(max_examples=200)
@given(
    generic=st.sampled_from(_GENERICS),
    upper=st.booleans(),
    accents=st.booleans(),
    strength_mg=st.one_of(st.none(), st.integers(min_value=0, max_value=100_000)),
    form=st.sampled_from(["", " ER", " hcl", " tablets", " XR", " sulfate"]),
)
def test_any_generic_with_case_accents_strength_and_form_resolves_to_itself(
    generic: str, upper: bool, accents: bool, strength_mg: int | None, form: str
) -> None:
    typed = generic.translate(_ACCENTED) if accents else generic
    typed = typed.upper() if upper else typed
    typed += form + ("" if strength_mg is None else f" {strength_mg} mg")
    resolution = resolve(typed)
    assert resolution is not None
    assert resolution.substances == (generic,)


_LONG_GENERICS = [name for name in _GENERICS if len(name) >= 8 and name.isalpha()]


@settings(max_examples=300)
@given(
    generic=st.sampled_from(_LONG_GENERICS),
    position=st.integers(min_value=1, max_value=50),
    letter=st.sampled_from("abcdefghijklmnopqrstuvwxyz"),
)
def test_one_wrong_letter_never_resolves_to_a_different_drug_by_guessing(
    generic: str, position: int, letter: str
) -> None:
    index = 1 + position % (len(generic) - 1)  # keep the first letter, as typists mostly do
    typo = generic[:index] + letter + generic[index + 1 :]
    resolution = resolve(typo)
    if resolution is None:
        return  # refusing to guess is always allowed
    if resolution.match is MatchKind.FUZZY:
        assert resolution.substances == (generic,)
    else:
        # The typo spelt a known name exactly, so that name is the right answer.
        assert key(typo) in NAME_INDEX


@settings(max_examples=300)
@given(st.text(max_size=60))
def test_any_text_resolves_to_none_or_a_known_entry(text: str) -> None:
    resolution = resolve(text)
    if resolution is not None:
        assert resolution.classes
        assert all(name in SUBSTANCES for name in resolution.substances)
