"""The requester's word at the end: confirm the fix, say it is still broken, rate the service."""

from __future__ import annotations

from dataclasses import replace

from core.clock import Clock
from core.errors import DomainError, PermissionDenied, ValidationFailed
from core.ports import UnitOfWork
from core.tickets.model import Ticket, TicketStatus
from core.tickets.service import move, save_with_audit, ticket_for_change
from core.tickets.subtasks import settle_parent

S = TicketStatus
RATINGS = range(1, 6)
MAX_RATING_COMMENT = 500
# A rating needs the work to have been resolved; a reopened ticket is rated after its new fix.
RATEABLE = frozenset({S.RESOLVED, S.CLOSED})


def confirm_fixed(
    ticket_id: int,
    *,
    requester_id: str,
    expected_version: int | None,
    uow: UnitOfWork,
    clock: Clock,
) -> Ticket:
    """The requester confirms the fix: the ticket closes."""
    ticket = _requesters_resolved_ticket(ticket_id, requester_id, expected_version, uow)
    closed = move(ticket, S.CLOSED, actor_id=requester_id, at=clock.now(), uow=uow)
    settle_parent(closed, uow=uow, clock=clock)
    return closed


def report_still_broken(
    ticket_id: int,
    *,
    requester_id: str,
    expected_version: int | None,
    uow: UnitOfWork,
    clock: Clock,
    note: str | None = None,
) -> Ticket:
    """The requester says it is still broken: back to `in_progress`, counted as a reopening."""
    ticket = _requesters_resolved_ticket(ticket_id, requester_id, expected_version, uow)
    text = (note or "").strip() or None
    return move(ticket, S.IN_PROGRESS, actor_id=requester_id, at=clock.now(), uow=uow, note=text)


def rate_service(
    ticket_id: int,
    score: int,
    *,
    requester_id: str,
    uow: UnitOfWork,
    clock: Clock,
    comment: str | None = None,
    expected_version: int | None = None,
) -> Ticket:
    """The requester rates the service 1-5, once, after the ticket was resolved."""
    ticket = ticket_for_change(ticket_id, expected_version, uow=uow)
    _check_requester(ticket, requester_id)
    if score not in RATINGS:
        raise ValidationFailed("rating.out_of_range", low=RATINGS[0], high=RATINGS[-1])
    text = (comment or "").strip() or None
    if text is not None and len(text) > MAX_RATING_COMMENT:
        raise ValidationFailed("rating.comment_too_long", limit=MAX_RATING_COMMENT)
    if ticket.status not in RATEABLE:
        raise DomainError("rating.not_resolved", number=ticket.number, status=ticket.status)
    if ticket.rating is not None:
        raise DomainError("rating.already_given", number=ticket.number)
    rated = replace(ticket, rating=score, rating_comment=text)
    return save_with_audit(
        rated, actor_id=requester_id, at=clock.now(), action="rated", was={"rating": None},
        now={"rating": score, "comment": text}, uow=uow,
    )


def _requesters_resolved_ticket(
    ticket_id: int, requester_id: str, expected_version: int | None, uow: UnitOfWork
) -> Ticket:
    ticket = ticket_for_change(ticket_id, expected_version, uow=uow)
    _check_requester(ticket, requester_id)
    if ticket.status is not S.RESOLVED:
        raise DomainError("ticket.not_resolved", number=ticket.number, status=ticket.status)
    return ticket


def _check_requester(ticket: Ticket, person_id: str) -> None:
    if person_id != ticket.requester_id:
        raise PermissionDenied("ticket.not_requester", number=ticket.number)
