"""Owner-only files: the data folder 0700, the SQLite database and its WAL and SHM files 0600.

SQLite creates the WAL and SHM files with the database file's own mode, so creating the database
0600 before SQLite first opens it keeps all three private. An install made before this check has
its modes fixed at start.
"""

from __future__ import annotations

import stat
from pathlib import Path

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def _tighten(path: Path, mode: int) -> bool:
    """Set ``mode`` when the group or others have any access; ``True`` if it changed."""
    current = stat.S_IMODE(path.stat().st_mode)
    if current & 0o077 == 0:
        return False
    path.chmod(mode)
    return True


def make_private(data_dir: Path, database: Path | None) -> bool:
    """Create the folder and the empty database owner-only, tighten existing ones; ``True`` when
    an existing folder or file was readable by others and is not any more."""
    changed = False
    if data_dir.exists():
        changed = _tighten(data_dir, PRIVATE_DIR)
    else:
        data_dir.mkdir(mode=PRIVATE_DIR, parents=True)
    if database is None:
        return changed
    # A database elsewhere (DATABASE_URL=sqlite:///...): its own folder is the operator's choice.
    database.parent.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    if not database.exists():
        database.touch(mode=PRIVATE_FILE)
    for path in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
        if path.exists():
            changed |= _tighten(path, PRIVATE_FILE)
    return changed
