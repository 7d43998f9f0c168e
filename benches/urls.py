"""The app's URLs plus ``/bench/baseline`` (one ORM read and one write, nothing else) and
``/bench/shell`` (a signed-in page with nothing in it: middleware, session, the person and the
page shell every page draws: the floor of every page, ``BENCH_ONLY=/bench/shell`` in the render
bench)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import include, path
from django.utils import timezone

from benches.account import BASELINE_EMAIL
from stepdown.accounts.models import User
from stepdown.journal.models import Dose


def baseline(request: HttpRequest) -> HttpResponse:
    owner = User.objects.only("id").get(email=BASELINE_EMAIL)
    # bulk_create: exactly one INSERT, without the revision bump a model save signals.
    (dose,) = Dose.objects.bulk_create(
        [Dose(owner=owner, amount=1, grams=1, taken_at=timezone.now())]
    )
    return JsonResponse({"id": dose.pk})


@login_required
def shell(request: HttpRequest) -> HttpResponse:
    return render(request, "base.html")


urlpatterns = [
    path("bench/baseline", baseline),
    path("bench/shell", shell),
    path("", include("stepdown.config.urls")),
]
