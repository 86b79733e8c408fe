"""Inline SVG charts for the report, drawn here so the page needs no script and no network.

Each chart is a small, self-describing SVG: a <title> and <desc> for screen readers, axis
labels, and a viewBox so it scales to the page's width. Colours come from the Okabe-Ito
palette (told apart by readers with colour-vision deficiencies); meaning never rests on
colour alone: each series has its own panel, and hollow markers (not a colour) mark thin
periods and changes within noise, so the charts read the same in greyscale.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

from .records import Shift, TrendChart

# Okabe & Ito (2008), without yellow (too light on white), darkest first.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
INK = "#222222"
GRID = "#d9d9d9"
MUTED = "#666666"
PANEL_WIDTH, PANEL_HEIGHT = 300, 200
MARGIN = {"left": 54, "right": 12, "top": 12, "bottom": 44}
FONT = 12
MAX_X_TICKS = 5


def _fmt(value: float) -> str:
    """A coordinate with two decimals, trailing zeros dropped (small, stable output)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def nice_ticks(high: float, n: int = 4) -> list[float]:
    """Round tick values from 0 to at least ``high``."""
    if high <= 0:
        return [0.0, 1.0]
    raw = high / n
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return [i * step for i in range(math.ceil(high / step - 1e-9) + 1)]


def tick_label(value: float, percent: bool) -> str:
    if percent:
        return f"{value * 100:.0f}%" if value * 100 >= 1 or value == 0 else f"{value * 100:.1f}%"
    return f"{value:,.0f}" if value >= 10 or value == 0 else f"{value:g}"


def trend_panel(chart: TrendChart, index: int, chart_id: str) -> str:
    """One series of a trend chart: interval band, line, markers (hollow where thin)."""
    series = chart.series[index]
    colour = PALETTE[index % len(PALETTE)]
    periods = sorted({p.period for s in chart.series for p in s.points})
    position = {p: i for i, p in enumerate(periods)}
    left, right = MARGIN["left"], PANEL_WIDTH - MARGIN["right"]
    top, bottom = MARGIN["top"], PANEL_HEIGHT - MARGIN["bottom"]
    high = max((p.high for p in series.points), default=0.0)
    ticks = nice_ticks(high)
    y_max = ticks[-1] or 1.0

    def x(period: str) -> float:
        if len(periods) == 1:
            return (left + right) / 2
        return left + (right - left) * position[period] / (len(periods) - 1)

    def y(value: float) -> float:
        return bottom - (bottom - top) * max(0.0, min(value, y_max)) / y_max

    title_id = f"{chart_id}-{index}-title"
    desc_id = f"{chart_id}-{index}-desc"
    first, last = (series.points[0], series.points[-1]) if series.points else (None, None)
    desc = (f"{chart.measure} by {chart.period_word}, {periods[0]} to {periods[-1]}, with 95% "
            f"intervals" + (f"; from {_value_text(first.value, chart.percent)} in {first.period}"
                            f" to {_value_text(last.value, chart.percent)} in {last.period}"
                            if first else ""))
    out = [(f'<svg class="chart" viewBox="0 0 {PANEL_WIDTH} {PANEL_HEIGHT}" role="img" '
            f'aria-labelledby="{title_id} {desc_id}" xmlns="http://www.w3.org/2000/svg">'),
           f'<title id="{title_id}">{escape(series.name)}: {escape(chart.measure)}</title>',
           f'<desc id="{desc_id}">{escape(desc)}</desc>']
    for t in ticks:  # grid and y labels
        out.append(f'<line x1="{left}" x2="{right}" y1="{_fmt(y(t))}" y2="{_fmt(y(t))}" '
                   f'stroke="{GRID}" stroke-width="1"/>')
        out.append(f'<text x="{left - 5}" y="{_fmt(y(t) + 4)}" text-anchor="end" '
                   f'font-size="{FONT}" fill="{INK}">{tick_label(t, chart.percent)}</text>')
    # Quarters and months are ticked at the start of each year and labelled with the year
    # alone (as the PNG plots are), so labels never run into each other.
    starts = periods if chart.period_word == "year" else (
        [p for p in periods if p.endswith(("-Q1", "-01"))] or periods[:1])
    step = max(1, math.ceil(len(starts) / MAX_X_TICKS))
    for p in starts[::step]:
        label = p[:4]
        out.append(f'<line x1="{_fmt(x(p))}" x2="{_fmt(x(p))}" y1="{bottom}" y2="{bottom + 4}" '
                   f'stroke="{INK}"/>')
        out.append(f'<text x="{_fmt(x(p))}" y="{bottom + 17}" text-anchor="middle" '
                   f'font-size="{FONT}" fill="{INK}">{escape(label)}</text>')
    out.append(f'<line x1="{left}" x2="{right}" y1="{bottom}" y2="{bottom}" stroke="{INK}"/>')
    out.append(f'<text x="{(left + right) / 2:g}" y="{PANEL_HEIGHT - 6}" text-anchor="middle" '
               f'font-size="{FONT}" fill="{INK}">{escape(chart.period_word.capitalize())}</text>')
    axis = "Share" if chart.percent else "Per 10,000 words" if "10,000" in chart.measure \
        else "Value"
    out.append(f'<text transform="translate(13 {(top + bottom) / 2:g}) rotate(-90)" '
               f'text-anchor="middle" font-size="{FONT}" fill="{INK}">{escape(axis)}</text>')
    points = series.points
    if points:
        upper = [f"{_fmt(x(p.period))},{_fmt(y(p.high))}" for p in points]
        lower = [f"{_fmt(x(p.period))},{_fmt(y(p.low))}" for p in reversed(points)]
        out.append(f'<polygon points="{" ".join(upper + lower)}" fill="{colour}" '
                   f'fill-opacity="0.18" stroke="none"/>')
        line = " ".join(f"{_fmt(x(p.period))},{_fmt(y(p.value))}" for p in points)
        out.append(f'<polyline points="{line}" fill="none" stroke="{colour}" '
                   f'stroke-width="2"/>')
        for p in points:
            fill = "#ffffff" if p.thin else colour
            out.append(f'<circle cx="{_fmt(x(p.period))}" cy="{_fmt(y(p.value))}" r="3.2" '
                       f'fill="{fill}" stroke="{colour}" stroke-width="1.5"/>')
    out.append("</svg>")
    return "".join(out)


