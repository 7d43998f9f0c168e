"""Content a supervising clinician expects on the Learn pages and beside the mood charts.

Known facts behind each check: buprenorphine and methadone treat opioid dependence (WHO2009Opioid)
and have been started by clinicians for kratom dependence (Weiss2021, Kiyokawa2023); a partial
agonist started while a full agonist still occupies the receptor can precipitate withdrawal, so
induction waits for withdrawal (LeiButzValentino: about 8 hours after the last kratom); kratom
liver injury is mostly cholestatic (SchimmelDart2020), whose signs include itching and pale
stools; PHQ-9 and GAD-7 items on sleep, tiredness, appetite, restlessness and concentration
(Kroenke2001, Spitzer2006) overlap with withdrawal symptoms (Singh2014).
"""

from __future__ import annotations

from typing import Any

import pytest
from tests.learn.learn_checks import page_text, visible_text

from stepdown.learn.pages import PAGES

pytestmark = pytest.mark.django_db


def test_medicine_is_offered_as_a_path_out_of_the_taper() -> None:
    # Its own page (the tapering page must stay short), linked from the tapering page.
    assert "medicine-instead-of-a-taper" in PAGES["tapering"].related
    text = page_text("medicine-instead-of-a-taper")
    assert "Buprenorphine" in text
    assert "methadone" in text.lower()
    assert "clinician starts them" in text
    # Too soon after kratom, buprenorphine can precipitate withdrawal.
    assert "only once withdrawal has clearly begun" in text
    assert "sudden, severe withdrawal" in text
    assert {"WHO2009Opioid", "Weiss2021", "LeiButzValentino"} <= set(
        PAGES["medicine-instead-of-a-taper"].sources
    )


def test_liver_warning_signs_include_itching_and_pale_stools() -> None:
    text = page_text("when-to-seek-help")
    for sign in ("yellow", "dark", "pale or clay-coloured", "itches all over"):
        assert sign in text
    assert "SchimmelDart2020" in PAGES["when-to-seek-help"].sources


def test_the_withdrawal_page_explains_why_mood_scores_rise_after_a_cut() -> None:
    text = page_text("withdrawal")
    assert "PHQ-9" in text
    assert "GAD-7" in text
    assert "can go up for a week or two after a step down" in text
    assert {"Kroenke2001", "Spitzer2006"} <= set(PAGES["withdrawal"].sources)


def test_the_trends_page_notes_the_overlap_beside_the_phq9_and_gad7_chart(web: Any) -> None:
    body = web.get("/checkins/trends/").content.decode()
    chart = body.index('data-trend="phq"')
    note = body.index('data-testid="phq-gad-overlap"')
    assert 0 < note - chart < 1000  # right below that chart
    assert "can rise for a week or two after a cut" in visible_text(body)
    assert "/learn/withdrawal/" in body
