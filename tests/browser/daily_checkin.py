"""Answering the daily check-in in the browser, as the phone tests do (its wording in one place)."""

from __future__ import annotations

from playwright.sync_api import Page

DIARY = (
    "Irritability", "Low mood or sadness", "Anxiety or nervousness", "Trouble sleeping",
    "Nausea or an upset stomach", "Diarrhoea", "Restlessness", "Tiredness or low energy",
    "Aching muscles or bones", "Runny nose or watery eyes", "Yawning",
    "Sweating, or hot and cold flushes",
)  # fmt: skip
CRAVING = "Over the last 24 hours, how strong was your craving for kratom?"


def pick(page: Page, question: str, answer: str) -> None:
    page.get_by_role("group", name=question, exact=True).get_by_text(answer, exact=True).click()


def answer_diary(page: Page) -> None:
    for symptom in DIARY:
        pick(page, symptom, "Mild")


def answer_after_craving(page: Page, *, sleep_h: str, exercise_min: str) -> None:
    """Sleep, the day's effects and the lifestyle items: everything after the craving scale."""
    page.get_by_label("How many hours did you sleep last night?").fill(sleep_h)
    pick(page, "How well did you sleep last night?", "Fairly well")
    pick(page, "Today, how energetic did you feel?", "A little")
    pick(page, "Today, how drowsy or sedated did you feel?", "Not at all")
    pick(page, "Today, how good was your mood?", "Moderately")
    pick(page, "Today, how sociable or talkative did you feel?", "A little")
    page.get_by_label("How many minutes of exercise or physical activity did you do today?").fill(
        exercise_min
    )
    page.get_by_label(
        "How many minutes of meditation, breathing exercises or other mindfulness did you do today?"
    ).fill("0")
    pick(page, "Did you eat regular meals today?", "Yes")
    pick(page, "Were you in touch with a support person or group today?", "No")
