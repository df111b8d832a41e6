"""Server-rendered SVG charts: no JavaScript, no external assets, readable by screen readers.

Reusable by any page that has ``[(label, count)]`` pairs: a leader's mentions per month,
a search term over time.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_PAD_LEFT, _PAD_RIGHT, _PAD_TOP, _PAD_BOTTOM = 60, 12, 24, 32
# At most this many x-axis labels are printed; the others stay in each bar's tooltip. Few and
# large enough that they stay legible when a 640-unit chart is shrunk to a 390-pixel phone.
_MAX_X_LABELS = 6
# A few months of data should not draw slabs across the whole chart.
_MAX_BAR_WIDTH = 40
# Colours as presentation attributes, not a <style> element: the Content-Security-Policy allows
# no inline style, and attributes look the same inline and as a standalone image (<img src=…svg>).
_BAR = 'fill="#a4161a"'
_AXIS = 'stroke="#777" stroke-width="1"'
_TICK = 'font-size="15" fill="#333" font-family="sans-serif"'


def month_points(counts: Mapping[date, int], *, start: date | None = None, end: date | None = None) -> list[tuple[str, int]]:
    """Turn {first-of-month: count} into consecutive ``("2025-04", n)`` pairs, months without data as 0."""
    if not counts and (start is None or end is None):
        return []
    first = _month(start or min(counts))
    last = _month(end or max(counts))
    by_month = {_month(day): 0 for day in counts}
    for day, n in counts.items():
        by_month[_month(day)] += n
    points = []
    current = first
    while current <= last:
        points.append((f"{current:%Y-%m}", by_month.get(current, 0)))
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return points


def _month(day: date) -> date:
    return day.replace(day=1)


def bar_chart_svg(points: Sequence[tuple[str, int]], *, title: str, width: int = 640, height: int = 200,
                  unit: str = "篇", chart_id: str = "chart", links: Mapping[str, str] | None = None) -> SafeString:
    """Return an accessible SVG bar chart of ``points``; it scales to its container through viewBox.

    ``chart_id`` keeps the title/description ids unique when a page shows several charts;
    ``links`` maps a point's label to the address its bar opens (e.g. that month's results):
    the chart then keeps the SVG's own role (a graphics document of labelled links) instead of
    role="img", which may not hold interactive parts.
    """
    if not points:
        return mark_safe("")
    peak = max((n for _, n in points), default=0) or 1
    plot_w = width - _PAD_LEFT - _PAD_RIGHT
    plot_h = height - _PAD_TOP - _PAD_BOTTOM
    step = plot_w / len(points)
    total = sum(n for _, n in points)
    desc = f"{points[0][0]} 至 {points[-1][0]}，共 {total} {unit}，最多 {peak} {unit}"
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'{_role(links)}aria-labelledby="{chart_id}-title {chart_id}-desc" preserveAspectRatio="xMidYMid meet">',
        f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(desc)}</desc>',
        *_axes(peak, width=width, plot_h=plot_h, unit=unit),
        *_bars(points, peak=peak, step=step, plot_h=plot_h, unit=unit, links=links or {}),
        *_x_labels(points, step=step, height=height),
        "</svg>",
    ]
    return mark_safe("".join(parts))


def _role(links: Mapping[str, str] | None) -> str:
    return "" if links else 'role="img" '


def _axes(peak: int, *, width: int, plot_h: int, unit: str) -> Iterable[str]:
    """Draw the base line, a y axis with 0, the middle and the peak (with the unit), and grid lines."""
    base = _PAD_TOP + plot_h
    yield f'<line class="axis" {_AXIS} x1="{_PAD_LEFT}" y1="{_PAD_TOP}" x2="{_PAD_LEFT}" y2="{base}"/>'
    yield f'<line class="axis" {_AXIS} x1="{_PAD_LEFT}" y1="{base}" x2="{width - _PAD_RIGHT}" y2="{base}"/>'
    ticks = sorted({0, peak // 2, peak}) if peak >= 4 else sorted({0, peak})
    for value in ticks:
        y = base - plot_h * value / peak
        label = f"{value}{escape(unit)}" if value == peak else str(value)
        yield f'<text class="tick" {_TICK} x="{_PAD_LEFT - 6}" y="{y + 5:.1f}" text-anchor="end">{label}</text>'
        if value:
            yield f'<line stroke="#ddd" stroke-width="1" x1="{_PAD_LEFT + 1}" y1="{y:.1f}" x2="{width - _PAD_RIGHT}" y2="{y:.1f}"/>'


def _bars(points: Sequence[tuple[str, int]], *, peak: int, step: float, plot_h: int, unit: str,
          links: Mapping[str, str]) -> Iterable[str]:
    bar_w = min(step - min(2.0, step * 0.2), _MAX_BAR_WIDTH)
    for i, (label, n) in enumerate(points):
        h = plot_h * n / peak
        x = _PAD_LEFT + (i + 0.5) * step - bar_w / 2
        y = _PAD_TOP + plot_h - h
        bar = (f'<rect class="bar" {_BAR} x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}">'
               f'<title>{escape(label)}：{n} {escape(unit)}</title></rect>')
        link = links.get(label) if n else None
        yield f'<a href="{escape(link)}" aria-label="{escape(label)}：{n} {escape(unit)}">{bar}</a>' if link else bar


def _x_labels(points: Sequence[tuple[str, int]], *, step: float, height: int) -> Iterable[str]:
    every = max(1, -(-len(points) // _MAX_X_LABELS))
    for i in range(0, len(points), every):
        x = _PAD_LEFT + (i + 0.5) * step
        yield f'<text class="tick" {_TICK} x="{x:.1f}" y="{height - 8}" text-anchor="middle">{escape(points[i][0])}</text>'
