"""Time limits as the manuals write them: "3 days", "4 business hours", "30 minutes"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum


class TimeUnit(StrEnum):
    MINUTES = "minutes"
    HOURS = "hours"
    DAYS = "days"
    BUSINESS_HOURS = "business_hours"
    BUSINESS_DAYS = "business_days"


_PATTERN = re.compile(r"^\s*(\d+)\s*([a-z_]+)\s*$")


@dataclass(frozen=True)
class Duration:
    """An amount of calendar or business time; business time is counted by a BusinessCalendar."""

    amount: int
    unit: TimeUnit

    @property
    def is_business(self) -> bool:
        return self.unit in (TimeUnit.BUSINESS_HOURS, TimeUnit.BUSINESS_DAYS)

    def as_calendar_timedelta(self) -> timedelta:
        """The wall-clock length; only meaningful for calendar units."""
        if self.is_business:
            raise ValueError(f"{self} is business time: count it with a BusinessCalendar")
        return {
            TimeUnit.MINUTES: timedelta(minutes=self.amount),
            TimeUnit.HOURS: timedelta(hours=self.amount),
            TimeUnit.DAYS: timedelta(days=self.amount),
        }[self.unit]

    def __str__(self) -> str:
        return f"{self.amount} {self.unit.value}"

    @classmethod
    def parse(cls, text: str) -> Duration:
        """Read "3 business_days", "30 minutes", "90 days"; raise ValueError otherwise."""
        match = _PATTERN.match(text)
        if match is None:
            raise ValueError(f"not a duration: {text!r} (expected e.g. '3 business_days')")
        amount, unit = int(match.group(1)), match.group(2)
        try:
            return cls(amount, TimeUnit(unit))
        except ValueError:
            units = ", ".join(u.value for u in TimeUnit)
            raise ValueError(f"unknown time unit {unit!r} (one of {units})") from None
