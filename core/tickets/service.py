"""Ticket commands: open a ticket, change its status, list a requester's tickets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from core.clock import Clock
from core.errors import ConcurrentUpdate, ValidationFailed
from core.ports import UnitOfWork
from core.tickets.lifecycle import transition
from core.tickets.model import AuditEntry, PendingReason, Priority, Ticket, TicketStatus
from core.tickets.numbering import buddhist_year, counter_name, format_number

MAX_TITLE = 200
MAX_DESCRIPTION = 4000


@dataclass(frozen=True)
class OpenTicket:
    """A request as the intake collected it."""

    type_key: str
    requester_id: str
    title: str
    description: str = ""
    category: str | None = None
    unit_id: str | None = None
    asset_no: str | None = None
    priority: Priority = Priority.NORMAL
    details: dict[str, Any] = field(default_factory=dict)
    parent_id: int | None = None
    team_id: str | None = None


def _validate(cmd: OpenTicket) -> None:
    if not cmd.title.strip():
        raise ValidationFailed("ticket.title_required")
    if len(cmd.title) > MAX_TITLE:
        raise ValidationFailed("ticket.title_too_long", limit=MAX_TITLE)
    if len(cmd.description) > MAX_DESCRIPTION:
        raise ValidationFailed("ticket.description_too_long", limit=MAX_DESCRIPTION)


def open_ticket(cmd: OpenTicket, *, uow: UnitOfWork, clock: Clock) -> Ticket:
    """Number and store a new ticket and audit its opening. The caller commits."""
    _validate(cmd)
    now = clock.now()
    number = format_number(buddhist_year(now), uow.counters.next(counter_name(now)))
    ticket = uow.tickets.add(
        Ticket(
            number=number,
            type_key=cmd.type_key,
            requester_id=cmd.requester_id,
            title=cmd.title.strip(),
            description=cmd.description.strip(),
            category=cmd.category,
            unit_id=cmd.unit_id,
            asset_no=cmd.asset_no,
            priority=cmd.priority,
            details=dict(cmd.details),
            parent_id=cmd.parent_id,
            team_id=cmd.team_id,
            created_at=now,
            updated_at=now,
        )
    )
    assert ticket.id is not None
    after: dict[str, Any] = {"status": ticket.status.value, "number": number, "type": cmd.type_key}
    if cmd.parent_id is not None:
        after["parent_id"] = cmd.parent_id
    uow.audit.append(AuditEntry(ticket.id, now, cmd.requester_id, "opened", {}, after))
    return ticket


def change_status(
    ticket_id: int,
    to: TicketStatus,
    *,
    actor_id: str,
    expected_version: int | None,
    uow: UnitOfWork,
    clock: Clock,
    pending_reason: PendingReason | None = None,
    note: str | None = None,
) -> Ticket:
    """Apply one legal transition; a stale `expected_version` raises ConcurrentUpdate."""
    ticket = ticket_for_change(ticket_id, expected_version, uow=uow)
    return move(
        ticket, to, actor_id=actor_id, at=clock.now(), uow=uow, pending_reason=pending_reason,
        note=note,
    )


def ticket_for_change(ticket_id: int, expected_version: int | None, *, uow: UnitOfWork) -> Ticket:
    """The ticket as stored; ConcurrentUpdate when the person acted on an older version of it."""
    ticket = uow.tickets.get(ticket_id)
    if expected_version is not None and ticket.version != expected_version:
        raise ConcurrentUpdate(number=ticket.number)
    return ticket


def move(
    ticket: Ticket,
    to: TicketStatus,
    *,
    actor_id: str,
    at: datetime,
    uow: UnitOfWork,
    pending_reason: PendingReason | None = None,
    note: str | None = None,
) -> Ticket:
    """Transition a loaded ticket, store it and its audit entry; returns the stored copy."""
    changed, entry = transition(
        ticket, to, actor_id=actor_id, at=at, pending_reason=pending_reason, note=note
    )
    saved = uow.tickets.save(changed)
    uow.audit.append(entry)
    return saved


def save_with_audit(
    changed: Ticket,
    *,
    actor_id: str,
    at: datetime,
    action: str,
    was: dict[str, Any],
    now: dict[str, Any],
    uow: UnitOfWork,
) -> Ticket:
    """Store a change other than a status change, with the audit entry that records it."""
    assert changed.id is not None, "only a stored ticket changes"
    saved = uow.tickets.save(replace(changed, updated_at=at))
    uow.audit.append(AuditEntry(changed.id, at, actor_id, action, was, now))
    return saved


def tickets_of_requester(
    requester_id: str, *, uow: UnitOfWork, open_only: bool = True
) -> Sequence[Ticket]:
    return uow.tickets.list_by_requester(requester_id, open_only=open_only)

