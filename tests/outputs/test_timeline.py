"""Deadline timeline geometry."""

from datetime import date

import pytest

from pipeline.outputs.timeline import LABEL_WIDTH, MIN_BAR_WIDTH, TimelineItem, layout_timeline, parse_day


def item(label, start, end):
    return TimelineItem(label=label, href=f"#{label}", tip=label, kind="pledge", start=start, end=end)


@pytest.mark.parametrize("value, last, expected", [
    ("2011-06-15", False, date(2011, 6, 15)),
    ("2011", False, date(2011, 1, 1)),
    ("2011", True, date(2011, 12, 31)),
    ("2012-02", True, date(2012, 2, 29)),
    ("2011-13-01", False, None),
    ("soon", False, None),
    (None, True, None),
    ("9999-12-31", True, None),  # no room on the axis after it
])
def test_timeline_parse_day_reads_iso_dates_months_and_years(value, last, expected):
    assert parse_day(value, last) == expected


def test_timeline_bars_are_ordered_by_deadline_and_fit_the_axis():
    timeline = layout_timeline([
        item("late", "2015-06-01", "2015-06-30"),
        item("open start", None, "2014-12-31"),
        item("year", "2011-01-01", "2011-12-31"),
        item("none", None, None),
    ])
    assert [bar.item.label for bar in timeline.bars] == ["year", "open start", "late"]
    assert timeline.undated == 1
    assert [tick.label for tick in timeline.ticks] == ["2011", "2012", "2013", "2014", "2015", "2016"]
    year, one_day, _ = timeline.bars
    assert year.x == LABEL_WIDTH and year.width == pytest.approx(timeline.ticks[1].x - timeline.ticks[0].x)
    assert one_day.width == MIN_BAR_WIDTH
    assert all(LABEL_WIDTH <= bar.x and bar.x + bar.width <= timeline.axis_end + MIN_BAR_WIDTH for bar in timeline.bars)
    assert timeline.bars[0].y < timeline.bars[1].y < timeline.bars[2].y < timeline.axis_y < timeline.height


def test_timeline_long_ranges_get_fewer_ticks():
    timeline = layout_timeline([item("a", "1991", "1991"), item("b", "2030", "2030")])
    assert [tick.label for tick in timeline.ticks] == [str(y) for y in range(1995, 2031, 5)]


def test_timeline_without_dated_deadlines_is_empty():
    timeline = layout_timeline([item("none", None, None)])
    assert (timeline.bars, timeline.ticks, timeline.undated, timeline.height) == ([], [], 1, 0)
