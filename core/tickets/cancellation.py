"""The requester withdraws a request, but only before anyone has started work on it."""

from __future__ import annotations

from core.clock import Clock
from core.errors import DomainError, PermissionDenied
from core.ports import UnitOfWork
from core.tickets.model import Ticket, TicketStatus
from core.tickets.permissions import BEFORE_WORK
from core.tickets.service import move, ticket_for_change
from core.tickets.subtasks import settle_parent


def cancel_ticket(
    ticket_id: int,
    *,
    requester_id: str,
    expected_version: int | None,
    uow: UnitOfWork,
    clock: Clock,
    reason: str | None = None,
) -> Ticket:
    """Cancel a request that is new, awaiting approval, approved or assigned but not started."""
    ticket = ticket_for_change(ticket_id, expected_version, uow=uow)
    if requester_id != ticket.requester_id:
        raise PermissionDenied("ticket.not_requester", number=ticket.number)
    if ticket.status not in BEFORE_WORK:
        raise DomainError("ticket.work_started", number=ticket.number, status=ticket.status)
    text = (reason or "").strip() or None
    cancelled = move(
        ticket, TicketStatus.CANCELLED, actor_id=requester_id, at=clock.now(), uow=uow, note=text
    )
    settle_parent(cancelled, uow=uow, clock=clock)
    return cancelled
