"""Working a ticket: hand it to someone, start, wait with a reason, resume, resolve."""

from __future__ import annotations

from core.clock import Clock
from core.directory.model import Person, Team
from core.errors import DomainError
from core.ports import UnitOfWork
from core.tickets.assignment import REASSIGNABLE, assign
from core.tickets.model import PendingReason, Ticket, TicketStatus
from core.tickets.service import move, ticket_for_change

S = TicketStatus


def assign_ticket(
    ticket_id: int,
    team: Team,
    person: Person,
    *,
    by_id: str,
    expected_version: int | None,
    uow: UnitOfWork,
    clock: Clock,
) -> Ticket:
    """Put the ticket in a team member's hands (a new or approved one becomes `assigned`)."""
    ticket = ticket_for_change(ticket_id, expected_version, uow=uow)
    if ticket.status not in REASSIGNABLE:
        raise DomainError("assignment.not_assignable", number=ticket.number, status=ticket.status)
    changed, entries = assign(ticket, team, person, by_id=by_id, at=clock.now())
    saved = uow.tickets.save(changed)
    for entry in entries:
        uow.audit.append(entry)
    return saved


def start_work(
    ticket_id: int, *, actor_id: str, expected_version: int | None, uow: UnitOfWork, clock: Clock
) -> Ticket:
    """IT takes the ticket up: `in_progress`."""
    ticket = ticket_for_change(ticket_id, expected_version, uow=uow)
    return move(ticket, S.IN_PROGRESS, actor_id=actor_id, at=clock.now(), uow=uow)


def put_on_hold(
    ticket_id: int,
    reason: PendingReason | str,
    *,
    actor_id: str,
    expected_version: int | None,
    uow: UnitOfWork,
    clock: Clock,
    note: str | None = None,
) -> Ticket:
    """Wait for the requester, a vendor, parts or something else; the SLA clock pauses."""
    ticket = ticket_for_change(ticket_id, expected_version, uow=uow)
    return move(
        ticket, S.PENDING, actor_id=actor_id, at=clock.now(), uow=uow,
        pending_reason=PendingReason(reason), note=note,
    )


def resume_work(
    ticket_id: int,
    *,
    actor_id: str,
    expected_version: int | None,
    uow: UnitOfWork,
    clock: Clock,
    note: str | None = None,
) -> Ticket:
    """What the ticket waited for has come: back to `in_progress`."""
    ticket = ticket_for_change(ticket_id, expected_version, uow=uow)
    if ticket.status is not S.PENDING:
        raise DomainError("ticket.not_pending", number=ticket.number, status=ticket.status)
    return move(ticket, S.IN_PROGRESS, actor_id=actor_id, at=clock.now(), uow=uow, note=note)


def resolve_ticket(
    ticket_id: int,
    *,
    actor_id: str,
    expected_version: int | None,
    uow: UnitOfWork,
    clock: Clock,
    note: str | None = None,
) -> Ticket:
    """IT says it is fixed; the requester is asked to confirm or say it is still broken."""
    ticket = ticket_for_change(ticket_id, expected_version, uow=uow)
    return move(ticket, S.RESOLVED, actor_id=actor_id, at=clock.now(), uow=uow, note=note)
