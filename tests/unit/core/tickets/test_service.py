"""Ticket commands against the in-memory unit of work."""

from __future__ import annotations

import pytest

from core.clock import FixedClock
from core.errors import ConcurrentUpdate, ValidationFailed
from core.memory import MemoryUnitOfWork
from core.tickets.model import TicketStatus
from core.tickets.service import OpenTicket, change_status, open_ticket, tickets_of_requester


def repair(requester: str = "P1", title: str = "จอไม่ติด") -> OpenTicket:
    return OpenTicket(type_key="repair", requester_id=requester, title=title)


def test_opening_numbers_the_ticket_and_audits_it(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = open_ticket(repair(), uow=uow, clock=clock)
    assert ticket.number == "IT-2569-000001"
    assert [e.action for e in uow.audit.for_ticket(ticket.id or 0)] == ["opened"]


def test_numbers_follow_each_other_without_gaps(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    numbers = [open_ticket(repair(), uow=uow, clock=clock).number for _ in range(3)]
    assert numbers == ["IT-2569-000001", "IT-2569-000002", "IT-2569-000003"]


def test_a_blank_title_is_refused(clock: FixedClock) -> None:
    with pytest.raises(ValidationFailed) as raised:
        open_ticket(repair(title="  "), uow=MemoryUnitOfWork(), clock=clock)
    assert raised.value.code == "ticket.title_required"


def test_a_stale_version_loses(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = open_ticket(repair(), uow=uow, clock=clock)
    assert ticket.id is not None
    change_status(
        ticket.id, TicketStatus.ASSIGNED, actor_id="T1", expected_version=1, uow=uow, clock=clock
    )
    with pytest.raises(ConcurrentUpdate):
        change_status(
            ticket.id,
            TicketStatus.CANCELLED,
            actor_id="P1",
            expected_version=1,
            uow=uow,
            clock=clock,
        )


def test_a_requester_sees_only_their_open_tickets_newest_first(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    first = open_ticket(repair(), uow=uow, clock=clock)
    open_ticket(repair(requester="P2"), uow=uow, clock=clock)
    third = open_ticket(repair(), uow=uow, clock=clock)
    assert first.id is not None
    change_status(
        first.id, TicketStatus.CANCELLED, actor_id="P1", expected_version=None, uow=uow, clock=clock
    )
    assert [t.number for t in tickets_of_requester("P1", uow=uow)] == [third.number]
    all_mine = tickets_of_requester("P1", uow=uow, open_only=False)
    assert [t.number for t in all_mine] == [third.number, first.number]


def test_rollback_forgets_uncommitted_work(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    open_ticket(repair(), uow=uow, clock=clock)
    uow.rollback()
    assert open_ticket(repair(), uow=uow, clock=clock).number == "IT-2569-000001"
