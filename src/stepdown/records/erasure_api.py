"""``DELETE /api/v1/account``: the person erases their own account (see ``records.erasure``)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Field, Router
from ninja.responses import Status

from stepdown.accounts.requests import request_owner
from stepdown.records.erasure import account_erase
from stepdown.schemas import API_ERRORS, MessageOut, StrictIn

router = Router(tags=["your record"])


class ErasureIn(StrictIn):
    password: str = Field(
        ..., max_length=4096, description="Your password again: erasing cannot be undone."
    )


@router.delete(
    "/account",
    # 429: too many wrong passwords, the sign-in lockout's answer (accounts.lockout).
    response={204: None, 429: MessageOut, **API_ERRORS},
    summary="Erase your account and everything in it, at once and for good (the access log "
    "keeps an anonymous tombstone)",
)
def erase_account(request: HttpRequest, payload: ErasureIn) -> Status[None]:
    account_erase(request, user=request_owner(request), password=payload.password)
    return Status(204, None)
