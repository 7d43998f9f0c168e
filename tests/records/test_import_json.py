"""Import checks every JSON column of a file (plan steps, questionnaire answers, skin regions,
consent data classes...) with the check its own app writes it through: a bad value is refused
with the list, the row and the field named, one line on the command line (exit 2), and nothing is
written. Specific cases, and a property over every JSON column of every imported list: whatever a
file holds there, the import refuses it by name or stores what the app itself would store."""

from __future__ import annotations

import types
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.records.export_world import PERSON
from tests.records.import_files import File, counts, export_file, json_fields, rows
from typer.testing import CliRunner

pytestmark = pytest.mark.django_db


@pytest.fixture
def file(settings: Any, tmp_path: Path) -> File:
    return export_file(settings, tmp_path)


def _imported() -> list[tuple[Any, str]]:
    """(table, JSON column) of every list an import reads."""
    from stepdown.records.export_format import every_table

    return [
        (table, name)
        for table in every_table()
        if not table.export_only
        for name in json_fields(table)
    ]


def test_every_json_column_of_an_imported_list_has_its_apps_check() -> None:
    from stepdown.records.export_format import every_table

    for table in every_table():
        if table.export_only:
            continue
        assert set(table.json) == set(json_fields(table)), table.name


def test_the_world_has_a_row_for_every_json_column(file: File) -> None:
    seen = {table.name for table, row in rows(file.document)}
    assert {table.name for table, name in _imported()} <= seen


# A bad value in each kind of JSON column, and the words the refusal must carry.
BAD = [
    ("plans", "steps", [{"index": 0, "start_date": "soon"}], "plans #{id}: steps"),
    ("plans", "steps", "a long taper", "plans #{id}: steps"),
    ("plans", "steps", [], "plans #{id}: steps"),
    ("adjustments", "detail", {"days": "three"}, "adjustments #{id}: detail"),
    ("adjustments", "detail", [1, 2], "adjustments #{id}: detail"),
    ("responses", "answers", {"q1": 7}, "responses #{id}: answers.q1"),
    ("responses", "answers", "all fine", "responses #{id}: answers"),
    ("safety_event", "flags", ["feeling_great"], "safety_event #{id}: flags"),
    ("safety_plans", "people", [{"name": "Sam"}], "safety_plans #{id}: people"),
    ("goals", "allowed_weekdays", [9], "goals #{id}: allowed_weekdays"),
    ("risk_snapshots", "factors", [{"code": "x"}], "risk_snapshots #{id}: factors"),
    ("risk_snapshots", "notes", [None], "risk_snapshots #{id}: notes"),
    ("suggestion", "parameters", {"days": -1}, "suggestion #{id}: parameters"),
    ("onboarding", "forms_used", ["smoke"], "onboarding #{id}: forms_used"),
    ("onboarding", "phq2_answers", {"q1": "often"}, "onboarding #{id}: phq2"),
    ("skin_sessions", "comparison_reasons", ["blurry?"], "skin_sessions #{id}: comparison"),
    ("photos", "region", {"kind": "rect", "x": -5, "y": 0, "width": 9, "height": 9}, "region"),
    ("photos", "card_corners", [[0, 0]], "photos #{id}: card_corners"),
    ("measurement", "quality_reasons", "dark", "measurement #{id}: quality_reasons"),
    ("skin_reports", "sites", ["moon"], "skin_reports #{id}: sites"),
    ("urges", "helped", {"walk": True}, "urges #{id}: helped"),
    ("consents", "data_classes", ["everything"], "consents #{id}: data_classes"),
    ("consents", "data_classes", [], "consents #{id}: data_classes"),
]


@pytest.mark.parametrize(("table", "field", "value", "words"), BAD)
def test_a_bad_json_value_is_refused_by_name_and_writes_nothing(
    file: File, table: str, field: str, value: Any, words: str
) -> None:
    from stepdown.records.importing import ImportRefused, import_file

    path, _, row_id = file.with_value(table, field, value)
    before = counts()
    media = sorted((file.tmp_path / "media").rglob("*"))
    with pytest.raises(ImportRefused) as refused:
        import_file(path)
    message = str(refused.value)
    assert words.format(id=row_id) in message
    assert message.startswith("stepdown.json is damaged")
    assert counts() == before
    assert sorted((file.tmp_path / "media").rglob("*")) == media


