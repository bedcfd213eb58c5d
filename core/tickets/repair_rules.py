"""Repair rules of the manuals: the 30-day re-repair guarantee, the vendor path, waiting for parts.

001:L134 — a repair of the same equipment for the same problem within 30 days of the last
one is served on site under guarantee. 003:L202-203 — rented or under-warranty equipment goes
to its vendor; equipment that needs parts waits for procurement (001:L137, about three months).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import timedelta

from core.clock import Clock
from core.errors import DomainError
from core.ports import UnitOfWork
from core.tickets.catalogue import Catalogue, RequestType
from core.tickets.links import link_tickets
from core.tickets.model import SYSTEM_ACTOR, PendingReason, Ticket, TicketStatus
from core.tickets.records import LinkKind
from core.tickets.service import move, save_with_audit, ticket_for_change
from core.tickets.work import put_on_hold

GUARANTEE_FLAG = "guarantee_days"
VENDOR_FLAG = "vendor_when_rented_or_warranty"
# Intake answers of the repair question "ownership" that make the vendor repair it.
VENDOR_OWNERSHIP = frozenset({"rented", "warranty"})
IN_HAND = frozenset({TicketStatus.ASSIGNED, TicketStatus.IN_PROGRESS})


@dataclass(frozen=True)
class RepairFindings:
    """What the rules found about a new repair."""

    previous_repair: Ticket | None
    vendor: bool

    @property
    def guarantee(self) -> bool:
        return self.previous_repair is not None


def guarantee_days(request_type: RequestType) -> int | None:
    days = request_type.flag(GUARANTEE_FLAG)
    return days if isinstance(days, int) and not isinstance(days, bool) else None


def previous_repair(ticket: Ticket, candidates: Iterable[Ticket], days: int) -> Ticket | None:
    """The latest closed repair of the same asset and category closed within `days` before it."""
    if not ticket.asset_no:
        return None
    window = timedelta(days=days)
    same_problem = (ticket.type_key, ticket.asset_no, ticket.category)
    matches = [
        c
        for c in candidates
        if c.id != ticket.id
        and (c.type_key, c.asset_no, c.category) == same_problem
        and c.status is TicketStatus.CLOSED
        and c.closed_at is not None
        and timedelta(0) <= ticket.created_at - c.closed_at <= window
    ]
    return max(matches, key=lambda c: c.closed_at or ticket.created_at, default=None)


def is_vendor_equipment(ticket: Ticket) -> bool:
    return ticket.details.get("ownership") in VENDOR_OWNERSHIP


def apply_repair_rules(
    ticket_id: int, *, catalogue: Catalogue, uow: UnitOfWork, clock: Clock
) -> RepairFindings:
    """Check a new repair: link and flag a guarantee repair (on site), flag vendor equipment.

    Types whose catalogue entry has neither flag are left alone; applying twice changes nothing.
    """
    ticket = uow.tickets.get(ticket_id)
    request_type = catalogue.type(ticket.type_key)
    days = guarantee_days(request_type)
    earlier = None
    if days is not None and ticket.asset_no:
        earlier = previous_repair(ticket, uow.tickets.by_asset(ticket.asset_no), days)
    vendor = bool(request_type.flag(VENDOR_FLAG, False)) and is_vendor_equipment(ticket)
    _flag(ticket, earlier, vendor, uow, clock)
    if earlier is not None and earlier.id is not None:
        already = any(k.to_ticket_id == earlier.id for k in uow.links.from_ticket(ticket_id))
        if not already:
            link_tickets(ticket_id, earlier.id, LinkKind.PREVIOUS_REPAIR, actor_id=SYSTEM_ACTOR,
                         uow=uow, clock=clock)
    return RepairFindings(earlier, vendor)


def _flag(
    ticket: Ticket, earlier: Ticket | None, vendor: bool, uow: UnitOfWork, clock: Clock
) -> None:
    flags: dict[str, object] = {}
    if earlier is not None:
        flags |= {"guarantee": True, "on_site": True, "previous_repair": earlier.number}
    if vendor:
        flags["vendor"] = True
    was = {key: ticket.details.get(key) for key in flags}
    if was == flags:
        return
    flagged = replace(ticket, details=ticket.details | flags)
    save_with_audit(flagged, actor_id=SYSTEM_ACTOR, at=clock.now(), action="repair_rules",
                    was=was, now=flags, uow=uow)


def route_repair(
    ticket_id: int, *, actor_id: str, expected_version: int | None, uow: UnitOfWork, clock: Clock
) -> Ticket:
    """IT has looked at the repair (003 step 3): vendor equipment waits for its vendor,
    anything else is worked on here."""
    ticket = ticket_for_change(ticket_id, expected_version, uow=uow)
    if ticket.status not in IN_HAND:
        raise DomainError("repair.not_in_hand", number=ticket.number, status=ticket.status)
    if ticket.details.get("vendor"):
        return move(ticket, TicketStatus.PENDING, actor_id=actor_id, at=clock.now(), uow=uow,
                    pending_reason=PendingReason.VENDOR, note="vendor")
    if ticket.status is TicketStatus.IN_PROGRESS:
        return ticket
    return move(ticket, TicketStatus.IN_PROGRESS, actor_id=actor_id, at=clock.now(), uow=uow)


def wait_for_parts(
    ticket_id: int,
    *,
    actor_id: str,
    expected_version: int | None,
    uow: UnitOfWork,
    clock: Clock,
    note: str | None = None,
) -> Ticket:
    """Parts must be bought: the repair waits for procurement and its SLA takes the long limit."""
    return put_on_hold(ticket_id, PendingReason.PARTS, actor_id=actor_id,
                       expected_version=expected_version, uow=uow, clock=clock,
                       note=note or "procurement")
