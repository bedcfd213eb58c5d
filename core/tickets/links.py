"""Links between tickets, and merging a report into the ticket it duplicates or the outage it is."""

from __future__ import annotations

from collections.abc import Sequence

from core.clock import Clock
from core.errors import DomainError, ValidationFailed
from core.ports import UnitOfWork
from core.tickets.model import AuditEntry, Ticket, TicketStatus
from core.tickets.records import LinkKind, TicketLink
from core.tickets.service import move, ticket_for_change

# A merged ticket lives on in the one it points to; `related` and `previous_repair` only refer.
MERGING_KINDS = frozenset({LinkKind.DUPLICATE_OF, LinkKind.CHILD_OF_OUTAGE})


def link_tickets(
    from_id: int,
    to_id: int,
    kind: LinkKind | str,
    *,
    actor_id: str,
    uow: UnitOfWork,
    clock: Clock,
) -> TicketLink:
    """Record that one ticket refers to another, with an audit entry on the first."""
    kind = LinkKind(kind)
    source, target = _pair(from_id, to_id, uow)
    if _existing(from_id, to_id, kind, uow) is not None:
        raise DomainError("link.exists", number=source.number, to=target.number, kind=kind)
    return _add_link(source, target, kind, actor_id, uow, clock)


def merge_ticket(
    ticket_id: int,
    into_id: int,
    *,
    actor_id: str,
    expected_version: int | None,
    uow: UnitOfWork,
    clock: Clock,
    kind: LinkKind | str = LinkKind.DUPLICATE_OF,
) -> Ticket:
    """Close a report as `merged` into a live ticket (a duplicate, or a report of an outage)."""
    kind = LinkKind(kind)
    if kind not in MERGING_KINDS:
        raise ValidationFailed("link.not_a_merge", kind=kind)
    ticket = ticket_for_change(ticket_id, expected_version, uow=uow)
    _, target = _pair(ticket_id, into_id, uow)
    if target.status is TicketStatus.MERGED:
        raise DomainError("link.target_merged", number=target.number)
    if not target.is_open:
        raise DomainError("link.target_finished", number=target.number, status=target.status)
    merged = move(
        ticket, TicketStatus.MERGED, actor_id=actor_id, at=clock.now(), uow=uow,
        note=f"{kind.value}:{target.number}",
    )
    if _existing(ticket_id, into_id, kind, uow) is None:
        _add_link(merged, target, kind, actor_id, uow, clock)
    return merged


def merged_into(ticket_id: int, *, uow: UnitOfWork) -> Sequence[Ticket]:
    """The reports merged into this ticket: its duplicates, or the users an outage affects."""
    return [
        uow.tickets.get(link.from_ticket_id)
        for link in uow.links.to_ticket(ticket_id)
        if link.kind in MERGING_KINDS
    ]


def _existing(from_id: int, to_id: int, kind: LinkKind, uow: UnitOfWork) -> TicketLink | None:
    same = (k for k in uow.links.from_ticket(from_id) if (k.to_ticket_id, k.kind) == (to_id, kind))
    return next(same, None)


def _add_link(
    source: Ticket, target: Ticket, kind: LinkKind, actor_id: str, uow: UnitOfWork, clock: Clock
) -> TicketLink:
    assert source.id is not None and target.id is not None, "only stored tickets are linked"
    now = clock.now()
    link = uow.links.add(TicketLink(source.id, target.id, kind, actor_id, now))
    after = {"kind": kind.value, "to": target.number}
    uow.audit.append(AuditEntry(source.id, now, actor_id, "linked", {}, after))
    return link


def _pair(from_id: int, to_id: int, uow: UnitOfWork) -> tuple[Ticket, Ticket]:
    if from_id == to_id:
        raise ValidationFailed("link.self", id=from_id)
    return uow.tickets.get(from_id), uow.tickets.get(to_id)
