"""Plan changes a clinician proposes and the person accepts or declines.

A proposal is checked when it is made with the same pure core functions the person's own
changes use (``tapering.hold``, ``tapering.slow``, and ``plans.building.plan_build`` for a new
plan from today's planned dose), so a clinician can never propose more than the plan already
allows: only holds keep an amount already taken. Acceptance applies it through the plans
services (``plan_hold``, ``plan_slow``, ``plan_create``), whose history entry names the
proposer, their clinic and the reason. A proposal made before the plan changed again is stale:
accepting it is refused with a clear message and nothing changes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from stepdown.accounts.clock import local_today
from stepdown.accounts.models import User
from stepdown.audit.models import Action, DataClass
from stepdown.audit.services import record_action
from stepdown.clinic.access import require_access
from stepdown.clinic.models import PlanProposal
from stepdown.clinic.wording import person_name
from stepdown.core import tapering
from stepdown.core.tapering import TaperError, TaperPlan
from stepdown.errors import InvalidInput, NotFound
from stepdown.plans import adjust_services
from stepdown.plans import services as plan_services
from stepdown.plans.building import decimal_input, plan_build, reason_input, taper_error
from stepdown.plans.models import Plan
from stepdown.plans.selectors import current_plan, recent_use
from stepdown.plans.snapshot import plain, taper_of

STALE = gettext_noop(
    "Your plan changed after this proposal was made, so it no longer applies and nothing was "
    "changed. Ask your clinician for a new proposal if you still want it."
)


def _revision(plan: Plan) -> int:
    """The plan's newest history entry: any change to the plan adds one."""
    newest = plan.adjustments.order_by("-pk").values_list("pk", flat=True).first()
    return int(newest or 0)


def _new_plan_params(
    plan: Plan, taper: TaperPlan, today: dt.date, **overrides: Any
) -> dict[str, Any]:
    """A new plan of the same kind from today's planned amount (never more than it)."""
    daily = taper.daily_g_on(today)
    if daily is None:
        raise InvalidInput(
            "kind", gettext("The plan has no planned dose today to start a new plan from.")
        )
    return {
        "start_g": plain(daily),
        "method": plan.method,
        "rate_pct": overrides.get("rate_pct")
        if overrides.get("rate_pct") is not None
        else plan.rate_pct,
        "step_g": plan.step_g,
        "ed50_g": plan.ed50_g,
        "interval_days": overrides.get("interval_days") or plan.interval_days,
        "stabilize_days": 0,
        "resolution_g": plan.resolution_g,
        "stop_below_g": plan.stop_below_g,
        "doses_per_day": taper.step_on(today).doses_per_day,  # type: ignore[union-attr]
        "target_doses_per_day": min(plan.target_doses_per_day, taper.step_on(today).doses_per_day),  # type: ignore[union-attr]
    }


def _outcome(
    *,
    owner: User,
    plan: Plan,
    kind: str,
    days: int | None,
    rate_pct: Decimal | None,
    interval_days: int | None,
    now: dt.datetime | None = None,
) -> TaperPlan:
    """The plan as it would be if the person accepted today: the core's answer, never a guess.
    Refusals are ``InvalidInput`` naming the field."""
    today = local_today(owner, now=now)
    taper = taper_of(plan)
    try:
        if kind == PlanProposal.Kind.HOLD:
            if days is None:
                raise InvalidInput(
                    "days", gettext("Say for how many days to hold the current step.")
                )
            return tapering.hold(taper, as_of=today, days=days)
        if kind == PlanProposal.Kind.SLOW:
            return tapering.slow(taper, as_of=today, rate_pct=rate_pct, interval_days=interval_days)
    except TaperError as error:
        raise taper_error(error) from None
    if kind == PlanProposal.Kind.NEW_PLAN:
        params = _new_plan_params(
            plan, taper, today, rate_pct=rate_pct, interval_days=interval_days
        )
        built = plan_build(owner=owner, now=now, **params)
        try:
            # As plan_create will check on acceptance: never start above what they now take.
            tapering.check_start_against_recent(
                start_g=plain(built.start_g),
                recent_avg_g=recent_use(owner=owner, now=now).avg_g,
                confirmed=False,
            )
        except TaperError as error:
            raise taper_error(error) from None
        return built
    raise InvalidInput("kind", gettext("Choose hold, slow or new_plan."))


