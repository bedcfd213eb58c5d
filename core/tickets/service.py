"""Ticket commands: open a ticket, change its status, list a requester's tickets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
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
            created_at=now,
            updated_at=now,
        )
    )
    assert ticket.id is not None
    after = {"status": ticket.status.value, "number": number, "type": cmd.type_key}
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
    ticket = uow.tickets.get(ticket_id)
    if expected_version is not None and ticket.version != expected_version:
        raise ConcurrentUpdate(number=ticket.number)
    changed, entry = transition(
        ticket, to, actor_id=actor_id, at=clock.now(), pending_reason=pending_reason, note=note
    )
    saved = uow.tickets.save(changed)
    uow.audit.append(entry)
    return saved


def tickets_of_requester(
    requester_id: str, *, uow: UnitOfWork, open_only: bool = True
) -> Sequence[Ticket]:
    return uow.tickets.list_by_requester(requester_id, open_only=open_only)


def with_version(ticket: Ticket, version: int) -> Ticket:
    return replace(ticket, version=version)
