"""Evaluating the rules: the one place that runs them, after a write and once a day.

The triggers (``signals``) call :func:`evaluate_safely` after the write that can change what a
rule finds (a dose, a check-in, a plan change, new limits); the daily job calls
:func:`notices_daily` for the rules that depend on the passing of days. Pages never evaluate
rules: they read what was stored (``selectors``). Everything found is stored through the one
deduplication, ``recording.record_found``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from contextlib import nullcontext

from django.db import transaction
from django.utils.translation import gettext as _

from stepdown.accounts.clock import local_today
from stepdown.accounts.models import User
from stepdown.alerts.context import Known, load_context, load_limit_context
from stepdown.alerts.models import CARD_CODES, Alert
from stepdown.alerts.recording import record_found
from stepdown.core import rules
from stepdown.core.rules import LIMIT_RULES, evaluate_rules
from stepdown.errors import InvalidInput

logger = logging.getLogger(__name__)

# Every rule of the safety net (docs/alerts.md, "Safety net").
SAFETY_NET_CODES = rules.SAFETY_NET_RULES
# The daily job: the day-based safety net as of today; the tolerance signals and the nudges as
# of yesterday, a complete day. Interaction findings are recorded by the substances app when a
# medicine or substance is logged.
DAY_CODES = tuple(code for code in SAFETY_NET_CODES if code not in ("interaction", "escalation"))
YESTERDAY_CODES = CARD_CODES


def _evaluate(
    *,
    owner: User,
    codes: tuple[str, ...],
    today: dt.date,
    flags: tuple[rules.QuestionnaireFlag, ...] | None = None,
    products: tuple[rules.ProductView, ...] | None = None,
    switches: tuple[rules.ProductSwitch, ...] | None = None,
    known: Known | None = None,
) -> list[Alert]:
    """Load what ``codes`` read as of ``today``, run them and store what is new."""
    limit_codes = tuple(code for code in codes if code in LIMIT_RULES)
    other_codes = tuple(code for code in codes if code not in LIMIT_RULES)
    found: tuple[rules.Alert, ...] = ()
    plan = None
    if other_codes:
        loaded = load_context(
            owner=owner,
            codes=other_codes,
            today=today,
            flags=flags,
            products=products,
            switches=switches,
            known=known,
        )
        plan = loaded.plan
        if loaded.codes:
            found += evaluate_rules(context=loaded.context, codes=loaded.codes)
    if limit_codes:
        # The limit rules judge only the days since the limits were set: their own context.
        context = load_limit_context(owner=owner, today=today, known=known)
        if context is not None:
            found += evaluate_rules(context=context, codes=limit_codes)
    return record_found(owner=owner, alerts=found, plan=plan)


def alerts_evaluate(
    *,
    owner: User,
    codes: Iterable[str] | None = None,
    today: dt.date | None = None,
) -> list[Alert]:
    """Run the safety-net rules (``codes``, default all) over the person's recent history as of
    ``today`` (default their local today) and store the new alerts. Returns the new rows.

    Raises :class:`InvalidInput` for an unknown or non-safety-net code.
    """
    chosen = tuple(SAFETY_NET_CODES if codes is None else codes)
    unknown = sorted(set(chosen) - set(SAFETY_NET_CODES))
    if unknown:
        raise InvalidInput(
            "codes", _("Unknown alert rule %(codes)s.") % {"codes": ", ".join(unknown)}
        )
    return _evaluate(owner=owner, codes=chosen, today=today or local_today(owner))


def nudges_evaluate(*, owner: User, today: dt.date | None = None) -> list[Alert]:
    """Run the rules of the nudge cards (limits, trend, tolerance signals) as of ``today``
    (default the person's local today, as after a dose); returns the new rows."""
    return _evaluate(owner=owner, codes=CARD_CODES, today=today or local_today(owner))


def evaluate_safely(
    *,
    owner: User,
    codes: Iterable[str],
    today: dt.date | None = None,
    flags: tuple[rules.QuestionnaireFlag, ...] | None = None,
    products: tuple[rules.ProductView, ...] | None = None,
    switches: tuple[rules.ProductSwitch, ...] | None = None,
    known: Known | None = None,
) -> list[Alert]:
    """What the triggers call: evaluate the rules, and never fail the write.

    A bug or a database error here must not lose the person's dose or check-in. Inside the
    write's transaction the work runs in a savepoint, rolled back alone on error; in autocommit
    mode the reads need no transaction (and opening one would cost a commit per dose), and
    ``record_found`` writes in its own. The error is logged, and the daily job catches up later.
    """
    chosen = tuple(dict.fromkeys(codes))
    guard = transaction.atomic() if transaction.get_connection().in_atomic_block else nullcontext()
    try:
        with guard:
            return _evaluate(
                owner=owner,
                codes=chosen,
                today=today or local_today(owner),
                flags=flags,
                products=products,
                switches=switches,
                known=known,
            )
    except Exception:
        logger.exception("alert rules %s failed for person %s", list(chosen), owner.pk)
        return []


def notices_daily(*, owner: User, now: dt.datetime | None = None) -> int:
    """The alerts app's part of the daily job for one person; returns how many rows were new.

    ``missed_checkins`` can only notice a silence when a day passes, and the daily run catches
    up anything a trigger could not record. The tolerance signals and the nudges are judged on
    yesterday, a complete day. Idempotent: a second run in a day adds nothing.
    """
    today = local_today(owner, now=now)
    fresh = _evaluate(owner=owner, codes=DAY_CODES, today=today)
    fresh += _evaluate(owner=owner, codes=YESTERDAY_CODES, today=today - dt.timedelta(days=1))
    return len(fresh)