def _value_text(value: float, percent: bool) -> str:
    return f"{value * 100:.1f}%" if percent else f"{value:,.1f}"


SHIFT_ROW = 50
SHIFT_WIDTH = 420
# What fits on a row beside the change and "(thin)" at 13 units a character's height; the
# table below the chart has every label whole.
SHIFT_LABEL_CHARS = 38


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word to at most ``limit`` characters, with an ellipsis if cut."""
    if len(text) <= limit:
        return text
    return text[:limit - 1].rsplit(" ", 1)[0].rstrip(",;") + "…"


def shift_chart(shifts: Sequence[Shift], chart_id: str) -> str:
    """Each topic's change in share with its 95% interval, a row each, zero marked.

    Changes beyond noise are filled markers, others hollow; each row is labelled above its
    interval so long topic labels never run off a phone's screen."""
    left, right, top = 12, SHIFT_WIDTH - 12, 30
    height = top + SHIFT_ROW * len(shifts) + 38
    lo = min([s.ci_low for s in shifts] + [0.0])
    hi = max([s.ci_high for s in shifts] + [0.0])
    span = max(hi - lo, 1e-9)
    lo, hi = lo - span * 0.05, hi + span * 0.05

    def x(value: float) -> float:
        return left + (right - left) * (value - lo) / (hi - lo)

    first = shifts[0] if shifts else None
    title = (f"Change in topic share, {first.from_period} to {first.to_period}"
             if first else "Change in topic share")
    out = [(f'<svg class="chart wide" viewBox="0 0 {SHIFT_WIDTH} {height}" role="img" '
            f'aria-labelledby="{chart_id}-title {chart_id}-desc" '
            'xmlns="http://www.w3.org/2000/svg">'),
           f'<title id="{chart_id}-title">{escape(title)}</title>',
           (f'<desc id="{chart_id}-desc">{len(shifts)} topics; '
            f'{sum(s.exceeds_noise for s in shifts)} change beyond noise (q-value below '
            '0.05).</desc>')]
    zero = x(0.0)
    bottom = top + SHIFT_ROW * len(shifts)
    for t in nice_ticks(max(abs(lo), abs(hi)), 3):
        for v in {t, -t}:
            if lo <= v <= hi:
                out.append(f'<line x1="{_fmt(x(v))}" x2="{_fmt(x(v))}" y1="{top - 6}" '
                           f'y2="{bottom}" stroke="{GRID}"/>')
                out.append(f'<text x="{_fmt(x(v))}" y="{bottom + 15}" text-anchor="middle" '
                           f'font-size="12" fill="{INK}">{v * 100:+.0f}</text>')
    out.append(f'<line x1="{_fmt(zero)}" x2="{_fmt(zero)}" y1="{top - 6}" y2="{bottom}" '
               f'stroke="{INK}" stroke-width="1.2"/>')
    out.append(f'<text x="{SHIFT_WIDTH / 2:g}" y="{bottom + 32}" text-anchor="middle" '
               f'font-size="12" fill="{INK}">Change in share (percentage points), '
               '95% interval</text>')
    out.append(f'<text x="{left}" y="14" font-size="12" fill="{MUTED}">● beyond noise   '
               '○ within noise' + ('   (thin: few documents)'
                                   if any(s.thin for s in shifts) else '') + '</text>')
    for i, s in enumerate(shifts):
        row = top + SHIFT_ROW * i
        cy = row + 33
        colour = PALETTE[0] if s.change > 0 else PALETTE[1]
        name = shorten(f"{s.topic}. {s.label}", SHIFT_LABEL_CHARS) + (" (thin)" if s.thin
                                                                        else "")
        out.append(f'<text x="{left}" y="{row + 16}" font-size="13" fill="{INK}">'
                   f'{escape(name)}  {s.change * 100:+.1f}</text>')
        out.append(f'<line x1="{_fmt(x(s.ci_low))}" x2="{_fmt(x(s.ci_high))}" y1="{cy}" '
                   f'y2="{cy}" stroke="{colour}" stroke-width="2.5"/>')
        fill = colour if s.exceeds_noise else "#ffffff"
        out.append(f'<circle cx="{_fmt(x(s.change))}" cy="{cy}" r="5" fill="{fill}" '
                   f'stroke="{colour}" stroke-width="2"/>')
    out.append("</svg>")
    return "".join(out)
