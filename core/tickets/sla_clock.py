"""Timeline arithmetic behind an SLA clock: spans that count, elapsed time, when a limit is met."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from core.tickets.calendar import BusinessCalendar


@dataclass(frozen=True)
class Span:
    """A stretch of the ticket's life in one status: the clock counts it only when running."""

    start: datetime
    end: datetime
    running: bool


@dataclass(frozen=True)
class Measure:
    """How a clock reads time: open hours of the calendar, or plain wall time."""

    calendar: BusinessCalendar
    business: bool

    def between(self, start: datetime, end: datetime) -> timedelta:
        if self.business:
            return self.calendar.business_time_between(start, end)
        return end - start

    def advance(self, start: datetime, amount: timedelta) -> datetime:
        if self.business:
            return self.calendar.add_open_time(start, amount)
        return start.astimezone(UTC) + amount


def elapsed(spans: Sequence[Span], measure: Measure) -> timedelta:
    """The counted time: running spans only; paused and stopped stretches add nothing."""
    return sum((measure.between(s.start, s.end) for s in spans if s.running), timedelta(0))


def reached_at(spans: Sequence[Span], amount: timedelta, measure: Measure) -> datetime | None:
    """The earliest instant the counted time reached `amount`, if it has (a warning point)."""
    counted = timedelta(0)
    for span in spans:
        if not span.running:
            continue
        length = measure.between(span.start, span.end)
        if counted + length >= amount:
            return measure.advance(span.start, amount - counted)
        counted += length
    return None


def due_and_overrun(
    spans: Sequence[Span], amount: timedelta, measure: Measure
) -> tuple[datetime | None, bool]:
    """The due time and whether the clock was still running after it.

    The due time is the earliest instant the counted time reaches `amount`. A limit reached
    exactly as the clock stopped is met; one reached at 16:30 on a Friday by a ticket still
    open on Saturday is overrun even though no open time passed since. While the last span
    runs and the limit is not yet reached, the due time is projected from that span; while
    the clock is paused or stopped short of the limit there is no due time.
    """
    counted = timedelta(0)
    for index, span in enumerate(spans):
        if not span.running:
            continue
        due = measure.advance(span.start, amount - counted)
        if due < span.end:
            return due, True
        if index == len(spans) - 1:
            return due, False
        counted += measure.between(span.start, span.end)
    return None, False
