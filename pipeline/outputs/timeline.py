"""Commitment deadlines on a time axis: the geometry of the report's inline SVG chart.

Entry point: `layout_timeline(items) -> Timeline`. Pure arithmetic on dates, so
the chart needs no plotting library and no network when it is viewed; the
template only draws what this computes.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass, field
from datetime import date

WIDTH = 900
LABEL_WIDTH = 250  # room on the left for the action (40 characters)
RIGHT_MARGIN = 24  # room for the last year's label, centred on the axis end
ROW_HEIGHT = 20
BAR_HEIGHT = 12
AXIS_HEIGHT = 28
MIN_BAR_WIDTH = 4  # a deadline on one day is still visible
MAX_TICKS = 12
TICK_STEPS = (1, 2, 5, 10, 20, 50, 100)


@dataclass(frozen=True)
class TimelineItem:
    label: str
    href: str
    tip: str
    kind: str
    start: str | None  # ISO date (or year, or year-month) of the deadline's interval
    end: str | None


@dataclass(frozen=True)
class Bar:
    item: TimelineItem
    x: float
    y: float
    width: float


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass
class Timeline:
    width: int = WIDTH
    height: int = 0
    bars: list[Bar] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    undated: int = 0  # items without a deadline that can be placed
    axis_y: float = 0.0
    label_width: int = LABEL_WIDTH
    axis_end: int = WIDTH - RIGHT_MARGIN
    bar_height: int = BAR_HEIGHT


def parse_day(value: str | None, last: bool) -> date | None:
    """An ISO date, year-month or year; `last` picks the end of a month or year."""
    if not isinstance(value, str):
        return None
    parts = value.strip().split("-")
    try:
        year = int(parts[0])
        if not 1 <= year < date.max.year:  # the axis ends on 1 January of the next year
            return None
        month = int(parts[1]) if len(parts) > 1 else (12 if last else 1)
        if len(parts) > 2:
            return date(year, month, int(parts[2]))
        return date(year, month, calendar.monthrange(year, month)[1] if last else 1)
    except (ValueError, IndexError):
        return None


def interval(item: TimelineItem) -> tuple[date, date] | None:
    start, end = parse_day(item.start, last=False), parse_day(item.end, last=True)
    start, end = start or end, end or start
    if start is None or end is None:
        return None
    return (start, end) if start <= end else (end, start)


def layout_timeline(items: list[TimelineItem]) -> Timeline:
    dated = sorted(
        ((span, item) for item in items if (span := interval(item)) is not None),
        key=lambda pair: (pair[0], pair[1].label, pair[1].href),
    )
    timeline = Timeline(undated=len(items) - len(dated))
    if not dated:
        return timeline
    first_year = dated[0][0][0].year
    last_year = max(span[1].year for span, _ in dated)
    axis_start, axis_end = date(first_year, 1, 1), date(last_year + 1, 1, 1)
    plot_width = WIDTH - LABEL_WIDTH - RIGHT_MARGIN
    days = (axis_end - axis_start).days

    def x_of(day: date) -> float:
        return round(LABEL_WIDTH + (day - axis_start).days / days * plot_width, 1)

    for row, ((start, end), item) in enumerate(dated):
        x = x_of(start)
        width = max(x_of(date.fromordinal(end.toordinal() + 1)) - x, MIN_BAR_WIDTH)
        timeline.bars.append(Bar(item, x, row * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2, round(width, 1)))
    timeline.axis_y = len(dated) * ROW_HEIGHT + 4
    timeline.height = int(timeline.axis_y + AXIS_HEIGHT)
    step = next((s for s in TICK_STEPS if (last_year + 1 - first_year) / s <= MAX_TICKS), TICK_STEPS[-1])
    first_tick = math.ceil(first_year / step) * step
    timeline.ticks = [Tick(x_of(date(y, 1, 1)), str(y)) for y in range(first_tick, last_year + 2, step)]
    return timeline
