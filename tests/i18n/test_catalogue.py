"""The French catalogue is complete for the translated templates and for every string the code
marks: nothing shown unmarked, no message missing from the .po, none empty or fuzzy."""

from __future__ import annotations

import polib
import pytest
from tests.i18n.catalogue import (
    PO_FILE,
    TEMPLATES,
    TRANSLATED,
    template_files,
    translated_templates,
    unmarked_text,
    used_message_ids,
)

from stepdown.config.catalogue import compile_catalogues


def _french() -> polib.POFile:
    return polib.pofile(str(PO_FILE))


def test_the_translated_set_names_only_templates_that_exist() -> None:
    for entry in TRANSLATED:
        assert (TEMPLATES / entry).exists(), entry


def test_translated_templates_mark_every_text_a_person_reads(
    capsys: pytest.CaptureFixture[str],
) -> None:
    found = {
        str(path.relative_to(TEMPLATES)): unmarked_text(path) for path in translated_templates()
    }
    unmarked = {name: texts for name, texts in found.items() if texts}
    outside = [str(path.relative_to(TEMPLATES.parent)) for path in template_files()]
    outside = [name for name in outside if name.removeprefix("templates/") not in found]
    with capsys.disabled():
        print(
            f"\ni18n: {len(found)} templates translated, {len(outside)} not yet "
            f"(tests/i18n/catalogue.py TRANSLATED): {', '.join(outside)}"
        )
    assert not unmarked, f"text outside {{% translate %}}: {unmarked}"


def test_every_message_the_code_uses_is_in_the_french_catalogue() -> None:
    have = {(entry.msgctxt, entry.msgid) for entry in _french() if not entry.obsolete}
    missing = {key: where for key, where in used_message_ids().items() if key not in have}
    assert not missing, (
        "not in locale/fr/LC_MESSAGES/django.po (run makemessages and translate, "
        f"docs/i18n.md): {missing}"
    )


def test_no_french_entry_is_empty_or_fuzzy() -> None:
    french = _french()
    assert not french.metadata_is_fuzzy
    fuzzy = [entry.msgid for entry in french.fuzzy_entries()]
    empty = [entry.msgid for entry in french.untranslated_entries()]
    assert not fuzzy, f"fuzzy: {fuzzy}"
    assert not empty, f"not translated: {empty}"


def test_french_placeholders_match_the_english() -> None:
    """A translation that drops or renames a %(name)s would fail when the page renders."""
    import re

    placeholder = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}")
    wrong = []
    for entry in _french().translated_entries():
        english = set(placeholder.findall(entry.msgid))
        forms = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        wrong += [entry.msgid for form in forms if set(placeholder.findall(form)) != english]
    assert not wrong, wrong


def test_the_compiled_catalogue_is_built_from_the_po(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """make and the test session build the .mo; a fresh copy compiles and reads back French."""
    source = tmp_path / "fr" / "LC_MESSAGES"
    source.mkdir(parents=True)
    (source / "django.po").write_bytes(PO_FILE.read_bytes())
    assert compile_catalogues(tmp_path) == [source / "django.mo"]
    assert compile_catalogues(tmp_path) == []  # up to date: not written again
    compiled = polib.mofile(str(source / "django.mo"))
    assert compiled.find("Get help now").msgstr == "Aide immédiate"
