"""A session's comparison of its exposed site with its inner arm, kept on the session row."""

from __future__ import annotations

from stepdown.skin import selectors
from stepdown.skin.measuring import compare_stored
from stepdown.skin.models import Photo, PhotoSession


def comparison_clear(session: PhotoSession) -> None:
    """Forget the session's comparison: a photo or region changed, new measurements follow."""
    session.delta_ita_deg = session.delta_l = session.delta_a = None
    session.delta_b = session.delta_e00 = None
    session.comparison_ok = False
    session.comparison_reasons = []
    session.save()


def comparison_refresh(session: PhotoSession) -> None:
    """Compare the session's two measured photos again (cleared when either is unmeasured)."""
    photos = {
        p.role: p for p in Photo.objects.filter(session=session).select_related("measurement")
    }
    exposed = photos.get(Photo.Role.EXPOSED)
    reference = photos.get(Photo.Role.REFERENCE)
    if selectors.measurement_of(exposed) is None or selectors.measurement_of(reference) is None:
        comparison_clear(session)
        return
    pair = compare_stored(exposed=exposed, reference=reference)
    comparison = pair.comparison
    session.delta_ita_deg = comparison.delta_ita_deg if comparison else None
    session.delta_l = comparison.delta_l_star if comparison else None
    session.delta_a = comparison.delta_a_star if comparison else None
    session.delta_b = comparison.delta_b_star if comparison else None
    session.delta_e00 = comparison.delta_e00 if comparison else None
    session.comparison_ok = comparison is not None and pair.quality.ok
    session.comparison_reasons = [code.value for code in pair.quality.reasons]
    session.save()
