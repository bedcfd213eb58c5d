"""A small help desk for core tests: open tickets and walk them through the lifecycle."""

from __future__ import annotations

from typing import Any

from core.clock import FixedClock
from core.ports import UnitOfWork
from core.tickets.model import Ticket, TicketStatus
from core.tickets.service import OpenTicket, change_status, open_ticket

REQUESTER = "E1018"
TECHNICIAN = "E1008"


def repair_request(
    requester: str = REQUESTER,
    *,
    asset_no: str | None = "PR-2566-0042",
    category: str = "printer",
    **details: Any,
) -> OpenTicket:
    return OpenTicket(type_key="repair", requester_id=requester, title="เครื่องพิมพ์กระดาษติด",
                      category=category, asset_no=asset_no, details=details)


def open_repair(uow: UnitOfWork, clock: FixedClock, **kwargs: Any) -> Ticket:
    return open_ticket(repair_request(**kwargs), uow=uow, clock=clock)


def walk(uow: UnitOfWork, clock: FixedClock, ticket: Ticket, *path: TicketStatus) -> Ticket:
    """Move a ticket along `path` as the technician, one legal step at a time."""
    assert ticket.id is not None
    for status in path:
        ticket = change_status(ticket.id, status, actor_id=TECHNICIAN, expected_version=None,
                               uow=uow, clock=clock)
    return ticket


def resolved_repair(uow: UnitOfWork, clock: FixedClock, **kwargs: Any) -> Ticket:
    ticket = open_repair(uow, clock, **kwargs)
    return walk(uow, clock, ticket, TicketStatus.ASSIGNED, TicketStatus.IN_PROGRESS,
                TicketStatus.RESOLVED)
