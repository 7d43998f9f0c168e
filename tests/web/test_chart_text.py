"""A chart's text alternative (stepdown/web/chart_text.py, docs/accessibility.md): the summary
names the period and each series' latest, lowest and highest value; the table has a row for each
day with a value; and the pages with charts show both."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.utils import formats, translation

from stepdown.web.chart_text import ChartText, Column, chart_text

DAYS = [dt.date(2026, 3, 1) + dt.timedelta(days=i) for i in range(4)]


def test_the_table_skips_empty_days_and_marks_a_missing_value() -> None:
    text = chart_text(
        DAYS,
        [Column("Grams", [None, 4.25, None, 3], " g"), Column("Target", [5, 5, None, None], " g")],
        caption="Grams a day",
    )
    assert text.headings == ("Day", "Grams", "Target")
    assert text.rows == (
        ("1 Mar 2026", ("–", "5 g")),
        ("2 Mar 2026", ("4.3 g", "5 g")),
        ("4 Mar 2026", ("3 g", "–")),
    )
    assert text.summary == (
        "From 1 Mar 2026 to 4 Mar 2026, 3 days with data. Grams: latest 3 g, lowest 3 g, "
        "highest 4.3 g; Target: latest 5 g, lowest 5 g, highest 5 g."
    )


def test_the_summary_in_french_separates_the_series_as_french_does() -> None:
    with translation.override("fr"):
        text = chart_text(
            DAYS,
            [
                Column("Grammes", [None, 4.25, None, 3], " g"),
                Column("Cible", [5, 5, None, None], " g"),
            ],
            caption="Grammes par jour",
        )
        summary = text.summary
    # A narrow no-break space (U+202F) before the semicolon, French decimal commas.
    assert summary == (
        "Du 1 mars 2026 au 4 mars 2026, 3 jours avec des données. Grammes : dernière valeur 3 g, "
        "la plus basse 3 g, la plus haute 4,3 g\u202f; Cible : dernière valeur 5 g, la plus "
        "basse 5 g, la plus haute 5 g."
    )


@pytest.mark.parametrize(
    ("language", "first_day", "numbers"),
    [
        ("en", "1 Mar 2025", ["0.1 g", "0.3 g", "2 g", "1234.6 g", "–"]),
        ("fr", "1 mars 2025", ["0,1 g", "0,3 g", "2 g", "1234,6 g", "–"]),
    ],
)
def test_days_and_numbers_are_written_as_the_language_writes_them(
    language: str, first_day: str, numbers: list[str]
) -> None:
    # Two years of days (every month, a year's turn) against Django's own date format; values
    # rounded half up to one decimal (0.05 -> 0.1, 0.25 -> 0.3), whole numbers without ".0", no
    # thousands separator.
    days = [dt.date(2025, 3, 1) + dt.timedelta(days=i) for i in range(730)]
    values: list[float | None] = [0.05, 0.25, 2.0, 1234.56, None] + [1.0] * 725
    with translation.override(language):
        text = chart_text(days, [Column("Grams", values, " g"), Column("x", [1] * 730)], caption="")
        pattern = translation.gettext("j M Y")  # "j N Y" in French: "déc.", not "Dec"
        assert [row[0] for row in text.rows] == [formats.date_format(d, pattern) for d in days]
    assert text.rows[0][0] == first_day
    assert [row[1][0] for row in text.rows[:5]] == numbers


@pytest.mark.parametrize(
    ("value", "english", "french"),
    [
        (0, "0", "0"),
        (Decimal("10.00"), "10", "10"),  # whole: no decimals, and not "1E+1"
        (12.25, "12.3", "12,3"),  # half up
        (Decimal("12.35"), "12.4", "12,4"),
        (999.94, "999.9", "999,9"),
        (999.95, "1000", "1000"),  # rounds up past the short path's bound
        (-0.04, "0", "0"),  # never "-0"
        (-2.5, "-2.5", "-2,5"),
    ],
)
def test_each_value_is_written_once_and_the_same_way_whatever_its_size(
    value: float | Decimal, english: str, french: str
) -> None:
    # The same value twice in a column: the second comes from the first's text.
    for language, expected in (("en", english), ("fr", french)):
        with translation.override(language):
            text = chart_text(DAYS[:2], [Column("x", [value, value])], caption="")
        assert [row[1][0] for row in text.rows] == [expected, expected]


def test_the_table_rows_are_escaped_as_the_template_would() -> None:
    text = ChartText(summary="", caption="", headings=(), rows=(("<b>", ("a&b", "1")),))
    assert text.rows_html == '<tr><th scope="row">&lt;b&gt;</th><td>a&amp;b</td><td>1</td></tr>'


def test_an_empty_chart_says_so_and_has_no_table() -> None:
    text = chart_text(DAYS, [Column("Grams", [None] * 4)], caption="c")
    assert text.rows == ()
    assert text.summary == "Nothing recorded in this period yet."


@pytest.mark.django_db
def test_the_today_page_shows_its_chart_as_words_and_a_table(client: Client) -> None:
    from stepdown.accounts.models import User
    from stepdown.journal.services import dose_create

    person: Any = User.objects.create_user("sam@example.org", "pw-chart-text-1")
    dose_create(owner=person, amount=Decimal("3.5"))
    client.force_login(person)
    body = client.get("/today/").content.decode()
    assert 'data-testid="chart-summary"' in body
    assert "1 day with data. Grams: latest 3.5 g" in body
    assert "<summary>The chart as a table</summary>" in body
    assert "<td>3.5 g</td>" in body