def proposal_create(
    *,
    author: User,
    person_id: int,
    kind: str,
    reason: str,
    days: int | None = None,
    rate_pct: Any = None,
    interval_days: int | None = None,
    kind_of_access: str,
    route: str,
    now: dt.datetime | None = None,
) -> PlanProposal:
    """Propose a change to the person's active plan; checked now as the person's own change
    would be. ``NotFound`` without a consent naming ``plan``."""
    consent = require_access(author, person_id, DataClass.PLAN)
    owner = consent.owner
    note = reason_input(reason, required=True)
    rate = decimal_input(rate_pct, "rate_pct")
    plan = current_plan(owner=owner)
    if plan is None:
        raise InvalidInput("kind", gettext("This person has no active plan to change."))
    _outcome(
        owner=owner,
        plan=plan,
        kind=kind,
        days=days,
        rate_pct=rate,
        interval_days=interval_days,
        now=now,
    )
    with transaction.atomic():
        proposal = PlanProposal.objects.create(
            owner=owner,
            clinic_id=consent.clinic_id,
            author=author,
            plan=plan,
            plan_revision=_revision(plan),
            kind=kind,
            days=days if kind == PlanProposal.Kind.HOLD else None,
            rate_pct=rate if kind != PlanProposal.Kind.HOLD else None,
            interval_days=interval_days if kind != PlanProposal.Kind.HOLD else None,
            reason=note,
        )
        record_action(
            actor=author,
            owner=owner,
            action=Action.PROPOSAL,
            data_classes=[DataClass.PLAN],
            kind=kind_of_access,
            route=route,
        )
    return proposal


def _current(owner: User) -> tuple[int, int] | None:
    """The person's active plan and its revision (``None`` without one)."""
    plan = current_plan(owner=owner)
    return None if plan is None else (plan.pk, _revision(plan))


def _stale_against(proposal: PlanProposal, current: tuple[int, int] | None) -> bool:
    return current != (proposal.plan_id, proposal.plan_revision)


def is_stale(proposal: PlanProposal) -> bool:
    return _stale_against(proposal, _current(proposal.owner))


@dataclass(frozen=True)
class ProposalView:
    """A proposal as the person sees it: with the new last planned day the core computes now
    (``None`` when it no longer applies)."""

    proposal: PlanProposal
    proposer: str
    current_end: dt.date | None
    new_end: dt.date | None
    stale: bool


def view_of(proposal: PlanProposal) -> ProposalView:
    return _views([proposal])[0]


def _view(proposal: PlanProposal, current: tuple[int, int] | None) -> ProposalView:
    """``current``: the person's active plan and its revision, as ``_current`` read them."""
    proposer = person_name(proposal.author) if proposal.author else gettext("A former clinician")
    if proposal.status != PlanProposal.Status.PENDING:
        return ProposalView(proposal, proposer, None, None, proposal.status == "stale")
    if _stale_against(proposal, current):
        return ProposalView(proposal, proposer, None, None, True)
    try:
        after = _outcome(
            owner=proposal.owner,
            plan=proposal.plan,
            kind=proposal.kind,
            days=proposal.days,
            rate_pct=proposal.rate_pct,
            interval_days=proposal.interval_days,
        )
    except InvalidInput:
        return ProposalView(proposal, proposer, proposal.plan.end_date, None, True)
    return ProposalView(proposal, proposer, proposal.plan.end_date, after.end_date, False)


def _views(found: list[PlanProposal]) -> list[ProposalView]:
    """Views of one person's proposals; their plan's revision is read once for them all (and
    only when one is still open)."""
    pending = [p for p in found if p.status == PlanProposal.Status.PENDING]
    current = _current(pending[0].owner) if pending else None
    return [_view(p, current) for p in found]


def proposals_for_person(*, owner: User) -> list[ProposalView]:
    """The person's proposals, newest first, pending ones with their preview."""
    found = PlanProposal.objects.filter(owner=owner).select_related(
        "author", "clinic", "plan", "owner"
    )
    return _views(list(found))


