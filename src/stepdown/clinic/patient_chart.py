"""The patient page's one chart, drawn on the server as SVG: dose against plan, withdrawal
diary and COWS, craving, PHQ-9 and GAD-7, one panel each on a shared time axis, with the plan's
changes as dashed lines through every panel.

Server-drawn because the clinic pages and the PDF report show the same picture and the site's
content security policy allows no inline script or style: colours are SVG attributes (what the
PDF prints), and each element has a class through which clinic-patient.css recolours the chart
for the dark scheme on screen. The table beside it (``rows``) says the same for screen readers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, gettext_noop

from stepdown.checkins.trends import Trends
from stepdown.web.chart_text import ChartText, Column, chart_text
from stepdown.web.formatting import date, number

WIDTH = 640
LEFT = 52
RIGHT = 10
PANEL = 110  # plot height of one panel
TITLE = 28
LEGEND = 22  # a row under the title, so a line near the top never runs through the legend
AXIS = 26
FONT = 19  # in viewBox units: about 11 px when the chart is 360 px wide


# Titles and labels are messages: the chart is drawn in the reader's language (``gettext``).
# A series is named as the table's column ("Withdrawal diary"); the legend starts it in lower
# case unless it is a name ("COWS"). The catalogue then holds no lower-case fragment that
# untranslated text elsewhere contains ("the withdrawal diary total").
@dataclass(frozen=True)
class Line:
    key: str
    label: str
    colour: str
    dashed: bool = False
    dots: bool = False
    name: bool = False  # the label is a name: the legend keeps its capital

    def legend(self) -> str:
        label = gettext(self.label)
        return label if self.name else label[:1].lower() + label[1:]


@dataclass(frozen=True)
class Panel:
    title: str
    lines: tuple[Line, ...]
    top: float | None  # fixed scale maximum; None: from the data
    # After the title, untranslated: "Craving (0–100)" whole is the craving question's own
    # English on the check-in pages, which the catalogue must not hold.
    scale: str = ""


PANELS = (
    Panel(
        gettext_noop("Grams a day and the plan's target"),
        (
            Line("dose_g", gettext_noop("Grams taken"), "#1f5fa8"),
            Line("target_g", gettext_noop("Plan target"), "#555555", dashed=True),
        ),
        None,
    ),
    Panel(
        gettext_noop("Withdrawal diary and COWS (0–48)"),
        (
            Line("withdrawal", gettext_noop("Withdrawal diary"), "#b3261e"),
            Line("cows", gettext_noop("COWS (clinician)"), "#6a1b9a", dots=True, name=True),
        ),
        48,
    ),
    Panel(
        gettext_noop("Craving"),
        (Line("craving", gettext_noop("Craving"), "#a05a00"),),
        100,
        " (0–100)",
    ),
    Panel(
        gettext_noop("PHQ-9 (0–27) and GAD-7 (0–21)"),
        (
            Line("phq9", "PHQ-9", "#00695c", dots=True, name=True),
            Line("gad7", "GAD-7", "#8e24aa", dots=True, name=True),
        ),
        27,
    ),
)


@dataclass(frozen=True)
class Chart:
    svg: SafeString
    columns: list[tuple[str, str]]  # (series key, label)
    text: ChartText  # the summary and table under it


def _segments(points: list[tuple[float, float] | None]) -> list[list[tuple[float, float]]]:
    """Runs of consecutive days with a value: a day without one breaks the line."""
    runs: list[list[tuple[float, float]]] = [[]]
    for point in points:
        if point is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(point)
    return [run for run in runs if run]


def _panel_svg(
    panel: Panel,
    lines: list[Line],
    series: dict[str, list[Any]],
    x: list[float],
    y0: float,
) -> list[str]:
    values = [v for line in lines for v in series[line.key] if v is not None]
    top = float(panel.top) if panel.top is not None else max([1.0, *values]) * 1.1
    plot_top = y0 + TITLE + LEGEND
    bottom = plot_top + PANEL
    out = [
        f'<text x="{LEFT}" y="{y0 + FONT + 2}" font-size="{FONT}" font-weight="bold" '
        f'fill="#222" class="pc-ink">{escape(gettext(panel.title) + panel.scale)}</text>',
        f'<line x1="{LEFT}" y1="{bottom}" x2="{WIDTH - RIGHT}" y2="{bottom}" stroke="#999" '
        f'class="pc-axis"/>',
        f'<line x1="{LEFT}" y1="{plot_top}" x2="{LEFT}" y2="{bottom}" stroke="#999" '
        f'class="pc-axis"/>',
        f'<text x="{LEFT - 4}" y="{plot_top + FONT - 4}" font-size="{FONT - 2}" '
        f'text-anchor="end" fill="#444" class="pc-muted">{number(top, 1)}</text>',
        f'<text x="{LEFT - 4}" y="{bottom}" font-size="{FONT - 2}" text-anchor="end" '
        f'fill="#444" class="pc-muted">0</text>',
    ]
    legend_x = float(LEFT + 8)
    for line in lines:
        label = line.legend()
        ys = series[line.key]
        points = [
            (x[i], bottom - PANEL * min(float(v), top) / top) if v is not None else None
            for i, v in enumerate(ys)
        ]
        dash = ' stroke-dasharray="6 4"' if line.dashed else ""
        for run in _segments(points):
            text = " ".join(f"{px:.1f},{py:.1f}" for px, py in run)
            out.append(
                f'<polyline points="{text}" fill="none" stroke="{line.colour}" '
                f'stroke-width="2"{dash} class="pc-line pc-{line.key}"/>'
            )
        if line.dots or len([p for p in points if p]) < 3:
            out += [
                f'<circle cx="{p[0]:.1f}" cy="{p[1]:.1f}" r="3.5" fill="{line.colour}" '
                f'class="pc-dot pc-{line.key}"/>'
                for p in points
                if p is not None
            ]
        out.append(
            f'<rect x="{legend_x:.0f}" y="{y0 + TITLE - 2}" width="14" height="14" '
            f'fill="{line.colour}" class="pc-dot pc-{line.key}"/><text x="{legend_x + 18:.0f}" '
            f'y="{y0 + TITLE + 11}" font-size="{FONT - 2}" fill="#222" class="pc-ink">'
            f"{escape(label)}</text>"
        )
        legend_x += 30 + 10 * len(label)
    return out


def patient_chart(trends: Trends, *, title: str = "") -> Chart:
    """The chart of the consented series in ``trends`` (absent series draw no panel)."""
    title = title or gettext("Dose, withdrawal, craving and mood")
    series = trends.series
    days = [dt.date.fromisoformat(d) for d in series["days"]]
    count = max(len(days), 2)
    step = (WIDTH - LEFT - RIGHT) / (count - 1)
    x = [LEFT + i * step for i in range(len(days))]
    shown = [
        (panel, [line for line in panel.lines if line.key in series])
        for panel in PANELS
        if any(line.key in series for line in panel.lines)
    ]
    height = len(shown) * (TITLE + LEGEND + PANEL + 10) + AXIS
    body: list[str] = []
    y0 = 0.0
    plots: list[tuple[float, float]] = []  # each panel's plot area, top to bottom
    for panel, lines in shown:
        body += _panel_svg(panel, lines, series, x, y0)
        plots.append((y0 + TITLE + LEGEND, y0 + TITLE + LEGEND + PANEL))
        y0 += TITLE + LEGEND + PANEL + 10
    index = {day: i for i, day in enumerate(days)}
    for mark in trends.marks:
        if mark.day not in index:
            continue
        mx = x[index[mark.day]]
        for n, (top, bottom) in enumerate(plots):
            body.append(
                f'<line x1="{mx:.1f}" y1="{top}" x2="{mx:.1f}" y2="{bottom}" stroke="#333" '
                f'stroke-dasharray="3 3" class="pc-mark"><title>{escape(mark.label)}</title></line>'
            )
            if n == 0:
                # In the right half the label goes left of its line, or it runs off the chart.
                right = mx > (LEFT + WIDTH - RIGHT) / 2
                tx, anchor = (mx - 3, "end") if right else (mx + 3, "start")
                body.append(
                    f'<text x="{tx:.1f}" y="{bottom - 4}" font-size="{FONT - 3}" '
                    f'text-anchor="{anchor}" fill="#333" class="pc-muted">'
                    f"{escape(mark.label)}</text>"
                )
    if days:
        for i, anchor in ((0, "start"), (len(days) // 2, "middle"), (len(days) - 1, "end")):
            body.append(
                f'<text x="{x[i]:.1f}" y="{y0 + FONT + 4}" font-size="{FONT - 1}" '
                f'text-anchor="{anchor}" fill="#444" class="pc-muted">'
                f"{escape(date(days[i], gettext('j M Y')))}</text>"
            )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'width="100%" role="img" aria-labelledby="patient-chart-title" class="patient-chart">'
        f'<title id="patient-chart-title">{escape(title)}</title>{"".join(body)}</svg>'
    )
    columns = [(line.key, gettext(line.label)) for _, lines in shown for line in lines]
    text = chart_text(
        days,
        [Column(label, series[key]) for key, label in columns],
        caption=gettext("Values per day"),
    )
    return Chart(svg=mark_safe(svg), columns=columns, text=text)  # noqa: S308 - escaped above
