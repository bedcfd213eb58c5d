"""Per-step clocks of chained request types: each step of KTB or a restore has its own limit."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from core.tickets.calendar import BusinessCalendar
from core.tickets.durations import Duration


@dataclass(frozen=True)
class StepLimit:
    """How long one step of a chained request may take, e.g. KTB's checker: 3 business days."""

    key: str
    label: str
    limit: Duration


@dataclass(frozen=True)
class StepClock:
    """One step's clock: when it started, when it is due, and whether it ran late."""

    key: str
    label: str
    limit: Duration
    started_at: datetime | None
    due_at: datetime | None
    finished_at: datetime | None
    breached: bool

    @property
    def started(self) -> bool:
        return self.started_at is not None


def _check_keys(limits: Sequence[StepLimit], *times: Mapping[str, datetime]) -> None:
    known = {limit.key for limit in limits}
    unknown = sorted({key for mapping in times for key in mapping} - known)
    if unknown:
        raise ValueError(f"unknown step(s) {unknown}; the steps are {[s.key for s in limits]}")


def step_clocks(
    limits: Sequence[StepLimit],
    started: Mapping[str, datetime],
    calendar: BusinessCalendar,
    now: datetime,
    finished: Mapping[str, datetime] | None = None,
) -> tuple[StepClock, ...]:
    """Each step's due time from its own start; a step is late once it runs past its due time."""
    done = finished or {}
    _check_keys(limits, started, done)
    clocks = []
    for limit in limits:
        start = started.get(limit.key)
        due = calendar.add(start, limit.limit) if start is not None else None
        end = done.get(limit.key)
        late = due is not None and (end if end is not None else now) > due
        clocks.append(StepClock(limit.key, limit.label, limit.limit, start, due, end, late))
    return tuple(clocks)


def planned_step_dues(
    limits: Sequence[StepLimit], start: datetime, calendar: BusinessCalendar
) -> tuple[tuple[str, datetime], ...]:
    """The latest due time of every step when each starts as the previous one falls due."""
    plan = []
    cursor = start
    for limit in limits:
        cursor = calendar.add(cursor, limit.limit)
        plan.append((limit.key, cursor))
    return tuple(plan)
