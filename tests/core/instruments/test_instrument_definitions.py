"""Registry, licences and sources, and the checks an instrument definition runs on itself."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from stepdown.core.instruments import (
    INSTRUMENTS,
    Audience,
    Band,
    FlagRule,
    Instrument,
    Item,
    ItemKind,
    Option,
    Wording,
    score_answers,
)

ROOT = Path(__file__).resolve().parents[3]
EXPECTED_CODES = {
    "phq9",
    "phq2",
    "gad7",
    "gad2",
    "asq",
    "sds",
    "dsm5_sud",
    "cows",
    "withdrawal",
    "craving",
    "daily",
}


def clinical_source_ids() -> set[str]:
    """First column of the table in docs/clinical-sources.md."""
    ids = set()
    for line in (ROOT / "docs" / "clinical-sources.md").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\|\s*([^|]+?)\s*\|", line)
        if match and match.group(1) not in {"ID"} and not set(match.group(1)) <= {"-", ":"}:
            ids.add(match.group(1))
    return ids


def test_registry_holds_every_required_instrument() -> None:
    assert set(INSTRUMENTS) == EXPECTED_CODES
    for code, instrument in INSTRUMENTS.items():
        assert instrument.code == code


@pytest.mark.parametrize("code", sorted(EXPECTED_CODES))
def test_every_instrument_lists_a_licence_and_sources_that_exist(code: str) -> None:
    instrument = INSTRUMENTS[code]
    known = clinical_source_ids()
    assert instrument.licence.strip()
    assert instrument.sources
    cited = set(instrument.sources)
    cited |= {source for rule in instrument.flags for source in rule.sources}
    cited |= {cutoff.source for cutoff in instrument.reference_cutoffs}
    missing = cited - known
    assert not missing, f"{code} cites IDs missing from docs/clinical-sources.md: {missing}"


def test_source_ids_cited_in_instrument_docstrings_exist() -> None:
    known = clinical_source_ids()
    package = ROOT / "src" / "stepdown" / "core" / "instruments"
    checked = 0
    for path in package.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for section in re.findall(r"References\n-+\n(.*?)\"\"\"", text, flags=re.DOTALL):
            for line in re.findall(r"^([A-Z][A-Za-z0-9, ]*?) :", section, flags=re.MULTILINE):
                for cited in line.split(", "):
                    assert cited in known, f"{path.name} cites {cited}"
                    checked += 1
    assert checked >= 11  # at least one per instrument module


def test_every_instrument_is_documented() -> None:
    docs = (ROOT / "docs" / "instruments.md").read_text(encoding="utf-8")
    for code in INSTRUMENTS:
        assert f"`{code}`" in docs, f"docs/instruments.md does not describe {code}"


def test_unvalidated_instruments_say_so_in_their_notes() -> None:
    for instrument in INSTRUMENTS.values():
        if not instrument.validated:
            assert any("validated" in note for note in instrument.notes), instrument.code


def test_only_cows_is_clinician_rated() -> None:
    clinician = {i.code for i in INSTRUMENTS.values() if i.audience is Audience.CLINICIAN}
    assert clinician == {"cows"}


def test_no_sows_items_are_shipped() -> None:
    assert not any("sows" in code for code in INSTRUMENTS)


# A made-up two-item instrument standing in for a clinic's licensed one (no real items).
RATING = (
    Option(value=0, label="none"),
    Option(value=1, label="some"),
    Option(value=2, label="lots"),
)
CLINIC_SCALE = Instrument(
    code="clinic_scale",
    name="Clinic scale",
    version="1",
    description="Test instrument.",
    instructions="Rate each.",
    time_window="now",
    audience=Audience.SELF_REPORT,
    wording=Wording.STEPDOWN,
    validated=False,
    items=(
        Item(code="a", text="First", kind=ItemKind.CHOICE, options=RATING),
        Item(code="b", text="Second", kind=ItemKind.CHOICE, options=RATING),
    ),
    total_items=("a", "b"),
    total_label="Total (0–4)",
    bands=(
        Band(name="low", label="Low", low=0, high=1),
        Band(name="high", label="High", low=2, high=4),
    ),
    flags=(FlagRule(code="urgent", description="b at 2", at_least=2, items=("b",)),),
    licence="Test only.",
    sources=("Wesson2003",),
)


def test_a_new_instrument_module_scores_with_the_generic_scorer() -> None:
    result = score_answers(CLINIC_SCALE, {"a": 1, "b": 2})
    # 1 + 2 = 3: the "high" band (2-4); b = 2 raises "urgent"
    assert (result.total, result.band, result.flags) == (3, "high", ("urgent",))


def test_bands_with_a_gap_are_refused() -> None:
    with pytest.raises(ValueError, match="expected 2"):
        replace(
            CLINIC_SCALE,
            bands=(
                Band(name="low", label="L", low=0, high=1),
                Band(name="high", label="H", low=3, high=4),
            ),
        )


def test_bands_that_stop_short_of_the_maximum_are_refused() -> None:
    with pytest.raises(ValueError, match="can reach 4"):
        replace(CLINIC_SCALE, bands=(Band(name="low", label="L", low=0, high=3),))


def test_a_total_over_an_unknown_item_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown item c"):
        replace(CLINIC_SCALE, total_items=("a", "c"))


def test_a_total_over_an_optional_item_is_refused() -> None:
    optional_b = Item(code="b", text="Second", kind=ItemKind.CHOICE, options=RATING, optional=True)
    with pytest.raises(ValueError, match="must be required"):
        replace(CLINIC_SCALE, items=(CLINIC_SCALE.items[0], optional_b))


def test_a_flag_on_a_text_item_is_refused() -> None:
    note = Item(code="note", text="Note", kind=ItemKind.TEXT, max_length=10, optional=True)
    with pytest.raises(ValueError, match="text item note"):
        replace(
            CLINIC_SCALE,
            items=(*CLINIC_SCALE.items, note),
            flags=(FlagRule(code="x", description="x", at_least=1, items=("note",)),),
        )


def test_repeated_item_codes_are_refused() -> None:
    with pytest.raises(ValueError, match="repeats an item code"):
        replace(CLINIC_SCALE, items=(CLINIC_SCALE.items[0], CLINIC_SCALE.items[0]))


def test_an_instrument_without_sources_is_refused() -> None:
    with pytest.raises(ValueError, match="source"):
        replace(CLINIC_SCALE, sources=())


def test_a_yes_no_item_must_score_no_0_and_yes_1() -> None:
    with pytest.raises(ValueError, match="yes/no"):
        Item(
            code="x",
            text="X?",
            kind=ItemKind.YES_NO,
            options=(Option(value=0, label="No"), Option(value=2, label="Yes")),
        )


def test_a_number_item_needs_a_range() -> None:
    with pytest.raises(ValueError, match="minimum below its maximum"):
        Item(code="x", text="X?", kind=ItemKind.NUMBER, minimum=Decimal(5), maximum=Decimal(5))
