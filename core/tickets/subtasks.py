"""Sub-tasks: one child ticket per owner team (on-/off-boarding); the parent closes after them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from core.clock import Clock
from core.errors import DomainError
from core.ports import UnitOfWork
from core.tickets.catalogue import SubtaskTemplate
from core.tickets.model import SYSTEM_ACTOR, AuditEntry, Ticket, TicketStatus
from core.tickets.service import OpenTicket, move, open_ticket, ticket_for_change

S = TicketStatus
DONE = frozenset({S.CLOSED, S.CANCELLED})
# A parent may hand out its sub-tasks once it needs no more approval and has not finished.
READY_FOR_SUBTASKS = frozenset({S.NEW, S.APPROVED, S.ASSIGNED, S.IN_PROGRESS})
# The legal way from each working status to `closed`, one audited step at a time.
CLOSING_PATH: dict[TicketStatus, tuple[TicketStatus, ...]] = {
    S.NEW: (S.IN_PROGRESS, S.RESOLVED, S.CLOSED),
    S.APPROVED: (S.IN_PROGRESS, S.RESOLVED, S.CLOSED),
    S.ASSIGNED: (S.IN_PROGRESS, S.RESOLVED, S.CLOSED),
    S.IN_PROGRESS: (S.RESOLVED, S.CLOSED),
    S.PENDING: (S.RESOLVED, S.CLOSED),
    S.RESOLVED: (S.CLOSED,),
}


def open_subtasks(
    parent_id: int,
    templates: Sequence[SubtaskTemplate],
    *,
    actor_id: str,
    uow: UnitOfWork,
    clock: Clock,
) -> list[Ticket]:
    """Open one sub-task per template for its owner team; the parent is then `in_progress`."""
    parent = uow.tickets.get(parent_id)
    if not templates:
        raise DomainError("subtask.none_defined", number=parent.number)
    if parent.status not in READY_FOR_SUBTASKS:
        raise DomainError("subtask.parent_not_ready", number=parent.number, status=parent.status)
    if uow.tickets.children(parent_id):
        raise DomainError("subtask.already_opened", number=parent.number)
    children = [open_ticket(_child(parent, t), uow=uow, clock=clock) for t in templates]
    now = clock.now()
    after = {"subtasks": [c.number for c in children]}
    uow.audit.append(AuditEntry(parent_id, now, actor_id, "subtasks_opened", {}, after))
    if parent.status is not S.IN_PROGRESS:
        move(parent, S.IN_PROGRESS, actor_id=actor_id, at=now, uow=uow)
    return children


def _child(parent: Ticket, template: SubtaskTemplate) -> OpenTicket:
    details: dict[str, object] = {"subtask": template.key}
    if template.due is not None:
        details["due"] = str(template.due)
    if template.starts_on is not None:
        details["starts_on"] = parent.details.get(template.starts_on)
    return OpenTicket(
        type_key=parent.type_key,
        requester_id=parent.requester_id,
        title=template.title,
        unit_id=parent.unit_id,
        priority=parent.priority,
        details=details,
        parent_id=parent.id,
        team_id=template.team,
    )


def complete_subtask(
    subtask_id: int,
    *,
    actor_id: str,
    expected_version: int | None,
    uow: UnitOfWork,
    clock: Clock,
    note: str | None = None,
) -> Ticket:
    """The owner team has done its part: the sub-task closes, and the parent after the last one."""
    subtask = ticket_for_change(subtask_id, expected_version, uow=uow)
    if subtask.parent_id is None:
        raise DomainError("subtask.not_a_subtask", number=subtask.number)
    if subtask.status not in CLOSING_PATH:
        raise DomainError("subtask.finished", number=subtask.number, status=subtask.status)
    closed = walk_to_closed(subtask, actor_id=actor_id, at=clock.now(), uow=uow, note=note)
    settle_parent(closed, uow=uow, clock=clock)
    return closed


def walk_to_closed(
    ticket: Ticket, *, actor_id: str, at: datetime, uow: UnitOfWork, note: str | None = None
) -> Ticket:
    """Take a working ticket to `closed` through legal transitions, each one audited."""
    for status in CLOSING_PATH[ticket.status]:
        ticket = move(ticket, status, actor_id=actor_id, at=at, uow=uow, note=note)
    return ticket


def settle_parent(child: Ticket, *, uow: UnitOfWork, clock: Clock) -> Ticket | None:
    """Close the parent once every sub-task is closed or cancelled; returns it when it closed."""
    if child.parent_id is None or child.status not in DONE:
        return None
    parent = uow.tickets.get(child.parent_id)
    if parent.status not in CLOSING_PATH:
        return None
    if any(c.status not in DONE for c in uow.tickets.children(child.parent_id)):
        return None
    return walk_to_closed(
        parent, actor_id=SYSTEM_ACTOR, at=clock.now(), uow=uow, note="subtasks_done"
    )