def test_the_command_line_says_one_line_and_exits_2(file: File) -> None:
    from stepdown.cli import app

    path, _, row_id = file.with_value("plans", "steps", [{"index": "first"}])
    before = counts()
    result = CliRunner().invoke(app, ["import", str(path)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert f"plans #{row_id}: steps is not valid" in lines[0]
    assert counts() == before


def test_derived_scores_come_from_the_answers_not_the_file(file: File) -> None:
    """A response's total, subscores and flags are what scoring its answers gives, as when it
    was answered; a file that says otherwise is corrected, not believed."""
    from stepdown.checkins.models import Response
    from stepdown.records.importing import import_file

    def change(document: dict[str, Any]) -> None:
        for row in document["responses"]:
            if row["instrument"] == "phq9":
                row.update(total=0, band="", subscores={"made_up": 99}, flags=["made_up"])

    path, _ = file.changed(change)
    result = import_file(path)
    original = Response.objects.filter(owner__email=PERSON, instrument="phq9")
    imported = Response.objects.filter(owner=result.owner, instrument="phq9")
    assert imported.count() == original.count() > 0
    for mine, theirs in zip(
        original.order_by("created_at"), imported.order_by("created_at"), strict=True
    ):
        assert (theirs.total, theirs.band, theirs.subscores, theirs.flags) == (
            mine.total,
            mine.band,
            mine.subscores,
            mine.flags,
        )


# --- the property ---------------------------------------------------------------------------

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**40), max_value=2**40)
    | st.floats(allow_nan=False, allow_infinity=False, width=32)
    | st.text(max_size=12)
    | st.sampled_from(["rect", "polygon", "2026-01-01", "1.5", "self_harm_acute", "journal", ""])
)
JUNK = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=10,
)


def _near(valid: Any) -> st.SearchStrategy[Any]:
    """Values close to a valid one: one element or key of it changed, dropped or added."""
    options: list[st.SearchStrategy[Any]] = [JUNK]
    if isinstance(valid, list) and valid:
        options.append(
            st.tuples(st.integers(0, len(valid) - 1), JUNK).map(
                lambda change: [*valid[: change[0]], change[1], *valid[change[0] + 1 :]]
            )
        )
        options.append(st.integers(0, len(valid) - 1).map(lambda i: valid[:i] + valid[i + 1 :]))
        options.extend(_near(item).map(lambda item, i=i: [*valid[:i], item, *valid[i + 1 :]])
                       for i, item in enumerate(valid[:2]))  # fmt: skip
    if isinstance(valid, dict) and valid:
        keys = sorted(valid)
        options.append(st.tuples(st.sampled_from(keys), JUNK).map(lambda c: {**valid, c[0]: c[1]}))
        options.append(
            st.sampled_from(keys).map(lambda k: {x: v for x, v in valid.items() if x != k})
        )
        options.append(st.tuples(st.text(max_size=6), JUNK).map(lambda c: {**valid, c[0]: c[1]}))
    return st.one_of(options)


def _stored(table: Any, owner: Any, origin: str, row_id: Any) -> Any:
    from stepdown.records.importing import ImportContext
    from stepdown.records.models import ImportedRecord

    key = ImportContext.key(types.SimpleNamespace(origin=origin), table.name, row_id)  # type: ignore[arg-type]
    record = ImportedRecord.objects.get(owner=owner, key=key)
    return table.model._default_manager.get(pk=record.object_id)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_json_value_is_refused_by_name_or_stored_as_its_app_would(
    file: File, data: st.DataObject
) -> None:
    from stepdown.accounts.models import User
    from stepdown.records.importing import ImportRefused, import_file

    table, field = data.draw(st.sampled_from(_imported()))
    valid = next(row[field] for spec, row in rows(file.document) if spec.name == table.name)
    value = data.draw(_near(valid), label=f"{table.name}.{field}")
    path, origin, row_id = file.with_value(table.name, field, value)
    with transaction.atomic():
        users = User.objects.count()
        refusal, result = "", None
        try:
            result = import_file(path)
        except ImportRefused as refused:
            refusal = str(refused)
        if result is None:
            assert f"{table.name} #{row_id}: " in refusal
            assert User.objects.count() == users  # nothing written, not even the account
        else:
            stored = _stored(table, result.owner, origin, row_id)
            values = {name: getattr(stored, name) for name in table.json}
            for name, clean in table.json.items():  # what the app would store, unchanged
                setattr(stored, name, clean(getattr(stored, name), stored))
            assert {name: getattr(stored, name) for name in table.json} == values
        transaction.set_rollback(True)


def test_a_json_past_the_size_limit_is_refused_before_it_is_parsed(
    file: File, monkeypatch: pytest.MonkeyPatch
) -> None:
    from stepdown.records import importing

    monkeypatch.setattr(importing, "MAX_JSON_BYTES", 1 << 20)
    path, _ = file.changed(lambda document: document.update(padding="x" * (2 << 20)))
    before = counts()
    with pytest.raises(importing.ImportRefused, match=r"stepdown\.json is larger than the 1 MB"):
        importing.import_file(path)
    assert counts() == before
