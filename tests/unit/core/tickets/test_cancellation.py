"""A requester withdraws a request, but not once someone is working on it."""

from __future__ import annotations

import pytest

from core.clock import FixedClock
from core.errors import DomainError, PermissionDenied
from core.memory import MemoryUnitOfWork
from core.tickets.cancellation import cancel_ticket
from core.tickets.model import TicketStatus
from tests.support.desk import REQUESTER, open_repair, walk

S = TicketStatus


def test_the_requester_cancels_a_request_nobody_has_taken_up(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = open_repair(uow, clock)
    assert ticket.id is not None
    cancelled = cancel_ticket(ticket.id, requester_id=REQUESTER, expected_version=1, uow=uow,
                              clock=clock, reason="เครื่องกลับมาใช้ได้แล้ว")
    assert cancelled.status is S.CANCELLED
    assert uow.audit.for_ticket(ticket.id)[-1].after["note"] == "เครื่องกลับมาใช้ได้แล้ว"


def test_an_assigned_request_not_yet_started_can_be_cancelled(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = walk(uow, clock, open_repair(uow, clock), S.ASSIGNED)
    assert ticket.id is not None
    cancelled = cancel_ticket(ticket.id, requester_id=REQUESTER, expected_version=None, uow=uow,
                              clock=clock)
    assert cancelled.status is S.CANCELLED


def test_a_request_being_worked_on_cannot_be_cancelled(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = walk(uow, clock, open_repair(uow, clock), S.ASSIGNED, S.IN_PROGRESS)
    assert ticket.id is not None
    with pytest.raises(DomainError) as refused:
        cancel_ticket(ticket.id, requester_id=REQUESTER, expected_version=None, uow=uow,
                      clock=clock)
    assert refused.value.code == "ticket.work_started"
    assert uow.tickets.get(ticket.id).status is S.IN_PROGRESS


def test_someone_else_cannot_cancel_the_request(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = open_repair(uow, clock)
    assert ticket.id is not None
    with pytest.raises(PermissionDenied):
        cancel_ticket(ticket.id, requester_id="E1019", expected_version=None, uow=uow,
                      clock=clock)
