"""Which status may follow which, and the audit entry every change leaves behind."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from core.errors import DomainError
from core.tickets.model import AuditEntry, PendingReason, Ticket, TicketStatus

S = TicketStatus

# SERVICE_CATALOG.md section 3. Terminal states have no way out; reopening goes
# resolved -> in_progress and is counted.
LEGAL_TRANSITIONS: dict[TicketStatus, frozenset[TicketStatus]] = {
    S.NEW: frozenset({S.AWAITING_APPROVAL, S.ASSIGNED, S.IN_PROGRESS, S.CANCELLED, S.MERGED}),
    S.AWAITING_APPROVAL: frozenset({S.APPROVED, S.REJECTED, S.NEW, S.CANCELLED}),
    S.APPROVED: frozenset({S.ASSIGNED, S.IN_PROGRESS, S.CANCELLED}),
    S.ASSIGNED: frozenset({S.IN_PROGRESS, S.PENDING, S.RESOLVED, S.CANCELLED, S.MERGED}),
    S.IN_PROGRESS: frozenset({S.PENDING, S.RESOLVED, S.MERGED}),
    S.PENDING: frozenset({S.IN_PROGRESS, S.RESOLVED}),
    S.RESOLVED: frozenset({S.CLOSED, S.IN_PROGRESS}),
    S.CLOSED: frozenset(),
    S.REJECTED: frozenset(),
    S.CANCELLED: frozenset(),
    S.MERGED: frozenset(),
}


def can_transition(current: TicketStatus, to: TicketStatus) -> bool:
    return to in LEGAL_TRANSITIONS[current]


def _snapshot(ticket: Ticket) -> dict[str, Any]:
    return {
        "status": ticket.status.value,
        "pending_reason": ticket.pending_reason.value if ticket.pending_reason else None,
        "reopen_count": ticket.reopen_count,
    }


def transition(
    ticket: Ticket,
    to: TicketStatus,
    *,
    actor_id: str,
    at: datetime,
    pending_reason: PendingReason | None = None,
    note: str | None = None,
) -> tuple[Ticket, AuditEntry]:
    """Move a ticket to `to`, or raise `ticket.illegal_transition`; returns the audit entry."""
    if not can_transition(ticket.status, to):
        raise DomainError(
            "ticket.illegal_transition", number=ticket.number, current=ticket.status, target=to
        )
    if (to is S.PENDING) != (pending_reason is not None):
        raise DomainError("ticket.pending_reason_required", number=ticket.number)
    reopened = ticket.status is S.RESOLVED and to is S.IN_PROGRESS
    changed = replace(
        ticket,
        status=to,
        pending_reason=pending_reason,
        reopen_count=ticket.reopen_count + (1 if reopened else 0),
        resolved_at=at if to is S.RESOLVED else (None if reopened else ticket.resolved_at),
        closed_at=at if to is S.CLOSED else ticket.closed_at,
        updated_at=at,
    )
    after = _snapshot(changed) | ({"note": note} if note else {})
    assert ticket.id is not None, "only a stored ticket changes status"
    entry = AuditEntry(ticket.id, at, actor_id, "status", _snapshot(ticket), after)
    return changed, entry
