"""The business calendar on real Thai dates (2569 = 2026, 2568 = 2025)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from core.tickets.calendar import BusinessCalendar
from core.tickets.durations import Duration

BANGKOK = ZoneInfo("Asia/Bangkok")


def bkk(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=BANGKOK)


@pytest.fixture
def calendar() -> BusinessCalendar:
    return BusinessCalendar()


@pytest.mark.parametrize("day", [13, 14, 15])
def test_songkran_2569_is_closed(calendar: BusinessCalendar, day: int) -> None:
    assert not calendar.is_business_day(date(2026, 4, day))


def test_songkran_2568_on_a_sunday_gives_the_substitution_day_from_the_package(
    calendar: BusinessCalendar,
) -> None:
    # 13 April 2025 was a Sunday; Wednesday 16 April was the day in lieu.
    assert not calendar.is_business_day(date(2025, 4, 16))
    assert calendar.is_business_day(date(2025, 4, 17))


def test_chakri_day_is_closed(calendar: BusinessCalendar) -> None:
    assert not calendar.is_business_day(date(2026, 4, 6))


def test_new_years_day_is_closed(calendar: BusinessCalendar) -> None:
    assert not calendar.is_business_time(bkk(2026, 1, 1, 10, 0))


def test_a_saturday_is_closed(calendar: BusinessCalendar) -> None:
    assert not calendar.is_business_time(bkk(2026, 3, 7, 10, 0))


def test_an_ordinary_tuesday_morning_is_open(calendar: BusinessCalendar) -> None:
    assert calendar.is_business_time(bkk(2026, 3, 10, 10, 0))


def test_a_day_off_declared_by_the_organisation_is_closed() -> None:
    calendar = BusinessCalendar(days_off=[date(2026, 5, 15)])

    assert not calendar.is_business_day(date(2026, 5, 15))


def test_an_extra_working_saturday_is_open() -> None:
    calendar = BusinessCalendar(extra_workdays=[date(2026, 3, 7)])

    assert calendar.is_business_time(bkk(2026, 3, 7, 10, 0))


@pytest.mark.parametrize(
    ("hour", "minute", "open_"),
    [(8, 29, False), (8, 30, True), (12, 0, True), (16, 29, True), (16, 30, False)],
)
def test_the_desk_opens_at_0830_and_closes_at_1630(
    calendar: BusinessCalendar, hour: int, minute: int, open_: bool
) -> None:
    assert calendar.is_business_time(bkk(2026, 3, 10, hour, minute)) is open_


def test_open_hours_are_configurable() -> None:
    calendar = BusinessCalendar(start=time(9, 0), end=time(17, 0))

    assert calendar.is_business_time(bkk(2026, 3, 10, 16, 45))


def test_one_business_day_from_friday_1600_ends_at_1600_on_monday(
    calendar: BusinessCalendar,
) -> None:
    # Half an hour on Friday and seven and a half on Monday make one 8-hour working day.
    due = calendar.add(bkk(2026, 3, 6, 16, 0), Duration.parse("1 business_days"))

    assert due == bkk(2026, 3, 9, 16, 0)


def test_one_business_day_from_friday_1600_before_songkran_2569_ends_on_thursday(
    calendar: BusinessCalendar,
) -> None:
    due = calendar.add(bkk(2026, 4, 10, 16, 0), Duration.parse("1 business_days"))

    assert due == bkk(2026, 4, 16, 16, 0)


def test_business_hours_from_a_holiday_start_at_the_next_opening(
    calendar: BusinessCalendar,
) -> None:
    due = calendar.add(bkk(2026, 4, 13, 10, 0), Duration.parse("4 business_hours"))

    assert due == bkk(2026, 4, 16, 12, 30)


def test_a_declared_day_off_pushes_a_due_time_to_the_next_working_day() -> None:
    calendar = BusinessCalendar(days_off=[date(2026, 3, 9)])

    due = calendar.add(bkk(2026, 3, 6, 16, 0), Duration.parse("1 business_days"))

    assert due == bkk(2026, 3, 10, 16, 0)


def test_calendar_days_add_wall_time_through_weekends_and_holidays(
    calendar: BusinessCalendar,
) -> None:
    due = calendar.add(bkk(2026, 4, 10, 16, 0), Duration.parse("90 days"))

    assert due == bkk(2026, 7, 9, 16, 0)


def test_business_time_between_skips_nights_weekends_and_songkran(
    calendar: BusinessCalendar,
) -> None:
    # Thu 9 Apr 15:30-16:30, all of Fri 10 Apr, then Thu 16 Apr 08:30-09:30.
    between = calendar.business_time_between(bkk(2026, 4, 9, 15, 30), bkk(2026, 4, 16, 9, 30))

    assert between == timedelta(hours=10)


def test_business_time_between_is_negative_when_the_end_comes_first(
    calendar: BusinessCalendar,
) -> None:
    assert calendar.business_time_between(bkk(2026, 3, 10, 10), bkk(2026, 3, 10, 9)) == -timedelta(
        hours=1
    )


def test_adding_open_time_and_measuring_it_agree(calendar: BusinessCalendar) -> None:
    start = bkk(2026, 4, 8, 11, 17)

    due = calendar.add(start, Duration.parse("3 business_days"))

    assert calendar.business_time_between(start, due) == 3 * calendar.working_day


def test_due_times_come_back_in_utc(calendar: BusinessCalendar) -> None:
    due = calendar.add(bkk(2026, 3, 10, 9, 0), Duration.parse("2 business_hours"))

    assert due.tzinfo == UTC
    assert due == datetime(2026, 3, 10, 4, 0, tzinfo=UTC)


def test_holidays_of_any_year_are_known_without_listing_years(
    calendar: BusinessCalendar,
) -> None:
    assert not calendar.is_business_day(date(2031, 4, 14))


def test_a_time_without_a_timezone_is_refused(calendar: BusinessCalendar) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        calendar.is_business_time(datetime(2026, 3, 10, 10, 0))


def test_a_calendar_that_closes_before_it_opens_is_refused() -> None:
    with pytest.raises(ValueError, match="before closing"):
        BusinessCalendar(start=time(17, 0), end=time(8, 0))


def test_a_day_both_off_and_working_is_refused() -> None:
    with pytest.raises(ValueError, match="both"):
        BusinessCalendar(days_off=[date(2026, 3, 7)], extra_workdays=[date(2026, 3, 7)])
