"""The Risk page. (Onboarding's pages are the profile app's; the goals page is in
``stepdown.pages``, since it shows the nudges too.)"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from stepdown.accounts.requests import request_owner
from stepdown.goals import selectors
from stepdown.goals.factor_wording import shown_factor
from stepdown.goals.page_data import page_data
from stepdown.goals.risk import risk_now
from stepdown.goals.schemas import RiskOut, SnapshotOut
from stepdown.goals.wording import NEXT_STEPS, TIER_MEANING
from stepdown.substances.page_data import interaction_summary
from stepdown.worded import worded


@login_required
@require_GET
def risk(request: HttpRequest) -> HttpResponse:
    owner = request_owner(request)
    data = page_data(request)
    snapshots = selectors.risk_history(owner=owner)
    result = risk_now(
        owner=owner, window=data.window, onboarding=data.onboarding, history=snapshots
    )
    profile = RiskOut.of(result)
    history = [SnapshotOut.of(item) for item in snapshots]
    return render(
        request,
        "goals/risk.html",
        {
            "profile": profile,
            "factors": [shown_factor(factor) for factor in result.profile.factors],
            "notes": [worded(note) for note in result.profile.note_says],
            "meaning": TIER_MEANING[profile.tier],
            "suggestion": NEXT_STEPS[profile.next_step],
            "history": history,
            "onboarding": data.onboarding,
            "interactions": interaction_summary(owner=owner),
        },
    )
