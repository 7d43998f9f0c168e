"""An exposed site against a protected reference site measured in the same session.

Exposed minus reference cancels most of what the light and the camera do to both, so ΔITA of
the pair is the primary number; ΔL*, Δa*, Δb* and ΔE00 come with it because dermal pigment can
lower L* while leaving b* low, which ITA alone understates.

References
----------
Schmalwieser2024: exposed minus constitutive (protected) ITA as the "degree of tan".
Sharma2005: ΔE00.
"""

from __future__ import annotations

from dataclasses import dataclass

from stepdown.core.colour.difference import delta_e_2000
from stepdown.core.colour.measurement import SiteMeasurement


@dataclass(frozen=True, slots=True)
class SiteComparison:
    """Exposed minus reference; a negative ``delta_ita_deg`` means the exposed site is darker."""

    delta_ita_deg: float
    delta_l_star: float
    delta_a_star: float
    delta_b_star: float
    delta_e00: float


def compare_sites(*, exposed: SiteMeasurement, reference: SiteMeasurement) -> SiteComparison:
    """Differences exposed − reference, and the colour difference between them."""
    return SiteComparison(
        delta_ita_deg=exposed.ita_deg - reference.ita_deg,
        delta_l_star=exposed.l_star - reference.l_star,
        delta_a_star=exposed.a_star - reference.a_star,
        delta_b_star=exposed.b_star - reference.b_star,
        delta_e00=float(
            delta_e_2000(
                (reference.l_star, reference.a_star, reference.b_star),
                (exposed.l_star, exposed.a_star, exposed.b_star),
            )
        ),
    )
