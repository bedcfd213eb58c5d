"""The help desk's business calendar: open hours, Thai public holidays and declared days off.

Which days are holidays comes from the `holidays` package (country ``TH``, category
``public`` unless configured otherwise): the fixed-date holidays (New Year, Chakri day,
Songkran 13-15 April, Labour day, royal birthdays, Constitution day, New Year's Eve), the
Buddhist lunar holidays (Makha, Visakha and Asarnha Bucha, Buddhist Lent), the in-lieu
(substitution) days the package computes when a holiday falls on a weekend, and the one-off
bridge holidays the Cabinet declared for past years. Everything else is organisation
configuration here: the working week, the open hours, extra days off the organisation
declares (e.g. a Cabinet bridge day announced after the package was released) and extra
working days (e.g. a Saturday the office opens).

All datetimes in and out are timezone-aware and returned in UTC; days and hours are read
on the local wall clock (Asia/Bangkok by default).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays

from core.tickets.durations import Duration, TimeUnit

MONDAY_TO_FRIDAY = frozenset({0, 1, 2, 3, 4})

# A calendar with no open day within ten years is a configuration mistake, not a due time.
_SEARCH_LIMIT_DAYS = 3660


def _require_aware(at: datetime, name: str) -> None:
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, got {at!r}")


class BusinessCalendar:
    """When the help desk is open, and how much open time lies between two instants.

    `start` and `end` are the opening and closing times of a working day (08:30-16:30).
    """

    def __init__(
        self,
        *,
        tz: str = "Asia/Bangkok",
        workdays: Iterable[int] = MONDAY_TO_FRIDAY,
        start: time = time(8, 30),
        end: time = time(16, 30),
        country: str = "TH",
        holiday_categories: Iterable[str] = ("public",),
        days_off: Iterable[date] = (),
        extra_workdays: Iterable[date] = (),
    ) -> None:
        self.tz = ZoneInfo(tz)
        self.workdays = frozenset(workdays)
        self.opens, self.closes = start, end
        self.country = country
        self.holiday_categories = tuple(holiday_categories)
        self.days_off = frozenset(days_off)
        self.extra_workdays = frozenset(extra_workdays)
        self._public_holidays: dict[int, frozenset[date]] = {}
        self._check()

    def _check(self) -> None:
        if not self.workdays <= frozenset(range(7)):
            raise ValueError(
                f"workdays are weekday numbers 0 (Monday) to 6: {sorted(self.workdays)}"
            )
        if not self.workdays and not self.extra_workdays:
            raise ValueError("a business calendar needs at least one working day")
        if self.opens >= self.closes:
            raise ValueError(f"opening time {self.opens} must be before closing time {self.closes}")
        both = self.days_off & self.extra_workdays
        if both:
            raise ValueError(f"declared both a day off and a working day: {sorted(both)}")

    @property
    def working_day(self) -> timedelta:
        """The open time of one working day (8 hours for 08:30-16:30)."""
        day = date(2000, 1, 3)
        return datetime.combine(day, self.closes) - datetime.combine(day, self.opens)

    def public_holidays(self, year: int) -> frozenset[date]:
        """The package's holidays of one year, computed the first time that year is asked."""
        if year not in self._public_holidays:
            found = holidays.country_holidays(
                self.country, years=year, categories=self.holiday_categories
            )
            self._public_holidays[year] = frozenset(found.keys())
        return self._public_holidays[year]

    def is_business_day(self, day: date) -> bool:
        if day in self.extra_workdays:
            return True
        if day.weekday() not in self.workdays or day in self.days_off:
            return False
        return day not in self.public_holidays(day.year)

    def is_business_time(self, at: datetime) -> bool:
        _require_aware(at, "at")
        local = at.astimezone(self.tz)
        return self.is_business_day(local.date()) and self.opens <= local.time() < self.closes

    def start_of_day(self, day: date) -> datetime:
        """Local midnight of `day`, in UTC: where a clock that starts "on a date" begins."""
        return datetime.combine(day, time(0), tzinfo=self.tz).astimezone(UTC)

    def length_of(self, duration: Duration) -> timedelta:
        """Open time for business units, wall time for calendar units."""
        if duration.unit is TimeUnit.BUSINESS_HOURS:
            return timedelta(hours=duration.amount)
        if duration.unit is TimeUnit.BUSINESS_DAYS:
            return duration.amount * self.working_day
        return duration.as_calendar_timedelta()

    def add(self, start: datetime, duration: Duration) -> datetime:
        """When `duration` has passed since `start`: wall time, or open time for business units.

        A business day is one working day's worth of open hours, so 1 business day from
        Friday 16:00 is Monday 16:00 with 08:30-16:30 hours (half an hour on Friday, seven
        and a half on Monday), later if Monday is a holiday.
        """
        _require_aware(start, "start")
        if not duration.is_business:
            return start.astimezone(UTC) + duration.as_calendar_timedelta()
        return self.add_open_time(start, self.length_of(duration))

    def add_open_time(self, start: datetime, amount: timedelta) -> datetime:
        """The earliest instant at which `amount` of open time has passed since `start`."""
        _require_aware(start, "start")
        if amount < timedelta(0):
            raise ValueError(f"cannot add negative open time: {amount}")
        if amount == timedelta(0):
            return start.astimezone(UTC)
        remaining = amount
        cursor = start.astimezone(self.tz)
        for _ in range(_SEARCH_LIMIT_DAYS):
            window = self._open_window(cursor.date())
            if window is not None and cursor < window[1]:
                begin = max(cursor, window[0])
                available = window[1] - begin
                if remaining <= available:
                    return (begin + remaining).astimezone(UTC)
                remaining -= available
            cursor = self._next_midnight(cursor)
        raise ValueError(f"no open time within {_SEARCH_LIMIT_DAYS} days of {start}")

    def business_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Open time from `start` to `end`; negative when `end` comes first."""
        _require_aware(start, "start")
        _require_aware(end, "end")
        if end < start:
            return -self.business_time_between(end, start)
        total = timedelta(0)
        first, last = start.astimezone(self.tz), end.astimezone(self.tz)
        day = first.date()
        while day <= last.date():
            window = self._open_window(day)
            if window is not None:
                overlap = min(window[1], last) - max(window[0], first)
                total += max(overlap, timedelta(0))
            day += timedelta(days=1)
        return total

    def _open_window(self, day: date) -> tuple[datetime, datetime] | None:
        if not self.is_business_day(day):
            return None
        opening = datetime.combine(day, self.opens, tzinfo=self.tz)
        return opening, datetime.combine(day, self.closes, tzinfo=self.tz)

    def _next_midnight(self, local: datetime) -> datetime:
        return datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=self.tz)
