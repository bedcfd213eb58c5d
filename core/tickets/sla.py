"""SLA clocks of a ticket, computed afresh from its status history: due times, warnings, breaches.

Nothing is remembered between calls: the same history, targets, calendar and `now` always
give the same answer, so a restart or a back-dated correction of the audit trail simply
recomputes. A scanner de-duplicates the events it emits by their `key`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from core.tickets.calendar import BusinessCalendar
from core.tickets.durations import Duration
from core.tickets.model import AuditEntry, PendingReason, TicketStatus
from core.tickets.sla_clock import Measure, Span, due_and_overrun, elapsed, reached_at
from core.tickets.sla_steps import StepLimit

S = TicketStatus
_STATUS_RANK = {status: rank for rank, status in enumerate(TicketStatus)}
# Someone from IT has taken the ticket up: the response clock stops for good.
RESPONDED = frozenset({S.ASSIGNED, S.IN_PROGRESS, S.PENDING, S.RESOLVED, S.CLOSED})
# The resolution clock stands still in these; reopening (resolved -> in_progress) resumes it.
STOPS_RESOLUTION = frozenset({S.RESOLVED, S.CLOSED, S.CANCELLED, S.REJECTED, S.MERGED})
STOPS_RESPONSE = RESPONDED | {S.CANCELLED, S.REJECTED, S.MERGED}


class SlaClock(StrEnum):
    RESPONSE = "response"
    RESOLUTION = "resolution"


class SlaEventKind(StrEnum):
    WARNING = "warning"
    BREACH = "breach"


@dataclass(frozen=True)
class StatusChange:
    """The ticket entered `status` at `at`; `seq` orders changes recorded at the same instant."""

    at: datetime
    status: TicketStatus
    pending_reason: PendingReason | None = None
    seq: int = 0

    def sort_key(self) -> tuple[datetime, int, int, str]:
        reason = self.pending_reason.value if self.pending_reason else ""
        return (self.at, self.seq, _STATUS_RANK[self.status], reason)


@dataclass(frozen=True)
class SlaTargets:
    """A request type's time limits and what stops its clocks.

    `parts_limit` replaces the resolution limit once the ticket has waited for purchased
    parts (repair: 90 days); from then on the parts wait counts toward it. `resolution_starts_on`
    names an intake date the resolution clock waits for (off-boarding: the separation date).
    """

    response: Duration
    resolution: Duration
    parts_limit: Duration | None = None
    pausing_reasons: frozenset[PendingReason] = frozenset(PendingReason)
    pause_while_awaiting_approval: bool = False
    warning_fraction: float = 0.75
    steps: tuple[StepLimit, ...] = ()
    resolution_starts_on: str | None = None

    def __post_init__(self) -> None:
        if not 0 < self.warning_fraction <= 1:
            raise ValueError(f"warning_fraction must be in (0, 1], got {self.warning_fraction}")


@dataclass(frozen=True)
class SlaState:
    """One clock as a person would read it; `remaining` turns negative once overrun."""

    clock: SlaClock
    target: Duration
    elapsed: timedelta
    remaining: timedelta
    fraction: float
    paused: bool
    stopped_by: TicketStatus | None
    due_at: datetime | None
    warned_at: datetime | None
    breached_at: datetime | None

    @property
    def stopped(self) -> bool:
        return self.stopped_by is not None

    @property
    def breached(self) -> bool:
        return self.breached_at is not None

    @property
    def met(self) -> bool:
        """Stopped within its limit; `stopped_by` tells a resolution from a cancellation."""
        return self.stopped and not self.breached


@dataclass(frozen=True)
class SlaEvent:
    """A warning or a breach, to be told once: `key` is the same every time it is computed."""

    ticket: str
    clock: SlaClock
    kind: SlaEventKind
    at: datetime

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.ticket, self.clock.value, self.kind.value)


@dataclass(frozen=True)
class SlaReport:
    response: SlaState
    resolution: SlaState

    def events(self, ticket: str) -> tuple[SlaEvent, ...]:
        """Per clock, a breach, else a warning while the clock still runs.

        After a breach, or once the work has stopped, a warning has nothing left to prevent.
        """
        found = []
        for state in (self.response, self.resolution):
            if state.breached_at is not None:
                found.append(SlaEvent(ticket, state.clock, SlaEventKind.BREACH, state.breached_at))
            elif state.warned_at is not None and not state.stopped:
                found.append(SlaEvent(ticket, state.clock, SlaEventKind.WARNING, state.warned_at))
        return tuple(found)


def evaluate_sla(
    history: Iterable[StatusChange],
    targets: SlaTargets,
    calendar: BusinessCalendar,
    now: datetime,
    *,
    resolution_starts_at: datetime | None = None,
) -> SlaReport:
    """Both clocks of a ticket at `now`. The earliest change is the ticket's opening.

    Changes after `now` are not yet known and are ignored; the order `history` is given in
    does not matter.
    """
    changes = sorted((c for c in history if c.at <= now), key=StatusChange.sort_key)
    if not changes:
        raise ValueError("an SLA needs the ticket's opening in its status history")
    return SlaReport(
        response=_response(changes, targets, calendar, now),
        resolution=_resolution(changes, targets, calendar, now, resolution_starts_at),
    )


def status_changes_from_audit(entries: Iterable[AuditEntry]) -> list[StatusChange]:
    """The status history recorded by the audit trail: the opening and every status change."""
    changes = []
    for entry in entries:
        if entry.action not in ("opened", "status") or "status" not in entry.after:
            continue
        reason = entry.after.get("pending_reason")
        changes.append(
            StatusChange(
                at=entry.at,
                status=TicketStatus(entry.after["status"]),
                pending_reason=PendingReason(reason) if reason else None,
                seq=entry.seq or 0,
            )
        )
    return sorted(changes, key=StatusChange.sort_key)


def _is_paused(change: StatusChange, targets: SlaTargets, counting_parts: bool) -> bool:
    if change.status is S.AWAITING_APPROVAL:
        return targets.pause_while_awaiting_approval
    if change.status is not S.PENDING:
        return False
    reason = change.pending_reason or PendingReason.OTHER
    if counting_parts and reason is PendingReason.PARTS:
        return False
    return reason in targets.pausing_reasons


def _spans(changes: Sequence[StatusChange], now: datetime, running: list[bool]) -> list[Span]:
    ends = [c.at for c in changes[1:]] + [now]
    return [Span(c.at, end, run) for c, end, run in zip(changes, ends, running, strict=True)]


def _response(
    changes: Sequence[StatusChange], targets: SlaTargets, calendar: BusinessCalendar, now: datetime
) -> SlaState:
    stop = next((i for i, c in enumerate(changes) if c.status in STOPS_RESPONSE), None)
    counted = changes if stop is None else changes[: stop + 1]
    running = [not _is_paused(c, targets, False) for c in counted]
    if stop is not None:
        running[stop] = False
    stopped_by = None if stop is None else changes[stop].status
    spans = _spans(counted, now, running)
    return _read(SlaClock.RESPONSE, targets.response, spans, calendar, targets, stopped_by)


def _resolution(
    changes: Sequence[StatusChange],
    targets: SlaTargets,
    calendar: BusinessCalendar,
    now: datetime,
    starts_at: datetime | None,
) -> SlaState:
    waited_for_parts = any(
        c.status is S.PENDING and c.pending_reason is PendingReason.PARTS for c in changes
    )
    long_limit = targets.parts_limit if waited_for_parts else None
    target = long_limit or targets.resolution
    running = [
        c.status not in STOPS_RESOLUTION and not _is_paused(c, targets, long_limit is not None)
        for c in changes
    ]
    spans = _spans(changes, now, running)
    if starts_at is not None:
        spans = _not_before(spans, starts_at)
    last = changes[-1].status
    stopped_by = last if last in STOPS_RESOLUTION else None
    state = _read(SlaClock.RESOLUTION, target, spans, calendar, targets, stopped_by)
    if starts_at is not None and now < starts_at and stopped_by is None:
        return replace(state, due_at=calendar.add(starts_at, target))
    return state


def _not_before(spans: Sequence[Span], starts_at: datetime) -> list[Span]:
    """Time before the clock's start date does not count."""
    clipped = []
    for span in spans:
        if span.end <= starts_at:
            clipped.append(Span(span.start, span.end, False))
        elif span.start < starts_at:
            clipped += [Span(span.start, starts_at, False), Span(starts_at, span.end, span.running)]
        else:
            clipped.append(span)
    return clipped


def _read(
    clock: SlaClock,
    target: Duration,
    spans: Sequence[Span],
    calendar: BusinessCalendar,
    targets: SlaTargets,
    stopped_by: TicketStatus | None,
) -> SlaState:
    measure = Measure(calendar, target.is_business)
    limit = calendar.length_of(target)
    counted = elapsed(spans, measure)
    due, overrun = due_and_overrun(spans, limit, measure)
    warned = reached_at(spans, limit * targets.warning_fraction, measure)
    return SlaState(
        clock=clock,
        target=target,
        elapsed=counted,
        remaining=limit - counted,
        fraction=counted / limit if limit else 1.0,
        paused=stopped_by is None and not spans[-1].running,
        stopped_by=stopped_by,
        due_at=due if (overrun or (stopped_by is None and spans[-1].running)) else None,
        warned_at=warned,
        breached_at=due if overrun else None,
    )
