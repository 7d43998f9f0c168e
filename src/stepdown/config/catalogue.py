"""Builds the compiled message catalogues (``.mo``) from the ``.po`` files, in pure Python.

The ``.po`` files are the source and are committed; the ``.mo`` files are built, not committed
(``.gitignore``): ``make run``, ``make test`` and the test session build them when a ``.po`` is
newer. polib does the work, so no machine needs GNU gettext (docs/i18n.md).

    python -m stepdown.config.catalogue
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def compile_catalogues(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Write each ``.mo`` whose ``.po`` is newer (or that is missing); the paths written.

    Fuzzy and untranslated entries are left out of the ``.mo`` (English shows instead); the
    catalogue test fails on them, so none reach a release."""
    written = []
    for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        # Written beside it and renamed: a server (or a parallel test worker) reading the
        # catalogue never sees half a file.
        handle, temporary = tempfile.mkstemp(dir=po_path.parent, suffix=".mo.tmp")
        os.close(handle)
        try:
            polib.pofile(str(po_path)).save_as_mofile(temporary)
            os.chmod(temporary, 0o644)  # mkstemp's file is private; the catalogue is not
            os.replace(temporary, mo_path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        written.append(mo_path)
    return written


if __name__ == "__main__":
    for path in compile_catalogues():
        print(f"compiled {path}")