def pending_proposals_for_person(*, owner: User) -> list[ProposalView]:
    """The proposals waiting for the person's answer (for Today and the plan page)."""
    found = PlanProposal.objects.filter(
        owner=owner, status=PlanProposal.Status.PENDING
    ).select_related("author", "clinic", "plan", "owner")
    return _views(list(found))


def proposals_for_viewer(
    viewer: User,
    person_id: int,
    *,
    since: dt.datetime | None = None,
    limit: int | None = None,
) -> list[ProposalView]:
    """The proposals the viewer's clinic made for the person, newest first (made from
    ``since``, at most ``limit``); ``NotFound`` without ``plan``. The caller records the read."""
    consent = require_access(viewer, person_id, DataClass.PLAN)
    found = PlanProposal.objects.filter(
        owner_id=person_id, clinic_id=consent.clinic_id
    ).select_related("author", "clinic", "plan", "owner")
    if since is not None:
        found = found.filter(created_at__gte=since)
    return _views(list(found[:limit] if limit is not None else found))


def _pending(owner: User, proposal_id: int) -> PlanProposal:
    proposal = (
        PlanProposal.objects.select_for_update(of=("self",))
        .select_related("author", "clinic", "plan")
        .filter(owner=owner, pk=proposal_id)
        .first()
    )
    if proposal is None:
        raise NotFound("proposal")
    if proposal.status != PlanProposal.Status.PENDING:
        raise InvalidInput(
            "proposal",
            gettext("This proposal was already answered (%(status)s).")
            % {"status": str(proposal.get_status_display()).lower()},
        )
    return proposal


def proposal_accept(
    *, owner: User, proposal_id: int, now: dt.datetime | None = None
) -> PlanProposal:
    """Apply the proposal through the plans services; refused (and marked stale) when the plan
    changed since it was made."""
    with transaction.atomic():
        proposal = _pending(owner, proposal_id)
        if is_stale(proposal):
            proposal.status = PlanProposal.Status.STALE
            proposal.decided_at = timezone.now()
            proposal.save(update_fields=["status", "decided_at"])
            stale = True
        else:
            stale = False
            _apply(owner, proposal, now=now)
            proposal.status = PlanProposal.Status.ACCEPTED
            proposal.decided_at = timezone.now()
            proposal.save(update_fields=["status", "decided_at"])
    if stale:
        raise InvalidInput("proposal", gettext(STALE))
    return proposal


def _apply(owner: User, proposal: PlanProposal, *, now: dt.datetime | None) -> None:
    proposer = person_name(proposal.author) if proposal.author else "a former clinician"
    by = {"proposed_by": proposer, "clinic": proposal.clinic.name, "proposal_id": proposal.pk}
    common: dict[str, Any] = {
        "reason": proposal.reason,
        "source": "clinician",
        "proposed": by,
        "now": now,
    }
    if proposal.kind == PlanProposal.Kind.HOLD:
        adjust_services.plan_hold(
            owner=owner, plan_id=proposal.plan_id, days=proposal.days or 0, **common
        )
    elif proposal.kind == PlanProposal.Kind.SLOW:
        adjust_services.plan_slow(
            owner=owner,
            plan_id=proposal.plan_id,
            rate_pct=proposal.rate_pct,
            interval_days=proposal.interval_days,
            **common,
        )
    else:
        today = local_today(owner, now=now)
        params = _new_plan_params(
            proposal.plan,
            taper_of(proposal.plan),
            today,
            rate_pct=proposal.rate_pct,
            interval_days=proposal.interval_days,
        )
        plan_services.plan_create(
            owner=owner,
            product_id=proposal.plan.product_id,
            replace_current=True,
            reminder_time=proposal.plan.reminder_time,
            **common,
            **params,
        )


def proposal_decline(*, owner: User, proposal_id: int) -> PlanProposal:
    """Decline: the plan does not change."""
    with transaction.atomic():
        proposal = _pending(owner, proposal_id)
        proposal.status = PlanProposal.Status.DECLINED
        proposal.decided_at = timezone.now()
        proposal.save(update_fields=["status", "decided_at"])
    return proposal
