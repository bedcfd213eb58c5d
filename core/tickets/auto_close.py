"""Resolved tickets the requester never confirmed close by themselves after a few business days."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from core.clock import Clock
from core.ports import UnitOfWork
from core.tickets.calendar import BusinessCalendar
from core.tickets.catalogue import Catalogue
from core.tickets.durations import Duration, TimeUnit
from core.tickets.model import SYSTEM_ACTOR, Ticket, TicketStatus
from core.tickets.service import move
from core.tickets.subtasks import settle_parent

# SERVICE_CATALOG.md section 10; used for a type the catalogue no longer lists.
DEFAULT_WAIT = Duration(3, TimeUnit.BUSINESS_DAYS)
AUTO_CLOSED = "auto_closed"


def confirmation_wait(ticket: Ticket, catalogue: Catalogue) -> Duration:
    """How long the requester has to confirm: the type's `closing.auto_close_after`."""
    known = catalogue.keys()
    if ticket.type_key not in known:
        return DEFAULT_WAIT
    return catalogue.type(ticket.type_key).closing.auto_close_after


def confirmation_deadline(
    ticket: Ticket, catalogue: Catalogue, calendar: BusinessCalendar
) -> datetime | None:
    """When a resolved ticket closes without the requester's word; None if it is not resolved."""
    if ticket.status is not TicketStatus.RESOLVED or ticket.resolved_at is None:
        return None
    return calendar.add(ticket.resolved_at, confirmation_wait(ticket, catalogue))


def due_for_auto_close(
    tickets: Iterable[Ticket], now: datetime, calendar: BusinessCalendar, catalogue: Catalogue
) -> list[Ticket]:
    """The resolved tickets whose confirmation time has run out at `now`."""
    due = []
    for ticket in tickets:
        deadline = confirmation_deadline(ticket, catalogue, calendar)
        if deadline is not None and deadline <= now:
            due.append(ticket)
    return due


def auto_close(
    *, uow: UnitOfWork, clock: Clock, calendar: BusinessCalendar, catalogue: Catalogue
) -> list[Ticket]:
    """Close every overdue resolved ticket as the system; the caller commits.

    A ConcurrentUpdate means the requester answered at the same moment: roll back and let
    the next scan try again.
    """
    now = clock.now()
    resolved = uow.tickets.with_status(TicketStatus.RESOLVED)
    closed = []
    for overdue in due_for_auto_close(resolved, now, calendar, catalogue):
        # Re-read: closing a sub-task may already have closed its parent in this loop.
        ticket = uow.tickets.get(overdue.id or 0)
        if ticket.status is not TicketStatus.RESOLVED:
            continue
        done = move(
            ticket, TicketStatus.CLOSED, actor_id=SYSTEM_ACTOR, at=now, uow=uow, note=AUTO_CLOSED
        )
        settle_parent(done, uow=uow, clock=clock)
        closed.append(done)
    return closed
