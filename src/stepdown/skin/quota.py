"""Each person's storage allowance for skin photos (``SKIN_QUOTA_MB``).

A photo counts from the moment it is uploaded: while the worker prepares it, its raw upload's
size; afterwards, its stored copy's. So raw uploads waiting in the queue cannot take a person
past the quota either.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Sum
from django.utils.translation import gettext as _

from stepdown.accounts.models import User
from stepdown.skin.models import Photo

MB = 1024 * 1024


def quota_problem(*, owner: User, adding: int, freeing: int = 0) -> str | None:
    """Why ``adding`` more bytes (after ``freeing`` some) would not fit, or ``None``."""
    quota = settings.SKIN_QUOTA_MB * MB
    used = Photo.objects.filter(owner=owner).aggregate(total=Sum("byte_size"))["total"] or 0
    if used - freeing + adding <= quota:
        return None
    return _(
        "Your skin photos already use %(used)s MB of the %(quota)d MB this server keeps for "
        "each person. Delete older sessions (or ask whoever runs Stepdown for more room) "
        "before adding photos."
    ) % {"used": f"{used / MB:.0f}", "quota": settings.SKIN_QUOTA_MB}
