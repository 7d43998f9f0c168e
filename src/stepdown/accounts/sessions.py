"""Django's database sessions, each request's session read in plain SQL.

Every page and form reads its session before anything else. Building the ORM query for that one
row cost several times more than running it (docs/performance.md), so the read is a fixed
statement; everything else (saving, creating, deleting, expiry) is Django's
``sessions.backends.db`` unchanged, on the same table.
"""

from __future__ import annotations

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.utils import timezone

from stepdown.web.raw_rows import raw_models

_table = Session._meta.db_table
# Standard SQL quoting, which SQLite and PostgreSQL share.
_SESSION_SQL = (
    f'SELECT "session_key", "session_data", "expire_date" FROM "{_table}" '  # noqa: S608
    'WHERE "session_key" = %s AND "expire_date" > %s'
)


class SessionStore(db.SessionStore):
    def _get_session_from_db(self) -> Session | None:
        # As Django's: an unknown or expired key leaves the store without a key, so a new
        # session is made under a new one.
        found = raw_models(Session, _SESSION_SQL, [self.session_key, timezone.now()])
        if not found:
            self._session_key = None
            return None
        return found[0]
