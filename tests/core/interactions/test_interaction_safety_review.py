"""Issue 11's interaction items: opioid antagonists, combination products, look-alike names,
the QT class and the buprenorphine warning. Known answers come from the products' labelled
ingredients (Suboxone is buprenorphine and naloxone, Tylenol 3 is acetaminophen and codeine)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stepdown.core.interactions import CLASSES, SUBSTANCES, MatchKind, check_name, resolve
from stepdown.core.interactions.knowledge_base import COMBINATION_PRODUCTS, NAME_INDEX, NameKind
from stepdown.core.interactions.normalise import letters_and_digits

ANTAGONIST = "opioid_antagonists"


@pytest.mark.parametrize(
    ("typed", "ingredients"),
    [
        ("naltrexone", {"naltrexone"}),
        ("Revia", {"naltrexone"}),
        ("Vivitrol", {"naltrexone"}),
        ("naltrexone 50 mg tablets", {"naltrexone"}),
        ("Contrave", {"naltrexone", "bupropion"}),
        ("Mysimba", {"naltrexone", "bupropion"}),
        ("naltrexone/bupropion", {"naltrexone", "bupropion"}),
        ("naloxone", {"naloxone"}),
        ("Narcan nasal spray", {"naloxone"}),
        ("Suboxone", {"buprenorphine", "naloxone"}),
        ("Zubsolv", {"buprenorphine", "naloxone"}),
        ("buprenorphine and naloxone sublingual film", {"buprenorphine", "naloxone"}),
        ("pentazocine/naloxone", {"pentazocine", "naloxone"}),
        ("Talwin NX", {"pentazocine", "naloxone"}),
        ("Targin", {"oxycodone", "naloxone"}),
        ("Embeda", {"morphine", "naltrexone"}),
        ("nalmefene", {"nalmefene"}),
        ("Selincro", {"nalmefene"}),
        ("samidorphan", {"samidorphan"}),
        ("Lybalvi", {"olanzapine", "samidorphan"}),
    ],
)
def test_opioid_antagonists_alone_and_in_combinations_are_high(
    typed: str, ingredients: set[str]
) -> None:
    report = check_name(typed)
    assert report.resolution is not None, typed
    assert set(report.resolution.substances) == ingredients
    assert ANTAGONIST in report.resolution.classes
    assert report.interactions[0].severity.value == "high"


def test_every_antagonist_matches_alone_and_inside_a_combination_name() -> None:
    members = [s.name for s in SUBSTANCES.values() if ANTAGONIST in s.classes]
    assert {"naltrexone", "naloxone", "nalmefene", "samidorphan"} <= set(members)
    for name in members:
        for typed in (name, f"oxycodone/{name}", f"{name} + bupropion", f"{name} HCl 2 mg"):
            resolution = resolve(typed)
            assert resolution is not None, typed
            assert name in resolution.substances, typed
            assert ANTAGONIST in resolution.classes, typed


def test_antagonist_advice_covers_alcohol_weight_loss_the_prescriber_and_overdose() -> None:
    advice = CLASSES[ANTAGONIST].advice
    mechanism = CLASSES[ANTAGONIST].mechanism
    assert "Do not start" in advice
    assert "alcohol" in advice
    assert "weight loss" in advice
    assert "prescriber" in advice
    # Nobody may hesitate over naloxone in an emergency.
    assert "Naloxone (Narcan) for a suspected overdose is still the right thing to use" in advice
    assert "Vivitrol" in mechanism
    assert set(CLASSES[ANTAGONIST].sources) >= {"JarkaGregoire2023", "Jensen2021"}


@pytest.mark.parametrize(
    "typed", ["methylnaltrexone", "Relistor", "naloxegol", "Movantik", "naldemedine"]
)
def test_peripheral_antagonists_are_their_own_class_and_say_they_act_in_the_gut(
    typed: str,
) -> None:
    resolution = resolve(typed)
    assert resolution is not None
    assert resolution.classes == ("peripheral_opioid_antagonists",)
    entry = CLASSES["peripheral_opioid_antagonists"]
    assert "gut" in entry.mechanism
    assert "barely reach the brain" in entry.mechanism
    assert "still the right thing to use" in entry.advice


def test_tianeptine_is_an_opioid() -> None:
    resolution = resolve("tianeptine sodium")
    assert resolution is not None
    assert "opioids" in resolution.classes


def test_a_combination_resolves_to_every_ingredient_and_all_their_classes() -> None:
    for product in COMBINATION_PRODUCTS:
        expected = {code for name in product.ingredients for code in SUBSTANCES[name].classes}
        for typed in (product.name, *product.brands):
            resolution = resolve(typed)
            assert resolution is not None, typed
            assert set(resolution.substances) == set(product.ingredients), typed
            assert set(resolution.classes) == expected, typed


@pytest.mark.parametrize(
    ("typed", "ingredients"),
    [
        ("Tylenol", ("acetaminophen",)),
        ("Tylenol 500 mg", ("acetaminophen",)),
        ("TYLENOL 325mg", ("acetaminophen",)),
        ("Panadol", ("acetaminophen",)),
        ("Doliprane 1000", ("acetaminophen",)),
        ("Dafalgan", ("acetaminophen",)),
        ("Efferalgan", ("acetaminophen",)),
        ("paracetamol", ("acetaminophen",)),
        ("Tylenol 3", ("acetaminophen", "codeine")),
        ("Tylenol #3 300/30 mg", ("acetaminophen", "codeine")),
        ("Tylenol 4", ("acetaminophen", "codeine")),
        ("Tylenol with codeine", ("acetaminophen", "codeine")),
        ("Percocet", ("oxycodone", "acetaminophen")),
        ("Vicodin", ("hydrocodone", "acetaminophen")),
        ("Tylenol PM", ("acetaminophen", "diphenhydramine")),
    ],
)
def test_look_alike_brands_resolve_to_their_own_ingredients(
    typed: str, ingredients: tuple[str, ...]
) -> None:
    resolution = resolve(typed)
    assert resolution is not None
    assert set(resolution.substances) == set(ingredients)
    assert resolution.match is not MatchKind.FUZZY


def test_acetaminophen_carries_a_liver_caution_with_a_liver_source() -> None:
    report = check_name("Tylenol")
    (interaction,) = report.interactions
    assert interaction.class_code == "acetaminophen_liver"
    assert "liver" in interaction.mechanism
    assert "Ahmad2021" in interaction.sources


def _names_with_digits() -> list[str]:
    return sorted(
        entry.display
        for entry in NAME_INDEX.values()
        if entry.kind is not NameKind.STREET and letters_and_digits(entry.key)[1]
    )


def test_no_known_name_is_reached_by_dropping_its_digits() -> None:
    # "Tylenol" was one edit from "Tylenol 3" and came back as codeine.
    names = _names_with_digits()
    assert "Tylenol 3" in names
    for name in names:
        without = "".join(ch for ch in name if not ch.isdigit())
        resolution = resolve(without)
        if resolution is not None:
            assert not (resolution.match is MatchKind.FUZZY and name in resolution.matched), name


def _targets_by_letters() -> dict[str, set[tuple[str, ...]]]:
    targets: dict[str, set[tuple[str, ...]]] = {}
    for entry in NAME_INDEX.values():
        if entry.substances:
            letters = letters_and_digits(entry.key)[0]
            targets.setdefault(letters, set()).add(tuple(sorted(entry.substances)))
    return targets


_TARGETS = _targets_by_letters()


@given(
    name=st.sampled_from(_names_with_digits()),
    digits=st.text(alphabet="0123456789", max_size=3),
)
def test_a_name_that_differs_only_in_its_number_never_crosses_to_another_ingredient(
    name: str, digits: str
) -> None:
    letters_only = "".join(ch for ch in name if not ch.isdigit()).strip()
    typed = f"{letters_only} {digits}".strip()
    resolution = resolve(typed)
    if resolution is None:
        return
    if resolution.match is MatchKind.FUZZY:
        # A guess may fix letters, never a number.
        matched_digits = {
            letters_and_digits("".join(filter(str.isalnum, m)).lower())[1]
            for m in resolution.matched
        }
        assert matched_digits == {digits}
        return
    allowed = _TARGETS.get(
        letters_and_digits("".join(filter(str.isalnum, letters_only)).lower())[0], set()
    )
    assert tuple(sorted(resolution.substances)) in allowed, typed


_STRENGTHS = st.one_of(
    st.builds(
        "{} {}".format,
        st.integers(1, 2000),
        st.sampled_from(["mg", "mcg", "ml", "g", "units"]),
    ),
    st.builds("{}/{} mg".format, st.integers(1, 100), st.integers(1, 1000)),
    st.builds("{}.{}mg".format, st.integers(0, 99), st.integers(1, 9)),
    st.builds("{},{} mg".format, st.integers(0, 99), st.integers(1, 9)),
)


@pytest.mark.parametrize("strength", ["0.1mg", "0,1 mg", "2.5 mg.", "0.5mg/ml"])
def test_a_decimal_strength_after_a_numbered_brand_keeps_the_brand(strength: str) -> None:
    # Regression (found by the property below): "0.1mg" was read as "0" and "1mg", and the
    # stray "0" then hid the brand's own number, so Tylenol 2 lost its codeine.
    resolution = resolve(f"Tylenol 2 {strength}")
    assert resolution is not None
    assert set(resolution.substances) == {"acetaminophen", "codeine"}


@given(
    entry=st.sampled_from(
        [e for e in NAME_INDEX.values() if e.kind is not NameKind.STREET and e.substances]
    ),
    strength=_STRENGTHS,
)
def test_a_strength_after_a_known_name_never_changes_what_it_resolves_to(
    entry: object, strength: str
) -> None:
    display = entry.display  # type: ignore[attr-defined]
    substances = entry.substances  # type: ignore[attr-defined]
    resolution = resolve(f"{display} {strength}")
    assert resolution is not None, display
    assert set(resolution.substances) == set(substances), (display, strength)


QT_MEDICINES = (
    "methadone",
    "citalopram",
    "escitalopram",
    "ondansetron",
    "haloperidol",
    "loperamide",
    "domperidone",
    "azithromycin",
    "clarithromycin",
    "erythromycin",
    "levofloxacin",
    "moxifloxacin",
    "amiodarone",
    "sotalol",
    "quetiapine",
    "ziprasidone",
    "hydroxychloroquine",
)


@pytest.mark.parametrize("name", QT_MEDICINES)
def test_qt_prolonging_medicines_get_the_qt_class(name: str) -> None:
    report = check_name(name)
    assert "qt_prolonging" in {i.class_code for i in report.interactions}


def test_a_medicine_in_two_classes_shows_both() -> None:
    assert {i.class_code for i in check_name("methadone").interactions} == {
        "opioids",
        "qt_prolonging",
    }
    assert {i.class_code for i in check_name("Celexa").interactions} == {
        "serotonergic",
        "qt_prolonging",
    }


def test_the_qt_class_advises_an_ecg_and_cites_the_herg_and_ecg_studies() -> None:
    entry = CLASSES["qt_prolonging"]
    assert "ECG" in entry.advice
    assert "loperamide" in entry.advice.lower()
    assert set(entry.sources) == {"Tay2016", "Tay2019", "LeongBinAbdullah2021"}


def test_opioid_advice_warns_that_early_buprenorphine_precipitates_withdrawal() -> None:
    advice = CLASSES["opioids"].advice
    assert "Buprenorphine" in advice
    assert "too soon after kratom" in advice
    assert "withdrawal is clearly under way" in advice
    assert "clinician" in advice
    assert "time the first dose" in advice
